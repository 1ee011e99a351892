/** Listing the alerts sent: a Query on the alerts index, newest first, filtered. */
import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { db, decodeCursor, encodeCursor, tableName, withoutKeys } from '#shared/db';
import { keys, TABLE } from '#shared/table';

export async function alertsPage(filters: { severity?: string; dept?: string; concern?: string }, limit: number, cursor: string | undefined) {
  const conditions: string[] = [];
  const names: Record<string, string> = {};
  const values: Record<string, unknown> = { ':pk': keys.alertsPartition };
  if (filters.severity) { conditions.push('severity = :severity'); values[':severity'] = filters.severity; }
  if (filters.concern) { conditions.push('#concern = :concern'); names['#concern'] = 'concern'; values[':concern'] = filters.concern; }
  if (filters.dept) { conditions.push('department = :dept'); values[':dept'] = filters.dept; }
  const { Items = [], LastEvaluatedKey } = await db.send(new QueryCommand({
    TableName: tableName,
    IndexName: TABLE.indexes.byParent.name,
    KeyConditionExpression: 'gsi1pk = :pk',
    ...(conditions.length ? { FilterExpression: conditions.join(' AND ') } : {}),
    ...(Object.keys(names).length ? { ExpressionAttributeNames: names } : {}),
    ExpressionAttributeValues: values,
    ScanIndexForward: false,
    Limit: limit,
    ExclusiveStartKey: decodeCursor(cursor),
  }));
  return { items: Items.map((item) => { const { type: _type, ...alert } = withoutKeys(item); return alert; }), nextCursor: encodeCursor(LastEvaluatedKey) };
}

export const alertsPartition = keys.alertsIndex('', '').gsi1pk;
