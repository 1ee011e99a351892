/** What the complaint routes answer (see shared/http/responses.ts and views.ts: who sees what). */
import * as z from 'zod/mini';
import { COMPLAINT_CATEGORIES, COMPLAINT_STATUSES } from './rules.ts';
import { dateOut, example, instantOut, pageOf, timelineOut } from '#shared/http/responses';

const status = z.enum(COMPLAINT_STATUSES);
const category = z.enum(COMPLAINT_CATEGORIES);
const delayNotice = z.looseObject({ reason: z.string(), expectedBy: dateOut, at: instantOut });
const post = z.looseObject({ post: z.string(), handlerId: z.string(), handlerName: z.string() });
const timelineEvent = z.looseObject({ at: instantOut, event: z.string(), text: z.string() });

export const filedView = z
  .object({ id: z.string(), trackingCode: z.string(), status, receivedAt: instantOut, answerDueBy: instantOut })
  .check(
    example({
      id: '0b5f3c1e-8d0a-4c59-9a43-1f7f2b9d6a10',
      trackingCode: 'hQi_TIsafn2ZIYns9FNA_MXZEwjiR1P0',
      status: 'received',
      receivedAt: '2026-11-20T09:30:00.000+08:00',
      answerDueBy: '2026-11-27T00:00:00.000+08:00',
    }),
  );

/** What the tracking code shows: no identities. */
export const trackingView = z
  .object({
    status,
    category,
    againstDept: z.string(),
    receivedAt: instantOut,
    answerDueBy: instantOut,
    delayNotice: z.optional(delayNotice),
    answer: z.optional(z.object({ summary: z.string(), at: instantOut })),
    verdict: z.optional(z.object({ finding: z.enum(['substantiated', 'unsubstantiated']), action: z.string(), at: instantOut })),
    timeline: z.array(z.object({ at: instantOut, event: z.string(), text: z.string() })),
  })
  .check(
    example({
      status: 'acknowledged',
      category: 'inaction',
      againstDept: 'market-regulation',
      receivedAt: '2026-11-20T09:30:00.000+08:00',
      answerDueBy: '2026-12-04T00:00:00.000+08:00',
      delayNotice: { reason: '需调取原审批档案核对。', expectedBy: '2026-12-04', at: '2026-11-21T10:00:00.000+08:00' },
      timeline: [{ at: '2026-11-20T09:30:00.000+08:00', event: 'received', text: 'Received and sent to post A.' }],
    }),
  );

/** A complaint as the enterprise that made it sees it in its listing: the tracking page's view, with its id and what it wrote. */
export const ownComplaintView = z.object({
  id: z.string(),
  description: z.string(),
  source: z.enum(['public', 'fee-refusal', 'inspection-visit']),
  ...trackingView.shape,
});

/** The complaint as a department, a supervisor or the office sees it (`complainant` only for the latter two). */
export const complaintView = z.looseObject({
  id: z.string(),
  againstDept: z.string(),
  category,
  description: z.string(),
  source: z.enum(['public', 'fee-refusal', 'inspection-visit']),
  routedTo: z.enum(['supervisors', 'department']),
  status,
  receivedAt: instantOut,
  version: z.int(),
  limits: z.looseObject({ acknowledgeDays: z.number(), resolveDays: z.number() }),
  /** Who answers for it today: the post it was given, or the post covering while that one is away (with `coveringFor`). */
  assignment: z.optional(
    z.looseObject({ post: z.string(), handlerId: z.string(), handlerName: z.string(), coveringFor: z.optional(post) }),
  ),
  owner: z.optional(z.looseObject({ sub: z.string(), post: z.string(), at: instantOut })),
  deadlines: z.looseObject({
    acknowledgement: z.optional(z.looseObject({ version: z.int(), timeline: timelineOut })),
    resolution: z.looseObject({ version: z.int(), timeline: timelineOut, originalDeadline: z.optional(instantOut) }),
  }),
  delayNotice: z.optional(delayNotice),
  resolution: z.optional(z.looseObject({ summary: z.string(), at: instantOut, by: z.string() })),
  verdict: z.optional(
    z.looseObject({ finding: z.enum(['substantiated', 'unsubstantiated']), action: z.string(), at: instantOut, by: z.string() }),
  ),
  complainant: z.optional(
    z.looseObject({ sub: z.optional(z.string()), enterpriseId: z.optional(z.string()), contact: z.optional(z.string()) }),
  ),
  timeline: z.array(z.looseObject({ ...timelineEvent.shape, public: z.boolean() })),
});

const handler = { id: z.string(), name: z.string(), available: z.boolean() };
export const rosterView = z.looseObject({
  deptId: z.string(),
  handlers: z.array(z.looseObject(handler)),
  posts: z.array(z.looseObject({ post: z.string(), ...handler })),
});

/** A declared absence, with who covers the post on its first day. */
export const absenceView = z
  .looseObject({
    deptId: z.string(),
    handlerId: z.string(),
    handlerName: z.string(),
    from: dateOut,
    to: dateOut,
    reason: z.string(),
    declaredBy: z.string(),
    declaredAt: instantOut,
    coveredBy: post,
  })
  .check(
    example({
      deptId: 'market-regulation',
      handlerId: 'zhang',
      handlerName: 'Zhang Wei',
      from: '2026-11-30',
      to: '2026-12-01',
      reason: '到市局参加培训',
      declaredBy: 'zhang',
      declaredAt: '2026-11-28T09:30:00.000+08:00',
      coveredBy: { post: 'B', handlerId: 'wang', handlerName: 'Wang Fang' },
    }),
  );

export const complaintResponses = {
  absence: absenceView,
  filed: filedView,
  tracking: trackingView,
  complaint: complaintView,
  /** A department, a supervisor or the office: the complaint; an enterprise: its own, as it sees them. */
  complaints: pageOf(z.union([complaintView, ownComplaintView])),
  roster: rosterView,
};
