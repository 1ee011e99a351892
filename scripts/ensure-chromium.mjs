// postinstall: the browser tests drive Debian's headless Chromium through playwright-core.
// Installs Debian's `chromium` when it is missing and we may; otherwise says what to install.
import { existsSync } from 'node:fs';
import { aptInstall } from './apt-install.mjs';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

if (!existsSync(CHROMIUM))
  aptInstall(
    'the browser tests',
    ['chromium', 'fonts-noto-cjk'],
    `the browser tests need Chromium at ${CHROMIUM} (e.g. \`apt-get install chromium fonts-noto-cjk\`, or set CHROMIUM_PATH); npm test needs it.`,
  );
