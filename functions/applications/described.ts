/** An application as an alert names it: the approval item by name, the enterprise by name, the department, a short reference. */
import type { Said } from '#shared/alerts/alert-text';
import { shortRef } from '#shared/alerts/alert-text';
import { departmentName, enterpriseName } from '#shared/domain/names';

export async function applicationDescribed(application: {
  id: string;
  dept: string;
  enterpriseId: string;
  itemName: string;
}): Promise<Said & { dept: string; enterprise: string }> {
  const [dept, enterprise] = await Promise.all([departmentName(application.dept), enterpriseName(application.enterpriseId)]);
  const ref = shortRef(application.id);
  return {
    dept,
    enterprise,
    zh: `${enterprise}向${dept}申请的「${application.itemName}」（编号 ${ref}）`,
    en: `application of ${enterprise} to ${dept} for "${application.itemName}" (ref. ${ref})`,
  };
}
