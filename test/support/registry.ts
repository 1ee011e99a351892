/** A department registered for the test (inspections and pledges are filed only by registered departments). */
import { putDepartment } from '../../functions/registry/store.ts';
import { newDeptId } from './data.ts';

export async function registeredDept(prefix?: string): Promise<string> {
  const deptId = newDeptId(prefix);
  await putDepartment(deptId, `Bureau ${deptId}`, new Date());
  return deptId;
}
