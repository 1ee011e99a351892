/** What the pledge routes answer (see shared/http/responses.ts). */
import * as z from 'zod/mini';
import { dateOut, instantOut, pageOf, timelineOut } from '#shared/http/responses';
import { PLEDGE_STATUSES, PLEDGE_VERDICTS } from './rules.ts';

export const pledgeView = z.looseObject({
  id: z.string(),
  department: z.string(),
  title: z.string(),
  description: z.string(),
  dueDate: dateOut,
  serviceCode: z.optional(z.string()),
  statutoryLimitDays: z.optional(z.number()),
  pledgedLimitDays: z.optional(z.number()),
  status: z.enum(PLEDGE_STATUSES),
  final: z.boolean(),
  overdue: z.boolean(),
  createdAt: instantOut,
  version: z.int(),
  deadline: z.looseObject({ timeline: timelineOut, version: z.optional(z.int()) }),
  reviews: z.array(z.looseObject({ verdict: z.enum(PLEDGE_VERDICTS), evidence: z.string(), at: instantOut, byOffice: z.boolean() })),
  /** For a pledge on a limit the system measures itself: the real cases of its period. */
  measured: z.optional(
    z.looseObject({
      service: z.string(),
      pledgedLimitDays: z.number(),
      cases: z.int(),
      withinLimit: z.int(),
      share: z.nullable(z.number()),
      proposal: z.nullable(z.enum(['kept', 'broken'])),
    }),
  ),
});

export const pledgeResponses = { pledge: pledgeView, pledges: pageOf(pledgeView) };
