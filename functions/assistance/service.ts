/**
 * The assistance centre's operations (帮办服务中心): a case per investor project with its steward
 * (首问负责); tasks handed to departments under time limits (交办); joint meetings whose decisions
 * become tasks (会办); applications filed for the enterprise under its mandate (代办), through the
 * applications concern's own rules; closure. The rules are in rules.ts.
 */
import { toLocalIso } from '#shared/time/clock';
import { hasRole, isDepartmentCaller, isEnterpriseCaller, seesAll, type Caller, type DepartmentCaller } from '#shared/http/auth';
import type { Deps } from '#shared/domain/deps';
import { Conflict, InvalidInput, NotAllowed, NotFound, refusal, type Violation } from '#shared/domain/errors';
import { refused, tryWriteAll, writeAll, type Write } from '#shared/data/db';
import { timelineAt, workingDaysFor } from '#shared/time/calendar-store';
import { countIn } from '#shared/domain/evaluation';
import { startDeadlineEffect, stopDeadlineEffect } from '#shared/outbox/effects';
import { raiseAlert } from '#shared/alerts/alerts';
import { alertWords, readableTime } from '#shared/alerts/alert-text';
import { departmentName } from '#shared/domain/names';
import { requireNamedDepartment } from '../registry/service.ts';
import { getItem } from '../approvals/store.ts';
import { newApplication, view as applicationView } from '../applications/service.ts';
import { getApplication, newApplicationWrite } from '../applications/store.ts';
import { decisionRecord } from '../applications/rules.ts';
import {
  absentees,
  acceptanceRule,
  caseOpenRule,
  closureRule,
  completionRule,
  handOnRule,
  handOnTiming,
  mandateRule,
  minutesRule,
  returnRule,
  taskTiming,
  type CaseOutcome,
} from './rules.ts';
import * as store from './store.ts';
import type { AssistedCase, CaseEvent, CaseRecords, CaseTask, Meeting } from './store.ts';
import { caseDescribed, taskDescribed } from './described.ts';

const refuse = (violation: Violation | undefined) => {
  if (violation) throw refusal(violation);
};
const changed = () => new Conflict('case-changed', 'The case changed meanwhile; reload it and try again.');

/** The centre's staff, the office and the supervisors see every case. */
const seesAllCases = (caller: Caller) => hasRole(caller, 'service-centre') || seesAll(caller);

/** A fresh short id for a task or meeting: unique within its case (a collision fails the write, never overwrites). */
const shortId = (newId: () => string) => newId().replace(/-/g, '').slice(0, 10);

/** The centre's clerk acting on a case takes it if nobody has yet (首问负责). */
const stewardOf = (caller: Caller, at: string) => (hasRole(caller, 'service-centre') ? { steward: { sub: caller.sub, at } } : {});

const event = (at: string, name: string, zh: string, en: string): CaseEvent => ({ at, event: name, text: `${zh} · ${en}` });

// Views

/** A task as shown: its limit and state; the watch's workings stay inside. */
const taskView = ({ watch: _watch, handOnWatch: _handOn, ...task }: CaseTask) => task;

/** What a department sees of a case where it holds a task: the project, its own tasks, and nothing else. */
const departmentView = (records: CaseRecords, dept: string) => ({
  id: records.record.id,
  enterpriseId: records.record.enterpriseId,
  project: records.record.project,
  status: records.record.status,
  openedAt: records.record.openedAt,
  steward: records.record.steward ?? null,
  tasks: records.tasks.filter((task) => task.dept === dept).map(taskView),
});

async function fullView(records: CaseRecords) {
  const filed = await Promise.all(records.applications.map((link) => getApplication(link.applicationId)));
  return {
    ...records.record,
    steward: records.record.steward ?? null,
    tasks: records.tasks.map(taskView),
    meetings: records.meetings,
    applications: records.applications.map((link, index) => ({ ...link, status: filed[index]?.status ?? 'received' })),
  };
}

const summary = (record: AssistedCase) => {
  const { timeline: _timeline, ...rest } = record;
  return { ...rest, steward: record.steward ?? null };
};

