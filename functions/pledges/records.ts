/**
 * The pledge record, declared once: store.ts builds its codec from these fields with the
 * `stored` field types, responses.ts its response schema with the `shown` ones.
 */
import * as z from 'zod/mini';
import type { FieldTypes } from '#shared/data/codecs';
import { PLEDGE_STATUSES, PLEDGE_VERDICTS } from './rules.ts';

/** What the department states when it makes the pledge. */
export const termsFields = (t: FieldTypes) => ({
  title: z.string(),
  description: z.string(),
  dueDate: t.date,
  serviceCode: z.optional(z.string()),
  statutoryLimitDays: z.optional(z.number()),
  pledgedLimitDays: z.optional(z.number()),
});
export type PledgeTerms = z.infer<z.ZodMiniObject<ReturnType<typeof termsFields>>>;

/** The pledge and where it stands. */
export const pledgeFields = (t: FieldTypes) => ({
  id: z.string(),
  department: z.string(),
  ...termsFields(t),
  status: z.enum(PLEDGE_STATUSES),
  final: z.boolean(),
  overdue: z.boolean(),
});

/** A verdict on whether the pledge was kept, with its evidence. */
export const reviewFields = (t: FieldTypes) => ({ verdict: z.enum(PLEDGE_VERDICTS), evidence: z.string(), at: t.instant });
