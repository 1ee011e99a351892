/**
 * The local twin of a DynamoDB stream's event source mapping: polls the table's stream on
 * DynamoDB Local and hands batches of records to the effects Lambda, in order, retrying from the
 * first failure. Where it got to is kept under DATA_DIR, so a restart neither loses nor repeats.
 */
import { DescribeTableCommand } from '@aws-sdk/client-dynamodb';
import {
  DescribeStreamCommand,
  DynamoDBStreamsClient,
  ExpiredIteratorException,
  GetRecordsCommand,
  GetShardIteratorCommand,
  type _Record,
} from '@aws-sdk/client-dynamodb-streams';
import type { DynamoDBBatchResponse, DynamoDBRecord, DynamoDBStreamEvent } from 'aws-lambda';
import { localClient } from './dynamodb.ts';
import { readStateFile, writeStateFile } from './state-file.ts';

const isCheckpoints = (value: unknown): value is Record<string, string> =>
  !!value && typeof value === 'object' && !Array.isArray(value) && Object.values(value).every((sequence) => typeof sequence === 'string');

export type StreamHandler = (event: DynamoDBStreamEvent) => Promise<DynamoDBBatchResponse>;

/** The records as Lambda receives them: the same JSON (the table holds no binary attributes, which the SDK would give as bytes). */
const asLambdaRecords = (records: unknown[]): DynamoDBRecord[] => JSON.parse(JSON.stringify(records)) as DynamoDBRecord[];

export interface StreamPoller {
  stop: () => Promise<void>;
  /** Resolves once everything written so far has been handled (tests). */ drained: () => Promise<void>;
}

export async function pollTableStream(options: {
  endpoint: string;
  tableName: string;
  handler: StreamHandler;
  checkpointFile: string;
  intervalMs?: number;
}): Promise<StreamPoller> {
  const dynamo = localClient(options.endpoint);
  const streams = new DynamoDBStreamsClient({
    endpoint: options.endpoint,
    region: 'local',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });
  const { Table } = await dynamo.send(new DescribeTableCommand({ TableName: options.tableName }));
  const streamArn = Table?.LatestStreamArn;
  if (!streamArn) throw new Error(`Table ${options.tableName} has no stream`);
  // A lost checkpoint means reading the stream from its start again (effects are safe to repeat; an alert may be sent twice).
  const checkpoints = readStateFile<Record<string, string>>(options.checkpointFile, {}, isCheckpoints);
  const iterators = new Map<string, string | undefined>();
  const stopping = new AbortController();
  let busy: Promise<boolean> = Promise.resolve(false);

  async function iteratorFor(shardId: string): Promise<string | undefined> {
    const after = checkpoints[shardId];
    const { ShardIterator } = await streams.send(
      new GetShardIteratorCommand({
        StreamArn: streamArn,
        ShardId: shardId,
        ...(after ? { ShardIteratorType: 'AFTER_SEQUENCE_NUMBER', SequenceNumber: after } : { ShardIteratorType: 'TRIM_HORIZON' }),
      }),
    );
    return ShardIterator;
  }

  async function refreshShards() {
    const { StreamDescription } = await streams.send(new DescribeStreamCommand({ StreamArn: streamArn }));
    for (const shard of StreamDescription?.Shards ?? []) {
      if (shard.ShardId && !iterators.has(shard.ShardId)) iterators.set(shard.ShardId, await iteratorFor(shard.ShardId));
    }
  }

  /** One pass over every shard; true when any record was seen. */
  async function pass(): Promise<boolean> {
    await refreshShards();
    let seen = false;
    for (const [shardId, iterator] of iterators) {
      if (!iterator) continue;
      let page;
      try {
        page = await streams.send(new GetRecordsCommand({ ShardIterator: iterator, Limit: 100 }));
      } catch (error) {
        if (error instanceof ExpiredIteratorException) {
          iterators.set(shardId, await iteratorFor(shardId));
          continue;
        }
        throw error;
      }
      const records = page.Records ?? [];
      if (records.length === 0) {
        iterators.set(shardId, page.NextShardIterator);
        continue;
      }
      seen = true;
      const result = await options.handler({ Records: asLambdaRecords(records) });
      const failed = result.batchItemFailures[0]?.itemIdentifier;
      const done = failed
        ? records.slice(
            0,
            records.findIndex((record: _Record) => record.dynamodb?.SequenceNumber === failed),
          )
        : records;
      const last = done.at(-1)?.dynamodb?.SequenceNumber;
      if (last) {
        checkpoints[shardId] = last;
        writeStateFile(options.checkpointFile, checkpoints);
      }
      // After a failure, read again from the failed record on the next pass.
      iterators.set(shardId, failed ? await iteratorFor(shardId) : page.NextShardIterator);
    }
    return seen;
  }

  const interval = options.intervalMs ?? 50;
  let idleWaiters: (() => void)[] = [];
  const loop = (async () => {
    while (!stopping.signal.aborted) {
      busy = pass().catch((error: unknown) => {
        if (!stopping.signal.aborted) console.error('local stream poller:', (error as Error).message);
        return false;
      });
      const seen = await busy;
      if (!seen) {
        idleWaiters.forEach((resolve) => resolve());
        idleWaiters = [];
      }
      if (!seen) await new Promise((resolve) => setTimeout(resolve, interval));
    }
  })();

  return {
    stop: async () => {
      stopping.abort();
      await loop;
      streams.destroy();
      dynamo.destroy();
    },
    drained: () =>
      new Promise<void>((resolve) => {
        idleWaiters.push(resolve);
      }),
  };
}
