/**
 * A per-client limit for routes anyone may call (complaint intake): at most `requests` from one
 * client address in a fixed window, counted with one conditional DynamoDB update per request.
 *
 * Why here and not at the edge: an HTTP API's route throttle is one token bucket shared by every
 * caller (one client's burst would turn the other citizens away), and WAF's rate-based rules
 * cannot attach to an HTTP API. A counter in the table works the same in AWS and locally, costs
 * one write per request, and its items expire by the table's TTL. The address is stored only as
 * a hash, and an IPv6 client counts by its /64 (what one subscriber gets).
 * Which address: see client-address.ts.
 */
import { createHash } from 'node:crypto';
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { db, tableName } from '../data/db.ts';
import { keys, TABLE } from '../data/table.ts';

export interface ClientLimit {
  requests: number;
  windowSeconds: number;
}

/** The part of an address that identifies one client: an IPv4 address, or an IPv6 /64. */
export function clientOf(sourceIp: string): string {
  const address = sourceIp.replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/i, '');
  if (!address.includes(':')) return address;
  const [head = '', tail = ''] = address.toLowerCase().split('::');
  const front = head ? head.split(':') : [];
  const back = address.includes('::') ? (tail ? tail.split(':') : []) : [];
  const groups = [...front, ...Array.from({ length: Math.max(0, 8 - front.length - back.length) }, () => '0'), ...back];
  return `${groups
    .slice(0, 4)
    .map((group) => group.replace(/^0+(?=.)/, ''))
    .join(':')}::/64`;
}

/**
 * Counts one request of `client` on `route`; undefined when within the limit, else the seconds
 * until the window ends (the Retry-After).
 */
export async function takeClientQuota(
  route: string,
  sourceIp: string,
  limit: ClientLimit,
  nowMs = Date.now(),
): Promise<number | undefined> {
  const windowMs = limit.windowSeconds * 1000;
  const windowStart = Math.floor(nowMs / windowMs) * windowMs;
  const client = createHash('sha256').update(clientOf(sourceIp)).digest('base64url').slice(0, 22);
  try {
    await db.send(
      new UpdateCommand({
        TableName: tableName,
        Key: keys.clientQuota(route, client, new Date(windowStart).toISOString()),
        UpdateExpression: 'ADD #count :one SET #expires = if_not_exists(#expires, :expires)',
        ConditionExpression: 'attribute_not_exists(#count) OR #count < :limit',
        ExpressionAttributeNames: { '#count': 'requests', '#expires': TABLE.ttlAttribute },
        ExpressionAttributeValues: { ':one': 1, ':limit': limit.requests, ':expires': Math.ceil((windowStart + 2 * windowMs) / 1000) },
      }),
    );
    return undefined;
  } catch (error) {
    if (error instanceof ConditionalCheckFailedException) return Math.max(1, Math.ceil((windowStart + windowMs - nowMs) / 1000));
    throw error;
  }
}
