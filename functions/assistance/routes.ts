import * as z from 'zod/mini';
import { defineRoutes } from '#shared/http/routes';
import { creditCodeSchema, deptIdSchema, idParams, instantSchema, pageQuery, text } from '#shared/http/validation';
import { CASE_OUTCOMES, CASE_STATUSES, MAX_TASK_DAYS } from './rules.ts';
import { assistanceResponses as out } from './responses.ts';

/** Task and meeting ids are short: unique within their case. */
const shortId = z.string().check(z.regex(/^[0-9a-f]{10}$/, 'Expected an id like 4f1c2a9b0d'));
const taskParams = z.strictObject({ id: z.uuid(), taskId: shortId });
const meetingParams = z.strictObject({ id: z.uuid(), meetingId: shortId });
const task = { dept: deptIdSchema, what: text(500), limitDays: z.int().check(z.minimum(1), z.maximum(MAX_TASK_DAYS)) };
const itemCode = z.string().check(z.regex(/^[A-Za-z0-9-]{1,40}$/, 'Expected an item code like SC-001'));
// A meeting's departments and decisions are bounded so its minutes fit in one transaction.
const MAX_MEETING_DEPTS = 10;

/** The assistance centre (帮办服务中心): cases, 交办 tasks, 会办 meetings, 代办 applications, closure. */
export const assistanceRoutes = defineRoutes('assistance', {
  openAssistedCase: {
    response: out.summary,
    method: 'POST',
    path: '/assisted-cases',
    roles: ['service-centre', 'enterprise'],
    creates: true,
    summary:
      "Open a case for an investor's project: the centre's clerk who opens it is its steward (首问负责); an enterprise opens its own",
    body: z.strictObject({ enterpriseId: z.optional(creditCodeSchema), project: text(200), mandateRef: z.optional(text(100)) }),
  },
  listAssistedCases: {
    response: out.cases,
    method: 'GET',
    path: '/assisted-cases',
    roles: ['service-centre', 'soft-env-office', 'supervisor', 'enterprise', 'department'],
    summary: "Cases in the caller's scope, newest first: a department's are those where it holds a task",
    query: z.strictObject({ status: z.optional(z.enum(CASE_STATUSES)), dept: z.optional(deptIdSchema), ...pageQuery }),
  },
  getAssistedCase: {
    response: out.case,
    method: 'GET',
    path: '/assisted-cases/{id}',
    roles: ['service-centre', 'soft-env-office', 'supervisor', 'enterprise', 'department'],
    summary: 'One case with its tasks, meetings, applications and timeline; a department sees its own tasks only',
    params: idParams,
  },
  assignTask: {
    response: out.task,
    method: 'POST',
    path: '/assisted-cases/{id}/tasks',
    roles: ['service-centre'],
    creates: true,
    summary:
      "交办: a department's task under a limit in working days (warning at two thirds, breach at the limit); handsOn names a returned task it replaces",
    params: idParams,
    body: z.strictObject({ ...task, handsOn: z.optional(shortId) }),
  },
  acceptTask: {
    response: out.task,
    method: 'POST',
    path: '/assisted-cases/{id}/tasks/{taskId}/acceptance',
    roles: ['department'],
    summary: 'The department takes the task on',
    params: taskParams,
    body: z.strictObject({}),
    bodyOptional: true,
  },
  returnTask: {
    response: out.task,
    method: 'POST',
    path: '/assisted-cases/{id}/tasks/{taskId}/return',
    roles: ['department'],
    summary: 'Send the task back with the reason, only before accepting it: the centre is alerted and hands it on within a working day',
    params: taskParams,
    body: z.strictObject({ reason: text(2000) }),
  },
  completeTask: {
    response: out.task,
    method: 'POST',
    path: '/assisted-cases/{id}/tasks/{taskId}/completion',
    roles: ['department'],
    summary: 'Complete the task, once: its clock stops, on time or late is recorded and counted in the evaluation',
    params: taskParams,
    body: z.strictObject({ result: text(2000) }),
  },
  scheduleMeeting: {
    response: out.meeting,
    method: 'POST',
    path: '/assisted-cases/{id}/meetings',
    roles: ['service-centre'],
    creates: true,
    summary: '会办: a joint meeting of the departments concerned',
    params: idParams,
    body: z.strictObject({
      at: instantSchema,
      chair: text(100),
      depts: z.array(deptIdSchema).check(z.minLength(1), z.maxLength(MAX_MEETING_DEPTS)),
    }),
  },
  recordMinutes: {
    response: out.meeting,
    method: 'POST',
    path: '/assisted-cases/{id}/meetings/{meetingId}/minutes',
    roles: ['service-centre'],
    creates: true,
    summary: 'The minutes, once: who attended and the decisions, each becoming a task; an invited department absent alerts the supervisors',
    params: meetingParams,
    body: z.strictObject({
      attended: z.array(deptIdSchema).check(z.maxLength(MAX_MEETING_DEPTS)),
      decisions: z.array(z.strictObject(task)).check(z.maxLength(MAX_MEETING_DEPTS)),
    }),
  },
  fileCaseApplication: {
    response: out.application,
    method: 'POST',
    path: '/assisted-cases/{id}/applications',
    roles: ['service-centre'],
    creates: true,
    summary:
      "代办: file the enterprise's application under the case's mandate (422 no-mandate without one); the service centre's rules apply",
    params: idParams,
    body: z.strictObject({ itemCode, materials: z.array(text(200)).check(z.maxLength(50)) }),
  },
  closeAssistedCase: {
    response: out.summary,
    method: 'POST',
    path: '/assisted-cases/{id}/closure',
    roles: ['service-centre'],
    summary: 'Close the case with its outcome, once no task is open (409 tasks-open)',
    params: idParams,
    body: z.strictObject({ outcome: z.enum(CASE_OUTCOMES), summary: text(2000) }),
  },
});
