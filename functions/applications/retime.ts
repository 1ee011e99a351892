/** An application's watch timed again on a changed calendar: it restarts under a new version. */
import { toLocalIso } from '#shared/time/clock';
import type { MatterRetime } from '#shared/outbox/deadline-checks';
import { retimeWatch } from '#shared/outbox/retime';
import { decisionMatter, getApplication, updateApplication } from './store.ts';

export const retimeApplicationMatter: MatterRetime = (matter, now) =>
  retimeWatch(
    'applications',
    now,
    async () => {
      const application = await getApplication(matter.id);
      const watch = application?.watch;
      if (!application || !watch || application.status !== 'accepted' || watch.version !== matter.version) return undefined;
      return { record: application, timeline: watch.timeline };
    },
    (application, timeline, restart) => {
      const version = matter.version + 1;
      const deadline = toLocalIso(new Date(timeline.deadline));
      const statutory = application.delayNotice ? {} : { statutoryDeadline: toLocalIso(new Date(timeline.escalateAt)) };
      return updateApplication(
        application,
        { watch: { version, timeline }, deadline, ...statutory },
        [{ at: toLocalIso(now), event: 'retimed', text: `The holiday calendar changed: the decision is now due by ${deadline}.` }],
        restart(decisionMatter(application, matter.version), decisionMatter(application, version)),
      );
    },
  );
