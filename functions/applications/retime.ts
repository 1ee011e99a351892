/** An application's watch timed again on a changed calendar: it restarts under a new version. */
import { retimed } from '#shared/time/calendar-store';
import { toLocalIso } from '#shared/time/clock';
import type { MatterRetime } from '#shared/outbox/deadline-checks';
import { restartDeadlineEffects } from '#shared/outbox/effects';
import { newId } from '#shared/data/ids';
import { decisionMatter, getApplication, updateApplication } from './store.ts';

export const retimeApplicationMatter: MatterRetime = async (matter, now) => {
  for (let attempt = 0; attempt < 3; attempt += 1) {
    const application = await getApplication(matter.id);
    const current = application?.watch;
    if (!application || !current || application.status !== 'accepted' || current.version !== matter.version) return false;
    const timeline = await retimed(current.timeline, 'applications', now);
    if (!timeline) return false;
    const watch = { version: current.version + 1, timeline };
    const deadline = toLocalIso(new Date(timeline.deadline));
    const set = { watch, deadline, ...(application.delayNotice ? {} : { statutoryDeadline: toLocalIso(new Date(timeline.escalateAt)) }) };
    const ok = await updateApplication(
      application,
      set,
      [{ at: toLocalIso(now), event: 'retimed', text: `The holiday calendar changed: the decision is now due by ${deadline}.` }],
      [
        ...restartDeadlineEffects(
          decisionMatter(application, current.version),
          decisionMatter(application, watch.version),
          timeline,
          'the calendar changed',
          newId,
          now,
        ),
      ],
    );
    if (ok) return true;
  }
  return false;
};
