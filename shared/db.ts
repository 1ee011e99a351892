/**
 * The DynamoDB clients, built once per container at module scope, and paging helpers.
 * Every request path uses GetItem, Query, conditional writes or transactions; never Scan.
 */
import { createHash } from 'node:crypto';
import { DynamoDBClient, DynamoDBServiceException, TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, GetCommand, QueryCommand, TransactWriteCommand, type QueryCommandInput, type TransactWriteCommandInput } from '@aws-sdk/lib-dynamodb';
import { BadRequestError } from './http/errors.ts';
import { config } from './config.ts';
import { TABLE } from './table.ts';

export const dynamoClient = new DynamoDBClient({});
export const db = DynamoDBDocumentClient.from(dynamoClient, {
  marshallOptions: { removeUndefinedValues: true, convertClassInstanceToMap: false },
});
export const tableName = config.TABLE_NAME;

export type Key = Record<string, unknown>;

/** One item of a TransactWriteItems request. */
export type TransactItem = NonNullable<TransactWriteCommandInput['TransactItems']>[number];

/**
 * Cursors. A client gets `nextCursor` and hands it back unchanged; anything else it sends is a
 * 400 naming `cursor`, never a DynamoDB error. A cursor is base64url JSON of
 * `{ l: <the listing it came from>, k: <DynamoDB's LastEvaluatedKey> }` and is accepted only when
 * - its listing is this Query's (index, key condition, filter, values, order): a cursor from one
 *   listing cannot be replayed against another, nor with other filters;
 * - its key has exactly the table's and the index's key attributes, all short strings, and its
 *   partition is the one this Query reads (so it can only move within what the caller may read);
 * - DynamoDB accepts it as a start inside the key condition (a sort key outside the range is
 *   refused by DynamoDB, and that refusal is turned into the same 400).
 * Strict checking rather than an HMAC: a cursor only chooses where, inside a listing the caller
 * is already allowed to read with the same filters, a page starts, so a signature would protect
 * nothing more, and would need a secret shared by every Lambda and rotated.
 */
const CURSOR_PARTITION = ':pk';
const MAX_KEY_VALUE_LENGTH = 1024;

export class InvalidCursorError extends BadRequestError {
  constructor() {
    super('The cursor is not one this listing returned; start again without it.', [{ path: 'query.cursor', message: 'Invalid cursor' }]);
  }
}

/** The identity of a listing: the Query without its page position. */
export function listingOf(input: Pick<QueryCommandInput, 'TableName' | 'IndexName' | 'KeyConditionExpression' | 'FilterExpression' | 'ScanIndexForward' | 'ExpressionAttributeValues'>): string {
  const values = Object.entries(input.ExpressionAttributeValues ?? {}).sort(([a], [b]) => a.localeCompare(b));
  return createHash('sha256')
    .update(JSON.stringify([input.TableName, input.IndexName ?? '', input.KeyConditionExpression, input.FilterExpression ?? '', input.ScanIndexForward ?? true, values]))
    .digest('base64url')
    .slice(0, 22);
}

/** The attributes of a start key on the table or one of its indexes, and which is the partition. */
function keyShape(indexName: string | undefined): { names: string[]; partition: string } {
  if (!indexName) return { names: [TABLE.partitionKey, TABLE.sortKey], partition: TABLE.partitionKey };
  const index = Object.values(TABLE.indexes).find((candidate) => candidate.name === indexName);
  if (!index) throw new Error(`Unknown index ${indexName}`);
  return { names: [TABLE.partitionKey, TABLE.sortKey, index.partitionKey, index.sortKey], partition: index.partitionKey };
}

/** A cursor to `key` in a listing; without a key, to the listing's start (a listing paged in parts). */
export function encodeCursor(listing: string, key?: Key): string {
  return Buffer.from(JSON.stringify(key ? { l: listing, k: key } : { l: listing })).toString('base64url');
}

/** Which of the given listings a cursor belongs to (undefined for none); its content is checked by decodeCursor. */
export function cursorListing(cursor: string): string | undefined {
  try {
    const value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as { l?: unknown } | null;
    return typeof value?.l === 'string' ? value.l : undefined;
  } catch {
    return undefined;
  }
}

/** The start key a cursor holds (none: the listing's start), checked against the listing and the partition it must be in. */
export function decodeCursor(cursor: string, listing: string, where: { indexName?: string; partition: unknown }): Key | undefined {
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw new InvalidCursorError();
  }
  if (!value || typeof value !== 'object' || Array.isArray(value)) throw new InvalidCursorError();
  const { l, k, ...extra } = value as Record<string, unknown>;
  if (l !== listing || Object.keys(extra).length) throw new InvalidCursorError();
  if (k === undefined) return undefined;
  if (!k || typeof k !== 'object' || Array.isArray(k)) throw new InvalidCursorError();
  const key = k as Key;
  const shape = keyShape(where.indexName);
  const names = Object.keys(key);
  const wellFormed = names.length === shape.names.length && shape.names.every((name) => {
    const part = key[name];
    return typeof part === 'string' && part.length > 0 && part.length <= MAX_KEY_VALUE_LENGTH;
  });
  if (!wellFormed || key[shape.partition] !== where.partition) throw new InvalidCursorError();
  return key;
}

/** DynamoDB refusing a start key (e.g. outside the key condition's range) is the client's cursor at fault. */
const refusesStartKey = (error: unknown): boolean => error instanceof DynamoDBServiceException && error.name === 'ValidationException';

