/** A case and its task as an alert names them: the project and the enterprise by name, the department, a short reference. */
import type { Said } from '#shared/alerts/alert-text';
import { shortRef } from '#shared/alerts/alert-text';
import { departmentName, enterpriseName } from '#shared/domain/names';

export async function caseDescribed(record: { id: string; enterpriseId: string; project: string }): Promise<Said & { enterprise: string }> {
  const enterprise = await enterpriseName(record.enterpriseId);
  const ref = shortRef(record.id);
  return {
    enterprise,
    zh: `${enterprise}的项目「${record.project}」（帮办编号 ${ref}）`,
    en: `${enterprise}'s project "${record.project}" (assisted case ${ref})`,
  };
}

export async function taskDescribed(
  record: { id: string; enterpriseId: string; project: string },
  task: { dept: string; what: string },
): Promise<Said & { dept: string; enterprise: string }> {
  const [project, dept] = await Promise.all([caseDescribed(record), departmentName(task.dept)]);
  return {
    dept,
    enterprise: project.enterprise,
    zh: `交办${dept}的任务「${task.what}」（${project.zh}）`,
    en: `the task "${task.what}" handed to ${dept} (${project.en})`,
  };
}
