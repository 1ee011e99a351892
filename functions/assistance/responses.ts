/** What the assistance centre's routes answer (see shared/http/responses.ts). */
import * as z from 'zod/mini';
import { example, instantOut, pageOf, shown } from '#shared/http/responses';
import { applicationView } from '../applications/responses.ts';
import { caseApplicationFields, caseFields, meetingFields, taskFields } from './records.ts';
import { APPLICATION_STATUSES } from '../applications/rules.ts';

const steward = z.nullable(z.looseObject({ sub: z.string(), at: instantOut }));

const { watch: _watch, handOnWatch: _handOnWatch, ...taskShown } = taskFields(shown);
/** A task as shown: its limit (`deadline`) and state; the watch's workings stay inside. */
export const taskView = z.looseObject(taskShown).check(
  example({
    id: '4f1c2a9b0d',
    caseId: '6c1f0f7e-2b7a-4d0e-9f43-0b8f6f2f1a10',
    dept: 'natural-resources',
    what: 'Confirm the land use plan for the site',
    limitDays: 5,
    status: 'assigned',
    assignedAt: '2026-11-20T09:30:00.000+08:00',
    assignedBy: 'wang@centre',
    deadline: '2026-11-27T09:30:00.000+08:00',
    version: 1,
  }),
);

export const meetingView = z.looseObject({ ...meetingFields(shown), tasks: z.optional(z.array(taskView)) });

const { timeline: _timeline, ...caseShown } = caseFields(shown);
/** A case in a list: the project, its steward, its open tasks. */
export const caseSummary = z.looseObject({ ...caseShown, steward });

/** A case whole (the centre, the office, supervisors, the enterprise), or as a department sees it (its own tasks only). */
export const caseView = z
  .looseObject({
    id: z.string(),
    enterpriseId: z.string(),
    project: z.string(),
    status: caseShown.status,
    openedAt: instantOut,
    steward,
    tasks: z.array(taskView),
    mandateRef: z.optional(z.string()),
    openTasks: z.optional(z.int()),
    closure: caseShown.closure,
    meetings: z.optional(z.array(meetingView)),
    applications: z.optional(z.array(z.looseObject({ ...caseApplicationFields(shown), status: z.enum(APPLICATION_STATUSES) }))),
    timeline: z.optional(caseFields(shown).timeline),
  })
  .check(
    example({
      id: '6c1f0f7e-2b7a-4d0e-9f43-0b8f6f2f1a10',
      enterpriseId: '91350100M000100Y43',
      project: 'A cold-chain warehouse in the park',
      mandateRef: 'WT-2026-031',
      status: 'open',
      openedAt: '2026-11-20T09:00:00.000+08:00',
      openedBy: { sub: 'wang@centre', role: 'service-centre' },
      steward: { sub: 'wang@centre', at: '2026-11-20T09:00:00.000+08:00' },
      openTasks: 1,
      tasks: [],
      meetings: [],
      applications: [],
      timeline: [{ at: '2026-11-20T09:00:00.000+08:00', event: 'opened', text: '项目立案 · Case opened' }],
    }),
  );

export const assistanceResponses = {
  case: caseView,
  summary: caseSummary,
  cases: pageOf(z.union([caseSummary, caseView])),
  task: taskView,
  meeting: meetingView,
  application: applicationView,
};
