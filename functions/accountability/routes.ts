import * as z from 'zod/mini';
import { defineRoutes } from '#shared/http/routes';
import { creditCodeSchema, deptIdSchema, idParams, instantSchema, pageQuery, text } from '#shared/http/validation';
import { CASE_STATUSES, CLAUSES, FINDING_METHODS, FINDING_STATUSES, FLAG_STATUSES, MEASURES, OUTCOMES, SOURCE_TYPES } from './rules.ts';
import { accountabilityResponses as out } from './responses.ts';

const clause = z.enum(CLAUSES, { error: `Expected a clause of the plan's §三: ${CLAUSES.join(', ')}` });
const supervisors = ['supervisor'] as const;
const readers = ['supervisor', 'soft-env-office', 'department'] as const;

export const accountabilityRoutes = defineRoutes('accountability', {
  recordFinding: {
    response: out.finding,
    method: 'POST',
    path: '/supervision-findings',
    roles: ['supervisor', 'soft-env-office'],
    creates: true,
    summary: 'Record a finding of an open or covert check (明查暗访); a covert one stays hidden from the department until disclosed',
    body: z.strictObject({
      dept: deptIdSchema,
      method: z.enum(FINDING_METHODS),
      observedAt: instantSchema,
      place: text(300),
      clause,
      description: text(5000),
      post: z.optional(text(200)),
    }),
  },
  listFindings: {
    response: out.findings,
    method: 'GET',
    path: '/supervision-findings',
    roles: readers,
    summary: 'Supervision findings; a department sees only its own that were shown to it',
    query: z.strictObject({ dept: z.optional(deptIdSchema), status: z.optional(z.enum(FINDING_STATUSES)), ...pageQuery }),
  },
  getFinding: {
    response: out.finding,
    method: 'GET',
    path: '/supervision-findings/{id}',
    roles: readers,
    summary: 'One supervision finding (404 for its department until shown)',
    params: idParams,
  },
  discloseFinding: {
    response: out.finding,
    method: 'POST',
    path: '/supervision-findings/{id}/disclosure',
    roles: supervisors,
    summary: 'Show a covert finding to its department: its 3-working-day response limit starts',
    params: idParams,
    bodyOptional: true,
    body: z.strictObject({}),
  },
  respondToFinding: {
    response: out.finding,
    method: 'POST',
    path: '/supervision-findings/{id}/response',
    roles: ['department'],
    summary: "The department's one response: its statement and rectification",
    params: idParams,
    body: z.strictObject({ statement: text(5000), rectification: text(5000) }),
  },
  openCase: {
    response: out.case,
    method: 'POST',
    path: '/accountability-cases',
    roles: supervisors,
    creates: true,
    summary: 'Open an accountability case from sources that exist (each source in at most one case); 20 working days to investigate',
    body: z.strictObject({
      dept: deptIdSchema,
      clause,
      summary: text(5000),
      sources: z
        .array(z.strictObject({ type: z.enum(SOURCE_TYPES), id: z.string().check(z.minLength(1), z.maxLength(100)) }))
        .check(z.minLength(1), z.maxLength(20)),
    }),
  },
  listCases: {
    response: out.cases,
    method: 'GET',
    path: '/accountability-cases',
    roles: readers,
    summary: 'Accountability cases; a department sees its own',
    query: z.strictObject({ dept: z.optional(deptIdSchema), status: z.optional(z.enum(CASE_STATUSES)), ...pageQuery }),
  },
  getCase: {
    response: out.case,
    method: 'GET',
    path: '/accountability-cases/{id}',
    roles: readers,
    summary: 'One accountability case with its sources, decision and appeal',
    params: idParams,
  },
  decideCase: {
    response: out.case,
    method: 'POST',
    path: '/accountability-cases/{id}/decision',
    roles: supervisors,
    summary: 'Decide a case once: not substantiated, or sanctioned with measures from the ladder (the three heaviest name a person)',
    params: idParams,
    body: z.strictObject({
      outcome: z.enum(OUTCOMES),
      sanctions: z._default(
        z
          .array(z.strictObject({ measure: z.enum(MEASURES), person: z.optional(text(100)), note: z.optional(text(1000)) }))
          .check(z.maxLength(20)),
        [],
      ),
    }),
  },
  appealCase: {
    response: out.case,
    method: 'POST',
    path: '/accountability-cases/{id}/appeal',
    roles: ['department'],
    summary: 'Appeal a decision once, within 5 working days',
    params: idParams,
    body: z.strictObject({ reason: text(5000) }),
  },
  decideAppeal: {
    response: out.case,
    method: 'POST',
    path: '/accountability-cases/{id}/appeal-decision',
    roles: supervisors,
    summary: 'Rule on the appeal (a supervisor other than the decider); upheld: false withdraws the sanctions everywhere',
    params: idParams,
    body: z.strictObject({ upheld: z.boolean(), reason: text(5000) }),
  },
  listNotices: {
    response: out.notices,
    method: 'GET',
    path: '/accountability-notices',
    roles: 'public',
    summary: 'Public notices (通报): department, clause, measure, date; never a person',
    query: z.strictObject(pageQuery),
  },
  listFlags: {
    response: out.flags,
    method: 'GET',
    path: '/retaliation-flags',
    roles: ['supervisor', 'soft-env-office'],
    summary: 'Flags of the retaliation watch (打击报复): the act, the complaint, the days between',
    query: z.strictObject({
      dept: z.optional(deptIdSchema),
      enterpriseId: z.optional(creditCodeSchema),
      status: z.optional(z.enum(FLAG_STATUSES)),
      ...pageQuery,
    }),
  },
  getFlag: {
    response: out.flag,
    method: 'GET',
    path: '/retaliation-flags/{id}',
    roles: ['supervisor', 'soft-env-office'],
    summary: 'One retaliation flag',
    params: idParams,
  },
  reviewFlag: {
    response: out.flag,
    method: 'POST',
    path: '/retaliation-flags/{id}/review',
    roles: supervisors,
    summary: 'Review a flag once: dismissed, or a case opened from it (its id answered)',
    params: idParams,
    body: z.strictObject({ outcome: z.enum(['dismissed', 'case-opened']), reason: text(5000), clause: z.optional(clause) }),
  },
});
