/**
 * Pledges against DynamoDB Local, and the quarterly evaluation: its counters, kept with each
 * event, agree with the records they count.
 */
import { describe, expect, inject, it } from 'vitest';
import { alertDelivered, eventually, executions } from '../support/eventually.ts';
import { addDays, localDate } from '#shared/time/clock';
import { quarterOf } from '#shared/domain/evaluation';
import { handler as pledges } from '../../functions/pledges/handler.ts';
import { pledgeRoutes } from '../../functions/pledges/routes.ts';
import { handler as evaluations } from '../../functions/evaluations/handler.ts';
import { evaluationRoutes } from '../../functions/evaluations/routes.ts';
import { handler as complaints } from '../../functions/complaints/handler.ts';
import { complaintRoutes } from '../../functions/complaints/routes.ts';
import { handler as inspections } from '../../functions/inspections/handler.ts';
import { inspectionRoutes } from '../../functions/inspections/routes.ts';
import { handler as registry } from '../../functions/registry/handler.ts';
import { registryRoutes } from '../../functions/registry/routes.ts';
import { invoke } from '../support/invoke.ts';
import { registeredDept } from '../support/registry.ts';
import { handler as deadlineCheck } from '../../functions/deadlines/handler.ts';
import * as pledgeService from '../../functions/pledges/service.ts';
import { newId } from '#shared/data/ids';
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { db, tableName } from '#shared/data/db';
import { keys } from '#shared/data/table';
import { newCreditCode, newDeptId } from '../support/data.ts';
import { collection, feeCards, feeScenario, routes as feeRoutes, departmentCaller, enterpriseCaller } from '../support/fees.ts';

const office = { roles: ['soft-env-office'], sub: 'office-clerk' };
const supervisor = { roles: ['supervisor'], sub: 'supervisor-1' };
const clerk = (dept: string) => ({ roles: ['department'], dept, sub: `clerk@${dept}` });
const today = () => localDate(new Date());
const registerDept = async (dept: string) =>
  invoke(registry, registryRoutes.routes.putDepartment, { params: { deptId: dept }, json: { name: `Bureau ${dept}` }, caller: office });
const pledgeBody = (extra: object = {}) => ({
  title: 'Business licences in 3 working days',
  description: 'Counted from a complete application.',
  dueDate: addDays(today(), 60),
  ...extra,
});

