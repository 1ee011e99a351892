/**
 * The assistance centre's table access. A case and everything of it (tasks, meetings, the
 * applications filed for it, the departments holding a task) share the case's partition, so a
 * case is read with one Query. Tasks and meetings change by their version; the case's count of
 * open tasks changes by ADD, so tasks of one case may be assigned and completed side by side,
 * and closure is conditional on it being zero.
 */
import * as z from 'zod/mini';
import {
  getRecord,
  getRecords,
  newRecord,
  put,
  queryAll,
  queryPage,
  tableName,
  updateVersioned,
  versionedUpdate,
  type PageRequest,
  type TransactItem,
  type Write,
} from '#shared/data/db';
import { keys, lists, patterns, type Scope } from '#shared/data/table';
import { decoderOf, stored, timelineCodec } from '#shared/data/codecs';
import type { Matter } from '#shared/outbox/matters';
import { caseApplicationFields, caseFields, meetingFields, taskFields } from './records.ts';

const caseCodec = z.object(caseFields(stored));
const taskCodec = z.object({
  ...taskFields(stored),
  watch: z.object({ version: z.number(), timeline: timelineCodec }),
  handOnWatch: z.optional(z.object({ version: z.number(), timeline: timelineCodec })),
});
const meetingCodec = z.object(meetingFields(stored));
const linkCodec = z.object(caseApplicationFields(stored));

export type AssistedCase = z.infer<typeof caseCodec>;
export type CaseTask = z.infer<typeof taskCodec>;
export type Meeting = z.infer<typeof meetingCodec>;
export type CaseApplication = z.infer<typeof linkCodec>;
export type CaseEvent = AssistedCase['timeline'][number];

/** Everything of one case, from its partition. */
export interface CaseRecords {
  record: AssistedCase;
  tasks: CaseTask[];
  meetings: Meeting[];
  applications: CaseApplication[];
  /** The departments that hold (or held) a task of the case. */
  departments: string[];
}

const decodeCase = decoderOf(caseCodec);
const decodeTask = decoderOf(taskCodec);
const decodeMeeting = decoderOf(meetingCodec);

/** Reads a case's partition: one Query. */
export async function getCaseRecords(caseId: string): Promise<CaseRecords | undefined> {
  const items = await queryAll(patterns.assistedCaseRecords(caseId), (item) => item);
  const of = (type: string) => items.filter((item) => item.type === type);
  const [record] = of('assisted-case').map(decodeCase);
  if (!record) return undefined;
  return {
    record,
    tasks: of('assisted-task')
      .map(decodeTask)
      .sort((a, b) => a.assignedAt.localeCompare(b.assignedAt)),
    meetings: of('assisted-meeting')
      .map(decodeMeeting)
      .sort((a, b) => a.at.localeCompare(b.at)),
    applications: of('assisted-application').map(decoderOf(linkCodec)),
    departments: of('assisted-department').map((item) => String(item.dept)),
  };
}

export const getTask = (caseId: string, taskId: string): Promise<CaseTask | undefined> =>
  getRecord(keys.caseTask(caseId, taskId), decodeTask);
export const getMeeting = (caseId: string, meetingId: string): Promise<Meeting | undefined> =>
  getRecord(keys.caseMeeting(caseId, meetingId), decodeMeeting);
export const getAssistedCase = (caseId: string): Promise<AssistedCase | undefined> => getRecord(keys.assistedCase(caseId), decodeCase);

/** The sort value of a case in its lists: when it was opened (UTC, so keys sort by time), then its id. */
const listed = (record: Pick<AssistedCase, 'id' | 'openedAt'>) => `${new Date(record.openedAt).toISOString()}#${record.id}`;

export function newCaseWrite(record: AssistedCase): Write {
  return newRecord(
    'assisted-case',
    {
      ...keys.assistedCase(record.id),
      ...lists.assistedCasesOfEnterprise(record.enterpriseId).entry(listed(record)),
      ...lists.allAssistedCases.entry(listed(record)),
    },
    record,
  );
}

export const newTaskWrite = (task: CaseTask): Write => newRecord('assisted-task', keys.caseTask(task.caseId, task.id), task);
export const newMeetingWrite = (meeting: Meeting): Write =>
  newRecord('assisted-meeting', keys.caseMeeting(meeting.caseId, meeting.id), meeting);
export const newApplicationLinkWrite = (caseId: string, link: CaseApplication): Write =>
  newRecord('assisted-application', keys.caseApplication(caseId, link.applicationId), link);

/**
 * The department now holds a task of the case: the case joins its list. The same item each time
 * (its sort value is the case's opening), so writing it again changes nothing.
 */
export const departmentJoinsWrite = (record: Pick<AssistedCase, 'id' | 'openedAt'>, dept: string): TransactItem =>
  put({
    ...keys.caseDepartment(record.id, dept),
    ...lists.assistedCasesOfDepartment(dept).entry(listed(record)),
    type: 'assisted-department',
    caseId: record.id,
    dept,
  });

