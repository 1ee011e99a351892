/**
 * The assistance centre (帮办服务中心): a case per project with its steward (首问负责), who sees
 * what; tasks handed to departments (交办) under time limits, accepted or returned before
 * acceptance, handed on, completed once and counted in the evaluation; the watches; joint
 * meetings (会办) and their minutes; applications filed under the mandate (代办); closure.
 */
import { describe, expect, inject, it } from 'vitest';
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { db, tableName } from '#shared/data/db';
import { keys } from '#shared/data/table';
import { newId } from '#shared/data/ids';
import { localDate } from '#shared/time/clock';
import { quarterOf } from '#shared/domain/evaluation';
import { putRoster } from '#shared/domain/roster-store';
import { executionName } from '#shared/outbox/matters';
import { officialCalendar } from '#shared/time/calendar';
import { workingTimeAfter } from '#shared/outbox/calendar-store';
import { handler } from '../../functions/assistance/handler.ts';
import { assistanceRoutes } from '../../functions/assistance/routes.ts';
import * as service from '../../functions/assistance/service.ts';
import { checkAssistanceMatter } from '../../functions/assistance/deadline-check.ts';
import { handOnMatter, taskMatter } from '../../functions/assistance/store.ts';
import { handler as applications } from '../../functions/applications/handler.ts';
import { applicationRoutes } from '../../functions/applications/routes.ts';
import { handler as approvals } from '../../functions/approvals/handler.ts';
import { approvalRoutes } from '../../functions/approvals/routes.ts';
import { handler as registry } from '../../functions/registry/handler.ts';
import { registryRoutes } from '../../functions/registry/routes.ts';
import { handler as evaluations } from '../../functions/evaluations/handler.ts';
import { handler as deadlineCheck } from '../../functions/deadlines/handler.ts';
import { evaluationRoutes } from '../../functions/evaluations/routes.ts';
import { invoke } from '../support/invoke.ts';
import { registeredDept } from '../support/registry.ts';
import { newCreditCode } from '../support/data.ts';
import { alertDelivered, eventually, executions } from '../support/eventually.ts';

const routes = assistanceRoutes.routes;
const runtime = inject('runtime');
const centreClerk = (name = 'wang') => ({ roles: ['service-centre'], sub: `${name}@centre` });
const office = { roles: ['soft-env-office'], sub: 'office-clerk' };
const supervisor = { roles: ['supervisor'], sub: 'supervisor-1' };
const clerk = (dept: string) => ({ roles: ['department'], dept, sub: `clerk@${dept}` });
const owner = (ent: string) => ({ roles: ['enterprise'], ent, sub: `owner@${ent}` });
const problem = (rule: string) => ({ type: `urn:soft-env:problem:${rule}` });

/** A project the centre took on for a new enterprise, under a mandate, and two registered departments. */
async function project(mandateRef: string | null = 'WT-2026-031') {
  const [landDept, buildDept] = await Promise.all([registeredDept('land'), registeredDept('build')]);
  const enterpriseId = newCreditCode();
  const opened = await invoke(handler, routes.openAssistedCase, {
    json: { enterpriseId, project: 'A cold-chain warehouse', ...(mandateRef ? { mandateRef } : {}) },
    caller: centreClerk(),
  });
  expect(opened.status).toBe(201);
  return { caseId: opened.body.id as string, enterpriseId, landDept, buildDept, opened };
}

async function assign(caseId: string, dept: string, limitDays = 5, what = 'Confirm the land use plan') {
  const answer = await invoke(handler, routes.assignTask, {
    params: { id: caseId },
    json: { dept, what, limitDays },
    caller: centreClerk(),
  });
  expect(answer.status).toBe(201);
  return answer.body;
}

const taskRoute = (route: 'acceptTask' | 'returnTask' | 'completeTask', caseId: string, taskId: string, dept: string, json: unknown = {}) =>
  invoke(handler, routes[route], { params: { id: caseId, taskId }, json, caller: clerk(dept) });

