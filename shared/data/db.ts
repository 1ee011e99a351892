/**
 * The DynamoDB clients, built once per container at module scope, and paging helpers.
 * Every request path uses GetItem, Query, conditional writes or transactions; never Scan.
 */
import { createHash } from 'node:crypto';
import { DynamoDBClient, DynamoDBServiceException, TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import {
  BatchGetCommand,
  DynamoDBDocumentClient,
  GetCommand,
  QueryCommand,
  TransactWriteCommand,
  type BatchGetCommandOutput,
  type QueryCommandInput,
  type TransactWriteCommandInput,
} from '@aws-sdk/lib-dynamodb';
import { InvalidInput } from '../domain/errors.ts';
import { config } from '../config.ts';
import { KEY_ATTRIBUTES, keyCondition, PARTITION_VALUE, TABLE, type AccessPattern } from './table.ts';
import { backoff } from './retry.ts';

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
const MAX_KEY_VALUE_LENGTH = 1024;

export class InvalidCursorError extends InvalidInput {
  constructor() {
    super('The cursor is not one this listing returned; start again without it.', [{ field: 'cursor', message: 'Invalid cursor' }]);
  }
}

/** The identity of a listing: the Query without its page position. */
export function listingOf(
  input: Pick<
    QueryCommandInput,
    'TableName' | 'IndexName' | 'KeyConditionExpression' | 'FilterExpression' | 'ScanIndexForward' | 'ExpressionAttributeValues'
  >,
): string {
  const values = Object.entries(input.ExpressionAttributeValues ?? {}).sort(([a], [b]) => a.localeCompare(b));
  return createHash('sha256')
    .update(
      JSON.stringify([
        input.TableName,
        input.IndexName ?? '',
        input.KeyConditionExpression,
        input.FilterExpression ?? '',
        input.ScanIndexForward ?? true,
        values,
      ]),
    )
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
  const wellFormed =
    names.length === shape.names.length &&
    shape.names.every((name) => {
      const part = key[name];
      return typeof part === 'string' && part.length > 0 && part.length <= MAX_KEY_VALUE_LENGTH;
    });
  if (!wellFormed || key[shape.partition] !== where.partition) throw new InvalidCursorError();
  return key;
}

/** DynamoDB refusing a start key (e.g. outside the key condition's range) is the client's cursor at fault. */
const refusesStartKey = (error: unknown): boolean => error instanceof DynamoDBServiceException && error.name === 'ValidationException';

/** Records as stored, before their codec decodes them. */
export type StoredItem = Record<string, unknown>;

/** What narrows a Query beyond its pattern: attributes equal to values (undefined ones left out), a projection, a consistent read. */
export interface QueryOptions {
  filter?: Record<string, unknown>;
  projection?: string[];
  consistentRead?: boolean;
}

/** The Query input of an access pattern, narrowed by the options. */
export function queryInput(pattern: AccessPattern, options: QueryOptions = {}): QueryCommandInput {
  const condition = keyCondition(pattern);
  const { FilterExpression, names, values } = equalityFilter(options.filter ?? {});
  const projectionNames = Object.fromEntries((options.projection ?? []).map((name, position) => [`#p${position}`, name]));
  const allNames = { ...names, ...projectionNames };
  return {
    TableName: tableName,
    ...condition,
    ...(FilterExpression ? { FilterExpression } : {}),
    ...(Object.keys(projectionNames).length ? { ProjectionExpression: Object.keys(projectionNames).join(', ') } : {}),
    ...(Object.keys(allNames).length ? { ExpressionAttributeNames: allNames } : {}),
    ExpressionAttributeValues: { ...condition.ExpressionAttributeValues, ...values },
    ...(options.consistentRead ? { ConsistentRead: true } : {}),
  };
}

/** What page of a listing a client asks for: at most `limit` records, from where its cursor says. */
export interface PageRequest {
  limit: number;
  cursor?: string;
}

/**
 * One page of an access pattern for a client: at most `limit` records from where its cursor
 * says, each decoded by the entity's codec, and the cursor to the next page if there is one. A
 * filter narrows what is returned, not what is read.
 */
export async function queryPage<T>(
  pattern: AccessPattern,
  options: PageRequest & { filter?: Record<string, unknown>; consistentRead?: boolean },
  decode: (item: StoredItem) => T,
): Promise<{ items: T[]; nextCursor?: string }> {
  const page = await queryInputPage(
    { ...queryInput(pattern, { filter: options.filter, consistentRead: options.consistentRead }), Limit: options.limit },
    options.cursor,
  );
  return { items: page.items.map(decode), ...(page.nextCursor ? { nextCursor: page.nextCursor } : {}) };
}

/**
 * Every record of an access pattern whose result is bounded by its key (one card, one quarter,
 * one department's list): never a walk over the table.
 */
export async function queryAll<T>(pattern: AccessPattern, decode: (item: StoredItem) => T, options: QueryOptions = {}): Promise<T[]> {
  return (await queryInputAll(queryInput(pattern, options))).map(decode);
}

/** A record by its key, read strongly consistent and decoded by its codec; undefined when there is none. */
export async function getRecord<T>(key: Key, decode: (item: StoredItem) => T): Promise<T | undefined> {
  const { Item } = await db.send(new GetCommand({ TableName: tableName, Key: key, ConsistentRead: true }));
  return Item ? decode(Item) : undefined;
}

/** BatchGetItem reads at most 100 keys a request. */
const BATCH_GET_MAX_KEYS = 100;

/**
 * The records at the given keys (those that exist, in no set order), read strongly consistent in
 * batches; the keys DynamoDB leaves unprocessed are asked again after a jittered pause.
 */
export async function getRecords<T>(recordKeys: Key[], decode: (item: StoredItem) => T): Promise<T[]> {
  const records: T[] = [];
  for (let start = 0; start < recordKeys.length; start += BATCH_GET_MAX_KEYS) {
    let request: Record<string, { Keys: Key[]; ConsistentRead?: boolean }> | undefined = {
      [tableName]: { Keys: recordKeys.slice(start, start + BATCH_GET_MAX_KEYS), ConsistentRead: true },
    };
    // `request` becomes the unprocessed keys, possibly none, at the end of each round.
    // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition
    for (let round = 0; request && Object.keys(request).length > 0; round += 1) {
      if (round > 0) await backoff(round - 1);
      const answer: BatchGetCommandOutput = await db.send(new BatchGetCommand({ RequestItems: request }));
      records.push(...(answer.Responses?.[tableName] ?? []).map(decode));
      request = answer.UnprocessedKeys as typeof request;
    }
  }
  return records;
}

/** Whether an access pattern has a record (read page by page until one is found). */
export async function queryAny(pattern: AccessPattern, options: QueryOptions = {}): Promise<boolean> {
  const input = queryInput(pattern, options);
  let ExclusiveStartKey: Key | undefined;
  do {
    const page = await db.send(new QueryCommand({ ...input, ExclusiveStartKey }));
    if ((page.Items ?? []).length > 0) return true;
    ExclusiveStartKey = page.LastEvaluatedKey;
  } while (ExclusiveStartKey);
  return false;
}

/**
 * One page of a Query whose key condition names its partition `:pk`, started where the client's
 * cursor says. Every listing of the API pages through here (through `queryPage`).
 */
export async function queryInputPage(
  input: QueryCommandInput & { Limit: number },
  cursor: string | undefined,
): Promise<{ items: StoredItem[]; nextCursor?: string }> {
  const listing = listingOf(input);
  const ExclusiveStartKey = cursor
    ? decodeCursor(cursor, listing, { indexName: input.IndexName, partition: input.ExpressionAttributeValues?.[PARTITION_VALUE] })
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
export function withoutKeys(item: StoredItem): StoredItem {
  return Object.fromEntries(Object.entries(item).filter(([name]) => !KEY_ATTRIBUTES.includes(name)));
}

/** Every page of a Query bounded by its key (through `queryAll`). */
export async function queryInputAll(input: QueryCommandInput): Promise<StoredItem[]> {
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
 * A change to a versioned record: the fields it sets, what it appends to its lists, and what the
 * record must hold besides its version (`onlyIf`: an attribute, its status, at one of the given
 * values; `unset`: attributes it must not have yet).
 */
export interface VersionedChange {
  set?: Record<string, unknown>;
  append?: Record<string, unknown[]>;
  onlyIf?: Record<string, readonly unknown[]>;
  unset?: string[];
}

/**
 * A change to a versioned record (a complaint, a pledge), if it is still at `version`: sets the
 * fields, appends to its lists and bumps the version. False when someone else changed it first.
 * `alongside` is written in the same transaction.
 */
export async function updateVersioned(key: Key, version: number, change: VersionedChange, alongside: Write[] = []): Promise<boolean> {
  const outcome = await tryWriteAll<'moved-on'>([
    { ...versionedUpdate(key, version, change), ifFailed: refused('moved-on') },
    ...alongside,
  ]);
  return outcome === undefined;
}

/**
 * The change of a kind of versioned record that keeps a timeline (a complaint, an application),
 * by its key: sets the fields and appends the events, at the record's version (see updateVersioned).
 */
export const timelineUpdate =
  <R extends { id: string; version: number; timeline: unknown[] }>(keyOf: (id: string) => Key) =>
  (
    record: Pick<R, 'id' | 'version'>,
    set: Partial<Record<keyof R, unknown>>,
    events: R['timeline'],
    alongside: Write[] = [],
  ): Promise<boolean> =>
    updateVersioned(keyOf(record.id), record.version, { set, append: { timeline: events } }, alongside);

/** The conditional Update of updateVersioned. */
export function versionedUpdate(key: Key, version: number, change: VersionedChange): TransactItem {
  const names: Record<string, string> = { '#version': 'version' };
  const values: Record<string, unknown> = { ':version': version, ':next': version + 1 };
  const assignments = Object.entries(change.set ?? {}).map(([field, value], position) => {
    names[`#s${position}`] = field;
    values[`:s${position}`] = value;
    return `#s${position} = :s${position}`;
  });
  const appends = Object.entries(change.append ?? {})
    .filter(([, added]) => added.length > 0)
    .map(([field, added], position) => {
      names[`#a${position}`] = field;
      values[`:a${position}`] = added;
      return `#a${position} = list_append(#a${position}, :a${position})`;
    });
  const required = Object.entries(change.onlyIf ?? {}).map(([field, allowed], position) => {
    names[`#o${position}`] = field;
    allowed.forEach((value, n) => (values[`:o${position}v${n}`] = value));
    return `#o${position} IN (${allowed.map((_, n) => `:o${position}v${n}`).join(', ')})`;
  });
  const absent = (change.unset ?? []).map((field, position) => {
    names[`#u${position}`] = field;
    return `attribute_not_exists(#u${position})`;
  });
  return {
    Update: {
      TableName: tableName,
      Key: key,
      UpdateExpression: `SET ${[...assignments, ...appends, '#version = :next'].join(', ')}`,
      ConditionExpression: ['#version = :version', ...required, ...absent].join(' AND '),
      ExpressionAttributeNames: names,
      ExpressionAttributeValues: values,
    },
  };
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
    ? { [TABLE.partitionKey]: first.Put.Item?.[TABLE.partitionKey] as unknown, [TABLE.sortKey]: first.Put.Item?.[TABLE.sortKey] as unknown }
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
