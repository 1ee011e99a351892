/**
 * The 24-hour appointment service end to end: a local runtime whose clock runs 30,000 times
 * faster than real time (24 hours in under three seconds), the synthesized state machine waiting
 * on it, alerts in alerts.jsonl and GET /alerts. Calendar hours: nights and weekends count.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localMonth } from '#shared/time/clock';
import { startRuntimeProcess, type RuntimeProcess } from '../../infra/local/child.ts';
import { clientFor } from '../support/http.ts';
import { newCreditCode, newDeptId } from '../support/data.ts';
import { eventually, sinkAlerts, until } from '../support/eventually.ts';

const HOUR = 3_600_000;
let runtime: RuntimeProcess;
let client: Awaited<ReturnType<typeof clientFor>>;

beforeAll(async () => {
  // 10 p.m. on the 10th of this month (a request at night; the quarter's end far off), sped up:
  // a real second is 30,000 seconds (8 h 20 min) here.
  runtime = await startRuntimeProcess({ CLOCK_START: `${localMonth(new Date())}-10T22:00:00+08:00`, TIME_SCALE: '30000' });
  client = await clientFor(runtime.info);
});
afterAll(async () => {
  await runtime?.stop();
});

describe('24-hour appointments under their limit', () => {
  it('warns at 16 hours and breaches at 24 for an unconfirmed request, is silent for one confirmed at once, and records a confirmation after the breach as late', async () => {
    const dept = newDeptId('centre');
    const ent = newCreditCode();
    const office = await client.tokenFor({ roles: ['soft-env-office'] });
    const supervisor = await client.tokenFor({ roles: ['supervisor'] });
    const clerk = await client.tokenFor({ roles: ['department'], dept });
    const owner = await client.tokenFor({ roles: ['enterprise'], ent });
    await client.call('PUT', `/departments/${dept}`, { token: office, json: { name: 'Market Regulation Bureau' } });
    const now = Date.parse((await client.call('GET', '/health')).body.now);
    const ask = () =>
      client.call('POST', '/appointments', {
        token: owner,
        json: { dept, topic: 'On-site check for a food licence', requestedAt: new Date(now + 10 * 24 * HOUR).toISOString() },
      });
    const [left, confirmedAtOnce] = await Promise.all([ask(), ask()]);
    expect([left.status, confirmedAtOnce.status]).toEqual([201, 201]);
    const at = new Date(now + 11 * 24 * HOUR).toISOString();
    const confirmed = await client.call('POST', `/appointments/${confirmedAtOnce.body.id}/confirmation`, {
      token: clerk,
      json: { at, place: 'Service centre, window 3', staff: ['Li Ming'] },
    });
    expect(confirmed).toMatchObject({ status: 200, body: { status: 'confirmed', confirmation: { late: false } } });

    const alertsFor = async (id: string) => {
      const page = await client.call('GET', `/alerts?concern=appointments&dept=${dept}&limit=200`, { token: supervisor });
      return (page.body.items as any[]).filter((alert) => alert.subject.id === id);
    };
    const breached = await until('the breach alert', async () => {
      const alerts = await alertsFor(left.body.id);
      return alerts.some((alert) => alert.severity === 'breach') ? alerts : undefined;
    });
    const bySeverity = Object.fromEntries(breached.map((alert) => [alert.severity, alert]));
    expect(bySeverity.warning).toMatchObject({ concern: 'appointments', department: dept, kind: 'confirmation-warning' });
    expect(bySeverity.breach).toMatchObject({ concern: 'appointments', department: dept, kind: 'confirmation-breach' });
    // On the handlers' clock: the warning at 16 hours, the breach at 24, not before.
    const received = Date.parse(left.body.receivedAt);
    expect(Date.parse(bySeverity.warning.at) - received).toBeGreaterThanOrEqual(16 * HOUR);
    expect(Date.parse(bySeverity.breach.at) - received).toBeGreaterThanOrEqual(24 * HOUR);
    expect(Date.parse(bySeverity.breach.at)).toBeGreaterThanOrEqual(Date.parse(left.body.confirmBy));
    await eventually(() =>
      expect(
        sinkAlerts(runtime.info.dataDir)
          .filter((alert) => alert.subject.id === left.body.id)
          .map((alert) => alert.severity),
      ).toEqual(expect.arrayContaining(['warning', 'breach'])),
    );

    // Listed as overdue, then confirmed late: taken, and recorded as late.
    const overdue = await client.call('GET', '/appointments?status=requested', { token: clerk });
    expect(overdue.body.items).toEqual([expect.objectContaining({ id: left.body.id, overdue: true })]);
    const late = await client.call('POST', `/appointments/${left.body.id}/confirmation`, {
      token: clerk,
      json: { at: new Date(now + 12 * 24 * HOUR).toISOString(), place: 'Service centre, window 3', staff: ['Wang Fang'] },
    });
    expect(late).toMatchObject({ status: 200, body: { status: 'confirmed', confirmation: { late: true } } });
    expect(late.body.confirmation.hoursTaken).toBeGreaterThanOrEqual(24);
    await until('the late confirmation alert', async () =>
      (await alertsFor(left.body.id)).some((alert) => alert.kind === 'confirmation-late') ? true : undefined,
    );

    // The one confirmed at once raised nothing, though its 24 hours have passed too.
    expect(await alertsFor(confirmedAtOnce.body.id)).toEqual([]);
    expect(sinkAlerts(runtime.info.dataDir).filter((alert) => alert.subject.id === confirmedAtOnce.body.id)).toEqual([]);
    // The quarter counts the department's warning and breach, and both appointments as handled, one in time.
    const health = (await client.call('GET', '/health')).body.now as string;
    const quarter = `${health.slice(0, 4)}-Q${Math.floor((Number(health.slice(5, 7)) - 1) / 3) + 1}`;
    const row = (await client.call('GET', `/evaluations/${quarter}`)).body.departments.find((entry: any) => entry.deptId === dept);
    expect(row?.figures).toMatchObject({ warnings: 1, breaches: 1, handled: 2, handledInTime: 1 });
  });
});
