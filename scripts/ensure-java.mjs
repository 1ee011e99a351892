// postinstall: DynamoDB Local (the local runtime's database) runs on Java 17 or newer.
// Installs Debian's headless JRE when it is missing and we may (root with apt-get);
// otherwise says what to install.
import { spawnSync } from 'node:child_process';
import { aptInstall } from './apt-install.mjs';

const javaVersion = () => {
  const result = spawnSync('java', ['-version'], { encoding: 'utf8' });
  if (result.error || result.status !== 0) return undefined;
  const match = /version "(\d+)/.exec(result.stderr ?? '');
  return match ? Number(match[1]) : undefined;
};

const version = javaVersion();
if (!(version && version >= 17))
  aptInstall(
    'DynamoDB Local',
    ['openjdk-17-jre-headless'],
    'DynamoDB Local needs Java 17 or newer (e.g. `apt-get install openjdk-17-jre-headless`); npm start and npm test need it.',
  );
