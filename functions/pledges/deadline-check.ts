/**
 * The deadline workflow asks: has the soft-environment office given its verdict on this pledge?
 * Only the office's verdict is final (a department may not certify its own pledge), so the due
 * date is watched until it is given, whatever the department reports.
 */
import { type MatterCheck, closed, stillOpen } from '#shared/outbox/deadline-checks';
import { alertWords } from '#shared/alerts/alert-text';
import { departmentName } from '#shared/domain/names';
import { PLEDGE_STATUS_WORDS } from './rules.ts';
import { getPledge, updatePledge, type Pledge } from './store.ts';

const watched = (pledge: Pledge | undefined, version: number): pledge is Pledge =>
  !!pledge && !pledge.final && (pledge.deadline.version ?? 1) === version;

export const checkPledgeMatter: MatterCheck = async (matter, stage) => {
  let pledge = await getPledge(matter.id);
  if (!watched(pledge, matter.version)) return closed;
  // Past its due date with no verdict of the office, it shows as overdue.
  if (stage === 'breach' && !pledge.overdue && !(await updatePledge(pledge, { overdue: true }, undefined))) {
    pledge = await getPledge(matter.id);
    if (!watched(pledge, matter.version)) return closed;
  }
  const dept = await departmentName(pledge.department);
  const reportedZh = pledge.status === 'open' ? '' : `（部门自报「${PLEDGE_STATUS_WORDS[pledge.status][0]}」）`;
  const reported = pledge.status === 'open' ? '' : ` (the department reports "${pledge.status}")`;
  const what = {
    zh: `${dept}的公开承诺「${pledge.title}」（${pledge.dueDate}到期）${reportedZh}`,
    en: `"${pledge.title}" of ${dept}, due ${pledge.dueDate}${reported}`,
  };
  const text = {
    warning: alertWords(
      { zh: `公开承诺即将到期，软环境办尚未审核：${dept}`, en: "A public pledge falls due soon without the office's verdict" },
      { zh: `${what.zh}尚无软环境办的审核结论。`, en: `${what.en}, has no verdict of the soft-environment office yet.` },
    ),
    breach: alertWords(
      { zh: `公开承诺已到期，软环境办尚未审核：${dept}`, en: "A public pledge passed its due date without the office's verdict" },
      {
        zh: `${what.zh}已过到期日，仍无软环境办的审核结论，现显示为逾期。`,
        en: `${what.en}, passed its due date with no verdict of the soft-environment office; it now shows as overdue.`,
      },
    ),
    escalation: alertWords(
      { zh: `逾期承诺升级督办：${dept}`, en: 'Overdue pledge escalated to the supervisors' },
      { zh: `${what.zh}过期很久仍无软环境办的审核结论。`, en: `${what.en}, is still without the office's verdict well past its due date.` },
    ),
  }[stage];
  return stillOpen({ kind: `pledge-${stage}`, subject: { type: 'pledge', id: pledge.id }, ...text });
};
