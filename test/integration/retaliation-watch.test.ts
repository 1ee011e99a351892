/**
 * The retaliation watch (打击报复) against DynamoDB Local: an enterprise's complaint opens a watch on
 * the department it named; that department's acts toward it raise one flag each and alert the
 * supervisors, while the act is answered exactly as it would be without the watch.
 */
import { describe, expect, inject, it } from 'vitest';
import { alertDelivered, eventually, sinkAlerts } from '../support/eventually.ts';
import { addDays, localDate } from '#shared/time/clock';
import { getRecord } from '#shared/data/db';
import { keys } from '#shared/data/table';
import { handler as accountability } from '../../functions/accountability/handler.ts';
import { accountabilityRoutes } from '../../functions/accountability/routes.ts';
import { handler as complaints } from '../../functions/complaints/handler.ts';
import { complaintRoutes } from '../../functions/complaints/routes.ts';
import { handler as inspections } from '../../functions/inspections/handler.ts';
import { inspectionRoutes } from '../../functions/inspections/routes.ts';
import { invoke } from '../support/invoke.ts';
import { loadOrCreateKeys, signToken } from '../../infra/local/signing.ts';
import { newCreditCode } from '../support/data.ts';
import { registeredDept } from '../support/registry.ts';
import { collection, feeCards, feeScenario, park, routes as feeRoutes, departmentCaller, enterpriseCaller } from '../support/fees.ts';

const routes = accountabilityRoutes.routes;
const supervisor = { roles: ['supervisor'], sub: 'supervisor-wang' };
const clerk = (dept: string) => ({ roles: ['department'], dept, sub: `clerk@${dept}` });

/** The day after the 25th, so a routine inspection is filed (pending approval) rather than refused. */
function afterThe25th(): string {
  let date = addDays(localDate(new Date()), 1);
  while (Number(date.slice(8)) <= 25) date = addDays(date, 1);
  return date;
}
const inspectionBody = (enterpriseId: string) => ({
  enterpriseId,
  plannedDate: afterThe25th(),
  category: 'routine',
  reason: 'Verify the boiler certificate',
  legalBasis: 'Special Equipment Safety Law art. 57',
  inspectors: ['Li Ming'],
});

/** What a client could tell apart without reading values: status, content type, header names, and the body's keys in order, all the way down. */
function shapeOf(answer: { status?: number; contentType: string; headers: Record<string, unknown>; body: unknown }) {
  const shape = (value: unknown): unknown =>
    Array.isArray(value)
      ? value.map(shape)
      : value && typeof value === 'object'
        ? Object.entries(value).map(([key, inner]) => [key, shape(inner)])
        : typeof value;
  return { status: answer.status, contentType: answer.contentType, headers: Object.keys(answer.headers).sort(), body: shape(answer.body) };
}

/** A complaint filed by an enterprise signed in (the complaint route verifies its optional token itself). */
const complainSignedIn = async (dept: string, enterpriseId: string) => {
  const token = await signToken(await loadOrCreateKeys(inject('runtime').dataDir), {
    sub: `owner@${enterpriseId}`,
    roles: ['enterprise'],
    ent: enterpriseId,
  });
  return invoke(complaints, complaintRoutes.routes.fileComplaint, {
    json: { againstDept: dept, category: 'abusive-enforcement', description: 'The inspectors shouted at our staff.' },
    headers: { authorization: `Bearer ${token}` },
  });
};
const flagsOf = async (dept: string) =>
  (await invoke(accountability, routes.listFlags, { query: { dept }, caller: supervisor })).body.items;

