/** What the application routes answer (see shared/http/responses.ts). */
import * as z from 'zod/mini';
import { dateOut, example, instantOut, pageOf, shown, timelineOut } from '#shared/http/responses';
import { applicationFields } from './records.ts';
import { APPLICATION_DECISIONS } from './rules.ts';

const post = z.looseObject({ post: z.string(), handlerId: z.string(), handlerName: z.string() });

export const applicationView = z
  .looseObject({
    ...applicationFields(shown),
    version: z.int(),
    limits: z.looseObject({ statutoryDays: z.int(), pledgedDays: z.int() }),
    /** The post that does the work now (AB岗, from the roster). */
    assignedTo: post,
    /** 首问负责: the first clerk who handled it, for good. */
    owner: z.optional(z.looseObject({ sub: z.string(), at: instantOut })),
    notice: z.optional(z.looseObject({ missing: z.array(z.string()), at: instantOut, by: z.string() })),
    acceptedAt: z.optional(instantOut),
    /** Once accepted: the decision is due by this instant (after a delay notice, the date it gave). */
    deadline: z.optional(instantOut),
    statutoryDeadline: z.optional(instantOut),
    watch: z.optional(z.looseObject({ version: z.int(), timeline: timelineOut })),
    delayNotice: z.optional(z.looseObject({ reason: z.string(), expectedBy: dateOut, at: instantOut })),
    decision: z.optional(
      z.looseObject({
        decision: z.enum(APPLICATION_DECISIONS),
        reason: z.string(),
        at: instantOut,
        by: z.string(),
        onTime: z.boolean(),
        workingDays: z.number(),
      }),
    ),
    rating: z.optional(z.looseObject({ score: z.int(), comment: z.optional(z.string()), at: instantOut })),
    timeline: z.array(z.looseObject({ at: instantOut, event: z.string(), text: z.string() })),
  })
  .check(
    example({
      id: '6c1f0f7e-2b7a-4d0e-9f43-0b8f6f2f1a10',
      itemCode: 'SC-001',
      itemName: 'Business licence',
      dept: 'market-regulation',
      enterpriseId: '91350100M000100Y43',
      materials: ['application form', 'articles of association', 'lease'],
      status: 'accepted',
      receivedAt: '2026-11-20T09:30:00.000+08:00',
      version: 2,
      limits: { statutoryDays: 15, pledgedDays: 10 },
      assignedTo: { post: 'A', handlerId: 'li', handlerName: 'Li Ming' },
      owner: { sub: 'li@market-regulation', at: '2026-11-20T10:00:00.000+08:00' },
      acceptedAt: '2026-11-20T10:00:00.000+08:00',
      deadline: '2026-12-04T10:00:00.000+08:00',
      statutoryDeadline: '2026-12-11T10:00:00.000+08:00',
      timeline: [{ at: '2026-11-20T09:30:00.000+08:00', event: 'received', text: 'Application received; post A (Li Ming) holds it.' }],
    }),
  );

export const applicationResponses = { application: applicationView, applications: pageOf(applicationView) };
