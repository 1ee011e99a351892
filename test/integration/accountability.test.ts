/**
 * Accountability against DynamoDB Local: supervision findings (明查暗访) with covert ones hidden
 * from their department, cases from sources that exist, the decision with the sanction ladder,
 * the appeal on the county calendar, public notices, and what the evaluation counts.
 */
import { describe, expect, inject, it } from 'vitest';
import { alertDelivered, eventually, executions, sinkAlerts } from '../support/eventually.ts';
import { addDays, localDate } from '#shared/time/clock';
import { countInQuarter, quarterOf } from '#shared/domain/evaluation';
import { workingTimeAfter } from '#shared/outbox/calendar-store';
import { handler as accountability } from '../../functions/accountability/handler.ts';
import { accountabilityRoutes } from '../../functions/accountability/routes.ts';
import * as accountabilityService from '../../functions/accountability/service.ts';
import { handler as evaluations } from '../../functions/evaluations/handler.ts';
import { evaluationRoutes } from '../../functions/evaluations/routes.ts';
import { handler as complaints } from '../../functions/complaints/handler.ts';
import { complaintRoutes } from '../../functions/complaints/routes.ts';
import { handler as deadlineCheck } from '../../functions/deadlines/handler.ts';
import { invoke } from '../support/invoke.ts';
import { officialCalendar } from '#shared/time/calendar';
import { handler as registry } from '../../functions/registry/handler.ts';
import { registryRoutes } from '../../functions/registry/routes.ts';
import { registeredDept } from '../support/registry.ts';
import { newId } from '#shared/data/ids';
import { getRecord, writeAll } from '#shared/data/db';
import { handler as pledges } from '../../functions/pledges/handler.ts';
import { pledgeRoutes } from '../../functions/pledges/routes.ts';
import { keys } from '#shared/data/table';
import { DEDUCTIONS } from '../../functions/accountability/rules.ts';

const routes = accountabilityRoutes.routes;
const supervisor = { roles: ['supervisor'], sub: 'supervisor-wang' };
const otherSupervisor = { roles: ['supervisor'], sub: 'supervisor-li' };
const office = { roles: ['soft-env-office'], sub: 'office-clerk' };
const clerk = (dept: string) => ({ roles: ['department'], dept, sub: `clerk@${dept}` });
const anHourAgo = () => new Date(Date.now() - 3_600_000).toISOString();

const findingBody = (dept: string, method: 'open' | 'covert', extra: object = {}) => ({
  dept,
  method,
  observedAt: anHourAgo(),
  place: '政务服务中心3号窗口',
  clause: '三.1.2',
  description: 'The clerk sent the applicant away twice without saying what was missing.',
  ...extra,
});
const record = (dept: string, method: 'open' | 'covert', caller: { roles: string[]; sub?: string; dept?: string } = supervisor) =>
  invoke(accountability, routes.recordFinding, { json: findingBody(dept, method), caller });
const figuresOf = async (dept: string, quarter = quarterOf(new Date())) => {
  const evaluation = await invoke(evaluations, evaluationRoutes.routes.evaluation, { params: { quarter } });
  return evaluation.body.departments.find((row: any) => row.deptId === dept);
};