// Reading

/** The case in the caller's scope, or 404: a department sees it only when it holds a task of it. */
async function caseInScope(caseId: string, caller: Caller): Promise<CaseRecords> {
  const records = await store.getCaseRecords(caseId);
  if (!records) throw new NotFound();
  if (seesAllCases(caller)) return records;
  if (isEnterpriseCaller(caller) && records.record.enterpriseId === caller.ent) return records;
  if (isDepartmentCaller(caller) && records.departments.includes(caller.dept)) return records;
  throw new NotFound();
}

export async function viewCase(caseId: string, caller: Caller) {
  const records = await caseInScope(caseId, caller);
  const whole = seesAllCases(caller) || (isEnterpriseCaller(caller) && records.record.enterpriseId === caller.ent);
  return whole || !isDepartmentCaller(caller) ? fullView(records) : departmentView(records, caller.dept);
}

export async function listAssistedCases(query: { status?: string; dept?: string; limit: number; cursor?: string }, caller: Caller) {
  if (seesAllCases(caller)) {
    const page = await store.casesPage(query.dept ? { by: 'department', dept: query.dept } : { by: 'all' }, query);
    return { ...page, items: page.items.map(summary) };
  }
  if (isEnterpriseCaller(caller)) {
    const page = await store.casesPage({ by: 'enterprise', enterpriseId: caller.ent }, query);
    return { ...page, items: page.items.map(summary) };
  }
  if (isDepartmentCaller(caller)) {
    if (query.dept && query.dept !== caller.dept) return { items: [] };
    const page = await store.casesPage({ by: 'department', dept: caller.dept }, query);
    return {
      ...page,
      items: page.items.map((record) => ({
        id: record.id,
        enterpriseId: record.enterpriseId,
        project: record.project,
        status: record.status,
        openedAt: record.openedAt,
        steward: record.steward ?? null,
      })),
    };
  }
  return { items: [] };
}

// Opening

export async function openAssistedCase(
  input: { enterpriseId?: string; project: string; mandateRef?: string },
  caller: Caller,
  { now, newId }: Deps,
) {
  const at = toLocalIso(now);
  let enterpriseId: string;
  let openedBy: AssistedCase['openedBy'];
  if (hasRole(caller, 'service-centre')) {
    if (!input.enterpriseId)
      throw new InvalidInput('The centre names the enterprise whose project it takes on.', [
        { field: 'enterpriseId', message: 'Required when the centre opens a case' },
      ]);
    enterpriseId = input.enterpriseId;
    openedBy = { sub: caller.sub, role: 'service-centre' };
  } else {
    if (!isEnterpriseCaller(caller)) throw new NotAllowed('Your token names no enterprise.');
    if (input.enterpriseId && input.enterpriseId !== caller.ent)
      throw new NotAllowed('An enterprise opens cases for its own projects only.');
    enterpriseId = caller.ent;
    openedBy = { sub: caller.sub, role: 'enterprise' };
  }
  const steward = openedBy.role === 'service-centre' ? { sub: caller.sub, at } : undefined;
  const record: AssistedCase = {
    id: newId(),
    enterpriseId,
    project: input.project,
    ...(input.mandateRef ? { mandateRef: input.mandateRef } : {}),
    status: 'open',
    openedAt: at,
    openedBy,
    ...(steward ? { steward } : {}),
    openTasks: 0,
    timeline: [
      event(
        at,
        'opened',
        `项目立案${steward ? `，${caller.sub}为首问负责人` : '（企业自行申请，待帮办中心受理）'}${input.mandateRef ? `；代办委托书 ${input.mandateRef}` : ''}`,
        `Case opened${steward ? `; ${caller.sub} is its steward` : ' by the enterprise, awaiting the centre'}${input.mandateRef ? `; mandate ${input.mandateRef}` : ''}`,
      ),
    ],
  };
  await writeAll([store.newCaseWrite(record)]);
  return summary(record);
}

/** The case an operation of the centre acts on: it exists and is open. */
async function openCaseFor(caseId: string): Promise<AssistedCase> {
  const record = await store.getAssistedCase(caseId);
  if (!record) throw new NotFound();
  refuse(caseOpenRule(record.status));
  return record;
}

