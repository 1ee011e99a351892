import * as z from 'zod/mini';
import { defineRoutes } from '#shared/http/routes';
import { creditCodeSchema, deptIdSchema, fen, idParams, localDateSchema, pageQuery, text } from '#shared/http/validation';
import { INSPECTION_CATEGORIES, INSPECTION_STATUSES } from './rules.ts';
import { inspectionResponses as out } from './responses.ts';

export const inspectionRoutes = defineRoutes('inspections', {
  fileInspection: {
    response: out.inspection,
    method: 'POST',
    path: '/inspections',
    roles: ['department'],
    creates: true,
    summary: 'File an inspection of an enterprise (quiet-day rule, approval after the 25th)',
    body: z.strictObject({
      enterpriseId: creditCodeSchema,
      plannedDate: localDateSchema,
      category: z.enum(INSPECTION_CATEGORIES),
      reason: text(2000),
      legalBasis: text(500),
      inspectors: z.array(text(100)).check(z.minLength(1), z.maxLength(20)),
    }),
  },
  listInspections: {
    response: out.inspections,
    method: 'GET',
    path: '/inspections',
    roles: ['department', 'soft-env-office', 'supervisor', 'enterprise'],
    summary: "Inspections in the caller's scope",
    query: z.strictObject({
      enterpriseId: z.optional(creditCodeSchema),
      dept: z.optional(deptIdSchema),
      status: z.optional(z.enum(INSPECTION_STATUSES)),
      month: z.optional(z.string().check(z.regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'Expected a month YYYY-MM'))),
      ...pageQuery,
    }),
  },
  getInspection: {
    response: out.inspectionWithVisits,
    method: 'GET',
    path: '/inspections/{id}',
    roles: ['department', 'soft-env-office', 'supervisor', 'enterprise'],
    summary: 'One inspection, its decision and its visits',
    params: idParams,
  },
  decideInspection: {
    response: out.inspection,
    method: 'POST',
    path: '/inspections/{id}/decision',
    roles: ['soft-env-office'],
    summary: 'Approve or reject an inspection planned after the 25th',
    params: idParams,
    body: z.strictObject({ decision: z.enum(['approve', 'reject']), comment: text(2000) }),
  },
  recordVisit: {
    response: out.visit,
    method: 'POST',
    path: '/inspections/{id}/visits',
    roles: ['enterprise'],
    creates: true,
    summary: 'Inspectors are at the door: is this visit allowed?',
    params: idParams,
    body: z.strictObject({ inspectorsPresent: z.optional(z.array(text(100)).check(z.maxLength(20))), note: z.optional(text(2000)) }),
    bodyOptional: true,
  },
  recordOutcome: {
    response: out.inspection,
    method: 'POST',
    path: '/inspections/{id}/outcome',
    roles: ['department'],
    creates: true,
    summary: 'The findings of an inspection (first minor violation: no fine)',
    params: idParams,
    body: z.strictObject({
      findings: z
        .array(z.strictObject({ description: text(2000), severity: z.enum(['minor', 'serious']), fine: fen }))
        .check(z.maxLength(50)),
    }),
  },
  findingsRegister: {
    response: out.findings,
    method: 'GET',
    path: '/enterprises/{enterpriseId}/findings',
    roles: ['department', 'soft-env-office', 'supervisor', 'enterprise'],
    summary: 'The register of inspection findings of an enterprise',
    params: z.strictObject({ enterpriseId: creditCodeSchema }),
    query: z.strictObject({ ...pageQuery }),
  },
});
