/**
 * The deadline workflow asks: is this inspection still waiting for the office's decision? At the
 * end of the planned day an approval not given lapses: the inspection cannot take place.
 */
import { addDays, startOfLocalDate, toLocalIso } from '#shared/time/clock';
import { type MatterCheck, closed, stillOpen } from '#shared/outbox/deadline-checks';
import { getInspection, lapseApproval } from './store.ts';

export const checkInspectionMatter: MatterCheck = async (matter, stage, now) => {
  const inspection = await getInspection(matter.id);
  if (!inspection || inspection.status !== 'pending-approval' || matter.kind !== 'approval') return closed;
  // A watch the calendar restarted under a later version ends quietly.
  if ((inspection.approval?.version ?? 1) !== matter.version) return closed;
  const deadline = inspection.approval ? toLocalIso(new Date(inspection.approval.timeline.deadline)) : 'its limit';
  const what = `${inspection.category} inspection of enterprise ${inspection.enterpriseId} by ${inspection.department}, planned ${inspection.plannedDate}`;
  if (now.getTime() >= startOfLocalDate(addDays(inspection.plannedDate, 1)).getTime()) {
    // A decision that won at the same moment leaves nothing to lapse.
    if ((await lapseApproval(inspection, toLocalIso(now))) === 'not-pending') return closed;
    return stillOpen({
      kind: 'approval-lapsed',
      title: 'An inspection approval lapsed: the planned day passed undecided',
      detail: `The soft-environment office did not decide on the ${what} by the end of the planned day; it lapsed and cannot take place${inspection.category === 'routine' ? ', and its place under the yearly routine cap is free again' : ''}. The department may file it again.`,
      subject: { type: 'inspection', id: inspection.id },
    });
  }
  const text = {
    warning: {
      title: 'An inspection awaits approval; its limit is near',
      detail: `The ${what} awaits the soft-environment office's decision, due by ${deadline}.`,
    },
    breach: {
      title: 'An inspection approval is overdue',
      detail: `The soft-environment office has not decided on the ${what}; the limit passed at ${deadline}.`,
    },
    escalation: {
      title: 'Overdue inspection approval escalated to the supervisors',
      detail: `The ${what} is still undecided well past its limit (${deadline}); the discipline supervisors should act.`,
    },
  }[stage];
  return stillOpen({ kind: `approval-${stage}`, ...text, subject: { type: 'inspection', id: inspection.id } });
};
