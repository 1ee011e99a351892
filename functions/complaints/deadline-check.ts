/**
 * The deadline workflow asks about a complaint. An acknowledgement limit that passes moves the
 * complaint to the next available post (AB岗: A, then B, then C, then the department head's
 * post), restarts the limit for the new holder, and tells both in the breach alert.
 */
import { localDate, toLocalIso } from '#shared/time/clock';
import { type MatterCheck, closed, passToNextPost, stillOpen } from '#shared/outbox/deadline-checks';
import { deadlineTimeline } from '#shared/time/calendar-store';
import { startDeadlineEffect } from '#shared/outbox/effects';
import { newId } from '#shared/data/ids';
import { acknowledgementMatter } from './intake.ts';
import { getRoster } from '#shared/domain/roster-store';
import { effectiveHolder } from '#shared/domain/roster';
import { getComplaint, updateComplaint } from './store.ts';

export const checkComplaintMatter: MatterCheck = async (matter, stage, now) => {
  const complaint = await getComplaint(matter.id);
  if (!complaint) return closed;
  const subject = { type: 'complaint', id: complaint.id };
  const what = `Complaint ${complaint.id} (${complaint.category}) against ${complaint.againstDept}`;

  if (matter.kind === 'acknowledgement') {
    const deadline = complaint.deadlines.acknowledgement;
    if (complaint.status !== 'received' || !deadline || deadline.version !== matter.version) return closed;
    // Who held it today: the post covering for an absent holder (外出告知) answers for the breach.
    const today = localDate(now);
    const roster = complaint.assignment ? await getRoster(complaint.againstDept, today) : [];
    const holder = complaint.assignment && effectiveHolder(roster, complaint.assignment, today);
    if (stage === 'breach' && holder && holder.post !== 'head') {
      return passToNextPost(
        { roster, on: today, holder },
        async (next) => {
          const acknowledgement = {
            version: deadline.version + 1,
            timeline: await deadlineTimeline(now, complaint.limits.acknowledgeDays, 'complaints'),
          };
          // The new holder's limit starts now; the watch starts only if the move is written.
          return updateComplaint(
            complaint,
            { assignment: next, deadlines: { ...complaint.deadlines, acknowledgement } },
            [
              {
                at: toLocalIso(now),
                event: 'reassigned',
                public: false,
                text: `Not acknowledged in time at post ${holder.post} (${holder.handlerName}); moved to post ${next.post} (${next.handlerName}).`,
              },
            ],
            [startDeadlineEffect(acknowledgementMatter(complaint, acknowledgement.version), acknowledgement.timeline, newId(), now)],
          );
        },
        (next) => ({
          kind: 'acknowledgement-breach-reassigned',
          subject,
          title: `Complaint not acknowledged in time: moved from post ${holder.post} to post ${next.post}`,
          detail: `${what} was not acknowledged within ${complaint.limits.acknowledgeDays} working day(s) by post ${holder.post} (${holder.handlerName}); it now lies with post ${next.post} (${next.handlerName}).`,
        }),
      );
    }
    const text = {
      warning: {
        title: 'A complaint awaits acknowledgement; its limit is near',
        detail: `${what} has not been acknowledged; post ${holder?.post ?? 'head'} holds it.`,
      },
      breach: {
        title: 'A complaint was not acknowledged in time',
        detail: `${what} was not acknowledged within its limit, even by the department head's post.`,
      },
      escalation: {
        title: 'Unacknowledged complaint escalated to the supervisors',
        detail: `${what} is still not acknowledged well past its limit.`,
      },
    }[stage];
    return stillOpen({ kind: `acknowledgement-${stage}`, subject, ...text });
  }

  const deadline = complaint.deadlines.resolution;
  const open =
    complaint.status === 'received' || complaint.status === 'acknowledged' || (matter.kind === 'verdict' && complaint.status !== 'closed');
  if (!open || deadline.version !== matter.version) return closed;
  const due = toLocalIso(new Date(deadline.timeline.deadline));
  const noun = matter.kind === 'verdict' ? 'verdict' : 'answer';
  const text = {
    warning: { title: `A complaint's ${noun} is due soon`, detail: `${what}: the ${noun} is due by ${due}.` },
    breach: {
      title: `A complaint's ${noun} is overdue`,
      detail: `${what}: the ${noun} was due by ${due}${complaint.delayNotice ? ' (after a delay notice)' : ' and no delay notice was given'}.`,
    },
    escalation: { title: `Overdue complaint escalated to the supervisors`, detail: `${what}: still no ${noun}, well past ${due}.` },
  }[stage];
  return stillOpen({ kind: `${matter.kind}-${stage}`, subject, ...text });
};
