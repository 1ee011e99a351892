/**
 * The inspections handler against DynamoDB Local and the local Step Functions: what is stored,
 * the conditions that make one decision win, the yearly cap, visits and outcomes.
 */
import { describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { newId } from '#shared/data/ids';
import { db, tableName } from '#shared/data/db';
import { keys } from '#shared/data/table';
import { localDate, addDays, startOfLocalDate } from '#shared/time/clock';
import { checkInspectionMatter } from '../../functions/inspections/deadline-check.ts';
import { handler } from '../../functions/inspections/handler.ts';
import { inspectionRoutes } from '../../functions/inspections/routes.ts';
import { createInspection, getInspection, recordDecision } from '../../functions/inspections/store.ts';
import { handler as registry } from '../../functions/registry/handler.ts';
import { registryRoutes } from '../../functions/registry/routes.ts';
import { officialCalendar } from '#shared/time/calendar';
import { executionName } from '#shared/outbox/matters';
import * as inspectionService from '../../functions/inspections/service.ts';
import { approvalMatter } from '../../functions/inspections/service.ts';
import { invoke } from '../support/invoke.ts';
import { registeredDept } from '../support/registry.ts';
import { alertDelivered, eventually, executions, sinkAlerts } from '../support/eventually.ts';
import { quarterOf } from '#shared/domain/evaluation';
import { newCreditCode } from '../support/data.ts';

const routes = inspectionRoutes.routes;
const runtime = inject('runtime');
const office = { roles: ['soft-env-office'], sub: 'office-clerk' };
const supervisor = { roles: ['supervisor'], sub: 'supervisor-1' };
const clerk = (dept: string) => ({ roles: ['department'], dept, sub: `clerk@${dept}` });
const owner = (ent: string) => ({ roles: ['enterprise'], ent, sub: `owner@${ent}` });
const today = () => localDate(new Date());

/** The first date after the 25th that is today or later (inspections that need approval). */
function afterThe25th(offset = 0): string {
  let date = addDays(today(), 1);
  while (Number(date.slice(8)) <= 25) date = addDays(date, 1);
  return addDays(date, offset);
}
/** A quiet production day (the 10th) in the coming month. */
function quietDay(): string {
  const next = addDays(`${today().slice(0, 8)}28`, 7);
  return `${next.slice(0, 8)}10`;
}
const inspection = (enterpriseId: string, plannedDate: string, category = 'routine') => ({
  enterpriseId,
  plannedDate,
  category,
  reason: 'Verify the boiler certificate',
  legalBasis: 'Special Equipment Safety Law art. 57',
  inspectors: ['Li Ming', 'Zhao Hua'],
});

describe('filing an inspection', () => {
  it('after the 25th: waits for approval, stored on its three indexes, watched by a deadline execution', async () => {
    const dept = await registeredDept();
    const enterpriseId = newCreditCode();
    const result = await invoke(handler, routes.fileInspection, { json: inspection(enterpriseId, afterThe25th()), caller: clerk(dept) });
    expect(result).toMatchObject({
      status: 201,
      body: { status: 'pending-approval', department: dept, version: 1, approval: { limitDays: 1 } },
    });
    const { Item } = await db.send(new GetCommand({ TableName: tableName, Key: keys.inspection(result.body.id) }));
    expect(Item).toMatchObject({
      gsi1pk: `INSPECTIONS#DEPT#${dept}`,
      gsi2pk: `INSPECTIONS#ENT#${enterpriseId}`,
      gsi3pk: 'INSPECTIONS',
      status: 'pending-approval',
    });
    await eventually(() =>
      expect(executions(runtime.dataDir)).toContainEqual(
        expect.objectContaining({ name: executionName(approvalMatter(result.body)), status: 'RUNNING' }),
      ),
    );
  });

  it('on a quiet day: refuses routine (422), files a safety inspection and tells the office', async () => {
    const dept = await registeredDept();
    const enterpriseId = newCreditCode();
    const refused = await invoke(handler, routes.fileInspection, { json: inspection(enterpriseId, quietDay()), caller: clerk(dept) });
    expect(refused).toMatchObject({
      status: 422,
      contentType: 'application/problem+json',
      body: { type: 'urn:soft-env:problem:quiet-production-day' },
    });
    const filed = await invoke(handler, routes.fileInspection, {
      json: inspection(enterpriseId, quietDay(), 'safety'),
      caller: clerk(dept),
    });
    expect(filed).toMatchObject({ status: 201, body: { status: 'filed' } });
    expect(filed.body.approval).toBeUndefined();
    await alertDelivered(runtime.dataDir, {
      severity: 'info',
      concern: 'inspections',
      department: dept,
      kind: 'quiet-day-exception-filed',
      subject: { type: 'inspection', id: filed.body.id },
    });
  });

  it('refuses a planned date in the past (400)', async () => {
    const result = await invoke(handler, routes.fileInspection, {
      json: inspection(newCreditCode(), addDays(today(), -1), 'safety'),
      caller: clerk(await registeredDept()),
    });
    expect(result).toMatchObject({ status: 400, body: { errors: [{ path: 'body.plannedDate' }] } });
  });

  it('allows two routine inspections per enterprise, department and year; the third is 422; others are not counted', async () => {
    const dept = await registeredDept();
    const enterpriseId = newCreditCode();
    const date = afterThe25th();
    const first = await invoke(handler, routes.fileInspection, { json: inspection(enterpriseId, date), caller: clerk(dept) });
    await invoke(handler, routes.fileInspection, { json: inspection(enterpriseId, date), caller: clerk(dept) });
    const third = await invoke(handler, routes.fileInspection, { json: inspection(enterpriseId, date), caller: clerk(dept) });
    expect(third).toMatchObject({ status: 422, body: { type: 'urn:soft-env:problem:routine-inspection-cap' } });
    expect(
      (await invoke(handler, routes.fileInspection, { json: inspection(enterpriseId, date, 'major-case'), caller: clerk(dept) })).status,
    ).toBe(201);
    expect(
      (await invoke(handler, routes.fileInspection, { json: inspection(enterpriseId, date), caller: clerk(await registeredDept()) }))
        .status,
    ).toBe(201);
    // A rejected routine inspection gives its place back.
    await invoke(handler, routes.decideInspection, {
      params: { id: first.body.id },
      json: { decision: 'reject', comment: 'Not justified' },
      caller: office,
    });
    expect((await invoke(handler, routes.fileInspection, { json: inspection(enterpriseId, date), caller: clerk(dept) })).status).toBe(201);
  });
});

describe('an approval not given by the planned day', () => {
  it('is due by the end of the planned day, and then lapses: supervisors are alerted, the routine place is freed, a late decision is 409', async () => {
    const dept = await registeredDept();
    const enterpriseId = newCreditCode();
    const date = afterThe25th();
    const plannedDayEnd = startOfLocalDate(addDays(date, 1));
    const first = await invoke(handler, routes.fileInspection, { json: inspection(enterpriseId, date), caller: clerk(dept) });
    await invoke(handler, routes.fileInspection, { json: inspection(enterpriseId, date), caller: clerk(dept) });
    expect((await invoke(handler, routes.fileInspection, { json: inspection(enterpriseId, date), caller: clerk(dept) })).status).toBe(422);
    const { timeline } = first.body.approval;
    expect(Date.parse(timeline.deadline)).toBeLessThanOrEqual(plannedDayEnd.getTime());
    expect(Date.parse(timeline.escalateAt)).toBe(plannedDayEnd.getTime());
    expect(Date.parse(timeline.warnAt)).toBeLessThanOrEqual(Date.parse(timeline.deadline));

    // The watch's last stage, just after the planned day ended.
    const result = await checkInspectionMatter(approvalMatter(first.body), 'escalation', new Date(plannedDayEnd.getTime() + 60_000));
    expect(result).toMatchObject({ open: true, alert: { kind: 'approval-lapsed', subject: { type: 'inspection', id: first.body.id } } });
    const seen = await invoke(handler, routes.getInspection, { params: { id: first.body.id }, caller: clerk(dept) });
    expect(seen.body).toMatchObject({ status: 'lapsed', lapsedAt: expect.any(String) });
    const late = await invoke(handler, routes.decideInspection, {
      params: { id: first.body.id },
      json: { decision: 'approve', comment: 'Late' },
      caller: office,
    });
    expect(late).toMatchObject({ status: 409, body: { type: 'urn:soft-env:problem:not-pending' } });
    // Its place under the yearly cap is free again, and a lapsed inspection lets nobody in.
    expect((await invoke(handler, routes.fileInspection, { json: inspection(enterpriseId, date), caller: clerk(dept) })).status).toBe(201);
    const visit = await invoke(handler, routes.recordVisit, { params: { id: first.body.id }, json: {}, caller: owner(enterpriseId) });
    expect(visit.body).toMatchObject({ allowed: false, reason: expect.stringContaining('lapsed') });
    // A check of the lapsed inspection ends quietly.
    expect(await checkInspectionMatter(approvalMatter(first.body), 'escalation', new Date(plannedDayEnd.getTime() + 120_000))).toEqual({
      open: false,
    });
  });
});

describe('a calendar the office sets under a pending approval', () => {
  it("times the office's limit again under a new watch version, still ending with the planned day at the latest", async () => {
    // A year no other test's deadlines reach (applications use the 7th after the last published).
    let year = Number(today().slice(0, 4)) + 1;
    while (!officialCalendar(year)) year -= 1;
    year += 9;
    const setCalendar = async (holidays: string[], workdays: string[]) =>
      (
        await invoke(registry, registryRoutes.routes.putCalendar, {
          params: { year: String(year) },
          json: { holidays, workdays },
          caller: office,
        })
      ).status;
    const day = (n: number) => `${year}-01-${String(n)}`;
    // The 26th and 27th are working days whatever their weekday.
    expect(await setCalendar([], [day(26), day(27)])).toBe(200);
    const dept = await registeredDept();
    const filedAt = new Date(`${day(26)}T10:00:00+08:00`);
    const file = (plannedDate: string) =>
      inspectionService.fileInspection(inspection(newCreditCode(), plannedDate) as never, clerk(dept) as never, { now: filedAt, newId });
    const [later, sooner] = [await file(day(30)), await file(day(28))];
    for (const filed of [later, sooner]) expect(localDate(new Date(filed.approval!.timeline.deadline))).toBe(day(27));

    // The 27th to the 29th become holidays; the 30th is worked.
    expect(await setCalendar([day(27), day(28), day(29)], [day(26), day(30)])).toBe(200);
    const retimed = async (id: string) =>
      eventually(async () => {
        const stored = await getInspection(id);
        expect(stored?.approval?.version).toBe(2);
        return stored!.approval!;
      });
    // One working day from the 26th at 10:00 is now the 30th at 10:00, inside the planned day.
    expect((await retimed(later.id)).timeline).toMatchObject({
      deadline: new Date(`${day(30)}T10:00:00+08:00`).toISOString(),
      escalateAt: startOfLocalDate(day(31)).toISOString(),
    });
    // Past the planned day (the 28th), the limit is that day's end.
    const plannedDayEnd = startOfLocalDate(day(29)).toISOString();
    expect((await retimed(sooner.id)).timeline).toMatchObject({ deadline: plannedDayEnd, escalateAt: plannedDayEnd });
    // The new watch runs; the old one ends quietly.
    const again = (await getInspection(later.id))!;
    await eventually(() =>
      expect(executions(runtime.dataDir)).toContainEqual(
        expect.objectContaining({ name: executionName(approvalMatter(again)), status: 'RUNNING' }),
      ),
    );
    expect(await checkInspectionMatter(approvalMatter(later), 'warning', filedAt)).toEqual({ open: false });
    // The office's decision, read before the re-timing, still wins: the watch's version moved, not the record's.
    const decision = { decision: 'approve' as const, comment: '同意', decidedAt: filedAt.toISOString(), decidedBy: office.sub };
    expect(await recordDecision(later, decision, 0.5, filedAt, [])).toBe('decided');
    expect(await getInspection(later.id)).toMatchObject({ status: 'approved', approval: { version: 2 } });
  });
});

describe('the office decides', () => {
  it('approves once: the decision is stored as evidence and the deadline execution stops', async () => {
    const dept = await registeredDept();
    const filed = await invoke(handler, routes.fileInspection, { json: inspection(newCreditCode(), afterThe25th()), caller: clerk(dept) });
    const decided = await invoke(handler, routes.decideInspection, {
      params: { id: filed.body.id },
      json: { decision: 'approve', comment: "Justified by last month's complaint" },
      caller: office,
    });
    expect(decided).toMatchObject({
      status: 200,
      body: { status: 'approved', version: 2, decision: { decision: 'approve', decidedBy: 'office-clerk' } },
    });
    const evidence = await db.send(new GetCommand({ TableName: tableName, Key: keys.decision(filed.body.id) }));
    expect(evidence.Item).toMatchObject({ decision: 'approve', inspectionId: filed.body.id });
    await eventually(() =>
      expect(executions(runtime.dataDir)).toContainEqual(
        expect.objectContaining({ name: executionName(approvalMatter(filed.body)), status: 'ABORTED' }),
      ),
    );
    const again = await invoke(handler, routes.decideInspection, {
      params: { id: filed.body.id },
      json: { decision: 'reject', comment: 'x' },
      caller: office,
    });
    expect(again).toMatchObject({ status: 409, body: { type: 'urn:soft-env:problem:not-pending' } });
  });

  it('lets exactly one of two simultaneous decisions win', async () => {
    const filed = await invoke(handler, routes.fileInspection, {
      json: inspection(newCreditCode(), afterThe25th()),
      caller: clerk(await registeredDept()),
    });
    const [a, b] = await Promise.all([
      invoke(handler, routes.decideInspection, {
        params: { id: filed.body.id },
        json: { decision: 'approve', comment: 'yes' },
        caller: office,
      }),
      invoke(handler, routes.decideInspection, {
        params: { id: filed.body.id },
        json: { decision: 'reject', comment: 'no' },
        caller: { ...office, sub: 'other-clerk' },
      }),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
    const stored = await db.send(new GetCommand({ TableName: tableName, Key: keys.inspection(filed.body.id) }));
    const winner = a.status === 200 ? a : b;
    expect(stored.Item).toMatchObject({ status: winner.body.status, version: 2 });
  });

  it('refuses a decision once the planned date has passed (422)', async () => {
    const id = crypto.randomUUID();
    const past = addDays(today(), -2);
    await createInspection(
      {
        id,
        enterpriseId: newCreditCode(),
        department: 'late-dept',
        plannedDate: past,
        category: 'safety',
        reason: 'r',
        legalBasis: 'l',
        inspectors: ['x'],
        status: 'pending-approval',
        filedAt: `${past}T09:00:00+08:00`,
        filedBy: 'clerk',
        version: 1,
      },
      undefined,
    );
    const result = await invoke(handler, routes.decideInspection, {
      params: { id },
      json: { decision: 'approve', comment: 'late' },
      caller: office,
    });
    expect(result).toMatchObject({ status: 422, body: { type: 'urn:soft-env:problem:planned-date-passed' } });
  });

  it("is the office's alone (403 for a department)", async () => {
    const result = await invoke(handler, routes.decideInspection, {
      params: { id: crypto.randomUUID() },
      json: { decision: 'approve', comment: 'x' },
      caller: clerk('tax'),
    });
    expect(result.status).toBe(403);
  });
});

/** An inspection for today that may go ahead: filed if today is a quiet day, else approved. */
async function inspectionForToday(dept: string, enterpriseId: string) {
  const filed = await invoke(handler, routes.fileInspection, { json: inspection(enterpriseId, today(), 'safety'), caller: clerk(dept) });
  if (filed.body.status === 'pending-approval') {
    await invoke(handler, routes.decideInspection, {
      params: { id: filed.body.id },
      json: { decision: 'approve', comment: 'ok' },
      caller: office,
    });
  }
  return filed.body.id as string;
}

describe('inspectors at the door', () => {
  it('are let in for an inspection that may take place today', async () => {
    const enterpriseId = newCreditCode();
    const id = await inspectionForToday(await registeredDept(), enterpriseId);
    const visit = await invoke(handler, routes.recordVisit, { params: { id }, caller: owner(enterpriseId) });
    expect(visit).toMatchObject({ status: 201, body: { allowed: true, inspectionId: id } });
    expect(visit.body.complaintId).toBeUndefined();
  });

  it('are not let in without approval: the visit is recorded, a complaint opened and supervisors alerted', async () => {
    const dept = await registeredDept();
    const enterpriseId = newCreditCode();
    const filed = await invoke(handler, routes.fileInspection, { json: inspection(enterpriseId, afterThe25th()), caller: clerk(dept) });
    const visit = await invoke(handler, routes.recordVisit, {
      params: { id: filed.body.id },
      json: { note: 'Two officers, no papers' },
      caller: owner(enterpriseId),
    });
    expect(visit).toMatchObject({
      status: 201,
      body: { allowed: false, reason: 'This inspection has not been approved by the soft-environment office.' },
    });
    const complaint = await db.send(new GetCommand({ TableName: tableName, Key: keys.complaint(visit.body.complaintId) }));
    expect(complaint.Item).toMatchObject({
      category: 'quiet-day-violation',
      againstDept: dept,
      source: 'inspection-visit',
      routedTo: 'supervisors',
    });
    await alertDelivered(runtime.dataDir, {
      kind: 'visit-not-allowed',
      severity: 'breach',
      department: dept,
      subject: { type: 'inspection', id: filed.body.id },
    });
    const seen = await invoke(handler, routes.getInspection, { params: { id: filed.body.id }, caller: supervisor });
    expect(seen.body.visits).toEqual([
      expect.objectContaining({ allowed: false, note: 'Two officers, no papers', recordedBy: expect.any(String) }),
    ]);
    // The department inspected sees the visit, not who at the enterprise reported it.
    const byDepartment = await invoke(handler, routes.getInspection, { params: { id: filed.body.id }, caller: clerk(dept) });
    expect(byDepartment.body.visits).toEqual([expect.objectContaining({ allowed: false, note: 'Two officers, no papers' })]);
    expect(byDepartment.body.visits[0]).not.toHaveProperty('recordedBy');
  });

  it('are one event a day: five reports of one unlawful visit make one complaint, one alert and one count, and keep every report', async () => {
    const dept = await registeredDept();
    const enterpriseId = newCreditCode();
    const filed = await invoke(handler, routes.fileInspection, { json: inspection(enterpriseId, afterThe25th()), caller: clerk(dept) });
    const reports = [];
    for (let i = 0; i < 5; i += 1)
      reports.push(
        await invoke(handler, routes.recordVisit, {
          params: { id: filed.body.id },
          json: { note: `Report ${i + 1}` },
          caller: owner(enterpriseId),
        }),
      );
    expect(reports.map((report) => report.status)).toEqual([201, 201, 201, 201, 201]);
    const complaintId = reports[0]!.body.complaint.id as string;
    expect(reports[0]!.body.complaint.trackingCode).toEqual(expect.any(String));
    for (const [i, repeat] of reports.slice(1).entries()) {
      expect(repeat.body).toMatchObject({
        allowed: false,
        complaintId,
        repeatOf: complaintId,
        reportsToday: i + 2,
        complaint: { id: complaintId },
      });
    }
    const seen = await invoke(handler, routes.getInspection, { params: { id: filed.body.id }, caller: supervisor });
    expect(seen.body.visits.map((visit: { note: string }) => visit.note).sort()).toEqual([
      'Report 1',
      'Report 2',
      'Report 3',
      'Report 4',
      'Report 5',
    ]);
    const count = await db.send(new GetCommand({ TableName: tableName, Key: keys.evaluation(quarterOf(new Date()), dept) }));
    expect(count.Item?.visitsNotAllowed).toBe(1);
    // Another inspection's unlawful visit, reported after them: once its alert is delivered, the stream has passed the five.
    const later = await invoke(handler, routes.fileInspection, { json: inspection(enterpriseId, afterThe25th()), caller: clerk(dept) });
    await invoke(handler, routes.recordVisit, { params: { id: later.body.id }, json: {}, caller: owner(enterpriseId) });
    await alertDelivered(runtime.dataDir, { kind: 'visit-not-allowed', subject: { type: 'inspection', id: later.body.id } });
    const alerts = sinkAlerts(runtime.dataDir).filter((alert) => alert.kind === 'visit-not-allowed' && alert.subject.id === filed.body.id);
    expect(alerts).toHaveLength(1);
  });

  it('are reported by the inspected enterprise only (404 for another)', async () => {
    const filed = await invoke(handler, routes.fileInspection, {
      json: inspection(newCreditCode(), afterThe25th()),
      caller: clerk(await registeredDept()),
    });
    const result = await invoke(handler, routes.recordVisit, { params: { id: filed.body.id }, caller: owner(newCreditCode()) });
    expect(result.status).toBe(404);
  });
});

describe('outcomes and the register of findings', () => {
  it('looks back 12 months from the inspection where the violation was found, not from the day the outcome is written', async () => {
    const dept = await registeredDept();
    const enterpriseId = newCreditCode();
    const id = await inspectionForToday(dept, enterpriseId);
    // A minor finding of this department 340 days before the inspection: within its 12 months.
    const earlier = addDays(today(), -340);
    await db.send(
      new PutCommand({
        TableName: tableName,
        Item: {
          ...keys.finding(enterpriseId, earlier, 'older-inspection', 1),
          type: 'finding',
          enterpriseId,
          department: dept,
          inspectionId: 'older-inspection',
          date: earlier,
          description: 'Sign missing',
          severity: 'minor',
          fine: 0,
        },
      }),
    );
    // Written down 40 days after the inspection: counted from that day, the earlier finding would fall outside.
    const writtenLater = new Date(Date.now() + 40 * 86_400_000);
    const outcome = await inspectionService.recordOutcome(
      id,
      { findings: [{ description: 'Sign missing again', severity: 'minor', fine: 20000 }] },
      { roles: ['department'], dept, sub: `clerk@${dept}` },
      { now: writtenLater, newId },
    );
    expect(outcome.status).toBe('completed');
    const register = await invoke(handler, routes.findingsRegister, { params: { enterpriseId }, caller: supervisor });
    expect(register.body.items).toEqual(
      expect.arrayContaining([expect.objectContaining({ inspectionId: id, date: today(), fine: 20000 })]),
    );
  });

  it('refuses a fine for a first minor violation, takes it after a minor finding within a year', async () => {
    const dept = await registeredDept();
    const enterpriseId = newCreditCode();
    const first = await inspectionForToday(dept, enterpriseId);
    const fined = await invoke(handler, routes.recordOutcome, {
      params: { id: first },
      json: { findings: [{ description: 'Fire exit blocked by boxes', severity: 'minor', fine: 50000 }] },
      caller: clerk(dept),
    });
    expect(fined).toMatchObject({ status: 422, body: { type: 'urn:soft-env:problem:first-minor-violation-no-fine' } });
    const guided = await invoke(handler, routes.recordOutcome, {
      params: { id: first },
      json: { findings: [{ description: 'Fire exit blocked by boxes', severity: 'minor', fine: 0 }] },
      caller: clerk(dept),
    });
    expect(guided).toMatchObject({ status: 201, body: { status: 'completed' } });
    const twice = await invoke(handler, routes.recordOutcome, { params: { id: first }, json: { findings: [] }, caller: clerk(dept) });
    expect(twice.status).toBe(409);

    const second = await inspectionForToday(dept, enterpriseId);
    const repeat = await invoke(handler, routes.recordOutcome, {
      params: { id: second },
      json: { findings: [{ description: 'Fire exit blocked again', severity: 'minor', fine: 50000 }] },
      caller: clerk(dept),
    });
    expect(repeat.status).toBe(201);

    // Another department's first minor finding at the same enterprise is its first.
    const otherDept = await registeredDept();
    const third = await inspectionForToday(otherDept, enterpriseId);
    const other = await invoke(handler, routes.recordOutcome, {
      params: { id: third },
      json: { findings: [{ description: 'Sign missing', severity: 'minor', fine: 10000 }] },
      caller: clerk(otherDept),
    });
    expect(other.status).toBe(422);

    const register = await invoke(handler, routes.findingsRegister, { params: { enterpriseId }, caller: owner(enterpriseId) });
    expect(register.body.items.map((finding: any) => finding.description).sort()).toEqual([
      'Fire exit blocked again',
      'Fire exit blocked by boxes',
    ]);
    const forOther = await invoke(handler, routes.findingsRegister, { params: { enterpriseId }, caller: clerk(otherDept) });
    expect(forOther.body.items).toEqual([]);
  });
});

describe('listings', () => {
  it('show a department its own, an enterprise its own, and the office everything by month and status', async () => {
    const dept = await registeredDept();
    const enterpriseId = newCreditCode();
    const date = afterThe25th();
    const mine = await invoke(handler, routes.fileInspection, { json: inspection(enterpriseId, date, 'safety'), caller: clerk(dept) });
    const theirs = await invoke(handler, routes.fileInspection, {
      json: inspection(enterpriseId, date, 'safety'),
      caller: clerk(await registeredDept()),
    });
    const own = await invoke(handler, routes.listInspections, { caller: clerk(dept) });
    expect(own.body.items.map((item: any) => item.id)).toEqual([mine.body.id]);
    const enterprise = await invoke(handler, routes.listInspections, { caller: owner(enterpriseId) });
    expect(enterprise.body.items.map((item: any) => item.id).sort()).toEqual([mine.body.id, theirs.body.id].sort());
    const otherEnterprise = await invoke(handler, routes.listInspections, { query: { enterpriseId }, caller: owner(newCreditCode()) });
    expect(otherEnterprise.body.items).toEqual([]);
    const byMonth = await invoke(handler, routes.listInspections, {
      query: { month: date.slice(0, 7), status: 'pending-approval', enterpriseId, limit: '200' },
      caller: office,
    });
    expect(byMonth.body.items.map((item: any) => item.id).sort()).toEqual([mine.body.id, theirs.body.id].sort());
    const hidden = await invoke(handler, routes.getInspection, { params: { id: theirs.body.id }, caller: clerk(dept) });
    expect(hidden.status).toBe(404);
  });
});
