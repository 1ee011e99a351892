/** An enterprise refuses a recorded charge: the refusal, the complaint and the alert, once. */
import { describe, expect, inject, it } from 'vitest';
import { alertDelivered, sinkAlerts } from '../support/eventually.ts';
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { db, tableName } from '#shared/data/db';
import { keys } from '#shared/data/table';
import { localDate } from '#shared/time/clock';
import { invoke } from '../support/invoke.ts';
import { COLLECTION_DAY, collection, departmentCaller, enterpriseCaller, feeCards, feeScenario, office, routes } from '../support/fees.ts';

const runtime = inject('runtime');

describe('refusing a recorded charge', () => {
  it('marks the entry refused, opens a complaint routed to the supervisors, and alerts them', async () => {
    const { dept, code, enterpriseId } = await feeScenario();
    const entry = await invoke(feeCards, routes.recordEntry, {
      params: { enterpriseId },
      json: collection(code),
      caller: departmentCaller(dept),
    });
    const refusal = await invoke(feeCards, routes.refuseEntry, {
      params: { enterpriseId, entryId: entry.body.entryId },
      json: { reason: 'Charged for an inspection that never took place', category: 'fee-without-service' },
      caller: enterpriseCaller(enterpriseId),
    });
    expect(refusal).toMatchObject({
      status: 201,
      body: { entryId: '00000001', unit: dept, category: 'fee-without-service', complaintId: expect.any(String) },
    });

    const complaint = await db.send(new GetCommand({ TableName: tableName, Key: keys.complaint(refusal.body.complaintId) }));
    expect(complaint.Item).toMatchObject({
      againstDept: dept,
      category: 'fee-without-service',
      source: 'fee-refusal',
      routedTo: 'supervisors',
      status: 'received',
      complainant: { enterpriseId },
      subject: { type: 'fee-entry', id: `${enterpriseId}/00000001` },
      gsi1pk: `COMPLAINTS#${dept}`,
    });
    const stored = await db.send(new GetCommand({ TableName: tableName, Key: keys.alert(refusal.body.alertId) }));
    expect(stored.Item).toMatchObject({ severity: 'warning', concern: 'fee-cards', department: dept, kind: 'fee-entry-refused' });
    await alertDelivered(runtime.dataDir, { id: refusal.body.alertId, department: dept, severity: 'warning', concern: 'fee-cards' });
    const delivered = sinkAlerts(runtime.dataDir).find((alert) => alert.id === refusal.body.alertId)!;
    // What a supervisor reads: Chinese first, then English; the department and the enterprise by name, no ids.
    expect(delivered.title).toBe(
      `企业拒付Unit ${dept}的一笔120.00元收费：Minjiang Textiles · Minjiang Textiles refused a 120.00 yuan charge by Unit ${dept}`,
    );
    const [zh, en] = delivered.detail.split('\n');
    expect(zh).toMatch(
      /^Minjiang Textiles拒付Unit .+收取的「Verification of weights」.+理由为「只收费不服务」，已立案投诉（编号 [0-9a-f]{8}）。$/,
    );
    expect(en).toContain('as "A fee without service"');
    expect(`${delivered.title}${delivered.detail}`).not.toContain(refusal.body.complaintId);
    expect(`${delivered.title}${delivered.detail}`).not.toContain(enterpriseId);

    const card = await invoke(feeCards, routes.getCard, { params: { enterpriseId }, caller: office });
    expect(card.body.entries[0]).toMatchObject({ refused: true, refusal: { reason: 'Charged for an inspection that never took place' } });
    expect(card.body.chain.valid).toBe(true);
    // The department sees that its charge was refused, not the complaint behind it.
    const forDept = await invoke(feeCards, routes.getCard, { params: { enterpriseId }, caller: departmentCaller(dept) });
    expect(forDept.body.entries[0].refusal).toEqual({ refusedAt: refusal.body.refusedAt });
  });

  it('refuses an entry once (409), and another enterprise cannot refuse it (404)', async () => {
    const { dept, code, enterpriseId } = await feeScenario();
    const other = await feeScenario();
    await invoke(feeCards, routes.recordEntry, { params: { enterpriseId }, json: collection(code), caller: departmentCaller(dept) });
    const params = { enterpriseId, entryId: '00000001' };
    expect(
      (await invoke(feeCards, routes.refuseEntry, { params, json: { reason: 'not on my list' }, caller: enterpriseCaller(enterpriseId) }))
        .status,
    ).toBe(201);
    const twice = await invoke(feeCards, routes.refuseEntry, { params, json: { reason: 'again' }, caller: enterpriseCaller(enterpriseId) });
    expect(twice).toMatchObject({ status: 409, body: { type: 'urn:soft-env:problem:already-refused' } });
    const stranger = await invoke(feeCards, routes.refuseEntry, {
      params,
      json: { reason: 'x' },
      caller: enterpriseCaller(other.enterpriseId),
    });
    expect(stranger.status).toBe(404);
    const missing = await invoke(feeCards, routes.refuseEntry, {
      params: { enterpriseId, entryId: '00000009' },
      json: { reason: 'x' },
      caller: enterpriseCaller(enterpriseId),
    });
    expect(missing.status).toBe(404);
    const audit = await invoke(feeCards, routes.feeAudit, { query: { from: COLLECTION_DAY, to: localDate(new Date()) }, caller: office });
    expect(audit.body.totals.byUnit).toContainEqual(expect.objectContaining({ unit: dept, entries: 1, refused: 1, refusedAmount: 12000 }));
  });
});
