/**
 * The deadline workflow asks: has the soft-environment office given its verdict on this pledge?
 * Only the office's verdict is final (a department may not certify its own pledge), so the due
 * date is watched until it is given, whatever the department reports.
 */
import { type MatterCheck, closed, stillOpen } from '#shared/outbox/deadline-checks';
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
  const reported = pledge.status === 'open' ? '' : ` (the department reports "${pledge.status}")`;
  const what = `"${pledge.title}" of ${pledge.department}, due ${pledge.dueDate}${reported}`;
  const text = {
    warning: {
      title: "A public pledge falls due soon without the office's verdict",
      detail: `${what}, has no verdict of the soft-environment office yet.`,
    },
    breach: {
      title: "A public pledge passed its due date without the office's verdict",
      detail: `${what}, passed its due date with no verdict of the soft-environment office; it now shows as overdue.`,
    },
    escalation: {
      title: 'Overdue pledge escalated to the supervisors',
      detail: `${what}, is still without the office's verdict well past its due date.`,
    },
  }[stage];
  return stillOpen({ kind: `pledge-${stage}`, subject: { type: 'pledge', id: pledge.id }, ...text });
};
