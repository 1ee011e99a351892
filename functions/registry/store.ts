/** The registry's table access: the departments, named after their access patterns. */
import * as z from 'zod/mini';
import { getRecord, put, putOne, queryPage } from '#shared/data/db';
import { keys, patterns } from '#shared/data/table';
import { decoderOf } from '#shared/data/codecs';
import { toLocalIso } from '#shared/time/clock';

export interface Department {
  deptId: string;
  name: string;
  registeredAt: string;
  updatedAt: string;
}

/** Registers a department, or renames it; says whether it was new. */
export async function putDepartment(deptId: string, name: string, now: Date): Promise<{ department: Department; created: boolean }> {
  const existing = await getDepartment(deptId);
  const department: Department = {
    deptId,
    name,
    registeredAt: existing?.registeredAt ?? toLocalIso(now),
    updatedAt: toLocalIso(now),
  };
  await putOne(put({ ...keys.department(deptId), ...keys.departmentsIndex(deptId), type: 'department', ...department }));
  return { department, created: !existing };
}

export const getDepartment = (deptId: string): Promise<Department | undefined> =>
  getRecord(keys.department(deptId), toDepartment, { consistentRead: false });

export async function departmentsPage(limit: number, cursor: string | undefined) {
  return queryPage(patterns.departments(), { limit, cursor }, toDepartment);
}

const departmentCodec: z.ZodMiniType<Department> = z.object({
  deptId: z.string(),
  name: z.string(),
  registeredAt: z.string(),
  updatedAt: z.string(),
});
const toDepartment = decoderOf(departmentCodec);
