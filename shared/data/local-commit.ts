/** The local runtime's commit barrier (config LOCAL_COMMIT_BARRIER); never used in AWS. */
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { db, type TransactItem } from './client.ts';
import { TABLE } from './table.ts';

/**
 * DynamoDB Local answers a TransactWriteItems a moment before the transaction is on disk: killed
 * (kill -9) within milliseconds of the answer, it lost the acknowledged transaction in 3 of 10
 * runs, while PutItem lost nothing. A strongly consistent read of an item the transaction wrote
 * waits for it, so the local runtime reads one back before a handler answers. Not in AWS.
 */
export async function awaitLocalCommit(items: TransactItem[]): Promise<void> {
  const first = items.find((item) => item.Put || item.Update || item.Delete);
  if (!first) return;
  const key = first.Put
    ? { [TABLE.partitionKey]: first.Put.Item?.[TABLE.partitionKey] as unknown, [TABLE.sortKey]: first.Put.Item?.[TABLE.sortKey] as unknown }
    : (first.Update ?? first.Delete)?.Key;
  const table = first.Put?.TableName ?? first.Update?.TableName ?? first.Delete?.TableName;
  if (key && table) await db.send(new GetCommand({ TableName: table, Key: key, ConsistentRead: true }));
}
