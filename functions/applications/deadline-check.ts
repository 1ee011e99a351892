/**
 * The deadline workflow asks about an application awaiting its decision. At the breach the work
 * moves to the next available post after the person holding it (AB岗); the owner (首问负责)
 * stays, and the pledged deadline does not move: the clock started at acceptance.
 */
import { localDate, toLocalIso } from '#shared/time/clock';
import { type MatterCheck, closed, passToNextPost, stillOpen } from '#shared/outbox/deadline-checks';
import { getRoster } from '#shared/domain/roster-store';
import { effectiveHolder } from '#shared/domain/roster';
import { getApplication, postOf, updateApplication } from './store.ts';

export const checkApplicationMatter: MatterCheck = async (matter, stage, now) => {
  const application = await getApplication(matter.id);
  if (!application || application.status !== 'accepted' || application.watch?.version !== matter.version) return closed;
  const subject = { type: 'application', id: application.id };
  const what = `Application ${application.id} (${application.itemCode} ${application.itemName}) of enterprise ${application.enterpriseId} at ${application.dept}`;
  const due = toLocalIso(new Date(application.watch.timeline.deadline));
  // Who holds it today: the post covering for an absent holder (外出告知) answers for the breach.
  const today = localDate(now);
  const roster = await getRoster(application.dept, today);
  const holder = effectiveHolder(roster, application.assignedTo, today);
  const owner = application.owner ? `; its owner (首问负责) is ${application.owner.sub}` : '';
  if (stage === 'breach' && holder.post !== 'head') {
    return passToNextPost(
      { roster, on: today, holder },
      (next) =>
        updateApplication(application, { assignedTo: postOf(next) }, [
          {
            at: toLocalIso(now),
            event: 'reassigned',
            text: `Not decided by ${due} at post ${holder.post} (${holder.handlerName}); moved to post ${next.post} (${next.handlerName}).`,
          },
        ]),
      (next) => ({
        kind: 'decision-breach-reassigned',
        subject,
        title: `An application was not decided in time: moved from post ${holder.post} to post ${next.post}`,
        detail: `${what} was due by ${due}${application.delayNotice ? ' (after a delay notice)' : ''}; post ${holder.post} (${holder.handlerName}) let it pass and it now lies with post ${next.post} (${next.handlerName})${owner}.`,
      }),
    );
  }
  const text = {
    warning: {
      title: "An application's decision is due soon",
      detail: `${what}: two thirds of the time is gone; the decision is due by ${due}; post ${holder.post} (${holder.handlerName}) holds it${owner}.`,
    },
    breach: {
      title: 'An application was not decided in time',
      detail: `${what} was due by ${due}, and not decided even at the department head's post${owner}.`,
    },
    escalation: {
      title: 'An application reached its statutory limit undecided: escalated to the supervisors',
      detail: `${what}: still undecided at the statutory limit (${application.limits.statutoryDays} working days from acceptance)${owner}.`,
    },
  }[stage];
  return stillOpen({ kind: `decision-${stage}`, subject, ...text });
};
