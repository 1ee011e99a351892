/** A complaint as an alert names it: its category, the department, the day it came in and a short reference. */
import type { Said } from '#shared/alerts/alert-text';
import { shortRef } from '#shared/alerts/alert-text';
import { departmentName } from '#shared/domain/names';
import { COMPLAINT_CATEGORY_WORDS, type ComplaintCategory } from './rules.ts';

export async function complaintDescribed(complaint: {
  id: string;
  againstDept: string;
  category: ComplaintCategory;
  receivedAt: string;
}): Promise<Said & { dept: string }> {
  const dept = await departmentName(complaint.againstDept);
  const [categoryZh, categoryEn] = COMPLAINT_CATEGORY_WORDS[complaint.category];
  const day = complaint.receivedAt.slice(0, 10);
  const ref = shortRef(complaint.id);
  return {
    dept,
    zh: `对${dept}的投诉「${categoryZh}」（${day}收到，编号 ${ref}）`,
    en: `complaint "${categoryEn}" against ${dept} (received ${day}, ref. ${ref})`,
  };
}