const getAssistedCase = (caseId: string, caller: { roles: string[]; sub?: string; dept?: string; ent?: string }) =>
  invoke(handler, routes.getAssistedCase, { params: { id: caseId }, caller });

const figures = async (dept: string) =>
  (await db.send(new GetCommand({ TableName: tableName, Key: keys.evaluation(quarterOf(new Date()), dept), ConsistentRead: true }))).Item;

describe('a case per project (首问负责)', () => {
  it('opened by the centre: its clerk is the steward; the enterprise sees its own, another enterprise nothing', async () => {
    const { caseId, enterpriseId, opened } = await project();
    expect(opened.body).toMatchObject({
      status: 'open',
      steward: { sub: 'wang@centre' },
      enterpriseId,
      mandateRef: 'WT-2026-031',
      openTasks: 0,
    });
    for (const caller of [centreClerk('li'), office, supervisor, owner(enterpriseId)]) {
      expect(await getAssistedCase(caseId, caller)).toMatchObject({
        status: 200,
        body: { id: caseId, project: 'A cold-chain warehouse', tasks: [] },
      });
    }
    expect(await getAssistedCase(caseId, owner(newCreditCode()))).toMatchObject({ status: 404, body: problem('not-found') });
    expect(await getAssistedCase(caseId, clerk(await registeredDept()))).toMatchObject({ status: 404 });
    const listed = await invoke(handler, routes.listAssistedCases, { caller: owner(enterpriseId) });
    expect(listed.body.items.map((item: { id: string }) => item.id)).toEqual([caseId]);
    expect((await invoke(handler, routes.listAssistedCases, { caller: owner(newCreditCode()) })).body.items).toEqual([]);
  });

  it('opened by the enterprise: no steward until the first centre clerk acts, who stays its steward', async () => {
    const enterpriseId = newCreditCode();
    expect(
      await invoke(handler, routes.openAssistedCase, {
        json: { enterpriseId: newCreditCode(), project: 'Not mine' },
        caller: owner(enterpriseId),
      }),
    ).toMatchObject({ status: 403 });
    const opened = await invoke(handler, routes.openAssistedCase, { json: { project: 'A bakery' }, caller: owner(enterpriseId) });
    expect(opened).toMatchObject({ status: 201, body: { status: 'open', steward: null, enterpriseId, openedBy: { role: 'enterprise' } } });
    const dept = await registeredDept();
    await invoke(handler, routes.assignTask, {
      params: { id: opened.body.id },
      json: { dept, what: 'Check the site', limitDays: 3 },
      caller: centreClerk('zhou'),
    });
    await invoke(handler, routes.assignTask, {
      params: { id: opened.body.id },
      json: { dept, what: 'Check the drains', limitDays: 3 },
      caller: centreClerk('qian'),
    });
    expect((await getAssistedCase(opened.body.id, owner(enterpriseId))).body).toMatchObject({
      steward: { sub: 'zhou@centre' },
      openTasks: 2,
    });
  });

  it('names the enterprise when the centre opens one, and retried with the same Idempotency-Key opens one case', async () => {
    expect(await invoke(handler, routes.openAssistedCase, { json: { project: 'Whose?' }, caller: centreClerk() })).toMatchObject({
      status: 400,
      body: problem('invalid-request'),
    });
    const enterpriseId = newCreditCode();
    const headers = { 'idempotency-key': `case-${newId()}` };
    const json = { enterpriseId, project: 'A hotel' };
    const first = await invoke(handler, routes.openAssistedCase, { json, headers, caller: centreClerk() });
    const again = await invoke(handler, routes.openAssistedCase, { json, headers, caller: centreClerk() });
    expect(again).toMatchObject({ status: 201, body: { id: first.body.id } });
    expect((await invoke(handler, routes.listAssistedCases, { caller: owner(enterpriseId) })).body.items).toHaveLength(1);
  });
});

