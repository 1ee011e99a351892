/** An inspection as an alert names it: its category, the department, the enterprise by name, the planned day. */
import type { Said } from '#shared/alerts/alert-text';
import { departmentName, enterpriseName } from '#shared/domain/names';
import { INSPECTION_CATEGORY_WORDS, type InspectionCategory } from './rules.ts';

export async function inspectionDescribed(inspection: {
  department: string;
  enterpriseId: string;
  category: InspectionCategory;
  plannedDate: string;
}): Promise<Said & { dept: string; enterprise: string }> {
  const [dept, enterprise] = await Promise.all([departmentName(inspection.department), enterpriseName(inspection.enterpriseId)]);
  const [categoryZh, categoryEn] = INSPECTION_CATEGORY_WORDS[inspection.category];
  return {
    dept,
    enterprise,
    zh: `${dept}对${enterprise}的${categoryZh}（计划${inspection.plannedDate}）`,
    en: `${categoryEn.toLowerCase()} inspection of ${enterprise} by ${dept}, planned ${inspection.plannedDate}`,
  };
}
