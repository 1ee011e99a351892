/**
 * Starts the real local runtime once for the run (`npm start`'s own entry point, on a free
 * port, with its data in a fresh folder) and hands its address to the tests.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';

export interface RuntimeInfo { url: string; dynamodbEndpoint: string; stepFunctionsEndpoint: string; stateMachineArn: string; tableName: string; dataDir: string }

declare module 'vitest' {
  export interface ProvidedContext { runtime: RuntimeInfo }
}

let child: ChildProcess | undefined;
let dataDir: string | undefined;

export async function setup(project: TestProject) {
  dataDir = mkdtempSync(path.join(tmpdir(), 'soft-env-test-'));
  const root = path.resolve(import.meta.dirname, '../..');
  let output = '';
  child = spawn(path.join(root, 'node_modules/.bin/tsx'), ['infra/local/main.ts'], {
    cwd: root,
    env: { ...process.env, PORT: '0', DATA_DIR: dataDir, POWERTOOLS_LOG_LEVEL: 'ERROR' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (chunk: Buffer) => { output += chunk.toString(); });
  child.stderr?.on('data', (chunk: Buffer) => { output += chunk.toString(); });
  const runtimeFile = path.join(dataDir, 'runtime.json');
  const deadline = Date.now() + 90_000;
  while (!existsSync(runtimeFile)) {
    if (child.exitCode !== null || Date.now() > deadline) throw new Error(`The local runtime did not start:\n${output}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  const info = JSON.parse(readFileSync(runtimeFile, 'utf8')) as Omit<RuntimeInfo, 'dataDir'>;
  project.provide('runtime', { ...info, dataDir });
}

export async function teardown() {
  if (child && child.exitCode === null) {
    const exited = new Promise((resolve) => child?.once('exit', resolve));
    child.kill('SIGTERM');
    await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 10_000))]);
  }
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
}
