/** A pledge's due-date watch timed again on a changed calendar (its warning and escalation are working time). */
import { retimed } from '#shared/time/calendar-store';
import type { MatterRetime } from '#shared/outbox/deadline-checks';
import { restartDeadlineEffects } from '#shared/outbox/effects';
import { newId } from '#shared/data/ids';
import { dueDateMatter } from './service.ts';
import { getPledge, updatePledge } from './store.ts';

export const retimePledgeMatter: MatterRetime = async (matter, now) => {
  for (let attempt = 0; attempt < 3; attempt += 1) {
    const pledge = await getPledge(matter.id);
    if (!pledge || pledge.final || (pledge.deadline.version ?? 1) !== matter.version) return false;
    const timeline = await retimed(pledge.deadline.timeline, 'pledges', now);
    if (!timeline) return false;
    const deadline = { timeline, version: matter.version + 1 };
    const ok = await updatePledge(pledge, { deadline }, undefined, [
      ...restartDeadlineEffects(
        dueDateMatter(pledge),
        dueDateMatter({ ...pledge, deadline }),
        timeline,
        'the calendar changed',
        newId,
        now,
      ),
    ]);
    if (ok) return true;
  }
  return false;
};
