// postinstall: the browser tests drive Debian's headless Chromium through playwright-core.
// Installs Debian's `chromium` when it is missing and we may (root with apt-get); otherwise
// says what to install. Never fails the install.
import { execSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

if (existsSync(CHROMIUM)) process.exit(0);
const canApt = process.getuid?.() === 0 && spawnSync('apt-get', ['--version']).status === 0;
if (canApt) {
  console.log('soft-env: installing Chromium (Debian package chromium) for the browser tests...');
  try {
    execSync(
      'apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium fonts-noto-cjk',
      { stdio: 'inherit' },
    );
    process.exit(0);
  } catch {
    // fall through to the advice below
  }
}
console.warn(
  `soft-env: the browser tests need Chromium at ${CHROMIUM} (e.g. \`apt-get install chromium fonts-noto-cjk\`, or set CHROMIUM_PATH); npm test needs it.`,
);
