/** What the inspection routes answer (see shared/http/responses.ts). */
import * as z from 'zod/mini';
import { dateOut, fenOut, instantOut, openedComplaint, pageOf, shown, timelineOut } from '#shared/http/responses';
import { inspectionFields } from './records.ts';

const finding = z.looseObject({ description: z.string(), severity: z.enum(['minor', 'serious']), fine: fenOut });

export const inspectionView = z.looseObject({
  ...inspectionFields(shown),
  approval: z.optional(z.looseObject({ limitDays: z.number(), timeline: timelineOut })),
  decision: z.optional(
    z.looseObject({ decision: z.enum(['approve', 'reject']), comment: z.string(), decidedAt: instantOut, decidedBy: z.string() }),
  ),
  outcome: z.optional(z.looseObject({ findings: z.array(finding), recordedAt: instantOut, recordedBy: z.string() })),
});

export const visitView = z.looseObject({
  visitId: z.string(),
  inspectionId: z.string(),
  at: instantOut,
  allowed: z.boolean(),
  reason: z.string(),
  /** Who at the enterprise reported it: shown to the enterprise and the supervisors, not the department inspected. */
  recordedBy: z.optional(z.string()),
  inspectorsPresent: z.optional(z.array(z.string())),
  note: z.optional(z.string()),
  complaintId: z.optional(z.string()),
  /** A visit that was not allowed opens a quiet-day-violation complaint, once a day per inspection. */
  complaint: z.optional(z.union([openedComplaint, z.looseObject({ id: z.string() })])),
  /** A repeat report of the same day's unlawful visit: the complaint it belongs to, and the day's count of reports. */
  repeatOf: z.optional(z.string()),
  reportsToday: z.optional(z.int()),
});

export const findingView = z.looseObject({
  ...finding.shape,
  enterpriseId: z.string(),
  department: z.string(),
  inspectionId: z.string(),
  date: dateOut,
});

export const inspectionResponses = {
  inspection: inspectionView,
  inspectionWithVisits: z.looseObject({ ...inspectionView.shape, visits: z.array(visitView) }),
  inspections: pageOf(inspectionView),
  visit: visitView,
  findings: pageOf(findingView),
};
