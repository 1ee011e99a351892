/** Listing the alerts sent: a Query on the alerts index, newest first, filtered. */
import { queryPage, equalityFilter, tableName, withoutKeys } from '#shared/db';
import { keys, TABLE } from '#shared/table';

export async function alertsPage(filters: { severity?: string; dept?: string; concern?: string }, limit: number, cursor: string | undefined) {
  const { FilterExpression, names, values } = equalityFilter({ severity: filters.severity, concern: filters.concern, department: filters.dept });
  const { items: Items, nextCursor } = await queryPage({
    TableName: tableName,
    IndexName: TABLE.indexes.byParent.name,
    KeyConditionExpression: 'gsi1pk = :pk',
    ...(FilterExpression ? { FilterExpression, ExpressionAttributeNames: names } : {}),
    ExpressionAttributeValues: { ':pk': keys.alertsPartition, ...values },
    ScanIndexForward: false,
    Limit: limit,
  }, cursor);
  return { items: Items.map((item) => { const { type: _type, ...alert } = withoutKeys(item); return alert; }), nextCursor };
}
