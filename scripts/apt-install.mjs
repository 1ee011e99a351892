// For the postinstall checks: installs Debian packages when we may (root with apt-get), else says
// what to install. Never fails the install.
import { execSync, spawnSync } from 'node:child_process';

/** True when `packages` were installed; otherwise prints `advice` and answers false. */
export function aptInstall(purpose, packages, advice) {
  const canApt = process.getuid?.() === 0 && spawnSync('apt-get', ['--version']).status === 0;
  if (canApt) {
    console.log(`soft-env: installing ${packages.join(' ')} for ${purpose}...`);
    try {
      const install = `apt-get install -y -qq --no-install-recommends ${packages.join(' ')}`;
      execSync(`apt-get update -qq && DEBIAN_FRONTEND=noninteractive ${install}`, { stdio: 'inherit' });
      return true;
    } catch {
      // fall through to the advice
    }
  }
  console.warn(`soft-env: ${advice}`);
  return false;
}
