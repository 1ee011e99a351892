/**
 * The 24-hour appointment service (24小时预约服务) against DynamoDB Local and the local runtime:
 * requests at any hour, who sees what, the department's confirmation, the watch and its alerts.
 */
import { describe, expect, inject, it } from 'vitest';
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { db, tableName } from '#shared/data/db';
import { keys } from '#shared/data/table';
import { executionName } from '#shared/outbox/matters';
import { handler } from '../../functions/appointments/handler.ts';
import { appointmentRoutes } from '../../functions/appointments/routes.ts';
import { confirmationMatter } from '../../functions/appointments/service.ts';
import { createAppointment } from '../../functions/appointments/store.ts';
import { confirmationTimeline } from '../../functions/appointments/rules.ts';
import { checkAppointmentMatter } from '../../functions/appointments/deadline-check.ts';
import { handler as deadlineCheck } from '../../functions/deadlines/handler.ts';
import { handler as registry } from '../../functions/registry/handler.ts';
import { registryRoutes } from '../../functions/registry/routes.ts';
import { invoke } from '../support/invoke.ts';
import { alertDelivered, eventually, executions } from '../support/eventually.ts';
import { newCreditCode, newDeptId } from '../support/data.ts';

const routes = appointmentRoutes.routes;
const runtime = inject('runtime');
const HOUR = 3_600_000;
const office = { roles: ['soft-env-office'], sub: 'office-clerk' };
const supervisor = { roles: ['supervisor'], sub: 'supervisor-1' };
const clerk = (dept: string) => ({ roles: ['department'], dept, sub: `clerk@${dept}` });
const owner = (ent: string) => ({ roles: ['enterprise'], ent, sub: `owner-${ent}` });
/** 3 a.m. China time, some days ahead: any hour of any day is taken. */
const threeAm = (daysAhead: number) =>
  new Date(
    Date.parse(`${new Date(Date.now() + daysAhead * 86_400_000 + 8 * HOUR).toISOString().slice(0, 10)}T03:00:00+08:00`),
  ).toISOString();

async function department() {
  const dept = newDeptId('centre');
  await invoke(registry, registryRoutes.routes.putDepartment, {
    params: { deptId: dept },
    json: { name: `Bureau ${dept}` },
    caller: office,
  });
  return dept;
}
const ask = (dept: string, ent: string, extra: object = {}, headers: Record<string, string> = {}) =>
  invoke(handler, routes.requestAppointment, {
    json: { dept, topic: '食品经营许可证现场核查 (on-site check for a food licence)', requestedAt: threeAm(2), ...extra },
    caller: owner(ent),
    headers,
  });
const confirmation = () => ({ at: threeAm(2), place: 'Investment service centre, window 3', staff: ['Li Ming', 'Wang Fang'] });