describe('supervision findings (明查暗访)', () => {
  it('an open finding is shown at once, starts the 3-working-day response limit, and is answered once', async () => {
    const dept = await registeredDept();
    const made = await record(dept, 'open', office);
    expect(made).toMatchObject({ status: 201, body: { status: 'recorded', method: 'open', dept, clause: '三.1.2' } });
    const id = made.body.id;
    // Shown at once: the department answers within 3 working days of that.
    expect(Date.parse(made.body.responseDueBy)).toBe((await workingTimeAfter(new Date(made.body.shownAt), 3)).getTime());
    const seen = await invoke(accountability, routes.getFinding, { params: { id }, caller: clerk(dept) });
    expect(seen).toMatchObject({ status: 200, body: { id, status: 'recorded' } });
    // The department does not learn who recorded it.
    expect(seen.body).not.toHaveProperty('recordedBy');
    await eventually(() =>
      expect(executions(inject('runtime').dataDir)).toContainEqual(
        expect.objectContaining({ name: `accountability-finding-response-${id}-v1`.slice(0, 80) }),
      ),
    );
    const answer = { statement: 'We apologise; the clerk was retrained.', rectification: 'A checklist at every window.' };
    const responded = await invoke(accountability, routes.respondToFinding, { params: { id }, json: answer, caller: clerk(dept) });
    expect(responded).toMatchObject({ status: 200, body: { status: 'responded', response: answer } });
    const again = await invoke(accountability, routes.respondToFinding, { params: { id }, json: answer, caller: clerk(dept) });
    expect(again).toMatchObject({ status: 409, body: { type: 'urn:soft-env:problem:already-responded' } });
    const other = await invoke(accountability, routes.getFinding, { params: { id }, caller: clerk(await registeredDept()) });
    expect(other.status).toBe(404);
  });

  it('a covert finding does not exist for its department until disclosed: 404, never listed, not counted', async () => {
    const dept = await registeredDept();
    const before = await figuresOf(dept);
    const covert = await record(dept, 'covert');
    expect(covert).toMatchObject({ status: 201, body: { status: 'recorded', method: 'covert' } });
    expect(covert.body.shownAt).toBeUndefined();
    const id = covert.body.id;
    const asDept = await invoke(accountability, routes.getFinding, { params: { id }, caller: clerk(dept) });
    expect(asDept).toMatchObject({ status: 404, body: { type: 'urn:soft-env:problem:not-found' } });
    const respond = await invoke(accountability, routes.respondToFinding, {
      params: { id },
      json: { statement: 's', rectification: 'r' },
      caller: clerk(dept),
    });
    expect(respond.status).toBe(404);
    const listed = await invoke(accountability, routes.listFindings, { query: { dept }, caller: clerk(dept) });
    expect(listed).toMatchObject({ status: 200, body: { items: [] } });
    const bySupervisor = await invoke(accountability, routes.listFindings, { query: { dept }, caller: supervisor });
    expect(bySupervisor.body.items.map((item: any) => item.id)).toEqual([id]);
    // The public evaluation does not count it either.
    expect((await figuresOf(dept)).figures.supervisionFindings).toBe(before.figures.supervisionFindings);

    const disclosed = await invoke(accountability, routes.discloseFinding, { params: { id }, caller: supervisor });
    expect(disclosed).toMatchObject({ status: 200, body: { id, method: 'covert' } });
    expect(Date.parse(disclosed.body.responseDueBy)).toBe((await workingTimeAfter(new Date(disclosed.body.shownAt), 3)).getTime());
    const twice = await invoke(accountability, routes.discloseFinding, { params: { id }, caller: supervisor });
    expect(twice).toMatchObject({ status: 409, body: { type: 'urn:soft-env:problem:finding-shown' } });
    expect((await invoke(accountability, routes.getFinding, { params: { id }, caller: clerk(dept) })).status).toBe(200);
    const listedNow = await invoke(accountability, routes.listFindings, { query: {}, caller: clerk(dept) });
    expect(listedNow.body.items.map((item: any) => item.id)).toEqual([id]);
    const after = await figuresOf(dept);
    expect(after.figures.supervisionFindings).toBe(Number(before.figures.supervisionFindings) + 1);
    expect(after.score).toBeCloseTo(before.score - DEDUCTIONS.supervisionFinding, 5);
  });

  it('an unanswered finding breaches at its limit and counts against the department; an answered one ends quietly', async () => {
    const dept = await registeredDept();
    const made = await record(dept, 'open');
    const id = made.body.id;
    const matter = { concern: 'accountability', kind: 'finding-response', id, version: 1, department: dept };
    const breach = await deadlineCheck({ matter, stage: 'breach' });
    expect(breach).toMatchObject({ open: true, publish: true, alert: { severity: 'breach', concern: 'accountability', department: dept } });
    expect(breach.alert?.title).toMatch(/^督查发现逾期未回复/);
    expect((await invoke(accountability, routes.getFinding, { params: { id }, caller: supervisor })).body.overdue).toBe(true);
    expect((await figuresOf(dept)).figures.breaches).toBe(1);
    await invoke(accountability, routes.respondToFinding, {
      params: { id },
      json: { statement: 's', rectification: 'r' },
      caller: clerk(dept),
    });
    expect(await deadlineCheck({ matter, stage: 'escalation' })).toEqual({ open: false, publish: false });
  });

  it('refuses bad input with 400 naming the field and other roles with 403', async () => {
    const dept = await registeredDept();
    const badClause = await invoke(accountability, routes.recordFinding, {
      json: findingBody(dept, 'open', { clause: '三.4.1' }),
      caller: supervisor,
    });
    expect(badClause).toMatchObject({ status: 400, body: { errors: [{ path: 'body.clause' }] } });
    const future = await invoke(accountability, routes.recordFinding, {
      json: findingBody(dept, 'open', { observedAt: new Date(Date.now() + 86_400_000).toISOString() }),
      caller: supervisor,
    });
    expect(future).toMatchObject({ status: 400, body: { errors: [{ path: 'body.observedAt' }] } });
    const unknownDept = await invoke(accountability, routes.recordFinding, {
      json: findingBody('no-such-dept-x', 'open'),
      caller: supervisor,
    });
    expect(unknownDept).toMatchObject({ status: 400, body: { errors: [{ path: 'body.dept' }] } });
    const byDept = await invoke(accountability, routes.recordFinding, { json: findingBody(dept, 'open'), caller: clerk(dept) });
    expect(byDept.status).toBe(403);
  });
});

