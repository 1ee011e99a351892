/**
 * Writes: the items of a transaction with what their condition failing means, and the
 * transaction written all or nothing.
 */
import { ConditionalCheckFailedException, TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { PutCommand, TransactWriteCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { config } from '../config.ts';
import { db, tableName, type Key, type StoredItem, type TransactItem } from './client.ts';
import { awaitLocalCommit } from './local-commit.ts';
import { TABLE } from './table.ts';
import { backoff } from './retry.ts';

/**
 * One item of a transaction, with what its condition failing means: `ifFailed` makes the error
 * writeAll throws then (a conflict the client is told, or a `Refused` outcome the store answers
 * with). An item without it is not expected to fail: its failure is a ConditionFailedError (500).
 */
export type Write = TransactItem & { ifFailed?: () => Error };

/** A Put in a transaction. */
export type PutWrite = Write & { Put: NonNullable<TransactItem['Put']> };

/** A put for a transaction: `ifNew` keeps it to a key where nothing is stored yet; `ifFailed` says what that failing means. */
export const put = (
  Item: Record<string, unknown>,
  { ifNew = false, ifFailed }: { ifNew?: boolean; ifFailed?: () => Error } = {},
): PutWrite => ({
  Put: { TableName: tableName, Item, ...(ifNew ? { ConditionExpression: `attribute_not_exists(${TABLE.partitionKey})` } : {}) },
  ...(ifFailed ? { ifFailed } : {}),
});

/** A conditional item failed that carried no meaning of its own. */
export class ConditionFailedError extends Error {
  constructor(item: TransactItem) {
    const write = item.Put ?? item.Update ?? item.Delete ?? item.ConditionCheck;
    const key = item.Put
      ? { [TABLE.partitionKey]: item.Put.Item?.[TABLE.partitionKey] as unknown, [TABLE.sortKey]: item.Put.Item?.[TABLE.sortKey] as unknown }
      : write && 'Key' in write
        ? write.Key
        : undefined;
    super(`The condition of the write to ${JSON.stringify(key)} failed unexpectedly`);
  }
}

/**
 * The Put of a record that must be new: its key with the index entries it joins, its type and its
 * fields. `ifTaken` is what its key being taken already means; without it that is unexpected (its
 * id is fresh), a ConditionFailedError.
 */
export function newRecord(type: string, key: Key, record: object, ifTaken?: () => Error): PutWrite {
  return put({ ...key, type, ...record }, { ifNew: true, ifFailed: ifTaken });
}

/** A write's condition failing as an expected outcome (the place was taken, the matter moved on), not an error. */
export class Refused<O extends string = string> extends Error {
  constructor(readonly outcome: O) {
    super(`refused: ${outcome}`);
  }
}

/** `ifFailed` for an item whose failure is an outcome: the store answers with it (see tryWriteAll). */
export const refused =
  <O extends string>(outcome: O) =>
  (): Refused<O> =>
    new Refused(outcome);

/**
 * What a cancelled transaction means: the error of the first item whose condition failed, or
 * 'retry' when it only collided with another transaction on a shared item (a counter), or
 * undefined when it is neither (the cancellation itself is thrown).
 */
export function cancellationOutcome(items: readonly Write[], error: TransactionCanceledException): Error | 'retry' | undefined {
  const reasons = error.CancellationReasons ?? [];
  const failed = reasons.findIndex((reason) => reason.Code === 'ConditionalCheckFailed');
  const item = items[failed];
  if (item) return item.ifFailed?.() ?? new ConditionFailedError(item);
  return reasons.some((reason) => reason.Code === 'TransactionConflict') ? 'retry' : undefined;
}

/**
 * Writes the items all or nothing. A failed condition throws the error its item carries.
 * Transactions that collided with another on a shared item (a counter) are retried after a
 * jittered pause; anything else is thrown.
 */
export async function writeAll(items: Write[], attempts = 6): Promise<void> {
  const TransactItems = items.map(({ ifFailed: _meaning, ...item }) => item);
  for (let attempt = 1; ; attempt += 1) {
    try {
      await db.send(new TransactWriteCommand({ TransactItems }));
      if (config.LOCAL_COMMIT_BARRIER) await awaitLocalCommit(TransactItems);
      return;
    } catch (error) {
      if (!(error instanceof TransactionCanceledException)) throw error;
      const outcome = cancellationOutcome(items, error);
      if (outcome instanceof Error) throw outcome;
      if (outcome !== 'retry' || attempt >= attempts) throw error;
      await backoff(attempt - 1);
    }
  }
}

/** Writes the items; the outcome of the item that was `refused`, or undefined when all was written. */
export async function tryWriteAll<O extends string>(items: Write[]): Promise<O | undefined> {
  try {
    await writeAll(items);
    return undefined;
  } catch (error) {
    if (error instanceof Refused) return error.outcome as O;
    throw error;
  }
}

/**
 * One put on its own, outside a transaction (a single record needs none): its condition failing
 * throws what its `ifFailed` makes, else DynamoDB's own error.
 */
export async function putOne(write: PutWrite): Promise<void> {
  try {
    await db.send(new PutCommand(write.Put));
  } catch (error) {
    if (write.ifFailed && error instanceof ConditionalCheckFailedException) throw write.ifFailed();
    throw error;
  }
}

/**
 * A change to one item by its key, as an UpdateItem does it: `set` fields, `setIfAbsent` fields
 * only where there is none yet (a record's first values), `add` to numbers (a counter, from 0 when
 * absent), and `below`: each of these attributes absent or under its limit before the change (a
 * capped counter; a condition that fails refuses the whole change).
 */
export interface ItemChange {
  set?: Record<string, unknown>;
  setIfAbsent?: Record<string, unknown>;
  add?: Record<string, number>;
  below?: Record<string, number>;
}

/** The Update of an item change, for a transaction (updateWrite) or on its own (updateOne). */
export function itemUpdate(key: Key, change: ItemChange): NonNullable<TransactItem['Update']> {
  const names: Record<string, string> = {};
  const values: Record<string, unknown> = {};
  const clause = (prefix: string, fields: Record<string, unknown> | undefined, part: (name: string, value: string) => string) =>
    Object.entries(fields ?? {}).map(([field, value], position) => {
      names[`#${prefix}${position}`] = field;
      values[`:${prefix}${position}`] = value;
      return part(`#${prefix}${position}`, `:${prefix}${position}`);
    });
  const sets = [
    ...clause('s', change.set, (name, value) => `${name} = ${value}`),
    ...clause('i', change.setIfAbsent, (name, value) => `${name} = if_not_exists(${name}, ${value})`),
  ];
  const adds = clause('a', change.add, (name, value) => `${name} ${value}`);
  const conditions = clause('b', change.below, (name, value) => `(attribute_not_exists(${name}) OR ${name} < ${value})`);
  return {
    TableName: tableName,
    Key: key,
    UpdateExpression: [...(sets.length ? [`SET ${sets.join(', ')}`] : []), ...(adds.length ? [`ADD ${adds.join(', ')}`] : [])].join(' '),
    ...(conditions.length ? { ConditionExpression: conditions.join(' AND ') } : {}),
    ExpressionAttributeNames: names,
    ExpressionAttributeValues: values,
  };
}

/** An item change in a transaction; `ifFailed` says what its `below` condition failing means. */
export const updateWrite = (key: Key, change: ItemChange, ifFailed?: () => Error): Write => ({
  Update: itemUpdate(key, change),
  ...(ifFailed ? { ifFailed } : {}),
});

/** An item change on its own: the item as it is after it, or undefined when its `below` condition refused it. */
export async function updateOne(key: Key, change: ItemChange): Promise<StoredItem | undefined> {
  try {
    const { Attributes } = await db.send(new UpdateCommand({ ...itemUpdate(key, change), ReturnValues: 'ALL_NEW' }));
    return Attributes ?? {};
  } catch (error) {
    if (change.below && error instanceof ConditionalCheckFailedException) return undefined;
    throw error;
  }
}
