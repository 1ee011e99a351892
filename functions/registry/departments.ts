/** The departments registry: its table access, named after its access patterns. */
import * as z from 'zod/mini';
import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { db, queryPage, tableName } from '#shared/db';
import { keys, patterns } from '#shared/table';
import { decoderOf } from '#shared/codecs';
import { toLocalIso } from '#shared/clock';
import type { Caller } from '#shared/http/auth';
import { BadRequestError, ForbiddenError } from '#shared/http/errors';

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
export async function requireOwnDepartment(caller: Caller): Promise<string> {
  const deptId = caller.dept;
  if (!deptId || !(await getDepartment(deptId))) {
    throw new ForbiddenError(`Your token names department ${deptId ?? '(none)'}, which is not registered; the soft-environment office registers departments (PUT /departments/{deptId}).`);
  }
  return deptId;
}

/** A department the request names must be registered: a lookup, so a 400 naming the field, not a rule's 422. */
export async function requireNamedDepartment(deptId: string, field: string): Promise<Department> {
  const department = await getDepartment(deptId);
  if (!department) throw new BadRequestError(`No department ${deptId} is registered; see GET /departments.`, [{ path: field, message: 'Not a registered department' }]);
  return department;
}

export async function departmentsPage(limit: number, cursor: string | undefined) {
  return queryPage(patterns.departments(), { limit, cursor }, toDepartment);
}

const departmentCodec: z.ZodMiniType<Department> = z.object({ deptId: z.string(), name: z.string(), registeredAt: z.string(), updatedAt: z.string() });
const toDepartment = decoderOf(departmentCodec);
