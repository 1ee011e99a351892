/**
 * What every operation on an assisted case shares: its refusals, who sees which case and how
 * much of it, the open case the centre acts on, its steward (首问负责), ids and events.
 */
import { hasRole, isDepartmentCaller, isEnterpriseCaller, seesAll, type Caller } from '#shared/http/auth';
import { Conflict, NotFound, refusal, type Violation } from '#shared/domain/errors';
import { getApplication } from '../applications/store.ts';
import { caseOpenRule } from './rules.ts';
import * as store from './store.ts';
import type { AssistedCase, CaseEvent, CaseRecords, CaseTask } from './store.ts';

export const refuse = (violation: Violation | undefined) => {
  if (violation) throw refusal(violation);
};
export const changed = () => new Conflict('case-changed', 'The case changed meanwhile; reload it and try again.');

/** The centre's staff, the office and the supervisors see every case. */
export const seesAllCases = (caller: Caller) => hasRole(caller, 'service-centre') || seesAll(caller);

/** A fresh short id for a task or meeting: unique within its case (a collision fails the write, never overwrites). */
export const shortId = (newId: () => string) => newId().replace(/-/g, '').slice(0, 10);

/** The centre's clerk acting on a case takes it if nobody has yet (首问负责). */
export const stewardOf = (caller: Caller, at: string) => (hasRole(caller, 'service-centre') ? { steward: { sub: caller.sub, at } } : {});

export const event = (at: string, name: string, zh: string, en: string): CaseEvent => ({ at, event: name, text: `${zh} · ${en}` });

// Views

/** A task as shown: its limit and state; the watch's workings stay inside. */
export const taskView = ({ watch: _watch, handOnWatch: _handOn, ...task }: CaseTask) => task;

/** What a department sees of a case where it holds a task: the project, its own tasks, and nothing else. */
export const departmentView = (records: CaseRecords, dept: string) => ({
  id: records.record.id,
  enterpriseId: records.record.enterpriseId,
  project: records.record.project,
  status: records.record.status,
  openedAt: records.record.openedAt,
  steward: records.record.steward ?? null,
  tasks: records.tasks.filter((task) => task.dept === dept).map(taskView),
});

export async function fullView(records: CaseRecords) {
  const filed = await Promise.all(records.applications.map((link) => getApplication(link.applicationId)));
  return {
    ...records.record,
    steward: records.record.steward ?? null,
    tasks: records.tasks.map(taskView),
    meetings: records.meetings,
    applications: records.applications.map((link, index) => ({ ...link, status: filed[index]?.status ?? 'received' })),
  };
}

export const summary = (record: AssistedCase) => {
  const { timeline: _timeline, ...rest } = record;
  return { ...rest, steward: record.steward ?? null };
};

// Reading

/** The case in the caller's scope, or 404: a department sees it only when it holds a task of it. */
export async function caseInScope(caseId: string, caller: Caller): Promise<CaseRecords> {
  const records = await store.getCaseRecords(caseId);
  if (!records) throw new NotFound();
  if (seesAllCases(caller)) return records;
  if (isEnterpriseCaller(caller) && records.record.enterpriseId === caller.ent) return records;
  if (isDepartmentCaller(caller) && records.departments.includes(caller.dept)) return records;
  throw new NotFound();
}

/** The case an operation of the centre acts on: it exists and is open. */
export async function openCaseFor(caseId: string): Promise<AssistedCase> {
  const record = await store.getAssistedCase(caseId);
  if (!record) throw new NotFound();
  refuse(caseOpenRule(record.status));
  return record;
}

/** A case closed between the read and the write is answered as closed, not as a failure. */
export const rethrowClosed = (caseId: string) => async (error: unknown) => {
  const record = await store.getAssistedCase(caseId);
  if (record) refuse(caseOpenRule(record.status));
  throw error;
};