describe('交办: a task handed to a department', () => {
  it('is timed in working days, seen by its department alone (and nothing else of the case), watched', async () => {
    const { caseId, enterpriseId, landDept, buildDept } = await project();
    const task = await assign(caseId, landDept, 5);
    const other = await assign(caseId, buildDept, 3, 'Approve the drawings');
    const assignedAt = new Date(task.assignedAt);
    expect(task).toMatchObject({ status: 'assigned', dept: landDept, limitDays: 5, caseId });
    expect(task.watch).toBeUndefined();
    expect(Date.parse(task.deadline)).toBe((await workingTimeAfter(assignedAt, 5)).getTime());
    const seen = await getAssistedCase(caseId, clerk(landDept));
    expect(seen.status).toBe(200);
    expect(seen.body.tasks.map((t: { id: string }) => t.id)).toEqual([task.id]);
    expect(seen.body.meetings).toBeUndefined();
    expect(seen.body.applications).toBeUndefined();
    expect(seen.body.timeline).toBeUndefined();
    expect(JSON.stringify(seen.body)).not.toContain(other.id);
    const whole = await getAssistedCase(caseId, owner(enterpriseId));
    expect(whole.body.tasks.map((t: { id: string }) => t.id)).toEqual([task.id, other.id]);
    expect(whole.body.timeline.at(-1)).toMatchObject({ event: 'task-assigned' });
    // The department's list: the cases where it holds a task.
    const listed = await invoke(handler, routes.listAssistedCases, { caller: clerk(landDept) });
    expect(listed.body.items).toEqual([expect.objectContaining({ id: caseId, project: 'A cold-chain warehouse' })]);
    expect(listed.body.items[0].openTasks).toBeUndefined();
    const byDept = await invoke(handler, routes.listAssistedCases, { query: { dept: buildDept }, caller: centreClerk() });
    expect(byDept.body.items.map((item: { id: string }) => item.id)).toEqual([caseId]);
    await eventually(() =>
      expect(executions(runtime.dataDir)).toContainEqual(
        expect.objectContaining({ name: executionName(taskMatter(task, 1)), status: 'RUNNING' }),
      ),
    );
    // Another department cannot act on it.
    expect(await taskRoute('acceptTask', caseId, task.id, buildDept)).toMatchObject({ status: 404 });
    // An unregistered department cannot be handed a task.
    expect(
      await invoke(handler, routes.assignTask, {
        params: { id: caseId },
        json: { dept: 'no-such-bureau', what: 'x', limitDays: 2 },
        caller: centreClerk(),
      }),
    ).toMatchObject({ status: 400, body: { errors: [expect.objectContaining({ path: 'body.dept' })] } });
  });

  it('accepted once, then not returned (409 task-accepted); completed once on time, counted in the evaluation', async () => {
    const { caseId, landDept } = await project();
    const task = await assign(caseId, landDept, 5);
    expect(await taskRoute('acceptTask', caseId, task.id, landDept)).toMatchObject({
      status: 200,
      body: { status: 'accepted', accepted: { sub: `clerk@${landDept}` } },
    });
    expect(await taskRoute('acceptTask', caseId, task.id, landDept)).toMatchObject({ status: 409, body: problem('task-accepted') });
    expect(await taskRoute('returnTask', caseId, task.id, landDept, { reason: 'Not ours.' })).toMatchObject({
      status: 409,
      body: problem('task-accepted'),
    });
    const done = await taskRoute('completeTask', caseId, task.id, landDept, { result: 'The plan allows a warehouse.' });
    expect(done).toMatchObject({
      status: 200,
      body: { status: 'completed', completion: { onTime: true, result: 'The plan allows a warehouse.' } },
    });
    expect(await taskRoute('completeTask', caseId, task.id, landDept, { result: 'Again' })).toMatchObject({
      status: 409,
      body: problem('task-completed'),
    });
    await eventually(() =>
      expect(executions(runtime.dataDir)).not.toContainEqual(
        expect.objectContaining({ name: executionName(taskMatter(task, 1)), status: 'RUNNING' }),
      ),
    );
    expect(await figures(landDept)).toMatchObject({ tasksCompleted: 1, tasksOnTime: 1, handled: 1, handledInTime: 1 });
    const evaluation = await invoke(evaluations, evaluationRoutes.routes.evaluation, { params: { quarter: quarterOf(new Date()) } });
    const row = evaluation.body.departments.find((entry: { deptId: string }) => entry.deptId === landDept);
    expect(row).toMatchObject({ shareHandledInTime: 1, figures: { tasksCompleted: 1, tasksOnTime: 1 } });
  });

  it('completed late: recorded late, and the share handled in time falls', async () => {
    const { caseId, landDept } = await project();
    const task = await assign(caseId, landDept, 1);
    const late = new Date(Date.parse(task.deadline) + 3_600_000);
    const done = await service.completeTask(caseId, task.id, { result: 'Done at last.' }, clerk(landDept) as never, { now: late, newId });
    expect(done).toMatchObject({ status: 'completed', completion: { onTime: false } });
    const counted = await figures(landDept);
    expect(counted).toMatchObject({ tasksCompleted: 1, tasksLate: 1, handled: 1 });
    expect(counted?.handledInTime ?? 0).toBe(0);
    expect(counted?.tasksOnTime ?? 0).toBe(0);
  });

  it('returned before acceptance with a reason: the centre is alerted and hands it on (once), within a working day, watched', async () => {
    const { caseId, landDept, buildDept } = await project();
    const task = await assign(caseId, landDept, 5);
    const returned = await taskRoute('returnTask', caseId, task.id, landDept, { reason: 'Building permits are the housing bureau’s.' });
    expect(returned).toMatchObject({ status: 200, body: { status: 'returned', returned: { reason: expect.stringContaining('housing') } } });
    expect(Date.parse(returned.body.returned.handOnBy)).toBe((await workingTimeAfter(new Date(returned.body.returned.at), 1)).getTime());
    expect(await taskRoute('acceptTask', caseId, task.id, landDept)).toMatchObject({ status: 409, body: problem('task-returned') });
    expect(await taskRoute('completeTask', caseId, task.id, landDept, { result: 'x' })).toMatchObject({
      status: 409,
      body: problem('task-returned'),
    });
    await alertDelivered(runtime.dataDir, {
      concern: 'assistance',
      kind: 'task-returned',
      department: landDept,
      subject: { type: 'assisted-task', id: `${caseId}.${task.id}` },
    });
    await eventually(() =>
      expect(executions(runtime.dataDir)).toContainEqual(
        expect.objectContaining({ name: executionName(handOnMatter(task, 1)), status: 'RUNNING' }),
      ),
    );
    // Not handed on in time: the centre's own breach (not the department's).
    const breach = await checkAssistanceMatter(
      handOnMatter(task, 1),
      'breach',
      new Date(Date.parse(returned.body.returned.handOnBy) + 1000),
    );
    expect(breach).toMatchObject({ open: true, alert: { kind: 'hand-on-breach', title: expect.stringContaining('改派') } });
    const checked = await deadlineCheck({ matter: handOnMatter(task, 1), stage: 'breach' });
    expect(checked).toMatchObject({ open: true, alert: { severity: 'breach', concern: 'assistance', department: 'none' } });
    expect((await figures(landDept))?.breaches ?? 0).toBe(0);
    // A returned task is still open: the case cannot close.
    expect(
      await invoke(handler, routes.closeAssistedCase, {
        params: { id: caseId },
        json: { outcome: 'completed', summary: 'Done' },
        caller: centreClerk(),
      }),
    ).toMatchObject({ status: 409, body: problem('tasks-open') });
    const handedOn = await invoke(handler, routes.assignTask, {
      params: { id: caseId },
      json: { dept: buildDept, what: 'Issue the building permit', limitDays: 10, handsOn: task.id },
      caller: centreClerk(),
    });
    expect(handedOn).toMatchObject({ status: 201, body: { status: 'assigned', dept: buildDept, handsOn: task.id } });
    const whole = await getAssistedCase(caseId, centreClerk());
    expect(whole.body.tasks).toEqual([
      expect.objectContaining({ id: task.id, status: 'handed-on', handedOnTo: handedOn.body.id }),
      expect.objectContaining({ id: handedOn.body.id, status: 'assigned' }),
    ]);
    expect(whole.body.openTasks).toBe(1);
    expect(await checkAssistanceMatter(handOnMatter(task, 1), 'breach', new Date())).toEqual({ open: false });
    expect(
      await invoke(handler, routes.assignTask, {
        params: { id: caseId },
        json: { dept: buildDept, what: 'Again', limitDays: 10, handsOn: task.id },
        caller: centreClerk(),
      }),
    ).toMatchObject({ status: 409, body: problem('task-not-returned') });
  });
});

