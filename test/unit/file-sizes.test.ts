/**
 * No source file over 400 lines, outside the tests and generated data: a file that grows past it
 * is split by subject (as shared/data/ and infra/local/demo/ are).
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');
const MAX_LINES = 400;
const SOURCE = /\.(ts|tsx|mts|js|mjs|cjs|css|html)$/;
/** Generated, not written: the State Council's calendar as data, and the API's types from the OpenAPI document. */
const GENERATED = ['shared/time/official-calendar.json', 'web/src/api/schema.d.ts'];
/** Being split by their owners' branches; each leaves this list when its split lands (the last test says when). */
const AWAITING_SPLIT: readonly string[] = [];

/** The repository's files as git knows them (tracked, and new ones not ignored). */
const files = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard'], { cwd: root, encoding: 'utf8' })
  .split('\n')
  .filter((file) => SOURCE.test(file) && !file.startsWith('test/') && !GENERATED.includes(file));
const linesOf = (file: string) => readFileSync(path.join(root, file), 'utf8').split('\n').length - 1;

describe('source files', () => {
  it('are read (the list is the repository)', () => {
    expect(files).toContain('shared/data/db.ts');
    expect(files).toContain('web/src/main.tsx');
  });

  it(`are at most ${MAX_LINES} lines each`, () => {
    const over = files
      .filter((file) => !AWAITING_SPLIT.includes(file))
      .map((file) => ({ file, lines: linesOf(file) }))
      .filter(({ lines }) => lines > MAX_LINES);
    expect(over).toEqual([]);
  });

  it('awaiting a split are still over the limit (else they leave the list)', () => {
    expect(AWAITING_SPLIT.filter((file) => files.includes(file) && linesOf(file) <= MAX_LINES)).toEqual([]);
  });
});
