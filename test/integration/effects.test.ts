/**
 * The outbox's worker, called as the stream's event source mapping calls it: effects done in
 * order, other records ignored, and at the first failure the rest handed back for a retry.
 */
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { marshall } from '@aws-sdk/util-dynamodb';
import type { DynamoDBStreamEvent } from 'aws-lambda';
import { handler } from '../../functions/effects/handler.ts';
import { eventually, executions } from '../support/eventually.ts';
import { inject } from 'vitest';

const runtime = inject('runtime');
let sequence = 1000;
const record = (item: Record<string, unknown>, eventName: 'INSERT' | 'MODIFY' = 'INSERT') => ({
  eventName,
  dynamodb: { SequenceNumber: String((sequence += 1)), NewImage: marshall(item, { removeUndefinedValues: true }) as any },
});
const alert = (id: string) => ({
  id,
  at: new Date().toISOString(),
  severity: 'warning',
  concern: 'complaints',
  department: 'water',
  kind: 'test',
  title: 't',
  detail: 'd',
  subject: { type: 'complaint', id },
});
const delivered = () => {
  const file = process.env.LOCAL_ALERTS_FILE as string;
  return existsSync(file)
    ? readFileSync(file, 'utf8')
        .trim()
        .split('\n')
        .filter(Boolean)
        .map((line) => JSON.parse(line).id)
    : [];
};

describe('the effects worker', () => {
  it('publishes alerts and starts deadlines, skipping what is not a new outbox item', async () => {
    const id = crypto.randomUUID();
    const matter = { concern: 'complaints', kind: 'resolution', id, version: 1, department: 'water' };
    const far = new Date(Date.now() + 3_600_000).toISOString();
    const event = {
      Records: [
        record({ pk: `OUTBOX#${id}-1`, sk: 'EFFECT', effect: { type: 'publish-alert', alert: alert(`a-${id}`) } }),
        record({ pk: `COMPLAINT#${id}`, sk: 'COMPLAINT', status: 'received' }),
        record({ pk: `OUTBOX#${id}-0`, sk: 'EFFECT', effect: { type: 'publish-alert', alert: alert(`ignored-${id}`) } }, 'MODIFY'),
        record({
          pk: `OUTBOX#${id}-2`,
          sk: 'EFFECT',
          effect: { type: 'start-deadline', matter, timeline: { warnAt: far, deadline: far, escalateAt: far } },
        }),
      ],
    } as unknown as DynamoDBStreamEvent;
    expect(await handler(event)).toEqual({ batchItemFailures: [] });
    expect(delivered()).toContain(`a-${id}`);
    expect(delivered()).not.toContain(`ignored-${id}`);
    await eventually(() =>
      expect(executions(runtime.dataDir)).toContainEqual(
        expect.objectContaining({ name: `complaints-resolution-${id}-v1`, status: 'RUNNING' }),
      ),
    );
  });

  it('stops at the first failure and hands back the rest of the batch from there', async () => {
    const id = crypto.randomUUID();
    const failing = record({ pk: `OUTBOX#${id}-2`, sk: 'EFFECT', effect: { type: 'no-such-effect' } });
    const event = {
      Records: [
        record({ pk: `OUTBOX#${id}-1`, sk: 'EFFECT', effect: { type: 'publish-alert', alert: alert(`first-${id}`) } }),
        failing,
        record({ pk: `OUTBOX#${id}-3`, sk: 'EFFECT', effect: { type: 'publish-alert', alert: alert(`after-${id}`) } }),
      ],
    } as unknown as DynamoDBStreamEvent;
    expect(await handler(event)).toEqual({ batchItemFailures: [{ itemIdentifier: failing.dynamodb.SequenceNumber }] });
    expect(delivered()).toContain(`first-${id}`);
    expect(delivered()).not.toContain(`after-${id}`);
  });
});
