/**
 * The data folder's lock (infra/local/data-lock.ts) under the races it exists for: starters that
 * all find the same stale lock at the same moment, and only one of them may take it over.
 * (npm start refused and taken over end to end: test/e2e/startup.test.ts.)
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { isAlive, LOCK_FILE, lockDataFolder } from '../../infra/local/data-lock.ts';

const root = path.resolve(import.meta.dirname, '../..');
const folders: string[] = [];
const folder = () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'soft-env-lock-'));
  folders.push(dir);
  return dir;
};
afterEach(() => {
  for (const dir of folders.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** The pid of a process that has exited (and been reaped). */
const deadPid = () =>
  new Promise<number>((resolve) => {
    const child = spawn(process.execPath, ['-e', '']);
    child.on('exit', () => resolve(child.pid!));
  });

/** One starter in its own process: waits for the shared moment, tries the lock, holds it a while if it got it. */
const STARTER = `
import { lockDataFolder } from ${JSON.stringify(path.join(root, 'infra/local/data-lock.ts'))};
const goAt = Number(process.env.GO_AT);
const ready = Date.now() < goAt;
while (Date.now() < goAt) {}
try {
  // Each one pauses after reading the stale lock, so that all of them have read it before any takes it over.
  const lock = await lockDataFolder(process.env.DATA_DIR, () => new Promise((resolve) => setTimeout(resolve, Number(process.env.PAUSE_MS))));
  console.log(JSON.stringify({ pid: process.pid, ready, won: true }));
  await new Promise((resolve) => setTimeout(resolve, Number(process.env.HOLD_MS)));
  lock.release();
} catch (error) {
  console.log(JSON.stringify({ pid: process.pid, ready, won: false, message: error.message }));
}
`;

function runStarter(script: string, env: Record<string, string>): Promise<{ pid: number; ready: boolean; won: boolean; message?: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(path.join(root, 'node_modules/.bin/tsx'), [script], { cwd: root, env: { ...process.env, ...env } });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('exit', () => {
      try {
        resolve(JSON.parse(output.trim().split('\n').at(-1)!));
      } catch {
        reject(new Error(`A starter printed no answer:\n${output}`));
      }
    });
  });
}

describe('the data folder lock', () => {
  it('lets exactly one of six starters racing for a stale lock take it over; the others name the winner', { timeout: 90_000 }, async () => {
    const dataDir = folder();
    writeFileSync(path.join(dataDir, LOCK_FILE), JSON.stringify({ pid: await deadPid() }));
    const script = path.join(folder(), 'starter.mts');
    writeFileSync(script, STARTER);
    // Time for six processes to load on two busy cores; then they all try within the same millisecond or so.
    const env = { DATA_DIR: dataDir, GO_AT: String(Date.now() + 15_000), HOLD_MS: '3000', PAUSE_MS: '300' };
    const starters = await Promise.all(Array.from({ length: 6 }, () => runStarter(script, env)));
    expect(starters.every((starter) => starter.ready)).toBe(true);
    const winners = starters.filter((starter) => starter.won);
    expect(winners).toHaveLength(1);
    for (const loser of starters.filter((starter) => !starter.won)) {
      expect(loser.message).toContain(`Another soft-env runtime (process ${winners[0]!.pid}) is using the data folder ${dataDir}`);
    }
    // Released by the winner, and no takeover lock or draft left behind.
    expect(readdirSync(dataDir)).toEqual([]);
  });

  it('refuses while its holder lives, takes over once it is gone, and a release removes only its own lock', async () => {
    const dataDir = folder();
    const file = path.join(dataDir, LOCK_FILE);
    const lock = await lockDataFolder(dataDir);
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual({ pid: process.pid });
    // A second start in the same process is refused too: its holder is alive.
    await expect(lockDataFolder(dataDir)).rejects.toThrow(
      `Another soft-env runtime (process ${process.pid}) is using the data folder ${dataDir}`,
    );
    lock.noteDynamoDb(process.pid, path.join(dataDir, 'dynamodb'));
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual({
      pid: process.pid,
      dynamodb: { pid: process.pid, dbPath: path.join(dataDir, 'dynamodb') },
    });
    lock.release();
    expect(existsSync(file)).toBe(false);

    const gone = await deadPid();
    expect(isAlive(gone)).toBe(false);
    // A dead runtime whose DynamoDB Local is gone too (or its pid now runs something else).
    writeFileSync(file, JSON.stringify({ pid: gone, dynamodb: { pid: gone, dbPath: path.join(dataDir, 'dynamodb') } }));
    const taken = await lockDataFolder(dataDir);
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual({ pid: process.pid });
    // Another's lock in its place (as if taken over meanwhile) is left alone.
    writeFileSync(file, JSON.stringify({ pid: gone + 1 }));
    taken.release();
    expect(existsSync(file)).toBe(true);
  });

  it('says so when the lock file is not one a runtime wrote, rather than guessing', async () => {
    const dataDir = folder();
    writeFileSync(path.join(dataDir, LOCK_FILE), 'hello');
    await expect(lockDataFolder(dataDir)).rejects.toThrow(`${path.join(dataDir, LOCK_FILE)} is not a lock this runtime wrote`);
  });
});