describe("the watch of a department's task", () => {
  it('warns at two thirds, breaches at the limit, escalates a working day later, ends when completed; the breach counts against the department', async () => {
    const { caseId, landDept } = await project();
    const task = await assign(caseId, landDept, 3);
    const assignedAt = new Date(task.assignedAt);
    const stored = (await db.send(new GetCommand({ TableName: tableName, Key: keys.caseTask(caseId, task.id), ConsistentRead: true })))
      .Item!;
    expect(Date.parse(stored.watch.timeline.warnAt)).toBe((await workingTimeAfter(assignedAt, 2)).getTime());
    expect(Date.parse(stored.watch.timeline.escalateAt)).toBe((await workingTimeAfter(assignedAt, 4)).getTime());
    const warning = await checkAssistanceMatter(taskMatter(task, 1), 'warning', new Date(stored.watch.timeline.warnAt));
    expect(warning).toMatchObject({
      open: true,
      alert: {
        kind: 'task-warning',
        subject: { type: 'assisted-task', id: `${caseId}.${task.id}` },
        detail: expect.stringContaining('Confirm the land use plan'),
      },
    });
    expect(warning.open && warning.alert.title).toMatch(/^交办任务时限将到：Bureau land-/);
    expect(await checkAssistanceMatter(taskMatter(task, 1), 'breach', new Date(task.deadline))).toMatchObject({
      open: true,
      alert: { kind: 'task-breach' },
    });
    // The workflow's check at the breach: the alert is the department's, and counts in its evaluation.
    const checked = await deadlineCheck({ matter: taskMatter(task, 1), stage: 'breach' });
    expect(checked).toMatchObject({
      open: true,
      publish: true,
      alert: { severity: 'breach', concern: 'assistance', department: landDept },
    });
    expect(await figures(landDept)).toMatchObject({ breaches: 1 });
    expect(await checkAssistanceMatter(taskMatter(task, 1), 'escalation', new Date())).toMatchObject({
      open: true,
      alert: { kind: 'task-escalation' },
    });
    await taskRoute('completeTask', caseId, task.id, landDept, { result: 'Done.' });
    expect(await checkAssistanceMatter(taskMatter(task, 1), 'escalation', new Date())).toEqual({ open: false });
  });

  it('is timed again when the office changes the calendar under it', async () => {
    let year = Number(localDate(new Date()).slice(0, 4)) + 1;
    while (!officialCalendar(year)) year -= 1;
    year += 8; // a year no other test's deadlines reach
    const { caseId, landDept } = await project();
    const assignedAt = new Date(`${year - 1}-12-30T10:00:00+08:00`);
    const task = await service.assignTask(caseId, { dept: landDept, what: 'Survey the site', limitDays: 5 }, centreClerk() as never, {
      now: assignedAt,
      newId,
    });
    const holidays = Array.from({ length: 10 }, (_, index) => `${year}-01-${String(index + 1).padStart(2, '0')}`);
    const put = await invoke(registry, registryRoutes.routes.putCalendar, {
      params: { year: String(year) },
      json: { holidays, workdays: [] },
      caller: office,
    });
    expect(put.status).toBe(200);
    const after = await eventually(async () => {
      const item = (await db.send(new GetCommand({ TableName: tableName, Key: keys.caseTask(caseId, task.id), ConsistentRead: true })))
        .Item!;
      expect(item.watch.version).toBe(2);
      return item;
    });
    expect(localDate(new Date(after.deadline)) > `${year}-01-10`).toBe(true);
    expect(Date.parse(after.deadline)).toBeGreaterThan(Date.parse(task.deadline));
  });
});

