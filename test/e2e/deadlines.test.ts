/**
 * Time limits that enforce themselves, end to end: a local runtime whose clock runs 30,000
 * times faster than real time (a working day in under three seconds), the synthesized state
 * machine waiting on it, alerts in alerts.jsonl and GET /alerts.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startRuntimeProcess, type RuntimeProcess } from '../../infra/local/child.ts';
import { clientFor } from '../support/http.ts';
import { newCreditCode, newDeptId } from '../support/data.ts';
import { alertDelivered, eventually, executions, sinkAlerts, until } from '../support/eventually.ts';

let runtime: RuntimeProcess;
let client: Awaited<ReturnType<typeof clientFor>>;

beforeAll(async () => {
  // Monday 30 November 2026, 00:00 China time; a real second is 30,000 seconds (8 h 20 min) here.
  runtime = await startRuntimeProcess({ CLOCK_START: '2026-11-30T00:00:00+08:00', TIME_SCALE: '30000' });
  client = await clientFor(runtime.info);
});
afterAll(async () => {
  await runtime?.stop();
});

const alertsOfTheSink = () => sinkAlerts(runtime.info.dataDir);

describe('inspection approvals under a time limit', () => {
  it('warns and then breaches for an undecided inspection, and stays silent for one decided in time', async () => {
    const dept = newDeptId('market');
    const clerk = await client.tokenFor({ roles: ['department'], dept });
    const office = await client.tokenFor({ roles: ['soft-env-office'] });
    const supervisor = await client.tokenFor({ roles: ['supervisor'] });
    await client.call('PUT', `/departments/${dept}`, { token: office, json: { name: 'Market Regulation Bureau' } });
    const file = (enterpriseId: string) =>
      client.call('POST', '/inspections', {
        token: clerk,
        json: {
          enterpriseId,
          plannedDate: '2026-12-28',
          category: 'routine',
          reason: 'Annual metrology check',
          legalBasis: 'Metrology Law art. 9',
          inspectors: ['Li Ming'],
        },
      });
    const [left, decided] = await Promise.all([file(newCreditCode()), file(newCreditCode())]);
    expect([left.status, decided.status]).toEqual([201, 201]);
    expect(left.body.status).toBe('pending-approval');
    const decision = await client.call('POST', `/inspections/${decided.body.id}/decision`, {
      token: office,
      json: { decision: 'approve', comment: 'Justified' },
    });
    expect(decision).toMatchObject({ status: 200, body: { status: 'approved' } });

    const alertsFor = async (id: string) => {
      const page = await client.call('GET', `/alerts?concern=inspections&dept=${dept}&limit=200`, { token: supervisor });
      return (page.body.items as any[]).filter((alert) => alert.subject.id === id);
    };
    const breached = await until('the breach alert', async () => {
      const alerts = await alertsFor(left.body.id);
      return alerts.some((alert) => alert.severity === 'breach') ? alerts : undefined;
    });
    expect(breached.map((alert) => alert.severity).sort()).toEqual(['breach', 'warning']);
    // The workflow publishes just after the check stores the alert.
    const inSink = await eventually(() => {
      const delivered = alertsOfTheSink().filter((alert) => alert.subject.id === left.body.id);
      expect(delivered.map((alert) => alert.severity)).toEqual(['warning', 'breach']);
      return delivered;
    });
    expect(inSink[1]).toMatchObject({ concern: 'inspections', department: dept, kind: 'approval-breach' });
    // The breach came at the deadline on the handlers' clock, not before it.
    expect(Date.parse(inSink[1].at)).toBeGreaterThanOrEqual(Date.parse(left.body.approval.timeline.deadline));

    // The office was late, not the department: its evaluation shows no warning or breach for it.
    const now = (await client.call('GET', '/health')).body.now as string;
    const quarter = `${now.slice(0, 4)}-Q${Math.floor((Number(now.slice(5, 7)) - 1) / 3) + 1}`;
    const evaluation = (await client.call('GET', `/evaluations/${quarter}`)).body;
    expect(evaluation.departments.find((row: any) => row.deptId === dept).figures).toMatchObject({ warnings: 0, breaches: 0 });
    // Both were filed together, so the decided one's deadline has passed too: nothing for it.
    expect(await alertsFor(decided.body.id)).toEqual([]);
    expect(alertsOfTheSink().filter((alert) => alert.subject.id === decided.body.id)).toEqual([]);
  });

  it('refuses a routine inspection on the 10th, and alerts when inspectors come without approval', async () => {
    const dept = newDeptId('tax');
    const enterpriseId = newCreditCode();
    const clerk = await client.tokenFor({ roles: ['department'], dept });
    await client.call('PUT', `/departments/${dept}`, {
      token: await client.tokenFor({ roles: ['soft-env-office'] }),
      json: { name: 'Tax Bureau' },
    });
    const owner = await client.tokenFor({ roles: ['enterprise'], ent: enterpriseId });
    const body = { enterpriseId, category: 'routine', reason: 'Check', legalBasis: 'Tax Administration Law', inspectors: ['Wu'] };
    // The 10th and the 28th of the month after next on the runtime's fast clock: still ahead however long the tests before took.
    const today = (await client.call('GET', '/health')).body.now.slice(0, 10) as string;
    const [year, month] = today.split('-').map(Number) as [number, number];
    const dayOfMonthAfterNext = (day: number) => new Date(Date.UTC(year, month + 1, day)).toISOString().slice(0, 10);
    const quiet = await client.call('POST', '/inspections', { token: clerk, json: { ...body, plannedDate: dayOfMonthAfterNext(10) } });
    expect(quiet).toMatchObject({ status: 422, body: { type: 'urn:soft-env:problem:quiet-production-day' } });
    const pending = await client.call('POST', '/inspections', { token: clerk, json: { ...body, plannedDate: dayOfMonthAfterNext(28) } });
    expect(pending, JSON.stringify(pending.body)).toMatchObject({ status: 201, body: { status: 'pending-approval' } });
    const visit = await client.call('POST', `/inspections/${pending.body.id}/visits`, { token: owner });
    expect(visit).toMatchObject({ status: 201, body: { allowed: false } });
    await alertDelivered(runtime.info.dataDir, { kind: 'visit-not-allowed', severity: 'breach', department: dept });
  });
});

describe('complaints under time limits', () => {
  async function setup() {
    const dept = newDeptId('housing');
    const office = await client.tokenFor({ roles: ['soft-env-office'] });
    const clerk = await client.tokenFor({ roles: ['department'], dept, sub: 'zhang' });
    const supervisor = await client.tokenFor({ roles: ['supervisor'] });
    await client.call('PUT', `/departments/${dept}`, { token: office, json: { name: 'Housing Bureau' } });
    await client.call('PUT', `/departments/${dept}/handlers`, {
      token: clerk,
      json: {
        handlers: [
          { id: 'zhang', name: 'Zhang Wei', available: true },
          { id: 'wang', name: 'Wang Fang', available: true },
        ],
      },
    });
    const file = async (category = 'inaction') =>
      (
        await client.call('POST', '/complaints', {
          json: {
            againstDept: dept,
            category,
            description: 'Three weeks without an answer on my permit.',
            contact: 'Chen Jie 138-0000-1234',
          },
        })
      ).body as { id: string; trackingCode: string; answerDueBy: string };
    const alertsFor = async (id: string) => {
      const page = await client.call('GET', `/alerts?concern=complaints&dept=${dept}&limit=200`, { token: supervisor });
      return (page.body.items as any[]).filter((alert) => alert.subject.id === id);
    };
    return { dept, clerk, supervisor, file, alertsFor };
  }

  it('moves an unacknowledged complaint from post A to post B and tells the supervisors', async () => {
    const { clerk, supervisor, file, alertsFor } = await setup();
    const complaint = await file();
    const breach = await until('the acknowledgement breach', async () =>
      (await alertsFor(complaint.id)).find((alert) => alert.kind === 'acknowledgement-breach-reassigned'),
    );
    // What the supervisors read: Chinese first, the department by its name, then English.
    expect(breach).toMatchObject({
      severity: 'breach',
      title: '投诉未按时受理，已由A岗转B岗：Housing Bureau · Complaint not acknowledged in time: moved from post A to post B',
    });
    expect(breach.detail).toMatch(
      /^对Housing Bureau的投诉「不作为、慢作为」（\d{4}-\d{2}-\d{2}收到，编号 [0-9a-f]{8}）.+现由B岗（Wang Fang）承办。\n/,
    );
    const seen = await client.call('GET', `/complaints/${complaint.id}`, { token: supervisor });
    expect(seen.body.assignment).toMatchObject({ post: 'B', handlerName: 'Wang Fang' });
    expect(seen.body.timeline.map((event: any) => event.event)).toEqual(['received', 'assigned', 'reassigned']);
    // Post B takes it on; the first to acknowledge is its owner.
    const acknowledged = await client.call('POST', `/complaints/${complaint.id}/acknowledgement`, { token: clerk });
    expect(acknowledged.body.owner).toMatchObject({ sub: 'zhang', post: 'B' });
    const tracked = await client.call('GET', `/complaints/track/${complaint.trackingCode}`);
    expect(tracked.body.timeline.map((event: any) => event.event)).toEqual(['received', 'acknowledged']);
    expect(JSON.stringify(tracked.body)).not.toMatch(/Zhang|Wang|post|Chen Jie/);
  });

  it('never alerts for a complaint acknowledged and answered in time: both watches stop', async () => {
    const { clerk, file, alertsFor } = await setup();
    const complaint = await file();
    expect((await client.call('POST', `/complaints/${complaint.id}/acknowledgement`, { token: clerk })).status).toBe(200);
    expect(
      (
        await client.call('POST', `/complaints/${complaint.id}/resolution`, {
          token: clerk,
          json: { summary: 'The permit was issued today.' },
        })
      ).status,
    ).toBe(200);
    await eventually(() => {
      const mine = executions(runtime.info.dataDir).filter((execution) => execution.name.includes(complaint.id));
      expect(mine.map((execution) => [execution.name.split('-')[1], execution.status]).sort()).toEqual([
        ['acknowledgement', 'ABORTED'],
        ['resolution', 'ABORTED'],
      ]);
    });
    expect(await alertsFor(complaint.id)).toEqual([]);
    const tracked = await client.call('GET', `/complaints/track/${complaint.trackingCode}`);
    expect(tracked.body).toMatchObject({ status: 'resolved', answer: { summary: 'The permit was issued today.' } });
  });

  it('avoids the breach with a delay notice given before the limit', async () => {
    const { clerk, file, alertsFor } = await setup();
    const complaint = await file('five-difficulties');
    await client.call('POST', `/complaints/${complaint.id}/acknowledgement`, { token: clerk });
    const dueDate = complaint.answerDueBy.slice(0, 10);
    const expectedBy = new Date(Date.parse(`${dueDate}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
    const notice = await client.call('POST', `/complaints/${complaint.id}/delay-notice`, {
      token: clerk,
      json: { reason: 'The site survey is needed first.', expectedBy },
    });
    expect(notice.status).toBe(200);
    // Wait until the original limit is well past on the handlers' clock.
    await until('the original limit to pass', async () => {
      const health = await client.call('GET', '/health');
      return Date.parse(health.body.now) > Date.parse(complaint.answerDueBy) + 6 * 3_600_000 ? true : undefined;
    });
    expect((await alertsFor(complaint.id)).filter((alert) => alert.severity === 'breach')).toEqual([]);
    const tracked = await client.call('GET', `/complaints/track/${complaint.trackingCode}`);
    expect(tracked.body.delayNotice).toMatchObject({ expectedBy, reason: 'The site survey is needed first.' });
  });
});

describe("pledges and the quarter's evaluation", () => {
  it('alerts when a pledge passes its due date unreviewed, and shows it overdue', async () => {
    const dept = newDeptId('licensing');
    const clerk = await client.tokenFor({ roles: ['department'], dept });
    await client.call('PUT', `/departments/${dept}`, {
      token: await client.tokenFor({ roles: ['soft-env-office'] }),
      json: { name: 'Licensing Bureau' },
    });
    const supervisor = await client.tokenFor({ roles: ['supervisor'] });
    const now = (await client.call('GET', '/health')).body.now as string;
    // Due the day after tomorrow (China date): a busy machine may let a fast-clock day pass before the POST.
    const dueDate = new Date(Date.parse(now) + 8 * 3_600_000 + 2 * 86_400_000).toISOString().slice(0, 10);
    const pledge = await client.call('POST', '/pledges', {
      token: clerk,
      json: { title: 'Answer every licence query within a day', description: 'From the service hall.', dueDate },
    });
    expect(pledge.status).toBe(201);
    const breach = await until('the overdue pledge alert', async () => {
      const page = await client.call('GET', `/alerts?concern=pledges&dept=${dept}`, { token: supervisor });
      return (page.body.items as any[]).find((alert) => alert.kind === 'pledge-breach');
    });
    expect(breach).toMatchObject({ severity: 'breach', subject: { type: 'pledge', id: pledge.body.id } });
    const seen = await client.call('GET', `/pledges/${pledge.body.id}`);
    expect(seen.body).toMatchObject({ overdue: true, status: 'open' });
    const overdue = await client.call('GET', `/pledges?dept=${dept}&status=overdue`);
    expect(overdue.body.items.map((item: any) => item.id)).toEqual([pledge.body.id]);
  });

  it("alerts on a broken verdict, and ranks a quarter's departments as the formula says", async () => {
    const office = await client.tokenFor({ roles: ['soft-env-office'] });
    const supervisor = await client.tokenFor({ roles: ['supervisor'] });
    const [good, bad] = [newDeptId('good'), newDeptId('bad')];
    for (const dept of [good, bad]) await client.call('PUT', `/departments/${dept}`, { token: office, json: { name: `Bureau ${dept}` } });
    const badClerk = await client.tokenFor({ roles: ['department'], dept: bad });
    const now = (await client.call('GET', '/health')).body.now as string;
    const pledge = await client.call('POST', '/pledges', {
      token: badClerk,
      json: {
        title: 'Permits in 10 days',
        description: 'x',
        dueDate: new Date(Date.parse(now) + 30 * 86_400_000).toISOString().slice(0, 10),
        statutoryLimitDays: 15,
        pledgedLimitDays: 10,
      },
    });
    await client.call('POST', `/pledges/${pledge.body.id}/reviews`, {
      token: office,
      json: { verdict: 'broken', evidence: 'Sampled permits took 14 days.' },
    });
    await alertDelivered(runtime.info.dataDir, { kind: 'pledge-broken', department: bad, severity: 'breach' });
    const complaint = await client.call('POST', '/complaints', {
      json: { againstDept: bad, category: 'five-difficulties', description: 'Nobody at the window all morning.' },
    });
    await client.call('POST', `/complaints/${complaint.body.id}/verdict`, {
      token: supervisor,
      json: { finding: 'substantiated', action: 'Window staffing rota imposed.' },
    });

    const quarter = `${now.slice(0, 4)}-Q${Math.floor((Number(now.slice(5, 7)) - 1) / 3) + 1}`;
    const evaluation = (await client.call('GET', `/evaluations/${quarter}`)).body;
    const rowOf = (dept: string) => evaluation.departments.find((row: any) => row.deptId === dept);
    expect(rowOf(good)).toMatchObject({ score: 100, rank: 1 });
    expect(rowOf(bad).figures).toMatchObject({ brokenPledges: 1, complaintsSubstantiated: 1, complaintsReceived: 1 });
    expect(rowOf(bad).score).toBe(100 - 8 - 10);
    const scores = evaluation.departments.map((row: any) => row.score);
    expect(scores).toEqual([...scores].sort((a: number, b: number) => b - a));
    const lowest = Math.min(...scores);
    expect(evaluation.lastPlaced.map((row: any) => row.deptId).sort()).toEqual(
      evaluation.departments
        .filter((row: any) => row.score === lowest)
        .map((row: any) => row.deptId)
        .sort(),
    );
  });
});

describe('applications under time limits (限时办结)', () => {
  it('warns at two thirds of the pledged limit, breaches at the pledged deadline (moving the work to post B), escalates at the statutory limit; a decided one stays silent', async () => {
    const dept = newDeptId('approvals');
    const enterpriseId = newCreditCode();
    const office = await client.tokenFor({ roles: ['soft-env-office'] });
    const clerk = await client.tokenFor({ roles: ['department'], dept, sub: 'zhou' });
    const owner = await client.tokenFor({ roles: ['enterprise'], ent: enterpriseId });
    const supervisor = await client.tokenFor({ roles: ['supervisor'] });
    await client.call('PUT', `/departments/${dept}`, { token: office, json: { name: 'Administrative Approval Bureau' } });
    await client.call('PUT', `/departments/${dept}/handlers`, {
      token: clerk,
      json: {
        handlers: [
          { id: 'zhou', name: 'Zhou Min', available: true },
          { id: 'sun', name: 'Sun Li', available: true },
        ],
      },
    });
    const itemCode = `SC-${dept.slice(-8)}`;
    const item = await client.call('PUT', `/approval-items/${itemCode}`, {
      token: office,
      json: {
        dept,
        name: 'Food business licence',
        legalBasis: 'Food Safety Law art. 37',
        statutoryDays: 3,
        pledgedDays: 2,
        materials: ['application form'],
      },
    });
    expect(item.status).toBe(201);
    const fileAndAccept = async () => {
      const filed = await client.call('POST', '/applications', { token: owner, json: { itemCode, materials: ['application form'] } });
      expect(filed).toMatchObject({ status: 201, body: { assignedTo: { post: 'A' } } });
      const accepted = await client.call('POST', `/applications/${filed.body.id}/acceptance`, { token: clerk, json: { accepted: true } });
      expect(accepted).toMatchObject({ status: 200, body: { status: 'accepted', owner: { sub: 'zhou' } } });
      return accepted.body;
    };
    const [left, decided] = [await fileAndAccept(), await fileAndAccept()];
    expect(
      await client.call('POST', `/applications/${decided.id}/decision`, {
        token: clerk,
        json: { decision: 'approved', reason: 'Complete.' },
      }),
    ).toMatchObject({ status: 200, body: { decision: { onTime: true } } });

    const alertsFor = async (id: string) => {
      const page = await client.call('GET', `/alerts?concern=applications&dept=${dept}&limit=200`, { token: supervisor });
      return (page.body.items as any[]).filter((alert) => alert.subject.id === id);
    };
    await until('the escalation alert', async () =>
      (await alertsFor(left.id)).some((alert) => alert.severity === 'escalation') ? true : undefined,
    );
    const delivered = await eventually(() => {
      const alerts = alertsOfTheSink().filter((alert) => alert.subject.id === left.id);
      expect(alerts.map((alert) => alert.severity)).toEqual(['warning', 'breach', 'escalation']);
      return alerts;
    });
    expect(delivered.map((alert) => alert.kind)).toEqual(['decision-warning', 'decision-breach-reassigned', 'decision-escalation']);
    for (const alert of delivered)
      expect(alert).toMatchObject({ concern: 'applications', department: dept, subject: { type: 'application', id: left.id } });
    // Each came at its instant on the handlers' clock: two thirds of the pledged limit, the pledged
    // deadline, the statutory limit (give or take a minute there: 2 ms of real time at this scale).
    const { warnAt, deadline, escalateAt } = left.watch.timeline;
    const notBefore = (at: string, instant: string) => expect(Date.parse(at)).toBeGreaterThanOrEqual(Date.parse(instant) - 60_000);
    notBefore(delivered[0].at, warnAt);
    notBefore(delivered[1].at, deadline);
    notBefore(delivered[2].at, escalateAt);
    expect(Date.parse(delivered[1].at)).toBeGreaterThan(Date.parse(warnAt));
    expect(Date.parse(delivered[2].at)).toBeGreaterThan(Date.parse(deadline));
    expect(Date.parse(escalateAt)).toBe(Date.parse(left.statutoryDeadline));
    // The work moved to post B; the owner (首问负责) is still the clerk who accepted it.
    const seen = await client.call('GET', `/applications/${left.id}`, { token: owner });
    expect(seen.body).toMatchObject({ status: 'accepted', assignedTo: { post: 'B', handlerName: 'Sun Li' }, owner: { sub: 'zhou' } });
    // A decision after the deadline is recorded late; the one decided in time had no alert at all.
    const late = await client.call('POST', `/applications/${left.id}/decision`, {
      token: clerk,
      json: { decision: 'approved', reason: 'Complete at last.' },
    });
    expect(late).toMatchObject({ status: 200, body: { decision: { onTime: false } } });
    expect(await alertsFor(decided.id)).toEqual([]);
    const record = await client.call('GET', `/approval-items/${itemCode}`);
    expect(record.body.performance).toMatchObject({ decided: 2, onTime: 1 });
  });
});
