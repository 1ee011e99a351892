/** The assistance centre's tasks (交办): assigned to departments under time limits, accepted or returned, handed on, completed. */
import { toLocalIso } from '#shared/time/clock';
import type { Caller, DepartmentCaller } from '#shared/http/auth';
import type { Deps } from '#shared/domain/deps';
import { InvalidInput, NotFound } from '#shared/domain/errors';
import { writeAll, type Write } from '#shared/data/db';
import { timelineAt, workingDaysFor } from '#shared/outbox/calendar-store';
import { countIn } from '#shared/domain/evaluation';
import { startDeadlineEffect, stopDeadlineEffect } from '#shared/outbox/effects';
import { raiseAlert } from '#shared/outbox/raise-alert';
import { alertWords, readableTime } from '#shared/alerts/alert-text';
import { departmentName } from '#shared/domain/names';
import { requireNamedDepartment } from '../registry/service.ts';
import { decisionRecord } from '../applications/rules.ts';
import { acceptanceRule, completionRule, handOnRule, handOnTiming, returnRule, taskTiming } from './rules.ts';
import * as store from './store.ts';
import type { AssistedCase, CaseEvent, CaseTask } from './store.ts';
import { taskDescribed } from './described.ts';
import { changed, event, openCaseFor, refuse, rethrowClosed, shortId, stewardOf, taskView } from './acting.ts';

// 交办

export interface TaskInput {
  dept: string;
  what: string;
  limitDays: number;
}

/** A new task of the case, its watch started, and the department joining the case's list: the writes for one transaction. */
export async function newTask(
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

/** The task a department acts on: its own, else 404 (whatever else the caller may see). */
export async function departmentsTask(caseId: string, taskId: string, caller: DepartmentCaller): Promise<CaseTask> {
  const task = await store.getTask(caseId, taskId);
  if (!task || task.dept !== caller.dept) throw new NotFound();
  return task;
}

export const caseEvent = (caseId: string, events: CaseEvent[]) => store.caseChange(caseId, { events, whileClosed: true });

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
            zh: `${what.zh}被退回，理由为「${input.reason}」，帮办中心应于${readableTime(returned.handOnBy)}前改派。`,
            en: `${what.en} was sent back ("${input.reason}"); the centre hands it on by ${readableTime(returned.handOnBy)}.`,
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