// 交办

interface TaskInput {
  dept: string;
  what: string;
  limitDays: number;
}

/** A new task of the case, its watch started, and the department joining the case's list: the writes for one transaction. */
async function newTask(
  record: AssistedCase,
  input: TaskInput,
  origin: { fromMeeting?: string; handsOn?: string },
  by: string,
  { now, newId }: Deps,
): Promise<{ task: CaseTask; writes: Write[] }> {
  const timeline = await timelineAt(taskTiming(now, input.limitDays), 'assistance', now);
  const task: CaseTask = {
    id: shortId(newId),
    caseId: record.id,
    dept: input.dept,
    what: input.what,
    limitDays: input.limitDays,
    status: 'assigned',
    assignedAt: toLocalIso(now),
    assignedBy: by,
    ...(origin.fromMeeting ? { fromMeeting: origin.fromMeeting } : {}),
    ...(origin.handsOn ? { handsOn: origin.handsOn } : {}),
    deadline: toLocalIso(new Date(timeline.deadline)),
    version: 1,
    watch: { version: 1, timeline },
  };
  return {
    task,
    writes: [store.newTaskWrite(task), startDeadlineEffect(store.taskMatter(task, 1), timeline, newId(), now)],
  };
}

export async function assignTask(caseId: string, input: TaskInput & { handsOn?: string }, caller: Caller, deps: Deps) {
  const record = await openCaseFor(caseId);
  await requireNamedDepartment(input.dept, 'dept');
  const at = toLocalIso(deps.now);
  const returned = input.handsOn ? await store.getTask(caseId, input.handsOn) : undefined;
  if (input.handsOn && !returned)
    throw new InvalidInput(`The case has no task ${input.handsOn}.`, [{ field: 'handsOn', message: 'Not a task of this case' }]);
  if (returned) refuse(handOnRule(returned.status));
  const { task, writes } = await newTask(record, input, input.handsOn ? { handsOn: input.handsOn } : {}, caller.sub, deps);
  if (returned) {
    // The returned task is handed on: no longer open (the new one is), and its hand-on watch stops.
    writes.push(
      { ...store.taskChange(returned, { status: 'handed-on', handedOnTo: task.id }), ifFailed: () => changed() },
      ...(returned.handOnWatch
        ? [stopDeadlineEffect(store.handOnMatter(returned, returned.handOnWatch.version), 'handed on', deps.newId(), deps.now)]
        : []),
    );
  }
  const dept = await departmentName(input.dept);
  await writeAll([
    ...writes,
    store.departmentJoinsWrite(record, input.dept),
    store.caseChange(caseId, {
      openTasks: returned ? 0 : 1,
      ...stewardOf(caller, at),
      events: [
        event(
          at,
          input.handsOn ? 'task-handed-on' : 'task-assigned',
          `${input.handsOn ? '改派' : '交办'}${dept}：${input.what}（${input.limitDays}个工作日，${readableTime(task.deadline)}前办结）`,
          `${input.handsOn ? 'Handed on' : 'Task handed'} to ${dept}: ${input.what} (${input.limitDays} working days, due ${readableTime(task.deadline)})`,
        ),
      ],
    }),
  ]).catch(rethrowClosed(caseId));
  return taskView(task);
}

/** A case closed between the read and the write is answered as closed, not as a failure. */
const rethrowClosed = (caseId: string) => async (error: unknown) => {
  const record = await store.getAssistedCase(caseId);
  if (record) refuse(caseOpenRule(record.status));
  throw error;
};

/** The task a department acts on: its own, else 404 (whatever else the caller may see). */
async function departmentsTask(caseId: string, taskId: string, caller: DepartmentCaller): Promise<CaseTask> {
  const task = await store.getTask(caseId, taskId);
  if (!task || task.dept !== caller.dept) throw new NotFound();
  return task;
}

const caseEvent = (caseId: string, events: CaseEvent[]) => store.caseChange(caseId, { events, whileClosed: true });