describe('a calendar change under a running accountability limit', () => {
  it("times the finding's response limit and the case's investigation limit again", async () => {
    let year = Number(localDate(new Date()).slice(0, 4)) + 1;
    while (!officialCalendar(year)) year -= 1;
    year += 9; // a year no other test's deadlines reach (the assistance test takes the one before)
    const dept = await registeredDept();
    const recordedAt = new Date(`${year - 1}-12-30T10:00:00+08:00`);
    const finding = await accountabilityService.recordFinding(
      {
        dept,
        method: 'open',
        observedAt: recordedAt.toISOString(),
        place: 'Window 2',
        clause: '三.1.2',
        description: 'Sent away with a complete file.',
      },
      supervisor as never,
      { now: recordedAt, newId },
    );
    const opened = await accountabilityService.openCase(
      { dept, clause: '三.1.2', summary: 'Sent away.', sources: [{ type: 'supervision-finding', id: finding.id }] },
      supervisor as never,
      { now: recordedAt, newId },
    );
    const holidays = Array.from({ length: 10 }, (_, index) => `${year}-01-${String(index + 1).padStart(2, '0')}`);
    const put = await invoke(registry, registryRoutes.routes.putCalendar, {
      params: { year: String(year) },
      json: { holidays, workdays: [] },
      caller: office,
    });
    expect(put.status).toBe(200);
    const [findingAfter, caseAfter] = await eventually(async () => {
      const stored = await Promise.all([
        getRecord(keys.supervisionFinding(finding.id), (item) => item),
        getRecord(keys.accountabilityCase(opened.id), (item) => item),
      ]);
      expect(stored.map((item) => (item?.deadline as { version: number }).version)).toEqual([2, 2]);
      return stored as unknown as { deadline: { timeline: { deadline: string } } }[];
    });
    // The ten holidays push both limits past them, later than first timed.
    expect(localDate(new Date(findingAfter!.deadline.timeline.deadline)) > `${year}-01-10`).toBe(true);
    expect(Date.parse(findingAfter!.deadline.timeline.deadline)).toBeGreaterThan(Date.parse(finding.responseDueBy!));
    expect(Date.parse(caseAfter!.deadline.timeline.deadline)).toBeGreaterThan(Date.parse(opened.investigationDueBy));
  });
});