describe('asking for an appointment', () => {
  it('takes a request for 3 a.m. two days ahead, watches 24 hours from now, and starts the watch', async () => {
    const dept = await department();
    const ent = newCreditCode();
    const before = Date.now();
    const asked = await ask(dept, ent);
    expect(asked).toMatchObject({
      status: 201,
      body: { id: expect.any(String), status: 'requested', dept, enterpriseId: ent, overdue: false },
    });
    const due = Date.parse(asked.body.confirmBy) - Date.parse(asked.body.receivedAt);
    expect(due).toBe(24 * HOUR);
    expect(Date.parse(asked.body.receivedAt)).toBeGreaterThanOrEqual(before - 1000);
    const { Item } = await db.send(new GetCommand({ TableName: tableName, Key: keys.appointment(asked.body.id) }));
    expect(Item).toMatchObject({ status: 'requested', gsi1pk: `APPOINTMENTS#DEPT#${dept}`, gsi2pk: `APPOINTMENTS#ENT#${ent}` });
    expect(Date.parse(Item?.watch.warnAt) - Date.parse(asked.body.receivedAt)).toBe(16 * HOUR);
    expect(Date.parse(Item?.watch.escalateAt) - Date.parse(asked.body.receivedAt)).toBe(48 * HOUR);
    const name = executionName(confirmationMatter({ id: asked.body.id, dept }));
    await eventually(() => expect(executions(runtime.dataDir)).toContainEqual(expect.objectContaining({ name })));
  });

  it('replays a retried Idempotency-Key and 409s the key with another body', async () => {
    const dept = await department();
    const ent = newCreditCode();
    const headers = { 'idempotency-key': `appointment-${ent}` };
    const first = await ask(dept, ent, {}, headers);
    expect(first.status).toBe(201);
    expect(await ask(dept, ent, {}, headers)).toEqual(first);
    expect(await ask(dept, ent, { topic: 'Something else' }, headers)).toMatchObject({
      status: 409,
      body: { type: 'urn:soft-env:problem:idempotency-key-reused' },
    });
    expect((await invoke(handler, routes.listAppointments, { query: {}, caller: owner(ent) })).body.items).toHaveLength(1);
  });

  it.each([
    ['an unregistered department', (dept: string) => ({ dept: `${dept}-nowhere` }), 'body.dept'],
    ['a time in the past', () => ({ requestedAt: new Date(Date.now() - 2 * HOUR).toISOString() }), 'body.requestedAt'],
    ['a time more than 90 days ahead', () => ({ requestedAt: threeAm(120) }), 'body.requestedAt'],
    ['a time without an offset', () => ({ requestedAt: '2030-01-01T03:00:00' }), 'body.requestedAt'],
    ['no topic', () => ({ topic: '   ' }), 'body.topic'],
  ])('refuses %s with a 400 naming the field, and stores nothing', async (_, change, path) => {
    const dept = await department();
    const ent = newCreditCode();
    const refused = await ask(dept, ent, change(dept));
    expect(refused).toMatchObject({
      status: 400,
      contentType: 'application/problem+json',
      body: { type: 'urn:soft-env:problem:invalid-request', errors: expect.arrayContaining([expect.objectContaining({ path })]) },
    });
    expect((await invoke(handler, routes.listAppointments, { query: {}, caller: owner(ent) })).body.items).toEqual([]);
  });

  it('is for enterprises: a department, the office or nobody may not ask', async () => {
    const dept = await department();
    const json = { dept, topic: 'A check', requestedAt: threeAm(1) };
    expect(await invoke(handler, routes.requestAppointment, { json, caller: clerk(dept) })).toMatchObject({
      status: 403,
      body: { type: 'urn:soft-env:problem:forbidden' },
    });
    expect(await invoke(handler, routes.requestAppointment, { json, caller: office })).toMatchObject({ status: 403 });
    expect(await invoke(handler, routes.requestAppointment, { json })).toMatchObject({
      status: 401,
      body: { type: 'urn:soft-env:problem:unauthorized' },
    });
  });
});

