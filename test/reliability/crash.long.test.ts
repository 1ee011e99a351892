/**
 * kill -9 of the whole local runtime (its process group: the API, the workers and DynamoDB Local)
 * in the middle of writes, the moment a transaction was acknowledged, again and again: every write it acknowledged is there after the
 * restart, and it always starts again, even on state files a crash of old left empty.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { addDays, localDate } from '#shared/time/clock';
import { loadOrCreateKeys, signToken } from '../../infra/local/signing.ts';
import { newDeptId } from '../support/data.ts';
import { send } from './support.ts';

const CYCLES = Number(process.env.CRASH_CYCLES ?? 8);
const CONCURRENCY = 20;
const root = path.resolve(import.meta.dirname, '../..');
const dataDir = mkdtempSync(path.join(tmpdir(), 'soft-env-crash-'));
let child: ChildProcess | undefined;

async function start(): Promise<string> {
  rmSync(path.join(dataDir, 'runtime.json'), { force: true });
  let output = '';
  child = spawn(path.join(root, 'node_modules/.bin/tsx'), ['infra/local/main.ts'], {
    cwd: root,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, PORT: '0', DATA_DIR: dataDir, POWERTOOLS_LOG_LEVEL: 'ERROR' },
  });
  child.stdout?.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  const deadline = Date.now() + 120_000;
  while (!existsSync(path.join(dataDir, 'runtime.json'))) {
    if (child.exitCode !== null || Date.now() > deadline) throw new Error(`The runtime did not start again:\n${output}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return (JSON.parse(readFileSync(path.join(dataDir, 'runtime.json'), 'utf8')) as { url: string }).url;
}

function killGroup(): Promise<void> {
  const running = child!;
  const exited = new Promise<void>((resolve) => running.once('exit', () => resolve()));
  process.kill(-running.pid!, 'SIGKILL');
  return exited.then(() => new Promise((resolve) => setTimeout(resolve, 300))); // DynamoDB Local's JVM goes with the group
}

afterAll(async () => {
  if (child && child.exitCode === null) await killGroup();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('kill -9 of the local runtime during writes', () => {
  it(`keeps every acknowledged write over ${CYCLES} kills, and always starts again`, async () => {
    let url = await start();
    const keys = await loadOrCreateKeys(dataDir);
    const dept = newDeptId('crash');
    const office = await signToken(keys, { sub: 'office', roles: ['soft-env-office'] }, '2h');
    const clerk = await signToken(keys, { sub: 'clerk', roles: ['department'], dept }, '2h');
    expect((await send('PUT', `/departments/${dept}`, { token: office, json: { name: 'Crash bureau' } }, url)).status).toBeLessThan(300);
    const acknowledged: { kind: 'pledge' | 'department'; id: string }[] = [];
    const figures = { writes: 0, acknowledged: 0, lost: 0, lostAfterKill: [] as number[], acknowledgedPerKill: [] as number[] };

    for (let cycle = 0; cycle < CYCLES; cycle += 1) {
      const before = acknowledged.length;
      const perKill = () => acknowledged.length - before;
      let writing = true;
      // Armed after a while, the next acknowledged transaction (a pledge) triggers the kill at once.
      let armed = false;
      let trigger!: () => void;
      const acknowledgedWhileArmed = new Promise<void>((resolve) => {
        trigger = resolve;
      });
      // Mixed load: pledges (a transaction with their outbox) and departments (a single put).
      const writer = async (n: number) => {
        for (let i = 0; writing; i += 1) {
          figures.writes += 1;
          try {
            if ((n + i) % 2 === 0) {
              const answer = await send(
                'POST',
                '/pledges',
                {
                  token: clerk,
                  json: { title: `Pledge ${cycle}-${n}-${i}`, description: 'Under load.', dueDate: addDays(localDate(new Date()), 30) },
                },
                url,
              );
              if (answer.status === 201) {
                acknowledged.push({ kind: 'pledge', id: answer.body.id });
                if (armed) trigger();
              }
            } else {
              const id = newDeptId(`c${cycle}`);
              const answer = await send('PUT', `/departments/${id}`, { token: office, json: { name: `Bureau ${cycle}-${n}-${i}` } }, url);
              if (answer.status === 200 || answer.status === 201) acknowledged.push({ kind: 'department', id });
            }
          } catch {
            return; // the connection died with the runtime: not acknowledged
          }
        }
      };
      const writers = Array.from({ length: CONCURRENCY }, (_, n) => writer(n));
      await new Promise((resolve) => setTimeout(resolve, 1500 + Math.random() * 2000));
      armed = true;
      await Promise.race([acknowledgedWhileArmed, new Promise((resolve) => setTimeout(resolve, 5000))]);
      await killGroup();
      writing = false;
      await Promise.all(writers);
      figures.acknowledgedPerKill.push(perKill());
      if (cycle === 1) {
        // What a crash between truncating and writing left under the old code: the runtime starts anyway.
        writeFileSync(path.join(dataDir, 'executions.json'), '');
        writeFileSync(path.join(dataDir, 'stream-checkpoint.json'), '');
      }
      url = await start();
      let lostNow = 0;
      for (const write of acknowledged.slice(before).filter((written) => written.kind === 'pledge')) {
        if ((await send('GET', `/pledges/${write.id}`, {}, url)).status !== 200) lostNow += 1;
      }
      const departments = new Set<string>();
      let cursor: string | undefined;
      do {
        const page = await send('GET', `/departments?limit=200${cursor ? `&cursor=${cursor}` : ''}`, {}, url);
        for (const item of page.body.items) departments.add(item.deptId);
        cursor = page.body.nextCursor;
      } while (cursor);
      lostNow += acknowledged.slice(before).filter((write) => write.kind === 'department' && !departments.has(write.id)).length;
      figures.lost += lostNow;
      figures.lostAfterKill.push(lostNow);
    }
    figures.acknowledged = acknowledged.length;
    console.log(
      `kill -9: ${CYCLES} kills, ${figures.writes} writes sent, ${figures.acknowledged} acknowledged (per kill: ${figures.acknowledgedPerKill.join(', ')}), ${figures.lost} lost (per kill: ${figures.lostAfterKill.join(', ')})`,
    );
    // Each kill came in the middle of acknowledged writes.
    expect(figures.acknowledgedPerKill.every((count) => count > 0)).toBe(true);
    expect(figures.lost).toBe(0);
  }, 1_200_000);
});