describe('会办: a joint meeting', () => {
  it('its minutes, once: the decisions become tasks, an invited department absent alerts the supervisors', async () => {
    const { caseId, landDept, buildDept } = await project();
    const fireDept = await registeredDept('fire');
    const soon = new Date(Date.now() + 3_600_000).toISOString();
    const meeting = await invoke(handler, routes.scheduleMeeting, {
      params: { id: caseId },
      json: { at: soon, chair: 'Deputy county head Liu', depts: [landDept, buildDept, fireDept] },
      caller: centreClerk(),
    });
    expect(meeting).toMatchObject({ status: 201, body: { depts: [landDept, buildDept, fireDept], chair: 'Deputy county head Liu' } });
    const minutes = {
      attended: [landDept, buildDept],
      decisions: [
        { dept: landDept, what: 'Adjust the plot line', limitDays: 5 },
        { dept: buildDept, what: 'Review the drawings in parallel', limitDays: 7 },
      ],
    };
    const early = await invoke(handler, routes.recordMinutes, {
      params: { id: caseId, meetingId: meeting.body.id },
      json: minutes,
      caller: centreClerk(),
    });
    expect(early).toMatchObject({ status: 409, body: problem('meeting-not-held') });
    const held = new Date(Date.parse(soon) + 7_200_000);
    const recorded = await service.recordMinutes(caseId, meeting.body.id, minutes, centreClerk() as never, { now: held, newId });
    expect(recorded.minutes).toMatchObject({ attended: [landDept, buildDept], absent: [fireDept] });
    expect(recorded.tasks).toEqual([
      expect.objectContaining({ dept: landDept, status: 'assigned', fromMeeting: meeting.body.id }),
      expect.objectContaining({ dept: buildDept, status: 'assigned', fromMeeting: meeting.body.id }),
    ]);
    await alertDelivered(runtime.dataDir, { concern: 'assistance', kind: 'meeting-missed', severity: 'warning', department: fireDept });
    expect(await figures(fireDept)).toMatchObject({ meetingsMissed: 1 });
    const again = await invoke(handler, routes.recordMinutes, {
      params: { id: caseId, meetingId: meeting.body.id },
      json: minutes,
      caller: centreClerk(),
    });
    expect(again).toMatchObject({ status: 409, body: problem('minutes-recorded') });
    const whole = await getAssistedCase(caseId, supervisor);
    expect(whole.body).toMatchObject({
      openTasks: 2,
      meetings: [expect.objectContaining({ minutes: expect.objectContaining({ absent: [fireDept] }) })],
    });
    // The land bureau sees its decision's task, now that it holds one.
    expect((await getAssistedCase(caseId, clerk(landDept))).body.tasks).toEqual([
      expect.objectContaining({ what: 'Adjust the plot line' }),
    ]);
  });
});

