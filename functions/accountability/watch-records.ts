/** The retaliation watch's flag as it is stored and shown, declared once (records.ts re-exports it). */
import * as z from 'zod/mini';
import type { FieldTypes } from '#shared/data/codecs';
import { FLAG_STATUSES, WATCHED_ACTS } from './watch-rules.ts';

/** A flag of the retaliation watch (打击报复), for the supervisors only. */
export const flagFields = (t: FieldTypes) => ({
  id: z.string(),
  dept: z.string(),
  enterpriseId: z.string(),
  act: z.object({ type: z.enum(WATCHED_ACTS), id: z.string(), at: t.instant }),
  complaint: z.object({ id: z.string(), at: t.instant }),
  daysSinceComplaint: t.int,
  status: z.enum(FLAG_STATUSES),
  review: z.optional(
    z.object({ outcome: z.enum(['dismissed', 'case-opened']), reason: z.string(), at: t.instant, caseId: z.optional(z.string()) }),
  ),
});