describe('pledges', () => {
  it('are public, and refuse a pledged limit above two thirds of the statutory one (422)', async () => {
    const dept = await registeredDept();
    const made = await invoke(pledges, pledgeRoutes.routes.makePledge, {
      json: pledgeBody({ serviceCode: 'business-licence', statutoryLimitDays: 5, pledgedLimitDays: 3 }),
      caller: clerk(dept),
    });
    expect(made).toMatchObject({ status: 201, body: { status: 'open', department: dept, final: false, overdue: false } });
    const tooLong = await invoke(pledges, pledgeRoutes.routes.makePledge, {
      json: pledgeBody({ statutoryLimitDays: 5, pledgedLimitDays: 4 }),
      caller: clerk(dept),
    });
    expect(tooLong).toMatchObject({ status: 422, body: { type: 'urn:soft-env:problem:two-thirds-rule' } });
    const half = await invoke(pledges, pledgeRoutes.routes.makePledge, {
      json: pledgeBody({ statutoryLimitDays: 5 }),
      caller: clerk(dept),
    });
    expect(half).toMatchObject({ status: 400, body: { errors: [{ path: 'body.pledgedLimitDays' }] } });
    const listed = await invoke(pledges, pledgeRoutes.routes.listPledges, { query: { dept } });
    expect(listed.body.items.map((pledge: any) => pledge.id)).toEqual([made.body.id]);
    expect((await invoke(pledges, pledgeRoutes.routes.getPledge, { params: { id: made.body.id } })).body.title).toBe(
      'Business licences in 3 working days',
    );
  });

  it("take reviews; the office's verdict is final; broken alerts the supervisors", async () => {
    const dept = await registeredDept();
    const made = await invoke(pledges, pledgeRoutes.routes.makePledge, { json: pledgeBody(), caller: clerk(dept) });
    const id = made.body.id;
    const progress = await invoke(pledges, pledgeRoutes.routes.reviewPledge, {
      params: { id },
      json: { verdict: 'in-progress', evidence: 'Half the windows trained.' },
      caller: clerk(dept),
    });
    expect(progress.body).toMatchObject({ status: 'in-progress', final: false });
    expect(
      (
        await invoke(pledges, pledgeRoutes.routes.reviewPledge, {
          params: { id },
          json: { verdict: 'kept', evidence: 'x' },
          caller: clerk(await registeredDept()),
        })
      ).status,
    ).toBe(404);
    const broken = await invoke(pledges, pledgeRoutes.routes.reviewPledge, {
      params: { id },
      json: { verdict: 'broken', evidence: 'Sampled files took 6 days.' },
      caller: office,
    });
    expect(broken.body).toMatchObject({
      status: 'broken',
      final: true,
      reviews: [{ verdict: 'in-progress' }, { verdict: 'broken', byOffice: true }],
    });
    await alertDelivered(inject('runtime').dataDir, {
      kind: 'pledge-broken',
      severity: 'breach',
      concern: 'pledges',
      department: dept,
      subject: { type: 'pledge', id },
    });
    const after = await invoke(pledges, pledgeRoutes.routes.reviewPledge, {
      params: { id },
      json: { verdict: 'kept', evidence: 'Appeal' },
      caller: clerk(dept),
    });
    expect(after).toMatchObject({ status: 409, body: { type: 'urn:soft-env:problem:review-final' } });
  });

  it('about a limit the system measures, shows the share of real cases within it and proposes a verdict', async () => {
    const dept = await registeredDept();
    await registerDept(dept);
    const made = await invoke(pledges, pledgeRoutes.routes.makePledge, {
      json: pledgeBody({
        title: 'Acknowledge complaints within half a day',
        serviceCode: 'complaint-acknowledgement',
        statutoryLimitDays: 1,
        pledgedLimitDays: 0.5,
      }),
      caller: clerk(dept),
    });
    for (let i = 0; i < 2; i += 1) {
      const filed = await invoke(complaints, complaintRoutes.routes.fileComplaint, {
        json: { againstDept: dept, category: 'inaction', description: `Case ${i}` },
      });
      await invoke(complaints, complaintRoutes.routes.acknowledge, { params: { id: filed.body.id }, caller: clerk(dept) });
    }
    const seen = await invoke(pledges, pledgeRoutes.routes.getPledge, { params: { id: made.body.id } });
    expect(seen.body.measured).toEqual({
      service: 'complaint-acknowledgement',
      pledgedLimitDays: 0.5,
      cases: 2,
      withinLimit: 2,
      share: 1,
      proposal: 'kept',
    });
  });
});