describe('代办: applications filed for the enterprise', () => {
  async function item() {
    const dept = await registeredDept('approval');
    await putRoster(
      dept,
      [
        { id: 'li', name: 'Li Ming', available: true },
        { id: 'zhao', name: 'Zhao Hua', available: true },
      ],
      'test',
      new Date(),
    );
    const itemCode = `SC-${newId().slice(0, 8)}`;
    const put = await invoke(approvals, approvalRoutes.routes.putItem, {
      params: { code: itemCode },
      caller: office,
      json: {
        dept,
        name: 'Construction permit',
        legalBasis: 'Construction Law art. 8',
        statutoryDays: 15,
        pledgedDays: 10,
        materials: ['drawings'],
      },
    });
    expect(put.status).toBe(201);
    return { dept, itemCode };
  }

  it('need the mandate (422 no-mandate)', async () => {
    const { caseId } = await project(null);
    const { itemCode } = await item();
    expect(
      await invoke(handler, routes.fileCaseApplication, {
        params: { id: caseId },
        json: { itemCode, materials: ['drawings'] },
        caller: centreClerk(),
      }),
    ).toMatchObject({
      status: 422,
      contentType: 'application/problem+json',
      body: { ...problem('no-mandate'), detail: expect.stringContaining('mandate') },
    });
  });

  it('name an item of the catalogue (400 naming itemCode)', async () => {
    const { caseId } = await project();
    const answer = await invoke(handler, routes.fileCaseApplication, {
      params: { id: caseId },
      json: { itemCode: 'SC-NOSUCHITEM', materials: ['drawings'] },
      caller: centreClerk(),
    });
    expect(answer).toMatchObject({ status: 400, contentType: 'application/problem+json', body: problem('invalid-request') });
    expect(answer.body.errors).toContainEqual(expect.objectContaining({ path: 'body.itemCode' }));
  });

  it("under the mandate: the enterprise's application, linked to the case, under the service centre's rules", async () => {
    const { caseId, enterpriseId } = await project();
    const { dept, itemCode } = await item();
    const filed = await invoke(handler, routes.fileCaseApplication, {
      params: { id: caseId },
      json: { itemCode, materials: ['drawings'] },
      caller: centreClerk(),
    });
    expect(filed).toMatchObject({
      status: 201,
      body: { status: 'received', enterpriseId, dept, assignedTo: { post: 'A' }, filedBy: { role: 'service-centre', caseId } },
    });
    const id = filed.body.id;
    // The enterprise stays the applicant: it sees it among its own.
    const own = await invoke(applications, applicationRoutes.routes.listApplications, { caller: owner(enterpriseId) });
    expect(own.body.items.map((application: { id: string }) => application.id)).toContain(id);
    // The one-time notice, once, as for any application.
    const notice = { accepted: false, missing: ['fire safety plan'] };
    expect(
      (await invoke(applications, applicationRoutes.routes.acceptApplication, { params: { id }, json: notice, caller: clerk(dept) }))
        .status,
    ).toBe(200);
    expect(
      await invoke(applications, applicationRoutes.routes.acceptApplication, { params: { id }, json: notice, caller: clerk(dept) }),
    ).toMatchObject({
      status: 409,
      body: problem('one-time-notice-given'),
    });
    const whole = await getAssistedCase(caseId, owner(enterpriseId));
    expect(whole.body.applications).toEqual([
      expect.objectContaining({ applicationId: id, itemName: 'Construction permit', status: 'incomplete' }),
    ]);
  });
});