export async function acceptTask(caseId: string, taskId: string, caller: DepartmentCaller, { now }: Deps) {
  const task = await departmentsTask(caseId, taskId, caller);
  refuse(acceptanceRule(task.status));
  const at = toLocalIso(now);
  const accepted = { sub: caller.sub, at };
  const dept = await departmentName(task.dept);
  const ok = await store.updateTask(task, { status: 'accepted', accepted }, [
    caseEvent(caseId, [event(at, 'task-accepted', `${dept}接收任务：${task.what}`, `${dept} accepted the task: ${task.what}`)]),
  ]);
  if (!ok) throw changed();
  return taskView({ ...task, status: 'accepted', accepted, version: task.version + 1 });
}

/** 退回: before acceptance, with a reason; the centre is alerted and must hand it on within a working day. */
export async function returnTask(caseId: string, taskId: string, input: { reason: string }, caller: DepartmentCaller, deps: Deps) {
  const { now, newId } = deps;
  const task = await departmentsTask(caseId, taskId, caller);
  refuse(returnRule(task.status));
  const record = await store.getAssistedCase(caseId);
  if (!record) throw new NotFound();
  const at = toLocalIso(now);
  const timeline = await timelineAt(handOnTiming(now), 'assistance', now);
  const returned = { reason: input.reason, at, by: caller.sub, handOnBy: toLocalIso(new Date(timeline.deadline)) };
  const handOnWatch = { version: 1, timeline };
  const what = await taskDescribed(record, task);
  const ok = await store.updateTask(task, { status: 'returned', returned, handOnWatch }, [
    stopDeadlineEffect(store.taskMatter(task, task.watch.version), 'returned', newId(), now),
    startDeadlineEffect(store.handOnMatter(task, 1), timeline, newId(), now),
    caseEvent(caseId, [
      event(
        at,
        'task-returned',
        `${what.dept}退回任务：${task.what}；理由：${input.reason}`,
        `${what.dept} returned the task: ${task.what}; why: ${input.reason}`,
      ),
    ]),
    ...raiseAlert(
      {
        severity: 'info',
        concern: 'assistance',
        department: task.dept,
        kind: 'task-returned',
        subject: { type: 'assisted-task', id: `${caseId}.${task.id}` },
        ...alertWords(
          { zh: `任务被退回，请1个工作日内改派：${what.dept}`, en: `A task was returned by ${what.dept}: hand it on within a working day` },
          {
            zh: `${what.zh}被退回，理由：${input.reason}。帮办中心应于${readableTime(returned.handOnBy)}前改派。`,
            en: `${what.en} was sent back: ${input.reason}. The centre hands it on by ${readableTime(returned.handOnBy)}.`,
          },
        ),
      },
      deps,
    ),
  ]);
  if (!ok) throw changed();
  return taskView({ ...task, status: 'returned', returned, handOnWatch, version: task.version + 1 });
}

/** Completion, once: stops the clock, records on time or late, and counts in the department's evaluation. */
export async function completeTask(
  caseId: string,
  taskId: string,
  input: { result: string },
  caller: DepartmentCaller,
  { now, newId }: Deps,
) {
  const task = await departmentsTask(caseId, taskId, caller);
  refuse(completionRule(task.status));
  const at = toLocalIso(now);
  const assignedAt = new Date(task.assignedAt);
  const record = decisionRecord(assignedAt, now, new Date(task.watch.timeline.deadline), await workingDaysFor(assignedAt, now));
  const completion = { result: input.result, at, by: caller.sub, ...record };
  const accepted = task.accepted ?? { sub: caller.sub, at };
  const dept = await departmentName(task.dept);
  const ok = await store.updateTask(task, { status: 'completed', completion, accepted }, [
    stopDeadlineEffect(store.taskMatter(task, task.watch.version), 'completed', newId(), now),
    store.caseChange(caseId, {
      openTasks: -1,
      whileClosed: true,
      events: [
        event(
          at,
          'task-completed',
          `${dept}完成任务：${task.what}（${record.onTime ? '按时' : '超时'}，用时${record.workingDays}个工作日）：${input.result}`,
          `${dept} completed the task: ${task.what} (${record.onTime ? 'on time' : 'late'}, ${record.workingDays} working days): ${input.result}`,
        ),
      ],
    }),
    countIn(task.dept, now, {
      handled: 1,
      handledInTime: record.onTime ? 1 : 0,
      tasksCompleted: 1,
      ...(record.onTime ? { tasksOnTime: 1 } : { tasksLate: 1 }),
    }),
  ]);
  if (!ok) throw changed();
  return taskView({ ...task, status: 'completed', completion, accepted, version: task.version + 1 });
}

