/**
 * The local runtime's state files survive a crash at any moment: a write replaces the file
 * whole or not at all, and an empty or damaged file (a crash under the old code, a disk
 * hiccup) is set aside and the runtime starts again.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { readStateFile, writeStateFile } from '../../infra/local/state-file.ts';
import { LocalWorkflows } from '../../infra/local/step-functions.ts';

const folders: string[] = [];
const folder = () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'soft-env-state-'));
  folders.push(dir);
  return dir;
};
afterEach(() => {
  for (const dir of folders.splice(0)) rmSync(dir, { recursive: true, force: true });
});
const isRecord = (value: unknown): value is Record<string, string> => !!value && typeof value === 'object' && !Array.isArray(value);

describe('state files', () => {
  it('are replaced whole: no temporary file is left and the content reads back', () => {
    const file = path.join(folder(), 'stream-checkpoint.json');
    writeStateFile(file, { shard: '100' });
    writeStateFile(file, { shard: '200' });
    expect(readStateFile(file, {}, isRecord)).toEqual({ shard: '200' });
    expect(readdirSync(path.dirname(file))).toEqual(['stream-checkpoint.json']);
  });

  it.each([
    ['empty', ''],
    ['truncated', '{"shard":"1'],
    ['of the wrong shape', '[1,2]'],
  ])('read tolerantly when %s: the fallback, the damaged file kept aside, a log line', (_what, content) => {
    const file = path.join(folder(), 'stream-checkpoint.json');
    writeFileSync(file, content);
    const logged: string[] = [];
    expect(readStateFile(file, { fresh: 'yes' }, isRecord, (line) => logged.push(line))).toEqual({ fresh: 'yes' });
    expect(existsSync(file)).toBe(false);
    expect(readFileSync(`${file}.corrupt`, 'utf8')).toBe(content);
    expect(logged[0]).toMatch(/stream-checkpoint\.json was damaged/);
  });

  it('let the local Step Functions start on an empty executions.json', () => {
    const file = path.join(folder(), 'executions.json');
    writeFileSync(file, '');
    const workflows = new LocalWorkflows({
      definition: { StartAt: 'Done', States: { Done: { Type: 'Succeed' } } },
      stateMachineArn: 'arn:aws:states:local:000000000000:stateMachine:test',
      taskHandlers: {},
      stateFile: file,
    });
    expect(workflows.resume()).toBe(0);
    workflows.start('matter-1', '{}');
    expect(JSON.parse(readFileSync(file, 'utf8'))).toMatchObject([{ name: 'matter-1' }]);
    workflows.shutdown();
  });
});