describe('who sees an appointment', () => {
  it('the enterprise its own, the department its own, the office and supervisors all; others 404', async () => {
    const [dept, otherDept] = [await department(), await department()];
    const [ent, otherEnt] = [newCreditCode(), newCreditCode()];
    const mine = (await ask(dept, ent)).body;
    const theirs = (await ask(otherDept, otherEnt)).body;
    const get = (id: string, caller: object) => invoke(handler, routes.getAppointment, { params: { id }, caller: caller as never });
    for (const caller of [owner(ent), clerk(dept), office, supervisor])
      expect(await get(mine.id, caller)).toMatchObject({ status: 200, body: { id: mine.id, topic: mine.topic } });
    for (const caller of [owner(otherEnt), clerk(otherDept)])
      expect(await get(mine.id, caller)).toMatchObject({ status: 404, body: { type: 'urn:soft-env:problem:not-found' } });
    expect(await get(mine.id, { roles: ['park-office'] })).toMatchObject({ status: 403 });

    const list = async (caller: object, query: Record<string, string> = {}) =>
      (await invoke(handler, routes.listAppointments, { query, caller: caller as never })).body.items.map(
        (item: { id: string }) => item.id,
      );
    expect(await list(owner(ent))).toEqual([mine.id]);
    expect(await list(clerk(dept))).toEqual([mine.id]);
    expect(await list(office, { dept: otherDept })).toEqual([theirs.id]);
    expect(await list(supervisor, { limit: '200' })).toEqual(expect.arrayContaining([mine.id, theirs.id]));
    expect(await invoke(handler, routes.listAppointments, { query: { dept: otherDept }, caller: clerk(dept) })).toMatchObject({
      status: 403,
      body: { type: 'urn:soft-env:problem:forbidden' },
    });
    expect(await invoke(handler, routes.listAppointments, { query: {}, caller: { roles: ['department'] } })).toMatchObject({ status: 403 });
  });

  it('filters by status and pages with a cursor, newest request first', async () => {
    const dept = await department();
    const ent = newCreditCode();
    const first = (await ask(dept, ent)).body;
    const second = (await ask(dept, ent)).body;
    const third = (await ask(dept, ent)).body;
    await invoke(handler, routes.confirmAppointment, { params: { id: second.id }, json: confirmation(), caller: clerk(dept) });
    const page1 = await invoke(handler, routes.listAppointments, { query: { limit: '2' }, caller: clerk(dept) });
    expect(page1.body.items.map((item: { id: string }) => item.id)).toEqual([third.id, second.id]);
    const page2 = await invoke(handler, routes.listAppointments, {
      query: { limit: '2', cursor: page1.body.nextCursor },
      caller: clerk(dept),
    });
    expect(page2.body.items.map((item: { id: string }) => item.id)).toEqual([first.id]);
    const requested = await invoke(handler, routes.listAppointments, { query: { status: 'requested' }, caller: owner(ent) });
    expect(requested.body.items.map((item: { id: string }) => item.id)).toEqual([third.id, first.id]);
    const confirmed = await invoke(handler, routes.listAppointments, { query: { status: 'confirmed' }, caller: supervisor });
    expect(confirmed.body.items.map((item: { id: string }) => item.id)).toContain(second.id);
    expect(await invoke(handler, routes.listAppointments, { query: { status: 'lost' }, caller: supervisor })).toMatchObject({
      status: 400,
      body: { errors: [expect.objectContaining({ path: 'query.status' })] },
    });
  });
});