// 会办

export async function scheduleMeeting(
  caseId: string,
  input: { at: string; chair: string; depts: string[] },
  caller: Caller,
  { now, newId }: Deps,
) {
  await openCaseFor(caseId);
  const depts = [...new Set(input.depts)];
  for (const [index, dept] of depts.entries()) await requireNamedDepartment(dept, `depts.${index}`);
  const at = toLocalIso(now);
  const meeting: Meeting = {
    id: shortId(newId),
    caseId,
    at: toLocalIso(new Date(input.at)),
    chair: input.chair,
    depts,
    scheduledAt: at,
    scheduledBy: caller.sub,
    version: 1,
  };
  const names = await Promise.all(depts.map(departmentName));
  await writeAll([
    store.newMeetingWrite(meeting),
    store.caseChange(caseId, {
      ...stewardOf(caller, at),
      events: [
        event(
          at,
          'meeting-scheduled',
          `召开会办会议：${readableTime(meeting.at)}，主持${input.chair}，参会${names.join('、')}`,
          `Joint meeting set for ${readableTime(meeting.at)}, chaired by ${input.chair}, with ${names.join(', ')}`,
        ),
      ],
    }),
  ]).catch(rethrowClosed(caseId));
  return meeting;
}

/**
 * The minutes, once: who attended and the decisions, each becoming a department's task; an
 * invited department that stayed away alerts the supervisors and counts in its evaluation.
 */
export async function recordMinutes(
  caseId: string,
  meetingId: string,
  input: { attended: string[]; decisions: TaskInput[] },
  caller: Caller,
  deps: Deps,
) {
  const { now } = deps;
  const meeting = await store.getMeeting(caseId, meetingId);
  if (!meeting) throw new NotFound();
  refuse(minutesRule({ recorded: !!meeting.minutes, at: new Date(meeting.at), now }));
  const record = await openCaseFor(caseId);
  const attended = [...new Set(input.attended)];
  for (const [index, dept] of attended.entries()) await requireNamedDepartment(dept, `attended.${index}`);
  for (const [index, decision] of input.decisions.entries()) await requireNamedDepartment(decision.dept, `decisions.${index}.dept`);
  const at = toLocalIso(now);
  const created = [];
  const writes: Write[] = [];
  for (const decision of input.decisions) {
    const { task, writes: taskWrites } = await newTask(record, decision, { fromMeeting: meetingId }, caller.sub, deps);
    created.push(task);
    writes.push(...taskWrites);
  }
  const absent = absentees(meeting.depts, attended);
  const minutes = {
    attended,
    absent,
    decisions: created.map((task) => ({ dept: task.dept, what: task.what, limitDays: task.limitDays, taskId: task.id })),
    at,
    by: caller.sub,
  };
  const project = await caseDescribed(record);
  for (const dept of absent) {
    const name = await departmentName(dept);
    writes.push(
      ...raiseAlert(
        {
          severity: 'warning',
          concern: 'assistance',
          department: dept,
          kind: 'meeting-missed',
          subject: { type: 'assisted-meeting', id: `${caseId}.${meetingId}` },
          ...alertWords(
            { zh: `会办会议缺席：${name}`, en: `${name} stayed away from a joint meeting` },
            {
              zh: `${name}受邀参加${readableTime(meeting.at)}${project.zh}的会办会议（主持：${meeting.chair}），未到会。`,
              en: `${name} was invited to the joint meeting on ${project.en} at ${readableTime(meeting.at)} (chair: ${meeting.chair}) and did not attend.`,
            },
          ),
        },
        deps,
      ),
      countIn(dept, now, { meetingsMissed: 1 }),
    );
  }
  const joined = [...new Set(created.map((task) => task.dept))];
  const names = async (depts: string[]) => (await Promise.all(depts.map(departmentName))).join('、');
  const outcome = await tryWriteAll<'moved-on'>([
    { ...store.minutesWrite(meeting, minutes), ifFailed: refused('moved-on') },
    ...writes,
    ...joined.map((dept) => store.departmentJoinsWrite(record, dept)),
    store.caseChange(caseId, {
      openTasks: created.length,
      ...stewardOf(caller, at),
      events: [
        event(
          at,
          'minutes',
          `会办纪要：到会${(await names(attended)) || '无'}${absent.length ? `，缺席${await names(absent)}` : ''}；形成${created.length}项交办任务`,
          `Minutes: ${attended.length} attended${absent.length ? `, ${absent.length} absent` : ''}; ${created.length} decision(s) became tasks`,
        ),
      ],
    }),
  ]).catch(rethrowClosed(caseId));
  if (outcome) throw new Conflict('minutes-recorded', "A meeting's minutes are recorded once.");
  return { ...meeting, minutes, version: meeting.version + 1, tasks: created.map(taskView) };
}

