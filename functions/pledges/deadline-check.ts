/** The deadline workflow asks: has this pledge been judged kept (or broken) by its due date? */
import type { MatterCheck } from '#shared/deadline-checks';
import { getPledge, updatePledge } from './store.ts';

export const checkPledgeMatter: MatterCheck = async (matter, stage) => {
  const pledge = await getPledge(matter.id);
  if (!pledge || (pledge.status !== 'open' && pledge.status !== 'in-progress') || (pledge.deadline.version ?? 1) !== matter.version) return { open: false };
  // Past its due date with no verdict, it shows as overdue.
  if (stage === 'breach' && !pledge.overdue && !(await updatePledge(pledge, { overdue: true }, undefined))) {
    const reread = await getPledge(matter.id);
    if (!reread || (reread.status !== 'open' && reread.status !== 'in-progress')) return { open: false };
  }
  const what = `"${pledge.title}" of ${pledge.department}, due ${pledge.dueDate}`;
  const text = {
    warning: { title: 'A public pledge falls due soon without a verdict', detail: `${what}, has no "kept" verdict yet.` },
    breach: { title: 'A public pledge passed its due date without being kept', detail: `${what}, passed its due date with no "kept" verdict; it now shows as overdue.` },
    escalation: { title: 'Overdue pledge escalated to the supervisors', detail: `${what}, is still without a verdict well past its due date.` },
  }[stage];
  return { open: true, alert: { kind: `pledge-${stage}`, subject: { type: 'pledge', id: pledge.id }, ...text } };
};
