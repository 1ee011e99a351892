/** The evaluation reads: the registered departments and the quarter's counters, Queries only. */
import { QueryCommand, type QueryCommandInput } from '@aws-sdk/lib-dynamodb';
import { db, tableName } from '#shared/db';
import { keys, TABLE } from '#shared/table';
import { METRICS, type Figures } from '#shared/evaluation';

async function queryAll(input: QueryCommandInput) {
  const items: Record<string, unknown>[] = [];
  let ExclusiveStartKey: Record<string, unknown> | undefined;
  do {
    const page = await db.send(new QueryCommand({ ...input, ExclusiveStartKey }));
    items.push(...(page.Items ?? []));
    ExclusiveStartKey = page.LastEvaluatedKey;
  } while (ExclusiveStartKey);
  return items;
}

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
  return new Map(items.map((item) => [item.department as string, Object.fromEntries(METRICS.map((metric) => [metric, Number(item[metric] ?? 0)])) as Figures]));
}
