/** The evaluation reads: the registered departments and the quarter's counters, Queries only. */
import { queryAll, tableName } from '#shared/db';
import { keys, TABLE } from '#shared/table';
import { METRICS, type Figures } from '#shared/evaluation';

export async function departments(): Promise<{ deptId: string; name: string }[]> {
  const items = await queryAll({
    TableName: tableName, IndexName: TABLE.indexes.byParent.name,
    KeyConditionExpression: 'gsi1pk = :pk', ExpressionAttributeValues: { ':pk': keys.departmentsPartition },
  });
  return items.map((item) => ({ deptId: item.deptId as string, name: item.name as string }));
}

export async function quarterFigures(quarter: string): Promise<Map<string, Figures>> {
  const items = await queryAll({
    TableName: tableName, KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': keys.evaluationPartition(quarter) },
  });
  // Counts are taken back only where they were counted (no figure goes below zero); the floor
  // keeps a count taken back before that rule from showing below zero.
  return new Map(items.map((item) => [item.department as string, Object.fromEntries(METRICS.map((metric) => [metric, Math.max(0, Number(item[metric] ?? 0))])) as Figures]));
}