describe('the retaliation watch (打击报复)', () => {
  it("flags a watched act and alerts the supervisors; the department's answer is the same as without the watch", async () => {
    const dept = await registeredDept();
    const watched = newCreditCode();
    const unwatched = newCreditCode();
    expect((await complainSignedIn(dept, watched)).status).toBe(201);
    const watch = await getRecord(keys.retaliationWatch(dept, watched), (item) => item);
    expect(watch).toMatchObject({ dept, enterpriseId: watched });

    const towardWatched = await invoke(inspections, inspectionRoutes.routes.fileInspection, {
      json: inspectionBody(watched),
      caller: clerk(dept),
    });
    const towardOther = await invoke(inspections, inspectionRoutes.routes.fileInspection, {
      json: inspectionBody(unwatched),
      caller: clerk(dept),
    });
    expect(towardWatched.status).toBe(201);
    expect(shapeOf(towardWatched)).toEqual(shapeOf(towardOther));
    expect(JSON.stringify(towardWatched.body)).not.toMatch(/watch|flag|complain/i);

    const flags = await flagsOf(dept);
    expect(flags).toHaveLength(1);
    expect(flags[0]).toMatchObject({
      dept,
      enterpriseId: watched,
      status: 'open',
      act: { type: 'inspection-filed', id: towardWatched.body.id },
      daysSinceComplaint: 0,
    });
    await alertDelivered(inject('runtime').dataDir, {
      kind: 'retaliation-flag',
      severity: 'warning',
      concern: 'accountability',
      department: dept,
      subject: { type: 'retaliation-flag', id: flags[0].id },
    });
    // The department cannot read flags at all.
    expect((await invoke(accountability, routes.listFlags, { query: { dept }, caller: clerk(dept) })).status).toBe(403);
    expect((await invoke(accountability, routes.getFlag, { params: { id: flags[0].id }, caller: clerk(dept) })).status).toBe(403);
  });

  it('a retried act raises no second flag (the same Idempotency-Key, the same receipt)', async () => {
    const { dept, code, enterpriseId } = await feeScenario();
    const refused = await invoke(feeCards, feeRoutes.recordEntry, {
      params: { enterpriseId },
      json: collection(code),
      caller: departmentCaller(dept),
    });
    // Refusing the charge is a complaint by the enterprise: it opens the watch.
    const refusal = await invoke(feeCards, feeRoutes.refuseEntry, {
      params: { enterpriseId, entryId: refused.body.entryId },
      json: { reason: 'No service was given.' },
      caller: enterpriseCaller(enterpriseId),
    });
    expect(refusal.status).toBe(201);
    const entry = collection(code);
    const headers = { 'idempotency-key': `retry-${entry.receiptNo}` };
    const first = await invoke(feeCards, feeRoutes.recordEntry, {
      params: { enterpriseId },
      json: entry,
      caller: departmentCaller(dept),
      headers,
    });
    const retried = await invoke(feeCards, feeRoutes.recordEntry, {
      params: { enterpriseId },
      json: entry,
      caller: departmentCaller(dept),
      headers,
    });
    expect(first.status).toBe(201);
    expect(retried).toMatchObject({ status: 201, body: first.body });
    const sameReceipt = await invoke(feeCards, feeRoutes.recordEntry, {
      params: { enterpriseId },
      json: entry,
      caller: departmentCaller(dept),
    });
    expect(sameReceipt).toMatchObject({ status: 409, body: { type: 'urn:soft-env:problem:duplicate-receipt' } });
    const flags = await flagsOf(dept);
    expect(flags.map((flag: any) => flag.act)).toEqual([
      expect.objectContaining({ type: 'fee-entry-recorded', id: `${dept}/${entry.receiptNo}` }),
    ]);
  });

  it('an anonymous complaint starts no watch; another department is not watched', async () => {
    const dept = await registeredDept();
    const other = await registeredDept();
    const enterpriseId = newCreditCode();
    await invoke(complaints, complaintRoutes.routes.fileComplaint, {
      json: { againstDept: dept, category: 'inaction', description: 'Nobody answers the phone.' },
    });
    await complainSignedIn(other, enterpriseId);
    await invoke(inspections, inspectionRoutes.routes.fileInspection, { json: inspectionBody(enterpriseId), caller: clerk(dept) });
    expect(await flagsOf(dept)).toEqual([]);
    expect(await getRecord(keys.retaliationWatch(dept, enterpriseId), (item) => item)).toBeUndefined();
  });

  it('is reviewed once: dismissed, or a case opened with the flag as its source', async () => {
    const dept = await registeredDept();
    const enterpriseId = newCreditCode();
    await invoke(feeCards, feeRoutes.issueCard, { json: { enterpriseId, enterpriseName: '闽江纺织有限公司' }, caller: park });
    await complainSignedIn(dept, enterpriseId);
    await invoke(inspections, inspectionRoutes.routes.fileInspection, { json: inspectionBody(enterpriseId), caller: clerk(dept) });
    await invoke(inspections, inspectionRoutes.routes.fileInspection, { json: inspectionBody(enterpriseId), caller: clerk(dept) });
    const [first, second] = await flagsOf(dept);
    const dismissed = await invoke(accountability, routes.reviewFlag, {
      params: { id: first.id },
      json: { outcome: 'dismissed', reason: 'A scheduled annual check, planned before the complaint.' },
      caller: supervisor,
    });
    expect(dismissed).toMatchObject({ status: 200, body: { status: 'dismissed', review: { outcome: 'dismissed' } } });
    const again = await invoke(accountability, routes.reviewFlag, {
      params: { id: first.id },
      json: { outcome: 'case-opened', reason: 'x' },
      caller: supervisor,
    });
    expect(again).toMatchObject({ status: 409, body: { type: 'urn:soft-env:problem:flag-reviewed' } });
    const opened = await invoke(accountability, routes.reviewFlag, {
      params: { id: second.id },
      json: { outcome: 'case-opened', reason: 'A second inspection within days of the complaint.' },
      caller: supervisor,
    });
    expect(opened).toMatchObject({ status: 200, body: { status: 'case-opened' } });
    const caseId = opened.body.caseId;
    const found = await invoke(accountability, routes.getCase, { params: { id: caseId }, caller: supervisor });
    expect(found.body).toMatchObject({ dept, status: 'investigating', sources: [{ type: 'retaliation-flag', id: second.id }] });
    // The department sees the case, not who complained.
    const asDept = await invoke(accountability, routes.getCase, { params: { id: caseId }, caller: clerk(dept) });
    expect(asDept.status).toBe(200);
    expect(JSON.stringify(asDept.body)).not.toContain(enterpriseId);
    expect(JSON.stringify(asDept.body)).not.toContain(second.id);
    const flagAgain = await invoke(accountability, routes.openCase, {
      json: { dept, clause: '三.3.1', summary: 'x', sources: [{ type: 'retaliation-flag', id: second.id }] },
      caller: supervisor,
    });
    expect(flagAgain).toMatchObject({ status: 409, body: { type: 'urn:soft-env:problem:source-in-case' } });
    await eventually(() => {
      const flagAlert = sinkAlerts(inject('runtime').dataDir).find((alert: any) => alert.subject?.id === second.id);
      expect(flagAlert?.title).toContain('闽江纺织有限公司');
    });
  });
});
