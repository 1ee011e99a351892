/** Starting `npm start`'s own entry point as a child process, on a free port, in a fresh data folder (tests, the benchmark). */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { collectOutput } from './output.ts';
import type { RuntimeEndpoints } from './runtime.ts';

/** What runtime.json says of a started runtime (its endpoints, table and pid), with its data folder. */
export interface RuntimeInfo extends RuntimeEndpoints {
  tableName: string;
  dataDir: string;
}

export interface RuntimeProcess {
  info: RuntimeInfo;
  stop: () => Promise<void>;
}

const root = path.resolve(import.meta.dirname, '../..');

/** Starts the runtime; with `dataDir` it uses (and keeps) that folder, as a restart would. */
export async function startRuntimeProcess(env: Record<string, string> = {}, options: { dataDir?: string } = {}): Promise<RuntimeProcess> {
  const dataDir = options.dataDir ?? mkdtempSync(path.join(tmpdir(), 'soft-env-test-'));
  const runtimeFile = path.join(dataDir, 'runtime.json');
  // One left by a runtime that was killed (or by one still running, which refuses this start) is not this start's.
  const pidIn = (file: string) => (existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as { pid: number }).pid : undefined);
  const earlierPid = pidIn(runtimeFile);
  const child: ChildProcess = spawn(path.join(root, 'node_modules/.bin/tsx'), ['infra/local/main.ts'], {
    cwd: root,
    env: { ...process.env, PORT: '0', DATA_DIR: dataDir, POWERTOOLS_LOG_LEVEL: 'ERROR', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output = collectOutput(child);
  const deadline = Date.now() + 90_000;
  while (!existsSync(runtimeFile) || pidIn(runtimeFile) === earlierPid) {
    if (child.exitCode !== null || Date.now() > deadline) throw new Error(`The local runtime did not start:\n${output()}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  const info = { ...(JSON.parse(readFileSync(runtimeFile, 'utf8')) as Omit<RuntimeInfo, 'dataDir'>), dataDir };
  return {
    info,
    stop: async () => {
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGTERM');
        await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 10_000))]);
      }
      if (!options.dataDir) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
