/**
 * Starts the real local runtime (`npm start`'s own entry point, on a free port, with its data in
 * a fresh folder) for the projects that talk to it, and hands its address to their tests.
 *
 * Each of those projects (integration, e2e, browser, reliability) runs this setup, but they
 * share one runtime: the first one starts it, the last one to finish stops it. A run of the
 * unit or infra project alone never gets here, so it starts no Java.
 */
import type { TestProject } from 'vitest/node';
import { ensureWebBuild } from '../../infra/web-build.ts';
import { startRuntimeProcess, type RuntimeInfo, type RuntimeProcess } from '../../infra/local/child.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    runtime: RuntimeInfo;
  }
}

/**
 * Vitest loads this file once per project (each project has its own module instances), all in
 * the one main process: the shared runtime is kept on the process, not in a module variable.
 */
interface Shared {
  starting: Promise<RuntimeProcess>;
  users: number;
}
const store = globalThis as typeof globalThis & { softEnvTestRuntime?: Shared };

async function start(): Promise<RuntimeProcess> {
  // The console the browser tests open, built once before any runtime starts.
  await ensureWebBuild();
  return startRuntimeProcess();
}

export async function setup(project: TestProject) {
  const shared = (store.softEnvTestRuntime ??= { starting: start(), users: 0 });
  shared.users += 1;
  project.provide('runtime', (await shared.starting).info);
}

export async function teardown() {
  const shared = store.softEnvTestRuntime;
  if (!shared) return;
  shared.users -= 1;
  if (shared.users > 0) return;
  store.softEnvTestRuntime = undefined;
  await (await shared.starting).stop();
}
