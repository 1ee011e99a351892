/** What the pledge routes answer (see shared/http/responses.ts). */
import * as z from 'zod/mini';
import { instantOut, pageOf, shown, timelineOut } from '#shared/http/responses';
import { pledgeFields, reviewFields } from './records.ts';

export const pledgeView = z.looseObject({
  ...pledgeFields(shown),
  createdAt: instantOut,
  version: z.int(),
  deadline: z.looseObject({ timeline: timelineOut, version: z.optional(z.int()) }),
  reviews: z.array(z.looseObject({ ...reviewFields(shown), byOffice: z.boolean() })),
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