/**
 * A change to the case: events appended, open tasks added to (or taken from), the steward set if
 * none took it yet (首问负责: the first clerk stays), other fields set; only while it is open
 * unless `whileClosed`, and with `noOpenTasks` only when none is open (closure).
 */
export function caseChange(
  caseId: string,
  change: {
    events: CaseEvent[];
    openTasks?: number;
    steward?: { sub: string; at: string };
    set?: Partial<AssistedCase>;
    noOpenTasks?: boolean;
    whileClosed?: boolean;
  },
): TransactItem {
  const names: Record<string, string> = { '#timeline': 'timeline' };
  const values: Record<string, unknown> = { ':events': change.events };
  const assignments = ['#timeline = list_append(#timeline, :events)'];
  if (change.steward) {
    names['#steward'] = 'steward';
    values[':steward'] = change.steward;
    assignments.push('#steward = if_not_exists(#steward, :steward)');
  }
  Object.entries(change.set ?? {}).forEach(([field, value], position) => {
    names[`#s${position}`] = field;
    values[`:s${position}`] = value;
    assignments.push(`#s${position} = :s${position}`);
  });
  const conditions = ['attribute_exists(pk)'];
  if (!change.whileClosed) {
    names['#status'] = 'status';
    values[':open'] = 'open';
    conditions.push('#status = :open');
  }
  let add = '';
  if (change.openTasks) {
    names['#openTasks'] = 'openTasks';
    values[':openTasks'] = change.openTasks;
    add = ' ADD #openTasks :openTasks';
  }
  if (change.noOpenTasks) {
    names['#openTasks'] = 'openTasks';
    values[':zero'] = 0;
    conditions.push('#openTasks = :zero');
  }
  return {
    Update: {
      TableName: tableName,
      Key: keys.assistedCase(caseId),
      UpdateExpression: `SET ${assignments.join(', ')}${add}`,
      ConditionExpression: conditions.join(' AND '),
      ExpressionAttributeNames: names,
      ExpressionAttributeValues: values,
    },
  };
}

/** A change to a task at its version, with what goes alongside; false when it changed meanwhile. */
export const updateTask = (task: CaseTask, set: Partial<CaseTask>, alongside: Write[] = []): Promise<boolean> =>
  updateVersioned(keys.caseTask(task.caseId, task.id), task.version, { set }, alongside);

/** A change to a task at its version, as an item of a larger transaction. */
export const taskChange = (task: CaseTask, set: Partial<CaseTask>) =>
  versionedUpdate(keys.caseTask(task.caseId, task.id), task.version, { set });

/** A meeting's minutes, once (at its version, and none recorded yet), as an item of a transaction. */
export const minutesWrite = (meeting: Meeting, minutes: NonNullable<Meeting['minutes']>) =>
  versionedUpdate(keys.caseMeeting(meeting.caseId, meeting.id), meeting.version, { set: { minutes }, unset: ['minutes'] });

/**
 * A case's watches. A task's matter names the case and the task (`<caseId>.<taskId>`): the task
 * is found by its key, and the execution's name stays short enough to keep its version.
 */
export const taskMatter = (task: Pick<CaseTask, 'caseId' | 'id' | 'dept'>, version: number): Matter => ({
  concern: 'assistance',
  kind: 'task',
  id: `${task.caseId}.${task.id}`,
  version,
  department: task.dept,
});

/** The centre's own limit on a returned task: to hand it on. No department's. */
export const handOnMatter = (task: Pick<CaseTask, 'caseId' | 'id'>, version: number): Matter => ({
  concern: 'assistance',
  kind: 'hand-on',
  id: `${task.caseId}.${task.id}`,
  version,
  department: 'none',
});

export const taskOfMatter = (matter: Matter) => {
  const [caseId = '', taskId = ''] = matter.id.split('.');
  return getTask(caseId, taskId);
};

/** A page of cases of a scope (the department's: those where it holds a task), newest opened first. */
export async function casesPage(scope: Scope, query: { status?: string } & PageRequest) {
  if (scope.by !== 'department') {
    return queryPage(
      patterns.assistedCases(scope),
      { limit: query.limit, cursor: query.cursor, filter: { status: query.status } },
      decodeCase,
    );
  }
  const page = await queryPage(patterns.assistedCases(scope), { limit: query.limit, cursor: query.cursor }, (item) => String(item.caseId));
  const found = await getRecords(
    page.items.map((id) => keys.assistedCase(id)),
    decodeCase,
  );
  const byId = new Map(found.map((record) => [record.id, record]));
  const items = page.items.flatMap((id) => {
    const record = byId.get(id);
    return record && (!query.status || record.status === query.status) ? [record] : [];
  });
  return { items, ...(page.nextCursor ? { nextCursor: page.nextCursor } : {}) };
}