describe('accountability cases', () => {
  const openCase = (
    dept: string,
    sources: { type: string; id: string }[],
    caller: { roles: string[]; sub?: string; dept?: string } = supervisor,
  ) => invoke(accountability, routes.openCase, { json: { dept, clause: '三.1.2', summary: 'Sent away twice.', sources }, caller });

  it('open from sources that exist, each in at most one case; the investigation is timed and not counted against the department', async () => {
    const dept = await registeredDept();
    const finding = await record(dept, 'open');
    const complaint = await invoke(complaints, complaintRoutes.routes.fileComplaint, {
      json: { againstDept: dept, category: 'inaction', description: 'Nobody answered for a month.' },
    });
    const missing = await openCase(dept, [{ type: 'complaint', id: newId() }]);
    expect(missing).toMatchObject({ status: 422, body: { type: 'urn:soft-env:problem:source-not-found' } });
    const elsewhere = await openCase(await registeredDept(), [{ type: 'supervision-finding', id: finding.body.id }]);
    expect(elsewhere).toMatchObject({ status: 422, body: { type: 'urn:soft-env:problem:source-of-another-department' } });
    const opened = await openCase(dept, [
      { type: 'supervision-finding', id: finding.body.id },
      { type: 'complaint', id: complaint.body.id },
    ]);
    expect(opened).toMatchObject({ status: 201, body: { status: 'investigating', dept, withdrawn: false } });
    expect(Date.parse(opened.body.investigationDueBy)).toBe((await workingTimeAfter(new Date(opened.body.openedAt), 20)).getTime());
    const again = await openCase(dept, [{ type: 'complaint', id: complaint.body.id }]);
    expect(again).toMatchObject({ status: 409, body: { type: 'urn:soft-env:problem:source-in-case' } });
    // Nothing half-written: the refused case claimed nothing and is not listed.
    const listed = await invoke(accountability, routes.listCases, { query: { dept }, caller: supervisor });
    expect(listed.body.items.map((item: any) => item.id)).toEqual([opened.body.id]);
    const byDeptOwn = await invoke(accountability, routes.listCases, { query: {}, caller: clerk(dept) });
    expect(byDeptOwn.body.items.map((item: any) => item.id)).toEqual([opened.body.id]);
    const byOther = await invoke(accountability, routes.getCase, { params: { id: opened.body.id }, caller: clerk(await registeredDept()) });
    expect(byOther.status).toBe(404);

    const matter = { concern: 'accountability', kind: 'investigation', id: opened.body.id, version: 1, department: dept };
    const before = (await figuresOf(dept)).figures.breaches;
    const breach = await deadlineCheck({ matter, stage: 'breach' });
    expect(breach).toMatchObject({ open: true, alert: { severity: 'breach', concern: 'accountability', kind: 'investigation-breach' } });
    expect(breach.alert?.detail).toContain('不计入该部门的考评');
    expect((await figuresOf(dept)).figures.breaches).toBe(before);
  });

  it('is decided once with the ladder: the three heaviest name a person (400 naming the field); a notice, a deduction', async () => {
    const dept = await registeredDept();
    const finding = await record(dept, 'open');
    const opened = await openCase(dept, [{ type: 'supervision-finding', id: finding.body.id }]);
    const id = opened.body.id;
    const decide = (json: object, caller: { roles: string[]; sub?: string; dept?: string } = supervisor) =>
      invoke(accountability, routes.decideCase, { params: { id }, json, caller });
    expect(await decide({ outcome: 'sanctioned', sanctions: [] })).toMatchObject({
      status: 400,
      body: { errors: [{ path: 'body.sanctions' }] },
    });
    const noPerson = await decide({
      outcome: 'sanctioned',
      sanctions: [{ measure: 'circulated-criticism' }, { measure: 'post-adjustment' }],
    });
    expect(noPerson).toMatchObject({ status: 400, body: { errors: [{ path: 'body.sanctions.1.person' }] } });
    expect(await decide({ outcome: 'sanctioned', sanctions: [{ measure: 'dismissal' }] })).toMatchObject({ status: 400 });
    const before = await figuresOf(dept);
    const decided = await decide({
      outcome: 'sanctioned',
      sanctions: [{ measure: 'circulated-criticism' }, { measure: 'admonishment-talk', person: '张某' }],
    });
    expect(decided).toMatchObject({ status: 200, body: { status: 'decided', decision: { outcome: 'sanctioned' } } });
    expect(await decide({ outcome: 'not-substantiated' })).toMatchObject({
      status: 409,
      body: { type: 'urn:soft-env:problem:case-decided' },
    });
    const after = await figuresOf(dept);
    expect(after.score).toBeCloseTo(
      before.score - DEDUCTIONS.measures['circulated-criticism'] - DEDUCTIONS.measures['admonishment-talk'],
      5,
    );
    const notices = await invoke(accountability, routes.listNotices, { query: { limit: '200' } });
    const notice = notices.body.items.find((item: any) => item.caseId === id);
    expect(notice).toEqual({ caseId: id, dept, clause: '三.1.2', measure: 'admonishment-talk', decidedAt: decided.body.decision.at });
    expect(JSON.stringify(notices.body)).not.toContain('张某');
  });

  it('is appealed once, within 5 working days, to another supervisor; upheld: false withdraws the sanctions everywhere', async () => {
    const dept = await registeredDept();
    const finding = await record(dept, 'open');
    const opened = await openCase(dept, [{ type: 'supervision-finding', id: finding.body.id }]);
    const id = opened.body.id;
    const before = await figuresOf(dept);
    await invoke(accountability, routes.decideCase, {
      params: { id },
      json: { outcome: 'sanctioned', sanctions: [{ measure: 'efficiency-warning' }] },
      caller: supervisor,
    });
    const decidedScore = (await figuresOf(dept)).score;
    expect(decidedScore).toBeCloseTo(before.score - DEDUCTIONS.measures['efficiency-warning'], 5);
    const appeal = await invoke(accountability, routes.appealCase, {
      params: { id },
      json: { reason: 'The delay was the applicant’s.' },
      caller: clerk(dept),
    });
    expect(appeal).toMatchObject({ status: 200, body: { status: 'appealed', appeal: { reason: 'The delay was the applicant’s.' } } });
    const twice = await invoke(accountability, routes.appealCase, { params: { id }, json: { reason: 'again' }, caller: clerk(dept) });
    expect(twice).toMatchObject({ status: 409, body: { type: 'urn:soft-env:problem:already-appealed' } });
    const sameDecider = await invoke(accountability, routes.decideAppeal, {
      params: { id },
      json: { upheld: true, reason: 'x' },
      caller: supervisor,
    });
    expect(sameDecider).toMatchObject({ status: 422, body: { type: 'urn:soft-env:problem:same-decider' } });
    const withdrawn = await invoke(accountability, routes.decideAppeal, {
      params: { id },
      json: { upheld: false, reason: 'The applicant caused the delay.' },
      caller: otherSupervisor,
    });
    expect(withdrawn).toMatchObject({
      status: 200,
      body: { status: 'appeal-decided', withdrawn: true, appealDecision: { upheld: false } },
    });
    expect((await figuresOf(dept)).score).toBeCloseTo(before.score, 5);
    const notices = await invoke(accountability, routes.listNotices, { query: { limit: '200' } });
    expect(notices.body.items.map((item: any) => item.caseId)).not.toContain(id);
    expect(await getRecord(keys.notice(id), (item) => item)).toBeUndefined();
  });

  it('closes the appeal window 5 working days after the decision, on the county calendar (422 appeal-window-closed)', async () => {
    const dept = await registeredDept();
    const finding = await record(dept, 'open');
    const opened = await openCase(dept, [{ type: 'supervision-finding', id: finding.body.id }]);
    const id = opened.body.id;
    // Decided ten calendar days ago: at least five working days have passed on any calendar week.
    const decidedAt = new Date(Date.now() - 10 * 86_400_000);
    await accountabilityService.decideCase(
      id,
      { outcome: 'sanctioned', sanctions: [{ measure: 'criticism-education' }] },
      { sub: 'supervisor-wang', roles: ['supervisor'] },
      { now: decidedAt, newId },
    );
    const windowEnd = await workingTimeAfter(decidedAt, 5);
    const shown = await invoke(accountability, routes.getCase, { params: { id }, caller: clerk(dept) });
    expect(Date.parse(shown.body.decision.appealBy)).toBe(windowEnd.getTime());
    const caller = { sub: `clerk@${dept}`, roles: ['department' as const], dept };
    // One minute before the window closes it is open; one minute after, it is closed.
    const lastMinute = new Date(windowEnd.getTime() - 60_000);
    const late = await invoke(accountability, routes.appealCase, { params: { id }, json: { reason: 'Too late.' }, caller: clerk(dept) });
    expect(late).toMatchObject({ status: 422, body: { type: 'urn:soft-env:problem:appeal-window-closed' } });
    const inTime = await accountabilityService.appealCase(id, { reason: 'In time.' }, caller, { now: lastMinute, newId });
    expect(inTime.status).toBe('appealed');
    expect(localDate(windowEnd) > localDate(decidedAt)).toBe(true);
    expect(localDate(windowEnd) <= addDays(localDate(decidedAt), 9)).toBe(true);
  });

  it('a case not substantiated takes nothing off and is not appealed', async () => {
    const dept = await registeredDept();
    const finding = await record(dept, 'open');
    const opened = await openCase(dept, [{ type: 'supervision-finding', id: finding.body.id }]);
    const before = await figuresOf(dept);
    const decided = await invoke(accountability, routes.decideCase, {
      params: { id: opened.body.id },
      json: { outcome: 'not-substantiated' },
      caller: supervisor,
    });
    expect(decided).toMatchObject({ status: 200, body: { decision: { outcome: 'not-substantiated', sanctions: [] } } });
    expect((await figuresOf(dept)).score).toBe(before.score);
    const appeal = await invoke(accountability, routes.appealCase, {
      params: { id: opened.body.id },
      json: { reason: 'x' },
      caller: clerk(dept),
    });
    expect(appeal).toMatchObject({ status: 409, body: { type: 'urn:soft-env:problem:nothing-to-appeal' } });
    const notSanctioned = await invoke(accountability, routes.decideCase, {
      params: { id: opened.body.id },
      json: { outcome: 'not-substantiated', sanctions: [{ measure: 'criticism-education' }] },
      caller: supervisor,
    });
    expect(notSanctioned.status).toBe(409);
  });
});

