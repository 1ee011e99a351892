/**
 * The assistance centre's records, declared once: store.ts builds its codecs from them with the
 * `stored` field types, responses.ts its response schemas with the `shown` ones.
 */
import * as z from 'zod/mini';
import type { FieldTypes } from '#shared/data/codecs';
import { CASE_OUTCOMES, CASE_STATUSES, TASK_STATUSES } from './rules.ts';

const by = (t: FieldTypes) => z.object({ sub: z.string(), at: t.instant });
const event = (t: FieldTypes) => z.object({ at: t.instant, event: z.string(), text: z.string() });
const watch = (t: FieldTypes) => z.object({ warnAt: t.instant, deadline: t.instant, escalateAt: t.instant });

/** An investor's project at the centre (帮办), with its steward (首问负责) and its story. */
export const caseFields = (t: FieldTypes) => ({
  id: z.string(),
  enterpriseId: z.string(),
  project: z.string(),
  /** The reference of the enterprise's written mandate (代办委托书), under which the centre files for it. */
  mandateRef: z.optional(z.string()),
  status: z.enum(CASE_STATUSES),
  openedAt: t.instant,
  openedBy: z.object({ sub: z.string(), role: z.enum(['enterprise', 'service-centre']) }),
  /** 首问负责: the centre's clerk who first took the case, for good (none yet when the enterprise opened it). */
  steward: z.optional(by(t)),
  /** Tasks assigned or accepted, and returned ones not yet handed on. */
  openTasks: t.int,
  closure: z.optional(z.object({ outcome: z.enum(CASE_OUTCOMES), summary: z.string(), at: t.instant, by: z.string() })),
  timeline: z.array(event(t)),
});

/** A task handed to a department (交办): a timed matter of that department. */
export const taskFields = (t: FieldTypes) => ({
  id: z.string(),
  caseId: z.string(),
  dept: z.string(),
  what: z.string(),
  limitDays: t.int,
  status: z.enum(TASK_STATUSES),
  assignedAt: t.instant,
  assignedBy: z.string(),
  /** Where it came from: a meeting's decision (会办), or a returned task handed on. */
  fromMeeting: z.optional(z.string()),
  handsOn: z.optional(z.string()),
  /** The limit, working days after assignment, on the county calendar. */
  deadline: t.instant,
  accepted: z.optional(by(t)),
  returned: z.optional(z.object({ reason: z.string(), at: t.instant, by: z.string(), handOnBy: t.instant })),
  handedOnTo: z.optional(z.string()),
  completion: z.optional(z.object({ result: z.string(), at: t.instant, by: z.string(), onTime: z.boolean(), workingDays: z.number() })),
  version: t.int,
  watch: z.object({ version: t.int, timeline: watch(t) }),
  handOnWatch: z.optional(z.object({ version: t.int, timeline: watch(t) })),
});

/** A joint meeting (会办) of the departments concerned, and its minutes once recorded. */
export const meetingFields = (t: FieldTypes) => ({
  id: z.string(),
  caseId: z.string(),
  at: t.instant,
  chair: z.string(),
  depts: z.array(z.string()),
  scheduledAt: t.instant,
  scheduledBy: z.string(),
  version: t.int,
  minutes: z.optional(
    z.object({
      attended: z.array(z.string()),
      absent: z.array(z.string()),
      decisions: z.array(z.object({ dept: z.string(), what: z.string(), limitDays: t.int, taskId: z.string() })),
      at: t.instant,
      by: z.string(),
    }),
  ),
});

/** An application the centre filed for the enterprise (代办), linked to the case. */
export const caseApplicationFields = (t: FieldTypes) => ({
  applicationId: z.string(),
  itemCode: z.string(),
  itemName: z.string(),
  dept: z.string(),
  filedAt: t.instant,
  filedBy: z.string(),
});