// 代办

/** The centre files the enterprise's application under the case's mandate; the applications concern's rules apply in full from here. */
export async function fileForCase(caseId: string, input: { itemCode: string; materials: string[] }, caller: Caller, deps: Deps) {
  const record = await openCaseFor(caseId);
  refuse(mandateRule(record.mandateRef));
  const item = await getItem(input.itemCode);
  if (!item)
    throw new InvalidInput(`No approval item ${input.itemCode} is in the catalogue; see GET /approval-items.`, [
      { field: 'itemCode', message: 'Not an approval item' },
    ]);
  const application = await newApplication(
    item,
    record.enterpriseId,
    input.materials,
    { sub: caller.sub, role: 'service-centre', caseId },
    deps,
  );
  const at = application.receivedAt;
  const dept = await departmentName(item.dept);
  await writeAll([
    newApplicationWrite(application),
    store.newApplicationLinkWrite(caseId, {
      applicationId: application.id,
      itemCode: item.code,
      itemName: item.name,
      dept: item.dept,
      filedAt: at,
      filedBy: caller.sub,
    }),
    store.caseChange(caseId, {
      ...stewardOf(caller, at),
      events: [
        event(
          at,
          'application-filed',
          `代办申报：向${dept}申请「${item.name}」（委托书 ${record.mandateRef}）`,
          `Filed for the enterprise: "${item.name}" with ${dept} (mandate ${record.mandateRef})`,
        ),
      ],
    }),
  ]).catch(rethrowClosed(caseId));
  return applicationView(application);
}

// Closure

export async function closeAssistedCase(caseId: string, input: { outcome: CaseOutcome; summary: string }, caller: Caller, { now }: Deps) {
  const record = await store.getAssistedCase(caseId);
  if (!record) throw new NotFound();
  refuse(closureRule(record));
  const at = toLocalIso(now);
  const closure = { outcome: input.outcome, summary: input.summary, at, by: caller.sub };
  const outcome = await tryWriteAll<'moved-on'>([
    {
      ...store.caseChange(caseId, {
        noOpenTasks: true,
        ...stewardOf(caller, at),
        set: { status: 'closed', closure },
        events: [
          event(
            at,
            'closed',
            `办结（${input.outcome === 'completed' ? '已办成' : '未能办成'}）：${input.summary}`,
            `Closed (${input.outcome}): ${input.summary}`,
          ),
        ],
      }),
      ifFailed: refused('moved-on'),
    },
  ]);
  if (outcome) {
    // A task was assigned, or the case closed, meanwhile: say which.
    const current = await store.getAssistedCase(caseId);
    refuse(current && closureRule(current));
    throw changed();
  }
  const closed = await store.getAssistedCase(caseId);
  return summary(closed ?? { ...record, status: 'closed', closure });
}