describe('末位淘汰: the last placed', () => {
  /** A past quarter of its own (no other test writes there), and the one before it. */
  const pastQuarter = () => `20${String(1 + Math.floor(Math.random() * 18)).padStart(2, '0')}-Q${2 + Math.floor(Math.random() * 3)}`;
  const before = (quarter: string) => `${quarter.slice(0, 6)}${Number(quarter.slice(6)) - 1}`;
  const countedLast = (dept: string, quarter: string) => writeAll([countInQuarter(dept, quarter, { supervisionFindings: 60 })]);

  it('placed last two quarters in a row alerts the supervisors; only it files a rectification plan, once, timed', async () => {
    const dept = await registeredDept();
    const other = await registeredDept();
    const quarter = pastQuarter();
    await countedLast(dept, before(quarter));
    await countedLast(dept, quarter);
    const previous = await invoke(evaluations, evaluationRoutes.routes.evaluation, { params: { quarter: before(quarter) } });
    expect(previous.body.lastPlaced.map((row: any) => row.deptId)).toContain(dept);
    const evaluation = await invoke(evaluations, evaluationRoutes.routes.evaluation, { params: { quarter } });
    expect(evaluation.body.deductions).toEqual(DEDUCTIONS);
    const row = evaluation.body.departments.find((candidate: any) => candidate.deptId === dept);
    expect(row.accountabilityDeduction).toBe(60 * DEDUCTIONS.supervisionFinding);
    expect(evaluation.body.lastPlaced.map((candidate: any) => candidate.deptId)).toContain(dept);
    await alertDelivered(inject('runtime').dataDir, {
      kind: 'last-placed-twice',
      severity: 'breach',
      concern: 'accountability',
      department: dept,
      subject: { type: 'evaluation', id: quarter },
    });
    // The limit runs from the quarter's end, long past here: the workflow started at the close has alerted already.
    const matter = { concern: 'accountability', kind: 'rectification', id: quarter, version: 1, department: dept };
    await alertDelivered(inject('runtime').dataDir, {
      kind: 'rectification-breach',
      department: dept,
      subject: { type: 'evaluation', id: quarter },
    });
    expect(await deadlineCheck({ matter, stage: 'breach' })).toMatchObject({ open: true });
    const plan = {
      causes: 'Windows unstaffed at noon.',
      measures: 'A/B posts at every window.',
      dueDate: addDays(localDate(new Date()), 30),
    };
    const notLast = await invoke(evaluations, evaluationRoutes.routes.fileRectification, {
      params: { quarter },
      json: plan,
      caller: clerk(other),
    });
    expect(notLast).toMatchObject({ status: 422, body: { type: 'urn:soft-env:problem:not-last-placed' } });
    const filed = await invoke(evaluations, evaluationRoutes.routes.fileRectification, {
      params: { quarter },
      json: plan,
      caller: clerk(dept),
    });
    expect(filed).toMatchObject({ status: 201, body: { quarter, dept, causes: plan.causes } });
    const twice = await invoke(evaluations, evaluationRoutes.routes.fileRectification, {
      params: { quarter },
      json: plan,
      caller: clerk(dept),
    });
    expect(twice).toMatchObject({ status: 409, body: { type: 'urn:soft-env:problem:rectification-filed' } });
    expect(await deadlineCheck({ matter, stage: 'breach' })).toEqual({ open: false, publish: false });
  });

  it('a quarter not over has no rectification yet (422 quarter-not-ended)', async () => {
    const dept = await registeredDept();
    const now = quarterOf(new Date());
    const plan = { causes: 'c', measures: 'm', dueDate: addDays(localDate(new Date()), 30) };
    const early = await invoke(evaluations, evaluationRoutes.routes.fileRectification, {
      params: { quarter: now },
      json: plan,
      caller: clerk(dept),
    });
    expect(early).toMatchObject({ status: 422, body: { type: 'urn:soft-env:problem:quarter-not-ended' } });
  });
});

