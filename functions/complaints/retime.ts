/** A complaint's limits timed again on a changed calendar: the watch restarts under a new version. */
import { retimed } from '#shared/time/calendar-store';
import { toLocalIso } from '#shared/time/clock';
import type { MatterRetime } from '#shared/outbox/deadline-checks';
import { restartDeadlineEffects } from '#shared/outbox/effects';
import { newId } from '#shared/data/ids';
import { acknowledgementMatter, resolutionMatter, type Complaint } from './intake.ts';
import { getComplaint, updateComplaint } from './store.ts';

const stillOpen = (complaint: Complaint, kind: string): boolean =>
  kind === 'acknowledgement'
    ? complaint.status === 'received'
    : complaint.status === 'received' || complaint.status === 'acknowledged' || (kind === 'verdict' && complaint.status !== 'closed');

export const retimeComplaintMatter: MatterRetime = async (matter, now) => {
  const which = matter.kind === 'acknowledgement' ? 'acknowledgement' : 'resolution';
  const matterOf = which === 'acknowledgement' ? acknowledgementMatter : resolutionMatter;
  for (let attempt = 0; attempt < 3; attempt += 1) {
    const complaint = await getComplaint(matter.id);
    const current = complaint?.deadlines[which];
    if (!complaint || !current || !stillOpen(complaint, matter.kind) || current.version !== matter.version) return false;
    const timeline = await retimed(current.timeline, 'complaints', now);
    if (!timeline) return false;
    const next = { ...current, version: current.version + 1, timeline };
    const due = toLocalIso(new Date(timeline.deadline));
    const ok = await updateComplaint(
      complaint,
      { deadlines: { ...complaint.deadlines, [which]: next } },
      [
        {
          at: toLocalIso(now),
          event: 'retimed',
          public: which === 'resolution',
          text: `The holiday calendar changed: the ${which === 'acknowledgement' ? 'acknowledgement' : 'answer'} is now due by ${due}.`,
        },
      ],
      [
        ...restartDeadlineEffects(
          matterOf(complaint, current.version),
          matterOf(complaint, next.version),
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
