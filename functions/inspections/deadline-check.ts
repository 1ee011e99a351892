/**
 * The deadline workflow asks: is this inspection still waiting for the office's decision? At the
 * end of the planned day an approval not given lapses: the inspection cannot take place.
 */
import { addDays, startOfLocalDate, toLocalIso } from '#shared/time/clock';
import { type MatterCheck, closed, stillOpen } from '#shared/outbox/deadline-checks';
import { getInspection, lapseApproval } from './store.ts';
import { inspectionDescribed } from './described.ts';
import { alertWords, readableTime } from '#shared/alerts/alert-text';

export const checkInspectionMatter: MatterCheck = async (matter, stage, now) => {
  const inspection = await getInspection(matter.id);
  if (!inspection || inspection.status !== 'pending-approval' || matter.kind !== 'approval') return closed;
  // A watch the calendar restarted under a later version ends quietly.
  if ((inspection.approval?.version ?? 1) !== matter.version) return closed;
  const deadline = inspection.approval ? readableTime(inspection.approval.timeline.deadline) : 'its limit';
  const what = await inspectionDescribed(inspection);
  const subject = { type: 'inspection', id: inspection.id };
  if (now.getTime() >= startOfLocalDate(addDays(inspection.plannedDate, 1)).getTime()) {
    // A decision that won at the same moment leaves nothing to lapse.
    if ((await lapseApproval(inspection, toLocalIso(now))) === 'not-pending') return closed;
    const routine = inspection.category === 'routine';
    return stillOpen({
      kind: 'approval-lapsed',
      ...alertWords(
        { zh: `检查审批逾期失效：${what.dept}`, en: 'An inspection approval lapsed: the planned day passed undecided' },
        {
          zh: `软环境办在计划日结束前未对${what.zh}作出审批，审批已失效，检查不得进行${routine ? '，其占用的年度日常检查次数已释放' : ''}。部门可重新报备。`,
          en: `The soft-environment office did not decide on the ${what.en} by the end of the planned day; it lapsed and cannot take place${routine ? ', and its place under the yearly routine cap is free again' : ''}. The department may file it again.`,
        },
      ),
      subject,
    });
  }
  const text = {
    warning: alertWords(
      { zh: `检查待审批，时限将到：${what.dept}`, en: 'An inspection awaits approval; its limit is near' },
      {
        zh: `${what.zh}待软环境办审批，应于${deadline}前决定。`,
        en: `The ${what.en} awaits the soft-environment office's decision, due by ${deadline}.`,
      },
    ),
    breach: alertWords(
      { zh: `检查审批超时：${what.dept}`, en: 'An inspection approval is overdue' },
      {
        zh: `软环境办未对${what.zh}作出审批，时限已于${deadline}届满。`,
        en: `The soft-environment office has not decided on the ${what.en}; the limit passed at ${deadline}.`,
      },
    ),
    escalation: alertWords(
      { zh: `检查审批久未决定，升级督办：${what.dept}`, en: 'Overdue inspection approval escalated to the supervisors' },
      {
        zh: `${what.zh}超过时限（${deadline}）很久仍未审批，请纪检监督人员督办。`,
        en: `The ${what.en} is still undecided well past its limit (${deadline}); the discipline supervisors should act.`,
      },
    ),
  }[stage];
  return stillOpen({ kind: `approval-${stage}`, ...text, subject });
};
