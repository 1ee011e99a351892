import * as z from 'zod/mini';
import { defineRoutes } from '#shared/http/routes';
import { creditCodeSchema, deptIdSchema, idParams, localDateSchema, pageQuery, text } from '#shared/http/validation';
import { APPLICATION_DECISIONS, APPLICATION_STATUSES } from './rules.ts';
import { applicationResponses as out } from './responses.ts';

const itemCode = z.string().check(z.regex(/^[A-Za-z0-9-]{1,40}$/, 'Expected an item code like SC-001'));
const materials = z.array(text(200)).check(z.maxLength(50));

/** Applications (办件) under the approval items of the investment service centre, watched from acceptApplication (受理). */
export const applicationRoutes = defineRoutes('applications', {
  fileApplication: {
    response: out.application,
    method: 'POST',
    path: '/applications',
    roles: ['enterprise', 'department'],
    creates: true,
    summary: 'File an application: the enterprise online, or a clerk at the window for its own items naming enterpriseId',
    body: z.strictObject({ itemCode, enterpriseId: z.optional(creditCodeSchema), materials }),
  },
  listApplications: {
    response: out.applications,
    method: 'GET',
    path: '/applications',
    roles: ['enterprise', 'department', 'soft-env-office', 'supervisor'],
    summary: "Applications in the caller's scope, newest first",
    query: z.strictObject({ status: z.optional(z.enum(APPLICATION_STATUSES)), dept: z.optional(deptIdSchema), ...pageQuery }),
  },
  getApplication: {
    response: out.application,
    method: 'GET',
    path: '/applications/{id}',
    roles: ['enterprise', 'department', 'soft-env-office', 'supervisor'],
    summary: 'One application with its timeline, and its deadline once accepted',
    params: idParams,
  },
  acceptApplication: {
    response: out.application,
    method: 'POST',
    path: '/applications/{id}/acceptance',
    roles: ['department'],
    summary: 'Accept it (受理: the clock starts), or give the one-time notice of everything missing (一次性告知)',
    params: idParams,
    body: z.strictObject({ accepted: z.boolean(), missing: z.optional(materials) }),
  },
  supplyApplicationMaterials: {
    response: out.application,
    method: 'POST',
    path: '/applications/{id}/materials',
    roles: ['enterprise'],
    summary: 'Supply what the one-time notice named: the application awaits acceptApplication again',
    params: idParams,
    body: z.strictObject({ materials: materials.check(z.minLength(1)) }),
  },
  applicationDelayNotice: {
    response: out.application,
    method: 'POST',
    path: '/applications/{id}/delay-notice',
    roles: ['department'],
    summary: 'Tell the applicant the decision will be late (滞后反馈告知): once, before the deadline, not past the statutory limit',
    params: idParams,
    body: z.strictObject({ reason: text(2000), expectedBy: localDateSchema }),
  },
  decideApplication: {
    response: out.application,
    method: 'POST',
    path: '/applications/{id}/decision',
    roles: ['department'],
    summary: 'Approve or refuse: closes the application and records whether it was on time',
    params: idParams,
    body: z.strictObject({ decision: z.enum(APPLICATION_DECISIONS), reason: text(2000) }),
  },
  rateApplication: {
    response: out.application,
    method: 'POST',
    path: '/applications/{id}/rating',
    roles: ['enterprise'],
    summary: 'Rate the service once after the decision (好差评), 1 to 5; 1 or 2 alerts the soft-environment office',
    params: idParams,
    body: z.strictObject({ score: z.int().check(z.minimum(1), z.maximum(5)), comment: z.optional(text(2000)) }),
  },
});