describe("the department's confirmation", () => {
  it('confirms time, place and staff once, within the 24 hours, and stops the watch', async () => {
    const dept = await department();
    const ent = newCreditCode();
    const asked = (await ask(dept, ent)).body;
    const confirmed = await invoke(handler, routes.confirmAppointment, {
      params: { id: asked.id },
      json: confirmation(),
      caller: clerk(dept),
    });
    expect(confirmed).toMatchObject({
      status: 200,
      body: {
        status: 'confirmed',
        confirmation: {
          place: 'Investment service centre, window 3',
          staff: ['Li Ming', 'Wang Fang'],
          confirmedBy: `clerk@${dept}`,
          late: false,
        },
        version: 2,
      },
    });
    expect(
      (await invoke(handler, routes.getAppointment, { params: { id: asked.id }, caller: owner(ent) })).body.confirmation,
    ).toMatchObject({ place: 'Investment service centre, window 3' });
    const again = await invoke(handler, routes.confirmAppointment, {
      params: { id: asked.id },
      json: { ...confirmation(), place: 'Window 5' },
      caller: clerk(dept),
    });
    expect(again).toMatchObject({
      status: 409,
      contentType: 'application/problem+json',
      body: { type: 'urn:soft-env:problem:already-confirmed' },
    });
    // Confirmed: the workflow's check finds nothing to alert.
    expect(await checkAppointmentMatter(confirmationMatter({ id: asked.id, dept }), 'breach', new Date())).toEqual({ open: false });
  });

  it("is the department's own: another department 404, an enterprise or the office 403; bad input 400", async () => {
    const [dept, otherDept] = [await department(), await department()];
    const ent = newCreditCode();
    const asked = (await ask(dept, ent)).body;
    const confirm = (json: object, caller: object) =>
      invoke(handler, routes.confirmAppointment, { params: { id: asked.id }, json, caller: caller as never });
    expect(await confirm(confirmation(), clerk(otherDept))).toMatchObject({
      status: 404,
      body: { type: 'urn:soft-env:problem:not-found' },
    });
    expect(await confirm(confirmation(), owner(ent))).toMatchObject({ status: 403 });
    expect(await confirm(confirmation(), office)).toMatchObject({ status: 403 });
    expect(await confirm(confirmation(), clerk(newDeptId()))).toMatchObject({
      status: 403,
      body: { type: 'urn:soft-env:problem:forbidden' },
    });
    expect(await confirm({ ...confirmation(), at: new Date(Date.now() - 3 * HOUR).toISOString() }, clerk(dept))).toMatchObject({
      status: 400,
      body: { errors: [expect.objectContaining({ path: 'body.at' })] },
    });
    expect(await confirm({ ...confirmation(), staff: [] }, clerk(dept))).toMatchObject({
      status: 400,
      body: { errors: [expect.objectContaining({ path: 'body.staff' })] },
    });
    expect(
      await invoke(handler, routes.confirmAppointment, { params: { id: 'not-a-uuid' }, json: confirmation(), caller: clerk(dept) }),
    ).toMatchObject({ status: 400 });
    expect((await invoke(handler, routes.getAppointment, { params: { id: asked.id }, caller: clerk(dept) })).body).toMatchObject({
      status: 'requested',
      version: 1,
    });
  });

  it('takes a confirmation after the 24 hours, records it late and tells the supervisors it came at last', async () => {
    const dept = await department();
    const ent = newCreditCode();
    // A request received 30 hours ago, left unconfirmed.
    const receivedAt = new Date(Date.now() - 30 * HOUR);
    const id = crypto.randomUUID();
    await createAppointment(
      {
        id,
        dept,
        enterpriseId: ent,
        topic: 'Night-time equipment check',
        requestedAt: threeAm(1),
        status: 'requested',
        receivedAt: receivedAt.toISOString(),
        requestedBy: `owner-${ent}`,
        watch: confirmationTimeline(receivedAt),
        version: 1,
      },
      [],
    );
    expect((await invoke(handler, routes.getAppointment, { params: { id }, caller: supervisor })).body).toMatchObject({
      status: 'requested',
      overdue: true,
    });
    const late = await invoke(handler, routes.confirmAppointment, { params: { id }, json: confirmation(), caller: clerk(dept) });
    expect(late).toMatchObject({
      status: 200,
      body: { status: 'confirmed', overdue: false, confirmation: { late: true, hoursTaken: expect.any(Number) } },
    });
    expect(late.body.confirmation.hoursTaken).toBeGreaterThanOrEqual(30);
    await alertDelivered(runtime.dataDir, {
      concern: 'appointments',
      severity: 'info',
      kind: 'confirmation-late',
      department: dept,
      subject: { type: 'appointment', id },
    });
  });
});

describe('the 24-hour watch', () => {
  it('raises warning, breach and escalation for the supervisors with the concern appointments while unconfirmed', async () => {
    const dept = await department();
    const ent = newCreditCode();
    const asked = (await ask(dept, ent)).body;
    const matter = confirmationMatter({ id: asked.id, dept });
    for (const stage of ['warning', 'breach', 'escalation'] as const) {
      const result = await deadlineCheck({ matter, stage });
      expect(result).toMatchObject({
        open: true,
        publish: true,
        alert: {
          concern: 'appointments',
          severity: stage,
          department: dept,
          kind: `confirmation-${stage}`,
          subject: { type: 'appointment', id: asked.id },
        },
      });
    }
    expect((await deadlineCheck({ matter, stage: 'breach' })).publish).toBe(false);
    const { Item } = await db.send(new GetCommand({ TableName: tableName, Key: keys.alert(`${executionName(matter)}-breach`) }));
    expect(Item).toMatchObject({ concern: 'appointments', title: expect.stringContaining('24 hours') });
  });
});
