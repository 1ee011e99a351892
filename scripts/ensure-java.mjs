// postinstall: DynamoDB Local (the local runtime's database) runs on Java 17 or newer.
// Installs Debian's headless JRE when it is missing and we may (root with apt-get);
// otherwise says what to install. Never fails the install.
import { execSync, spawnSync } from 'node:child_process';

const javaVersion = () => {
  const result = spawnSync('java', ['-version'], { encoding: 'utf8' });
  if (result.error || result.status !== 0) return undefined;
  const match = /version "(\d+)/.exec(result.stderr ?? '');
  return match ? Number(match[1]) : undefined;
};

const version = javaVersion();
if (version && version >= 17) process.exit(0);
const canApt = process.getuid?.() === 0 && spawnSync('apt-get', ['--version']).status === 0;
if (canApt) {
  console.log('soft-env: installing Java 17 (openjdk-17-jre-headless) for DynamoDB Local...');
  try {
    execSync('apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq openjdk-17-jre-headless', { stdio: 'inherit' });
    process.exit(0);
  } catch {
    // fall through to the advice below
  }
}
console.warn(
  'soft-env: DynamoDB Local needs Java 17 or newer (e.g. `apt-get install openjdk-17-jre-headless`); npm start and npm test need it.',
);
