/**
 * The accountability records, declared once: store.ts builds the codecs from these fields with
 * the `stored` field types, responses.ts the response schemas with the `shown` ones.
 */
import * as z from 'zod/mini';
import type { FieldTypes } from '#shared/data/codecs';
import { CASE_STATUSES, CLAUSES, FINDING_METHODS, FINDING_STATUSES, MEASURES, OUTCOMES, SOURCE_TYPES } from './rules.ts';

export { flagFields } from './watch-records.ts';

/** A supervision finding (明查暗访) as the department sees it once it is shown. */
export const findingFields = (t: FieldTypes) => ({
  id: z.string(),
  dept: z.string(),
  method: z.enum(FINDING_METHODS),
  observedAt: t.instant,
  place: z.string(),
  clause: z.enum(CLAUSES),
  description: z.string(),
  post: z.optional(z.string()),
  status: z.enum(FINDING_STATUSES),
  recordedAt: t.instant,
  /** When the department was shown it (recorded, for an open check; disclosed, for a covert one). */
  shownAt: z.optional(t.instant),
  response: z.optional(z.object({ statement: z.string(), rectification: z.string(), at: t.instant })),
  overdue: z.boolean(),
});

export const sourceFields = { type: z.enum(SOURCE_TYPES), id: z.string() };

export const sanctionFields = { measure: z.enum(MEASURES), person: z.optional(z.string()), note: z.optional(z.string()) };

/** An accountability case: sources, investigation, decision, appeal. */
export const caseFields = (t: FieldTypes) => ({
  id: z.string(),
  dept: z.string(),
  clause: z.enum(CLAUSES),
  summary: z.string(),
  sources: z.array(z.object(sourceFields)),
  status: z.enum(CASE_STATUSES),
  openedAt: t.instant,
  decision: z.optional(
    z.object({ outcome: z.enum(OUTCOMES), sanctions: z.array(z.object(sanctionFields)), at: t.instant, appealBy: t.instant }),
  ),
  appeal: z.optional(z.object({ reason: z.string(), at: t.instant })),
  appealDecision: z.optional(z.object({ upheld: z.boolean(), reason: z.string(), at: t.instant })),
  /** Withdrawn on appeal: the sanctions no longer count anywhere. */
  withdrawn: z.boolean(),
});

/** A public notice (通报): the unit, never a person. */
export const noticeFields = (t: FieldTypes) => ({
  caseId: z.string(),
  dept: z.string(),
  clause: z.enum(CLAUSES),
  measure: z.enum(MEASURES),
  decidedAt: t.instant,
});

/** The last placed department's rectification plan (末位整改), filed once a quarter (served by the evaluation's route). */
export const planFields = (t: FieldTypes) => ({
  quarter: z.string(),
  dept: z.string(),
  causes: z.string(),
  measures: z.string(),
  dueDate: t.date,
  filedAt: t.instant,
});
