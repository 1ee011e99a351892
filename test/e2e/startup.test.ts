/**
 * `npm start` says what it does while starting, and when it cannot start (the port taken, Java
 * missing) says why in a sentence, exits 1 and leaves no process behind.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, symlinkSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

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
