/**
 * Time limits that enforce themselves, end to end: a local runtime whose clock runs 10,000
 * times faster than real time (a working day in under nine seconds), the synthesized state
 * machine waiting on it, alerts in alerts.jsonl and GET /alerts.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startRuntimeProcess, type RuntimeProcess } from '../support/runtime-process.ts';
import { clientFor } from '../support/http.ts';
import { newCreditCode, newDeptId } from '../support/data.ts';

let runtime: RuntimeProcess;
let client: Awaited<ReturnType<typeof clientFor>>;

beforeAll(async () => {
  // Monday 30 November 2026, 00:00 China time; a real second is 10,000 seconds here.
  runtime = await startRuntimeProcess({ CLOCK_START: '2026-11-30T00:00:00+08:00', TIME_SCALE: '10000' });
  client = await clientFor(runtime.info);
});
afterAll(async () => { await runtime?.stop(); });

const sinkAlerts = () => {
  const file = path.join(runtime.info.dataDir, 'alerts.jsonl');
  return existsSync(file) ? readFileSync(file, 'utf8').trim().split('\n').filter(Boolean).map((line) => JSON.parse(line)) : [];
};

async function until<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = 60_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

describe('inspection approvals under a time limit', () => {
  it('warns and then breaches for an undecided inspection, and stays silent for one decided in time', async () => {
    const dept = newDeptId('market');
    const clerk = await client.tokenFor({ roles: ['department'], dept });
    const office = await client.tokenFor({ roles: ['soft-env-office'] });
    const supervisor = await client.tokenFor({ roles: ['supervisor'] });
    const file = (enterpriseId: string) => client.call('POST', '/inspections', {
      token: clerk,
      json: { enterpriseId, plannedDate: '2026-12-28', category: 'routine', reason: 'Annual metrology check', legalBasis: 'Metrology Law art. 9', inspectors: ['Li Ming'] },
    });
    const [left, decided] = await Promise.all([file(newCreditCode()), file(newCreditCode())]);
    expect([left.status, decided.status]).toEqual([201, 201]);
    expect(left.body.status).toBe('pending-approval');
    const decision = await client.call('POST', `/inspections/${decided.body.id}/decision`, { token: office, json: { decision: 'approve', comment: 'Justified' } });
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
    const inSink = sinkAlerts().filter((alert) => alert.subject.id === left.body.id);
    expect(inSink.map((alert) => alert.severity)).toEqual(['warning', 'breach']);
    expect(inSink[1]).toMatchObject({ concern: 'inspections', department: dept, kind: 'approval-breach' });
    // The breach came at the deadline on the handlers' clock, not before it.
    expect(Date.parse(inSink[1].at)).toBeGreaterThanOrEqual(Date.parse(left.body.approval.timeline.deadline));

    // Both were filed together, so the decided one's deadline has passed too: nothing for it.
    expect(await alertsFor(decided.body.id)).toEqual([]);
    expect(sinkAlerts().filter((alert) => alert.subject.id === decided.body.id)).toEqual([]);
  });

  it('refuses a routine inspection on the 10th, and alerts when inspectors come without approval', async () => {
    const dept = newDeptId('tax');
    const enterpriseId = newCreditCode();
    const clerk = await client.tokenFor({ roles: ['department'], dept });
    const owner = await client.tokenFor({ roles: ['enterprise'], ent: enterpriseId });
    const body = { enterpriseId, category: 'routine', reason: 'Check', legalBasis: 'Tax Administration Law', inspectors: ['Wu'] };
    const quiet = await client.call('POST', '/inspections', { token: clerk, json: { ...body, plannedDate: '2026-12-10' } });
    expect(quiet).toMatchObject({ status: 422, body: { type: 'urn:soft-env:problem:quiet-production-day' } });
    const pending = await client.call('POST', '/inspections', { token: clerk, json: { ...body, plannedDate: '2026-12-29' } });
    const visit = await client.call('POST', `/inspections/${pending.body.id}/visits`, { token: owner });
    expect(visit).toMatchObject({ status: 201, body: { allowed: false } });
    expect(sinkAlerts()).toContainEqual(expect.objectContaining({ kind: 'visit-not-allowed', severity: 'breach', department: dept }));
  });
});
