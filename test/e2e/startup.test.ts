/**
 * `npm start` says what it does while starting, and when it cannot start (the port taken, Java
 * missing, its data folder in use by another runtime) says why in a sentence, exits 1 and leaves
 * no process behind.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startRuntimeProcess, type RuntimeProcess } from '../../infra/local/child.ts';
import { isAlive, LOCK_FILE } from '../../infra/local/data-lock.ts';

const root = path.resolve(import.meta.dirname, '../..');
const folders: string[] = [];
const fresh = (prefix: string) => {
  const dir = mkdtempSync(path.join(tmpdir(), prefix));
  folders.push(dir);
  return dir;
};
afterAll(() => {
  for (const dir of folders) rmSync(dir, { recursive: true, force: true });
});

function runStart(env: Record<string, string>): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(path.join(root, 'node_modules/.bin/tsx'), ['infra/local/main.ts'], {
      cwd: root,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.stderr.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, output });
    });
  });
}

/** Processes still running whose command line names this data folder (DynamoDB Local would). */
const processesUsing = (dataDir: string) =>
  spawnSync('ps', ['-eo', 'args'], { encoding: 'utf8' })
    .stdout.split('\n')
    .filter((line) => line.includes(dataDir));

describe('npm start, when it cannot start', () => {
  it('names the port that is taken, exits 1, starts nothing and leaves nothing running', async () => {
    const blocker: Server = createServer();
    const port = await new Promise<number>((resolve) =>
      blocker.listen(0, '127.0.0.1', () => resolve((blocker.address() as { port: number }).port)),
    );
    try {
      const dataDir = path.join(fresh('soft-env-port-'), 'data');
      const { code, output } = await runStart({ PORT: String(port), DATA_DIR: dataDir });
      expect(code).toBe(1);
      expect(output).toContain(`soft-env could not start: Port ${port} on 127.0.0.1 is already taken`);
      expect(output).toContain('PORT=3001 npm start');
      expect(output).not.toMatch(/\n\s+at /); // a sentence, not a stack trace
      expect(processesUsing(dataDir)).toEqual([]);
    } finally {
      blocker.close();
    }
  });

  it('says Java is missing when it is not on PATH, and leaves nothing running', async () => {
    // A PATH with node and nothing else.
    const bin = fresh('soft-env-nojava-');
    symlinkSync(process.execPath, path.join(bin, 'node'));
    expect(readdirSync(bin)).toEqual(['node']);
    const dataDir = path.join(fresh('soft-env-java-'), 'data');
    const { code, output } = await runStart({ PORT: '0', DATA_DIR: dataDir, PATH: bin });
    expect(code).toBe(1);
    expect(output).toContain('soft-env could not start: Java was not found: DynamoDB Local needs Java 17 or newer on PATH');
    expect(output).not.toMatch(/\n\s+at /);
    expect(processesUsing(dataDir)).toEqual([]);
  });
});

describe('one runtime per data folder', () => {
  const lockIn = (dataDir: string) =>
    JSON.parse(readFileSync(path.join(dataDir, LOCK_FILE), 'utf8')) as { pid: number; dynamodb?: { pid: number } };
  const healthy = async (runtime: RuntimeProcess) => (await fetch(`${runtime.info.url}/health`)).status;
  /** The pid of a process that has exited (and been reaped). */
  const deadPid = () =>
    new Promise<number>((resolve) => {
      const child = spawn(process.execPath, ['-e', '']);
      child.on('exit', () => resolve(child.pid!));
    });

  it(
    'refuses a second start on a folder in use, naming the running one, while another folder works; the folder is free once it stops',
    { timeout: 240_000 },
    async () => {
      const dataDir = fresh('soft-env-lock-');
      const first = await startRuntimeProcess({}, { dataDir });
      try {
        const { pid } = lockIn(dataDir);
        expect(isAlive(pid)).toBe(true);
        const second = await runStart({ PORT: '0', DATA_DIR: dataDir });
        expect(second.code).toBe(1);
        expect(second.output).toContain(
          `soft-env could not start: Another soft-env runtime (process ${pid}) is using the data folder ${dataDir}: stop it first, or start this one on another folder with DATA_DIR=.data-2 npm start.`,
        );
        expect(second.output).not.toMatch(/\n\s+at /);
        // Nothing of the second one runs: one DynamoDB Local on the folder, the first one's, which still answers.
        expect(processesUsing(dataDir).filter((line) => line.includes('DynamoDBLocal'))).toHaveLength(1);
        expect(await healthy(first)).toBe(200);
        expect(lockIn(dataDir).pid).toBe(pid);

        const other = await startRuntimeProcess();
        try {
          expect(await healthy(other)).toBe(200);
        } finally {
          await other.stop();
        }
      } finally {
        await first.stop();
      }
      expect(existsSync(path.join(dataDir, LOCK_FILE))).toBe(false);
      const again = await startRuntimeProcess({}, { dataDir });
      try {
        expect(await healthy(again)).toBe(200);
      } finally {
        await again.stop();
      }
    },
  );

  it('takes over the lock of a runtime whose process is gone', { timeout: 120_000 }, async () => {
    const dataDir = fresh('soft-env-stale-');
    const gone = await deadPid();
    expect(isAlive(gone)).toBe(false);
    writeFileSync(path.join(dataDir, LOCK_FILE), JSON.stringify({ pid: gone }));
    const runtime = await startRuntimeProcess({}, { dataDir });
    try {
      expect(await healthy(runtime)).toBe(200);
      const { pid } = lockIn(dataDir);
      expect(pid).not.toBe(gone);
      expect(isAlive(pid)).toBe(true);
    } finally {
      await runtime.stop();
    }
  });

  it(
    'after kill -9 of the runtime alone, names the DynamoDB Local it left running, and starts once that is gone',
    { timeout: 240_000 },
    async () => {
      const dataDir = fresh('soft-env-killed-');
      const killed = await startRuntimeProcess({}, { dataDir });
      const { pid, dynamodb } = lockIn(dataDir);
      expect(dynamodb && isAlive(dynamodb.pid)).toBe(true);
      try {
        process.kill(pid, 'SIGKILL');
        await expect.poll(() => isAlive(pid)).toBe(false);
        const refused = await runStart({ PORT: '0', DATA_DIR: dataDir });
        expect(refused.code).toBe(1);
        expect(refused.output).toContain(
          `soft-env could not start: DynamoDB Local (process ${dynamodb!.pid}), left running by a soft-env runtime that ended without stopping it (process ${pid}), still uses ${path.join(dataDir, 'dynamodb')}: stop it (kill ${dynamodb!.pid}), then start again.`,
        );
      } finally {
        // The DynamoDB Local this test's runtime started, by its pid.
        if (isAlive(dynamodb!.pid)) process.kill(dynamodb!.pid, 'SIGKILL');
        await killed.stop();
      }
      await expect.poll(() => isAlive(dynamodb!.pid)).toBe(false);
      const restarted = await startRuntimeProcess({}, { dataDir });
      try {
        expect(await healthy(restarted)).toBe(200);
        expect(lockIn(dataDir).pid).not.toBe(pid);
      } finally {
        await restarted.stop();
      }
    },
  );
});
