/** Reads: records by key, and Queries of the table's access patterns, whole or a page at a time. */
import { BatchGetCommand, GetCommand, QueryCommand, type BatchGetCommandOutput, type QueryCommandInput } from '@aws-sdk/lib-dynamodb';
import { db, tableName, type Key, type StoredItem } from './client.ts';
import { cursorListing, decodeCursor, encodeCursor, InvalidCursorError, listingOf, refusesStartKey } from './cursors.ts';
import { keyCondition, PARTITION_VALUE, type AccessPattern } from './table.ts';
import { backoff } from './retry.ts';

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

/**
 * A record by its key, decoded by its codec; undefined when there is none. Read strongly
 * consistent, unless `consistentRead: false` says a read a moment behind will do.
 */
export async function getRecord<T>(
  key: Key,
  decode: (item: StoredItem) => T,
  { consistentRead = true }: { consistentRead?: boolean } = {},
): Promise<T | undefined> {
  const { Item } = await db.send(new GetCommand({ TableName: tableName, Key: key, ...(consistentRead ? { ConsistentRead: true } : {}) }));
  return Item ? decode(Item) : undefined;
}

/** The first record of an access pattern in its order (a Query of one item), decoded; undefined when there is none. */
export async function queryFirst<T>(
  pattern: AccessPattern,
  decode: (item: StoredItem) => T,
  options: QueryOptions = {},
): Promise<T | undefined> {
  const { Items = [] } = await db.send(new QueryCommand({ ...queryInput(pattern, options), Limit: 1 }));
  return Items[0] ? decode(Items[0]) : undefined;
}

/**
 * Every page of an access pattern bounded by its key, in turn, as DynamoDB returns them (up to
 * 1 MB each): for a walk that keeps little of each page (a fee card's chain).
 */
export async function* queryPages(pattern: AccessPattern, options: QueryOptions = {}): AsyncGenerator<StoredItem[]> {
  const input = queryInput(pattern, options);
  let ExclusiveStartKey: Key | undefined;
  do {
    const page = await db.send(new QueryCommand({ ...input, ExclusiveStartKey }));
    yield page.Items ?? [];
    ExclusiveStartKey = page.LastEvaluatedKey;
  } while (ExclusiveStartKey);
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
  for await (const page of queryPages(pattern, options)) if (page.length > 0) return true;
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

/**
 * One page over several listings read in turn, each its own partition (the fee audit, month by
 * month): at most `limit` records, decoded, and a cursor that says which listing and where in it.
 */
export async function queryPartitionsPage<T>(
  patterns: readonly AccessPattern[],
  { limit, cursor }: PageRequest,
  decode: (item: StoredItem) => T,
): Promise<{ items: T[]; nextCursor?: string }> {
  const inputs = patterns.map((pattern) => queryInput(pattern));
  let index = 0;
  let startKey: Key | undefined;
  if (cursor) {
    const listing = cursorListing(cursor);
    index = inputs.findIndex((input) => listingOf(input) === listing);
    const input = inputs[index];
    if (!input) throw new InvalidCursorError();
    startKey = decodeCursor(cursor, listingOf(input), {
      indexName: input.IndexName,
      partition: input.ExpressionAttributeValues?.[PARTITION_VALUE],
    });
  }
  const items: StoredItem[] = [];
  for (let input = inputs[index]; input && items.length < limit; input = inputs[index]) {
    const { Items = [], LastEvaluatedKey } = await queryFrom({ ...input, Limit: limit - items.length }, startKey);
    items.push(...Items);
    if (LastEvaluatedKey) startKey = LastEvaluatedKey;
    else {
      index += 1;
      startKey = undefined;
    }
  }
  const next = inputs[index];
  return { items: items.map(decode), ...(next ? { nextCursor: encodeCursor(listingOf(next), startKey) } : {}) };
}

/** One Query page for a listing that pages over several partitions itself (queryPartitionsPage). */
export async function queryFrom(input: QueryCommandInput, startKey: Key | undefined) {
  try {
    return await db.send(new QueryCommand({ ...input, ExclusiveStartKey: startKey }));
  } catch (error) {
    if (startKey && refusesStartKey(error)) throw new InvalidCursorError();
    throw error;
  }
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