describe('excused pledges (不可抗力, §三.1.(5))', () => {
  const pledgeBody = { title: 'Licences in 3 days', description: 'From a complete file.', dueDate: addDays(localDate(new Date()), 30) };

  it("the office's excused is final, not broken, not alerted, not counted; a department cannot excuse itself (422)", async () => {
    const dept = await registeredDept();
    const made = await invoke(pledges, pledgeRoutes.routes.makePledge, { json: pledgeBody, caller: clerk(dept) });
    const id = made.body.id;
    const self = await invoke(pledges, pledgeRoutes.routes.reviewPledge, {
      params: { id },
      json: { verdict: 'excused', evidence: 'The flood.' },
      caller: clerk(dept),
    });
    expect(self).toMatchObject({ status: 422, body: { type: 'urn:soft-env:problem:excused-by-office-only' } });
    const before = await figuresOf(dept);
    const broken = await invoke(pledges, pledgeRoutes.routes.reviewPledge, {
      params: { id },
      json: { verdict: 'excused', evidence: 'The July flood closed the service hall for three weeks (不可抗力).' },
      caller: office,
    });
    expect(broken).toMatchObject({
      status: 201,
      body: { status: 'excused', final: true, reviews: [{ verdict: 'excused', byOffice: true }] },
    });
    const after = await figuresOf(dept);
    expect(after.figures.brokenPledges).toBe(before.figures.brokenPledges);
    expect(after.score).toBe(before.score);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(sinkAlerts(inject('runtime').dataDir).filter((alert: any) => alert.subject?.id === id)).toEqual([]);
    const listed = await invoke(pledges, pledgeRoutes.routes.listPledges, { query: { dept, status: 'excused' } });
    expect(listed.body.items.map((pledge: any) => pledge.id)).toEqual([id]);
  });
});
