/**
 * An inspection's approval watch timed again on a changed calendar: the office's limit counts
 * working days, and still ends with the planned day at the latest (approvalTimelineWithin).
 */
import { addDays, startOfLocalDate } from '#shared/time/clock';
import type { MatterRetime } from '#shared/outbox/deadline-checks';
import { retimeWatch } from '#shared/outbox/retime';
import { approvalTimelineWithin } from './rules.ts';
import { approvalMatter } from './service.ts';
import { getInspection, retimeApproval } from './store.ts';

export const retimeInspectionMatter: MatterRetime = (matter, now) =>
  retimeWatch(
    'inspections',
    now,
    async () => {
      const inspection = await getInspection(matter.id);
      // Still awaiting the decision this watch is for.
      if (inspection?.status !== 'pending-approval' || !inspection.approval || approvalMatter(inspection).version !== matter.version) {
        return undefined;
      }
      const { approval } = inspection;
      const plannedDayEnd = startOfLocalDate(addDays(inspection.plannedDate, 1));
      return {
        record: { inspection, approval },
        timeline: approval.timeline,
        within: (timeline) => approvalTimelineWithin(timeline, new Date(inspection.filedAt), plannedDayEnd),
      };
    },
    ({ inspection, approval }, timeline, restart) => {
      const again = { ...approval, timeline, version: matter.version + 1 };
      return retimeApproval(inspection, again, restart(approvalMatter(inspection), approvalMatter({ ...inspection, approval: again })));
    },
  );
