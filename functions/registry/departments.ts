/** The departments registry: its table access, named after its access patterns. */
import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { db, queryPage, tableName } from '#shared/db';
import { keys, TABLE } from '#shared/table';
import { toLocalIso } from '#shared/clock';
import type { DepartmentCaller } from '#shared/http/auth';
import { InvalidInput, NotAllowed } from '#shared/errors';

export interface Department { deptId: string; name: string; registeredAt: string; updatedAt: string }

/** Registers a department, or renames it; says whether it was new. */
export async function putDepartment(deptId: string, name: string, now: Date): Promise<{ department: Department; created: boolean }> {
  const existing = await getDepartment(deptId);
  const department: Department = {
    deptId, name, registeredAt: existing?.registeredAt ?? toLocalIso(now), updatedAt: toLocalIso(now),
  };
  await db.send(new PutCommand({
    TableName: tableName,
    Item: { ...keys.department(deptId), ...keys.departmentsIndex(deptId), type: 'department', ...department },
  }));
  return { department, created: !existing };
}

export async function getDepartment(deptId: string): Promise<Department | undefined> {
  const { Item } = await db.send(new GetCommand({ TableName: tableName, Key: keys.department(deptId) }));
  return Item ? toDepartment(Item) : undefined;
}

/**
 * The caller's own department, which must be registered: a department token for a department
 * the county has not registered acts for nobody (403).
 */
export async function requireOwnDepartment(caller: DepartmentCaller): Promise<string> {
  const deptId = caller.dept;
  if (!(await getDepartment(deptId))) {
    throw new NotAllowed(`Your token names department ${deptId}, which is not registered; the soft-environment office registers departments (PUT /departments/{deptId}).`);
  }
  return deptId;
}

/** A department the request names must be registered: a lookup, so a 400 naming the field, not a rule's 422. */
export async function requireNamedDepartment(deptId: string, field: string): Promise<Department> {
  const department = await getDepartment(deptId);
  if (!department) throw new InvalidInput(`No department ${deptId} is registered; see GET /departments.`, [{ field, message: 'Not a registered department' }]);
  return department;
}

export async function departmentsPage(limit: number, cursor: string | undefined) {
  const { items: Items, nextCursor } = await queryPage({
    TableName: tableName,
    IndexName: TABLE.indexes.byParent.name,
    KeyConditionExpression: 'gsi1pk = :pk',
    ExpressionAttributeValues: { ':pk': keys.departmentsPartition },
    Limit: limit,
  }, cursor);
  return { items: Items.map(toDepartment), nextCursor };
}

const toDepartment = (item: Record<string, unknown>): Department => ({
  deptId: item.deptId as string, name: item.name as string,
  registeredAt: item.registeredAt as string, updatedAt: item.updatedAt as string,
});