describe('closure', () => {
  it('only when no task is open (409 tasks-open), once, with its outcome; a closed case takes nothing more', async () => {
    const { caseId, landDept } = await project();
    const task = await assign(caseId, landDept, 5);
    const close = (json: unknown) => invoke(handler, routes.closeAssistedCase, { params: { id: caseId }, json, caller: centreClerk('li') });
    expect(await close({ outcome: 'completed', summary: 'Built.' })).toMatchObject({ status: 409, body: problem('tasks-open') });
    expect(await close({ outcome: 'finished', summary: 'Built.' })).toMatchObject({ status: 400, body: problem('invalid-request') });
    await taskRoute('completeTask', caseId, task.id, landDept, { result: 'Done.' });
    const closed = await close({ outcome: 'completed', summary: 'The warehouse opened.' });
    expect(closed).toMatchObject({
      status: 200,
      body: {
        status: 'closed',
        closure: { outcome: 'completed', summary: 'The warehouse opened.', by: 'li@centre' },
        steward: { sub: 'wang@centre' },
      },
    });
    expect(await close({ outcome: 'completed', summary: 'Again.' })).toMatchObject({ status: 409, body: problem('case-closed') });
    expect(
      await invoke(handler, routes.assignTask, {
        params: { id: caseId },
        json: { dept: landDept, what: 'More', limitDays: 2 },
        caller: centreClerk(),
      }),
    ).toMatchObject({ status: 409, body: problem('case-closed') });
    const listed = await invoke(handler, routes.listAssistedCases, { query: { status: 'closed', dept: landDept }, caller: office });
    expect(listed.body.items.map((item: { id: string }) => item.id)).toEqual([caseId]);
  });
});
