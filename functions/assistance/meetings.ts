/** The assistance centre's joint meetings (会办): scheduled, and their minutes once, whose decisions become tasks. */
import { toLocalIso } from '#shared/time/clock';
import type { Caller } from '#shared/http/auth';
import type { Deps } from '#shared/domain/deps';
import { Conflict, NotFound } from '#shared/domain/errors';
import { refused, tryWriteAll, writeAll, type Write } from '#shared/data/db';
import { countIn } from '#shared/domain/evaluation';
import { raiseAlert } from '#shared/outbox/raise-alert';
import { alertWords, readableTime } from '#shared/alerts/alert-text';
import { departmentName } from '#shared/domain/names';
import { requireNamedDepartment } from '../registry/service.ts';
import { absentees, minutesRule } from './rules.ts';
import * as store from './store.ts';
import type { Meeting } from './store.ts';
import { caseDescribed } from './described.ts';
import { event, openCaseFor, refuse, rethrowClosed, shortId, stewardOf, taskView } from './acting.ts';
import { newTask, type TaskInput } from './tasks.ts';

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
