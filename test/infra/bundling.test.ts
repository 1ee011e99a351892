/**
 * What the Lambda bundles may leave out (infra/constructs/service-function.ts): the SDK's
 * event-stream code is loaded only by operations that stream events, so it stays out only while
 * no SDK client the functions use has one.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { LAMBDA_ONLY_EXTERNALS } from '../../infra/constructs/service-function.ts';

const root = path.resolve(import.meta.dirname, '../..');

const filesUnder = (dir: string, extension: string): string[] =>
  readdirSync(dir).flatMap((name) => {
    const file = path.join(dir, name);
    return statSync(file).isDirectory() ? filesUnder(file, extension) : file.endsWith(extension) ? [file] : [];
  });

/** Whether an SDK client's code declares an event stream (its schemas' `streaming` members, or its event-stream serde). */
const streamsEvents = (client: string) =>
  filesUnder(path.join(root, 'node_modules', client, 'dist-es'), '.js').some((file) =>
    /eventStream|event-streams|streaming/.test(readFileSync(file, 'utf8')),
  );

describe('the Lambda bundles', () => {
  it("leave the SDK's event-stream code out, and no client the functions use streams events", () => {
    expect(LAMBDA_ONLY_EXTERNALS).toContain('@smithy/core/event-streams');
    const clients = new Set<string>();
    for (const file of [...filesUnder(path.join(root, 'functions'), '.ts'), ...filesUnder(path.join(root, 'shared'), '.ts')]) {
      for (const match of readFileSync(file, 'utf8').matchAll(/from '(@aws-sdk\/client-[a-z0-9-]+)'/g)) clients.add(match[1]!);
    }
    expect([...clients]).toEqual(expect.arrayContaining(['@aws-sdk/client-dynamodb', '@aws-sdk/client-sns', '@aws-sdk/client-sfn']));
    expect([...clients].filter(streamsEvents)).toEqual([]);
    // The check sees a client that does stream (Lambda's InvokeWithResponseStream; installed for the local Step Functions).
    expect(streamsEvents('@aws-sdk/client-lambda')).toBe(true);
  });
});