describe('the quarterly evaluation', () => {
  it('keeps counters that agree with the records, and scores and ranks by the formula', async () => {
    const quarter = quarterOf(new Date());
    // One department with a clean quarter, one with trouble of every kind.
    const clean = newDeptId('clean');
    const { dept: troubled, code, enterpriseId } = await feeScenario();
    await registerDept(clean);

    const filed = [];
    for (let i = 0; i < 3; i += 1) {
      filed.push(
        (
          await invoke(complaints, complaintRoutes.routes.fileComplaint, {
            json: { againstDept: troubled, category: 'shirking', description: `Sent away, case ${i}` },
          })
        ).body.id as string,
      );
    }
    await invoke(complaints, complaintRoutes.routes.acknowledge, { params: { id: filed[0]! }, caller: clerk(troubled) });
    await invoke(complaints, complaintRoutes.routes.delayNotice, {
      params: { id: filed[0]! },
      json: { reason: 'Waiting for files', expectedBy: addDays(today(), 8) },
      caller: clerk(troubled),
    });
    await invoke(complaints, complaintRoutes.routes.resolve, {
      params: { id: filed[0]! },
      json: { summary: 'Apologised and served.' },
      caller: clerk(troubled),
    });
    await invoke(complaints, complaintRoutes.routes.verdict, {
      params: { id: filed[0]! },
      json: { finding: 'substantiated', action: 'Admonished.' },
      caller: supervisor,
    });
    await invoke(complaints, complaintRoutes.routes.verdict, {
      params: { id: filed[1]! },
      json: { finding: 'unsubstantiated', action: 'None.' },
      caller: supervisor,
    });
    await invoke(feeCards, feeRoutes.recordEntry, {
      params: { enterpriseId },
      json: collection(code, 99999999),
      caller: departmentCaller(troubled),
    });
    await invoke(feeCards, feeRoutes.recordEntry, { params: { enterpriseId }, json: collection(code), caller: departmentCaller(troubled) });
    await invoke(feeCards, feeRoutes.refuseEntry, {
      params: { enterpriseId, entryId: '00000001' },
      json: { reason: 'Never served' },
      caller: enterpriseCaller(enterpriseId),
    });
    const visited = newCreditCode();
    let plannedDate = addDays(today(), 1);
    while (Number(plannedDate.slice(8)) <= 25) plannedDate = addDays(plannedDate, 1);
    const inspection = await invoke(inspections, inspectionRoutes.routes.fileInspection, {
      json: { enterpriseId: visited, plannedDate, category: 'safety', reason: 'r', legalBasis: 'l', inspectors: ['x'] },
      caller: clerk(troubled),
    });
    await invoke(inspections, inspectionRoutes.routes.recordVisit, {
      params: { id: inspection.body.id },
      caller: { roles: ['enterprise'], ent: visited },
    });
    const pledge = await invoke(pledges, pledgeRoutes.routes.makePledge, { json: pledgeBody(), caller: clerk(troubled) });
    await invoke(pledges, pledgeRoutes.routes.reviewPledge, {
      params: { id: pledge.body.id },
      json: { verdict: 'broken', evidence: 'Missed.' },
      caller: office,
    });

    const evaluation = await invoke(evaluations, evaluationRoutes.routes.evaluation, { params: { quarter } });
    expect(evaluation.status).toBe(200);
    const row = evaluation.body.departments.find((entry: any) => entry.deptId === troubled);
    const cleanRow = evaluation.body.departments.find((entry: any) => entry.deptId === clean);

    // The records, counted directly.
    const records = (
      await invoke(complaints, complaintRoutes.routes.listComplaints, { query: { dept: troubled, limit: '200' }, caller: supervisor })
    ).body.items as any[];
    const quarterStart = `${today().slice(0, 5)}${String((Number(quarter.slice(-1)) - 1) * 3 + 1).padStart(2, '0')}-01`;
    const audit = (
      await invoke(feeCards, feeRoutes.feeAudit, { query: { from: quarterStart, to: today(), limit: '200' }, caller: supervisor })
    ).body;
    const unitRow = audit.totals.byUnit.find((unit: any) => unit.unit === troubled) ?? { refused: 0, rejectedAttempts: 0 };
    const visits = (
      await invoke(inspections, inspectionRoutes.routes.getInspection, { params: { id: inspection.body.id }, caller: supervisor })
    ).body.visits as any[];
    const brokenPledges = (await invoke(pledges, pledgeRoutes.routes.listPledges, { query: { dept: troubled, status: 'broken' } })).body
      .items;
    const acknowledged = records.filter((complaint) => complaint.owner).length;
    const resolved = records.filter((complaint) => complaint.resolution).length;
    expect(row.figures).toEqual({
      complaintsReceived: records.length,
      complaintsSubstantiated: records.filter((complaint) => complaint.verdict?.finding === 'substantiated').length,
      warnings: 0,
      breaches: 0,
      delayNotices: records.filter((complaint) => complaint.delayNotice).length,
      brokenPledges: brokenPledges.length,
      refusedFeeEntries: unitRow.refused,
      rejectedFeeAttempts: unitRow.rejectedAttempts,
      visitsNotAllowed: visits.filter((visit) => !visit.allowed).length,
      handled: acknowledged + resolved,
      handledInTime: acknowledged + resolved,
      // No applications here (test/integration/applications.test.ts counts them).
      applicationsDecided: 0,
      applicationsOnTime: 0,
      ratings: 0,
      ratingPoints: 0,
      poorRatings: 0,
      // No assisted tasks or meetings here (test/integration/assistance.test.ts counts them).
      tasksCompleted: 0,
      tasksOnTime: 0,
      tasksLate: 0,
      meetingsMissed: 0,
      // No supervision findings or sanctions here (test/integration/accountability.test.ts counts them).
      supervisionFindings: 0,
      sanctionCriticismEducation: 0,
      sanctionWrittenSelfExamination: 0,
      sanctionCirculatedCriticism: 0,
      sanctionEfficiencyWarning: 0,
      sanctionAdmonishmentTalk: 0,
      sanctionPostAdjustment: 0,
      sanctionDisciplineReferral: 0,
    });
    // Three public complaints, and the two the refusal and the visit opened.
    expect(row.figures).toMatchObject({
      complaintsReceived: 5,
      complaintsSubstantiated: 1,
      delayNotices: 1,
      brokenPledges: 1,
      refusedFeeEntries: 1,
      rejectedFeeAttempts: 1,
      visitsNotAllowed: 1,
      handled: 2,
    });
    expect(row.score).toBe(100 - 10 - 8 - 5 - 3 - 2);
    expect(cleanRow).toMatchObject({ score: 100, rank: 1, shareHandledInTime: null });
    expect(row.rank).toBeGreaterThan(1);
    expect(evaluation.body.departments.map((entry: any) => entry.score)).toEqual(
      [...evaluation.body.departments.map((entry: any) => entry.score)].sort((a, b) => b - a),
    );
  });

  it('refuses a malformed quarter (400)', async () => {
    expect(
      (await invoke(evaluations, evaluationRoutes.routes.evaluation, { params: { quarter: `${new Date().getUTCFullYear()}-Q5` } })).status,
    ).toBe(400);
  });
});

