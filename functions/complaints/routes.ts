import * as z from 'zod/mini';
import { defineRoutes } from '#shared/http/routes';
import { deptIdSchema, instantSchema, localDateSchema, pageQuery, text, idParams } from '#shared/http/validation';
import { COMPLAINT_CATEGORIES, COMPLAINT_STATUSES } from './rules.ts';
import { complaintResponses as out } from './responses.ts';
import { INTAKE_PER_CLIENT } from '#shared/http/intake-limit';

/**
 * Intake is public. Each client address may file INTAKE_PER_CLIENT complaints a minute (counted
 * in the handler, the same in AWS and locally); the route's throttle, one bucket for everyone in
 * API Gateway and the local gateway, only caps the whole intake well above what citizens send.
 */
export const INTAKE_THROTTLE = { rateLimit: 20, burstLimit: 40 } as const;
export { INTAKE_PER_CLIENT };

const handlerIdSchema = z.string().check(z.regex(/^[A-Za-z0-9._@-]{1,64}$/, 'Expected a handler id'));

export const complaintRoutes = defineRoutes('complaints', {
  fileComplaint: {
    response: out.filed,
    method: 'POST',
    path: '/complaints',
    roles: 'public',
    creates: true,
    optionalAuth: true,
    throttle: INTAKE_THROTTLE,
    perClient: INTAKE_PER_CLIENT,
    summary: 'Complain about a department (a token, if given, is verified and recorded)',
    body: z.strictObject({
      againstDept: deptIdSchema,
      category: z.enum(COMPLAINT_CATEGORIES),
      description: text(5000),
      occurredAt: z.optional(instantSchema),
      person: z.optional(text(100)),
      contact: z.optional(text(200)),
    }),
  },
  trackComplaint: {
    response: out.tracking,
    method: 'GET',
    path: '/complaints/track/{trackingCode}',
    roles: 'public',
    summary: 'Follow a complaint with its tracking code: status and public timeline, no identities',
    params: z.strictObject({ trackingCode: z.string().check(z.maxLength(200)) }),
  },
  listComplaints: {
    response: out.complaints,
    method: 'GET',
    path: '/complaints',
    roles: ['department', 'soft-env-office', 'supervisor', 'enterprise'],
    summary:
      "Complaints in the caller's scope (an enterprise: the ones it made, as their tracking page shows them; `dept`: against that department)",
    query: z.strictObject({ dept: z.optional(deptIdSchema), status: z.optional(z.enum(COMPLAINT_STATUSES)), ...pageQuery }),
  },
  getComplaint: {
    response: out.complaint,
    method: 'GET',
    path: '/complaints/{id}',
    roles: ['department', 'soft-env-office', 'supervisor'],
    summary: 'One complaint',
    params: idParams,
  },
  putHandlers: {
    response: out.roster,
    method: 'PUT',
    path: '/departments/{deptId}/handlers',
    roles: ['department', 'soft-env-office'],
    summary: 'The ordered A/B/C roster of complaint handlers (AB岗)',
    params: z.strictObject({ deptId: deptIdSchema }),
    body: z.strictObject({
      handlers: z
        .array(
          z.strictObject({
            id: handlerIdSchema,
            name: text(100),
            available: z.boolean(),
            // 外出告知: dates (inclusive) the post is away; its new matters go to the next available post.
            absences: z.optional(
              z
                .array(
                  z
                    .strictObject({ from: localDateSchema, to: localDateSchema })
                    .check(z.refine((absence) => absence.from <= absence.to, 'An absence ends on or after its first day')),
                )
                .check(z.maxLength(20)),
            ),
          }),
        )
        .check(
          z.maxLength(10),
          z.refine((handlers) => new Set(handlers.map((h) => h.id)).size === handlers.length, 'Handler ids must be unique'),
        ),
    }),
  },
  declareAbsence: {
    response: out.absence,
    method: 'POST',
    path: '/departments/{deptId}/handlers/{handlerId}/absence',
    roles: ['department'],
    creates: true,
    summary: 'A post declares it is away (外出告知): on those dates its open matters and new ones go to the next available post (AB岗)',
    params: z.strictObject({ deptId: deptIdSchema, handlerId: handlerIdSchema }),
    body: z
      .strictObject({ from: localDateSchema, to: localDateSchema, reason: text(500) })
      .check(z.refine((absence) => absence.from <= absence.to, { error: 'An absence ends on or after its first day', path: ['to'] })),
  },
  acknowledge: {
    response: out.complaint,
    method: 'POST',
    path: '/complaints/{id}/acknowledgement',
    roles: ['department'],
    summary: 'The department takes the complaint on',
    params: idParams,
    body: z.strictObject({}),
    bodyOptional: true,
  },
  delayNotice: {
    response: out.complaint,
    method: 'POST',
    path: '/complaints/{id}/delay-notice',
    roles: ['department'],
    summary: 'Tell the complainant the answer will be late, and why (once, before the limit)',
    params: idParams,
    body: z.strictObject({ reason: text(2000), expectedBy: localDateSchema }),
  },
  resolve: {
    response: out.complaint,
    method: 'POST',
    path: '/complaints/{id}/resolution',
    roles: ['department'],
    summary: "The department's answer",
    params: idParams,
    body: z.strictObject({ summary: text(5000) }),
  },
  verdict: {
    response: out.complaint,
    method: 'POST',
    path: '/complaints/{id}/verdict',
    roles: ['supervisor'],
    summary: 'Substantiated or not, and the action taken: closes the complaint',
    params: idParams,
    body: z.strictObject({ finding: z.enum(['substantiated', 'unsubstantiated']), action: text(2000) }),
  },
});
