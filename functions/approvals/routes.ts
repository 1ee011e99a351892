import * as z from 'zod/mini';
import { defineRoutes } from '#shared/http/routes';
import { deptIdSchema, pageQuery, text } from '#shared/http/validation';
import { approvalResponses as out } from './responses.ts';

const codeParams = z.strictObject({ code: z.string().check(z.regex(/^[A-Za-z0-9-]{1,40}$/, 'Expected an item code like SC-001')) });
const workingDays = z.int().check(z.minimum(1), z.maximum(365));

/** The catalogue of approval items (审批事项) of the investment service centre, kept by the office, public. */
export const approvalRoutes = defineRoutes('approvals', {
  putItem: {
    response: out.item,
    method: 'PUT',
    path: '/approval-items/{code}',
    roles: ['soft-env-office'],
    summary: 'Add or revise an approval item: its department, legal basis, limits (pledged ≤ ⅔ statutory) and materials',
    params: codeParams,
    body: z.strictObject({
      dept: deptIdSchema,
      name: text(200),
      legalBasis: text(500),
      statutoryDays: workingDays,
      pledgedDays: workingDays,
      materials: z.array(text(200)).check(z.maxLength(50)),
    }),
  },
  listItems: {
    response: out.items,
    method: 'GET',
    path: '/approval-items',
    roles: 'public',
    summary: 'The catalogue, each item with its limits and its real record',
    query: z.strictObject({ dept: z.optional(deptIdSchema), ...pageQuery }),
  },
  getItem: {
    response: out.item,
    method: 'GET',
    path: '/approval-items/{code}',
    roles: 'public',
    summary: 'One approval item with its record',
    params: codeParams,
  },
});
