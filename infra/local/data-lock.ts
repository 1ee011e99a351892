/**
 * One runtime per data folder. Two runtimes on one DATA_DIR would run two DynamoDB Local
 * processes on one database file, and acknowledged writes could vanish; so a runtime holds
 * `runtime.lock` in its data folder for its whole life, and a second one is refused in a
 * sentence that names the first one's process.
 *
 * The lock file holds the runtime's pid (and, once it runs, its DynamoDB Local's). It appears
 * whole or not at all: it is written under another name and hard-linked into place, which fails
 * when a lock is there (an atomic create). A lock whose process is gone (the runtime was killed)
 * is stale and is taken over, but only while no DynamoDB Local it started still runs on the
 * folder. Starters racing for a stale lock are kept apart by a second lock named after the dead
 * pid: only its holder may remove the stale lock, after checking that it still names that pid.
 *
 * Why not a library: proper-lockfile (the well-kept one) judges a lock stale by its age, so it
 * keeps a timer touching the lock, and a start after kill -9 would wait out the staleness
 * period; a pid says at once whether the holder lives, which is all one machine needs.
 */
import { spawnSync } from 'node:child_process';
import { closeSync, fsyncSync, linkSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import path from 'node:path';
import { StartupError } from './preflight.ts';
import { writeStateFile } from './state-file.ts';

export const LOCK_FILE = 'runtime.lock';

/** What a lock file says: who holds it, and the DynamoDB Local it started on the folder. */
export interface LockHolder {
  pid: number;
  dynamodb?: { pid: number; dbPath: string };
}

export interface DataLock {
  /** Records the DynamoDB Local this runtime started, so that a crash that leaves it running is told. */
  noteDynamoDb: (pid: number, dbPath: string) => void;
  /** Gives the folder up (only a lock still this process's own is removed). */
  release: () => void;
}

/**
 * Holds the data folder's lock, or throws a StartupError naming the process that holds it.
 * `onStale` runs when a stale lock has been read, before it is taken over (tests widen the race with it).
 */
export async function lockDataFolder(dataDir: string, onStale: () => Promise<void> = () => Promise.resolve()): Promise<DataLock> {
  const file = path.join(dataDir, LOCK_FILE);
  const me: LockHolder = { pid: process.pid };
  const holder = await acquire(file, me, onStale);
  if (holder) {
    throw new StartupError(
      `Another soft-env runtime (process ${holder.pid}) is using the data folder ${dataDir}: stop it first, or start this one on another folder with DATA_DIR=.data-2 npm start.`,
    );
  }
  return {
    noteDynamoDb: (pid, dbPath) => {
      me.dynamodb = { pid, dbPath };
      writeStateFile(file, me);
    },
    release: () => {
      if (readHolder(file)?.pid === process.pid) rmSync(file, { force: true });
    },
  };
}

/** Takes `file` for `me`; undefined when taken, else the live process that holds it. */
async function acquire(file: string, me: LockHolder, onStale: () => Promise<void>): Promise<LockHolder | undefined> {
  for (let attempt = 0; attempt < 200; attempt += 1) {
    if (createWhole(file, me)) return undefined;
    const holder = readHolder(file);
    // Gone since (a takeover removed it): try again.
    if (!holder) continue;
    if (isAlive(holder.pid)) return holder;
    const leftBehind = holder.dynamodb && isAlive(holder.dynamodb.pid) && runsOn(holder.dynamodb.pid, holder.dynamodb.dbPath);
    if (holder.dynamodb && leftBehind) {
      throw new StartupError(
        `DynamoDB Local (process ${holder.dynamodb.pid}), left running by a soft-env runtime that ended without stopping it (process ${holder.pid}), still uses ${holder.dynamodb.dbPath}: stop it (kill ${holder.dynamodb.pid}), then start again.`,
      );
    }
    await onStale();
    // Stale: only the holder of the takeover lock for this dead pid removes it.
    const takeover = `${file}.takeover-${holder.pid}`;
    if (await acquire(takeover, me, onStale)) {
      // Another starter is taking it over: see, in a moment, who holds the lock then.
      await new Promise((resolve) => setTimeout(resolve, 20));
      continue;
    }
    try {
      if (readHolder(file)?.pid === holder.pid) rmSync(file, { force: true });
    } finally {
      rmSync(takeover, { force: true });
    }
  }
  throw new StartupError(`Could not take the lock ${file}: other starters kept taking it; start again.`);
}

/** Creates `file` holding `holder`, whole, unless it exists (then false). */
function createWhole(file: string, holder: LockHolder): boolean {
  const draft = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}.draft`;
  const fd = openSync(draft, 'wx');
  try {
    writeSync(fd, JSON.stringify(holder));
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  try {
    linkSync(draft, file);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  } finally {
    rmSync(draft, { force: true });
  }
}

function readHolder(file: string): LockHolder | undefined {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  try {
    const holder = JSON.parse(text) as LockHolder;
    if (Number.isInteger(holder.pid) && holder.pid > 0) return holder;
  } catch {
    // below
  }
  throw new StartupError(
    `${file} is not a lock this runtime wrote (${JSON.stringify(text.slice(0, 80))}): remove it if no soft-env runs there.`,
  );
}

/** Whether a process with this pid runs (one of another user's counts; a zombie, dead but not yet reaped, does not). */
export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
  return !isZombie(pid);
}

/** On Linux, /proc tells a zombie (state Z) from a live process; elsewhere it cannot be told here. */
function isZombie(pid: number): boolean {
  try {
    // The state follows the command name, which is in parentheses and may itself hold any character.
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2).startsWith('Z');
  } catch {
    return false;
  }
}

/** Whether the process's command line names the database folder (a pid reused by another program does not); true when it cannot be told. */
function runsOn(pid: number, dbPath: string): boolean {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').includes(dbPath);
  } catch {
    const ps = spawnSync('ps', ['-p', String(pid), '-o', 'args='], { encoding: 'utf8' });
    return ps.error !== undefined || ps.stdout.includes(dbPath);
  }
}