describe("only the office's verdict is final", () => {
  const check = (matter: object, stage: string) => deadlineCheck({ matter, stage });

  it('a department\'s own "kept" does not end the watch: past its due date without the office\'s verdict it breaches, until the office judges it', async () => {
    const dept = await registeredDept();
    const made = await invoke(pledges, pledgeRoutes.routes.makePledge, { json: pledgeBody(), caller: clerk(dept) });
    const id = made.body.id;
    const kept = await invoke(pledges, pledgeRoutes.routes.reviewPledge, {
      params: { id },
      json: { verdict: 'kept', evidence: 'Done early.' },
      caller: clerk(dept),
    });
    expect(kept.body).toMatchObject({ status: 'kept', final: false });
    const matter = { concern: 'pledges', kind: 'due-date', id, version: 1, department: dept };
    const breach = await check(matter, 'breach');
    expect(breach).toMatchObject({
      open: true,
      publish: true,
      alert: { kind: 'pledge-breach', severity: 'breach', department: dept, subject: { type: 'pledge', id } },
    });
    expect(breach.alert?.detail).toContain('reports "kept"');
    // The supervisors read it in Chinese first, the department by its registered name.
    expect(breach.alert?.title).toBe(
      `公开承诺已到期，软环境办尚未审核：Bureau ${dept} · A public pledge passed its due date without the office's verdict`,
    );
    expect(breach.alert?.detail.split('\n')[0]).toMatch(
      new RegExp(`^Bureau ${dept}的公开承诺「.+」（\\d{4}-\\d{2}-\\d{2}到期）（部门自报「已兑现」）已过到期日`),
    );
    expect((await invoke(pledges, pledgeRoutes.routes.getPledge, { params: { id } })).body).toMatchObject({
      status: 'kept',
      final: false,
      overdue: true,
    });
    await invoke(pledges, pledgeRoutes.routes.reviewPledge, {
      params: { id },
      json: { verdict: 'kept', evidence: 'Sampled 40 files: all in time.' },
      caller: office,
    });
    expect(await check(matter, 'escalation')).toEqual({ open: false, publish: false });
    await eventually(() =>
      expect(executions(inject('runtime').dataDir)).toContainEqual(
        expect.objectContaining({ name: `pledges-due-date-${id}-v1`, status: 'ABORTED' }),
      ),
    );
  });
});

