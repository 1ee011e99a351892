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
import { createHash } from 'node:crypto';
import { DynamoDBServiceException } from '@aws-sdk/client-dynamodb';
import type { QueryCommandInput } from '@aws-sdk/lib-dynamodb';
import { InvalidInput } from '../errors.ts';
import type { Key } from './client.ts';
import { TABLE } from './table.ts';

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
export const refusesStartKey = (error: unknown): boolean =>
  error instanceof DynamoDBServiceException && error.name === 'ValidationException';