/**
 * One page of a listing: a Query whose key condition names its partition `:pk`, started where
 * the client's cursor says. Every listing of the API pages through here.
 */
export async function queryPage(input: QueryCommandInput & { Limit: number }, cursor: string | undefined): Promise<{ items: Record<string, unknown>[]; nextCursor?: string }> {
  const listing = listingOf(input);
  const ExclusiveStartKey = cursor
    ? decodeCursor(cursor, listing, { indexName: input.IndexName, partition: input.ExpressionAttributeValues?.[CURSOR_PARTITION] })
    : undefined;
  let page;
  try {
    page = await db.send(new QueryCommand({ ...input, ExclusiveStartKey }));
  } catch (error) {
    if (ExclusiveStartKey && refusesStartKey(error)) throw new InvalidCursorError();
    throw error;
  }
  return { items: page.Items ?? [], ...(page.LastEvaluatedKey ? { nextCursor: encodeCursor(listing, page.LastEvaluatedKey) } : {}) };
}

/** One Query page for a listing that pages over several partitions itself (the fee audit, month by month). */
export async function queryFrom(input: QueryCommandInput, startKey: Key | undefined) {
  try {
    return await db.send(new QueryCommand({ ...input, ExclusiveStartKey: startKey }));
  } catch (error) {
    if (startKey && refusesStartKey(error)) throw new InvalidCursorError();
    throw error;
  }
}

/** Removes the table's key and index attributes from an item before it is shown. */
export function withoutKeys<T extends Record<string, unknown>>(item: T): Omit<T, 'pk' | 'sk' | 'gsi1pk' | 'gsi1sk' | 'gsi2pk' | 'gsi2sk' | 'gsi3pk' | 'gsi3sk'> {
  const { pk: _pk, sk: _sk, gsi1pk: _g1, gsi1sk: _g1s, gsi2pk: _g2, gsi2sk: _g2s, gsi3pk: _g3, gsi3sk: _g3s, ...rest } = item;
  return rest;
}

/**
 * Every page of a Query whose result is bounded by its key (one card, one quarter, one
 * department's list): never a walk over the table.
 */
export async function queryAll(input: QueryCommandInput): Promise<Record<string, unknown>[]> {
  const items: Record<string, unknown>[] = [];
  let ExclusiveStartKey: Record<string, unknown> | undefined;
  do {
    const page = await db.send(new QueryCommand({ ...input, ExclusiveStartKey }));
    items.push(...(page.Items ?? []));
    ExclusiveStartKey = page.LastEvaluatedKey;
  } while (ExclusiveStartKey);
  return items;
}

/**
 * Writes the items all or nothing. Returns undefined when written, or the index of the first
 * item whose condition failed. Transactions that collided with another on a shared item (a
 * counter) are retried with a little jitter; anything else is thrown.
 */
export async function writeAll(items: TransactItem[], attempts = 6): Promise<number | undefined> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      await db.send(new TransactWriteCommand({ TransactItems: items }));
      if (config.LOCAL_COMMIT_BARRIER) await awaitLocalCommit(items);
      return undefined;
    } catch (error) {
      if (!(error instanceof TransactionCanceledException)) throw error;
      const reasons = error.CancellationReasons ?? [];
      const failed = reasons.findIndex((reason) => reason.Code === 'ConditionalCheckFailed');
      if (failed >= 0) return failed;
      if (attempt >= attempts || !reasons.some((reason) => reason.Code === 'TransactionConflict')) throw error;
      await new Promise((resolve) => setTimeout(resolve, 5 + Math.random() * 20 * attempt));
    }
  }
}

/**
 * DynamoDB Local answers a TransactWriteItems a moment before the transaction is on disk: killed
 * (kill -9) within milliseconds of the answer, it lost the acknowledged transaction in 3 of 10
 * runs, while PutItem lost nothing. A strongly consistent read of an item the transaction wrote
 * waits for it, so the local runtime reads one back before a handler answers. Not in AWS.
 */
async function awaitLocalCommit(items: TransactItem[]): Promise<void> {
  const first = items.find((item) => item.Put || item.Update || item.Delete);
  if (!first) return;
  const key = first.Put
    ? { [TABLE.partitionKey]: first.Put.Item?.[TABLE.partitionKey], [TABLE.sortKey]: first.Put.Item?.[TABLE.sortKey] }
    : (first.Update ?? first.Delete)?.Key;
  const table = first.Put?.TableName ?? first.Update?.TableName ?? first.Delete?.TableName;
  if (key && table) await db.send(new GetCommand({ TableName: table, Key: key, ConsistentRead: true }));
}

/**
 * A FilterExpression that every given attribute equals its value (undefined ones left out),
 * with aliased names, for the Query input of a listing. The Query still reads only its key's
 * partition: a filter narrows what is returned, not what is read.
 */
export function equalityFilter(fields: Record<string, unknown>) {
  const present = Object.entries(fields).filter(([, value]) => value !== undefined);
  if (present.length === 0) return { names: {}, values: {} };
  return {
    FilterExpression: present.map((_, index) => `#f${index} = :f${index}`).join(' AND '),
    names: Object.fromEntries(present.map(([name], index) => [`#f${index}`, name])),
    values: Object.fromEntries(present.map(([, value], index) => [`:f${index}`, value])),
  };
}