describe('a broken pledge reversed in a later quarter', () => {
  it('is taken back from the quarter it was counted in: no quarter goes below zero', async () => {
    const dept = await registeredDept();
    await registerDept(dept);
    const now = new Date();
    const current = quarterOf(now);
    // A day in the previous quarter: back from now until the quarter changes, then ten days more.
    let earlier = new Date(now.getTime() - 10 * 86_400_000);
    while (quarterOf(earlier) === current) earlier = new Date(earlier.getTime() - 10 * 86_400_000);
    const previous = quarterOf(earlier);
    const made = await pledgeService.makePledge(pledgeBody({ dueDate: addDays(today(), 30) }), clerk(dept) as never, {
      now: earlier,
      newId,
    });
    await pledgeService.review(made.id, { verdict: 'broken', evidence: 'Files took 6 days.' }, clerk(dept) as never, {
      now: earlier,
      newId,
    });
    const figures = async (quarter: string) =>
      (await invoke(evaluations, evaluationRoutes.routes.evaluation, { params: { quarter } })).body.departments.find(
        (row: any) => row.deptId === dept,
      ).figures;
    expect((await figures(previous)).brokenPledges).toBe(1);
    const reversed = await invoke(pledges, pledgeRoutes.routes.reviewPledge, {
      params: { id: made.id },
      json: { verdict: 'kept', evidence: "The slow files were the applicant's." },
      caller: office,
    });
    expect(reversed.body).toMatchObject({ status: 'kept', final: true });
    expect((await figures(previous)).brokenPledges).toBe(0);
    expect((await figures(current)).brokenPledges).toBe(0);
  });

  it('never shows a count below zero, even one taken back before that rule', async () => {
    const dept = await registeredDept();
    await registerDept(dept);
    const quarter = quarterOf(new Date());
    await db.send(
      new PutCommand({ TableName: tableName, Item: { ...keys.evaluation(quarter, dept), department: dept, brokenPledges: -1 } }),
    );
    const row = (await invoke(evaluations, evaluationRoutes.routes.evaluation, { params: { quarter } })).body.departments.find(
      (entry: any) => entry.deptId === dept,
    );
    expect(row).toMatchObject({ figures: { brokenPledges: 0 }, score: 100 });
  });
});

describe("a pledge's due date", () => {
  it('is bounded by what one watch can hold (a Step Functions execution runs at most a year): 400 naming the field, nothing stored', async () => {
    const dept = await registeredDept();
    // Past one watch's reach: the pledge rule says how far; past any sane date, the schema's bound.
    for (const [dueDate, says] of [
      [addDays(today(), 400), 'at most'],
      ['9999-12-31', 'between'],
    ] as const) {
      const refused = await invoke(pledges, pledgeRoutes.routes.makePledge, { json: pledgeBody({ dueDate }), caller: clerk(dept) });
      expect(refused).toMatchObject({
        status: 400,
        contentType: 'application/problem+json',
        body: { errors: [{ path: 'body.dueDate', message: expect.stringContaining(says) }] },
      });
    }
    expect((await invoke(pledges, pledgeRoutes.routes.listPledges, { query: { dept } })).body.items).toEqual([]);
    const inReach = await invoke(pledges, pledgeRoutes.routes.makePledge, {
      json: pledgeBody({ dueDate: addDays(today(), 300) }),
      caller: clerk(dept),
    });
    expect(inReach.status).toBe(201);
    expect(Date.parse(inReach.body.deadline.timeline.escalateAt) - Date.now()).toBeLessThan(365 * 86_400_000);
  });
});
