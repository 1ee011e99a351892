/**
 * Starts the real local runtime once for the run (`npm start`'s own entry point, on a free
 * port, with its data in a fresh folder) and hands its address to the tests.
 */
import type { TestProject } from 'vitest/node';
import { ensureWebBuild } from '../../infra/web-build.ts';
import { startRuntimeProcess, type RuntimeInfo, type RuntimeProcess } from '../../infra/local/child.ts';

declare module 'vitest' {
  export interface ProvidedContext { runtime: RuntimeInfo }
}

let runtime: RuntimeProcess | undefined;

export async function setup(project: TestProject) {
  // The console the browser tests open, built once before any runtime starts.
  await ensureWebBuild();
  runtime = await startRuntimeProcess();
  project.provide('runtime', runtime.info);
}

export async function teardown() {
  await runtime?.stop();
}
