import * as z from 'zod/mini';
import { defineRoutes } from '#shared/http/routes';
import { deptIdSchema, localDateSchema, pageQuery, text, idParams } from '#shared/http/validation';
import { PLEDGE_STATUSES, PLEDGE_VERDICTS } from './rules.ts';
import { pledgeResponses as out } from './responses.ts';

const days = z.number().check(z.positive(), z.maximum(3650));

export const pledgeRoutes = defineRoutes('pledges', {
  makePledge: {
    response: out.pledge,
    method: 'POST',
    path: '/pledges',
    roles: ['department'],
    creates: true,
    summary: 'Publish a service pledge (a pledged limit is at most two thirds of the statutory one)',
    body: z
      .strictObject({
        title: text(200),
        description: text(5000),
        dueDate: localDateSchema,
        serviceCode: z.optional(
          z.string().check(z.regex(/^[a-z0-9][a-z0-9-]{0,63}$/, 'Expected a service code like complaint-resolution')),
        ),
        statutoryLimitDays: z.optional(days),
        pledgedLimitDays: z.optional(days),
      })
      .check(
        z.refine((b) => (b.statutoryLimitDays === undefined) === (b.pledgedLimitDays === undefined), {
          error: 'Give the statutory and the pledged limit together',
          path: ['pledgedLimitDays'],
        }),
      ),
  },
  listPledges: {
    response: out.pledges,
    method: 'GET',
    path: '/pledges',
    roles: 'public',
    summary: 'Public pledges',
    query: z.strictObject({ dept: z.optional(deptIdSchema), status: z.optional(z.enum([...PLEDGE_STATUSES, 'overdue'])), ...pageQuery }),
  },
  getPledge: {
    response: out.pledge,
    method: 'GET',
    path: '/pledges/{id}',
    roles: 'public',
    summary: 'One pledge with its reviews (and, for a measured service, the real figure)',
    params: idParams,
  },
  reviewPledge: {
    response: out.pledge,
    method: 'POST',
    path: '/pledges/{id}/reviews',
    roles: ['department', 'soft-env-office'],
    creates: true,
    summary:
      "Look back (回头看): progress or a verdict with evidence; the office's verdict is final; only the office may excuse (force majeure)",
    params: idParams,
    body: z.strictObject({ verdict: z.enum(PLEDGE_VERDICTS), evidence: text(5000) }),
  },
});
