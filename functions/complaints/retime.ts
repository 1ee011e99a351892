/** A complaint's limits timed again on a changed calendar: the watch restarts under a new version. */
import { toLocalIso } from '#shared/time/clock';
import type { MatterRetime } from '#shared/outbox/deadline-checks';
import { retimeWatch } from '#shared/outbox/retime';
import { acknowledgementMatter, resolutionMatter, type Complaint } from './intake.ts';
import { getComplaint, updateComplaint } from './store.ts';

const stillOpen = (complaint: Complaint, kind: string): boolean =>
  kind === 'acknowledgement'
    ? complaint.status === 'received'
    : complaint.status === 'received' || complaint.status === 'acknowledged' || (kind === 'verdict' && complaint.status !== 'closed');

export const retimeComplaintMatter: MatterRetime = (matter, now) => {
  const which = matter.kind === 'acknowledgement' ? 'acknowledgement' : 'resolution';
  const matterOf = which === 'acknowledgement' ? acknowledgementMatter : resolutionMatter;
  return retimeWatch(
    'complaints',
    now,
    async () => {
      const complaint = await getComplaint(matter.id);
      const current = complaint?.deadlines[which];
      if (!complaint || !current || !stillOpen(complaint, matter.kind) || current.version !== matter.version) return undefined;
      return { record: complaint, timeline: current.timeline };
    },
    (complaint, timeline, restart) => {
      const next = { ...complaint.deadlines[which], version: matter.version + 1, timeline };
      const due = toLocalIso(new Date(timeline.deadline));
      const noun = which === 'acknowledgement' ? 'acknowledgement' : 'answer';
      return updateComplaint(
        complaint,
        { deadlines: { ...complaint.deadlines, [which]: next } },
        [
          {
            at: toLocalIso(now),
            event: 'retimed',
            public: which === 'resolution',
            text: `The holiday calendar changed: the ${noun} is now due by ${due}.`,
          },
        ],
        restart(matterOf(complaint, matter.version), matterOf(complaint, next.version)),
      );
    },
  );
};
