/**
 * The DynamoDB clients, built once per container at module scope, and paging helpers.
 * Every request path uses GetItem, Query, conditional writes or transactions; never Scan.
 */
import { DynamoDBClient, TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, QueryCommand, TransactWriteCommand, type QueryCommandInput, type TransactWriteCommandInput } from '@aws-sdk/lib-dynamodb';
import { BadRequestError } from './http/errors.ts';
import { config } from './config.ts';

export const dynamoClient = new DynamoDBClient({});
export const db = DynamoDBDocumentClient.from(dynamoClient, {
  marshallOptions: { removeUndefinedValues: true, convertClassInstanceToMap: false },
});
export const tableName = config.TABLE_NAME;

export type Key = Record<string, unknown>;

/** One item of a TransactWriteItems request. */
export type TransactItem = NonNullable<TransactWriteCommandInput['TransactItems']>[number];

/** Cursors are opaque to clients: the base64url JSON of DynamoDB's LastEvaluatedKey. */
export function encodeCursor(value: unknown): string | undefined {
  return value === undefined ? undefined : Buffer.from(JSON.stringify(value)).toString('base64url');
}

export function decodeCursor<T = Key>(cursor: string | undefined): T | undefined {
  if (!cursor) return undefined;
  try {
    const value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown;
    if (value && typeof value === 'object') return value as T;
  } catch {
    // fall through to the client error below
  }
  throw new BadRequestError('The cursor is not one this API returned.', [{ path: 'cursor', message: 'Invalid cursor' }]);
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
