/** A pledge's due-date watch timed again on a changed calendar (its warning and escalation are working time). */
import type { MatterRetime } from '#shared/outbox/deadline-checks';
import { retimeWatch } from '#shared/outbox/retime';
import { dueDateMatter } from './service.ts';
import { getPledge, updatePledge } from './store.ts';

export const retimePledgeMatter: MatterRetime = (matter, now) =>
  retimeWatch(
    'pledges',
    now,
    async () => {
      const pledge = await getPledge(matter.id);
      if (!pledge || pledge.final || (pledge.deadline.version ?? 1) !== matter.version) return undefined;
      return { record: pledge, timeline: pledge.deadline.timeline };
    },
    (pledge, timeline, restart) => {
      const deadline = { timeline, version: matter.version + 1 };
      return updatePledge(pledge, { deadline }, undefined, restart(dueDateMatter(pledge), dueDateMatter({ ...pledge, deadline })));
    },
  );
