/**
 * The fee-card story over HTTP on the local runtime, as docs/fee-cards.md tells it, and every wrong
 * caller: no bad input ever gets a 5xx.
 */
import { describe, expect, it } from 'vitest';
import { addDays, localDate } from '#shared/time/clock';
import { call, runtime, tokenFor } from '../support/http.ts';
import { newCode, newCreditCode, newDeptId } from '../support/data.ts';
import { alertDelivered } from '../support/eventually.ts';

describe('the fee-card story', () => {
  it('runs from the fee list to the audit, with an over-standard entry refused and an enterprise refusal alerted', async () => {
    const dept = newDeptId('market');
    const code = newCode('MR');
    const enterpriseId = newCreditCode();
    const office = await tokenFor({ roles: ['soft-env-office'] });
    const park = await tokenFor({ roles: ['park-office'] });
    const clerk = await tokenFor({ roles: ['department'], dept });
    const enterprise = await tokenFor({ roles: ['enterprise'], ent: enterpriseId });
    const supervisor = await tokenFor({ roles: ['supervisor'] });

    expect((await call('PUT', `/departments/${dept}`, { token: office, json: { name: 'Market Regulation Bureau' } })).status).toBe(201);
    const departments = await call('GET', '/departments?limit=200');
    expect(departments.status).toBe(200);

    const item = await call('PUT', `/fee-items/${code}`, {
      token: office,
      // In force for a month already: the county enters a fee list it published before.
      json: {
        unit: dept,
        name: 'Verification of weighing instruments',
        legalBasis: 'Metrology Law art. 9',
        standard: { kind: 'fixed', amount: 8000 },
        validFrom: addDays(localDate(new Date()), -30),
      },
    });
    expect(item).toMatchObject({ status: 201, body: { code, unit: dept, revision: 1 } });
    const list = await call('GET', `/fee-items?unit=${dept}`);
    expect(list.body.items).toEqual([expect.objectContaining({ code, standard: { kind: 'fixed', amount: 8000 } })]);

    const card = await call('POST', '/fee-cards', {
      token: park,
      json: { enterpriseId, enterpriseName: 'Minjiang Textiles Co.' },
      headers: { 'idempotency-key': `card-${enterpriseId}` },
    });
    expect(card).toMatchObject({ status: 201, body: { enterpriseId, entryCount: 0, chain: { valid: true } } });

    const collectedOn = addDays(localDate(new Date()), -8);
    const collectedAt = `${collectedOn}T09:30:00+08:00`;
    const entry = await call('POST', `/fee-cards/${enterpriseId}/entries`, {
      token: clerk,
      json: { feeItemCode: code, amount: 8000, collector: 'Wang Li', collectedAt, receiptNo: `R-${enterpriseId}-1` },
    });
    expect(entry).toMatchObject({ status: 201, body: { entryId: '00000001', amount: 8000 } });

    const over = await call('POST', `/fee-cards/${enterpriseId}/entries`, {
      token: clerk,
      json: { feeItemCode: code, amount: 12000, collector: 'Wang Li', collectedAt, receiptNo: `R-${enterpriseId}-2` },
    });
    expect(over).toMatchObject({
      status: 422,
      contentType: 'application/problem+json',
      body: { type: 'urn:soft-env:problem:amount-outside-standard' },
    });
    expect(over.body.detail).toContain('exactly 80.00 yuan; 120.00 yuan was recorded');

    const refusal = await call('POST', `/fee-cards/${enterpriseId}/entries/00000001/refusal`, {
      token: enterprise,
      json: { reason: 'This verification was charged twice this year' },
    });
    expect(refusal).toMatchObject({ status: 201, body: { category: 'unregistered-fee' } });
    await alertDelivered(runtime.dataDir, {
      id: refusal.body.alertId,
      severity: 'warning',
      concern: 'fee-cards',
      department: dept,
      kind: 'fee-entry-refused',
    });

    const own = await call('GET', `/fee-cards/${enterpriseId}`, { token: enterprise });
    expect(own.body).toMatchObject({
      entryCount: 1,
      chain: { valid: true, entries: 1 },
      entries: [{ entryId: '00000001', refused: true }],
    });

    const audit = await call('GET', `/fee-audit?from=${collectedOn}&to=${collectedOn}&limit=200`, { token: supervisor });
    expect(audit.status).toBe(200);
    expect(audit.body.totals.byUnitAndItem).toContainEqual({
      unit: dept,
      feeItemCode: code,
      entries: 1,
      amount: 8000,
      refused: 0,
      refusedAmount: 0,
      rejectedAttempts: 1,
    });
    expect(
      audit.body.items
        .filter((event: any) => event.enterpriseId === enterpriseId)
        .map((event: any) => event.kind)
        .sort(),
    ).toEqual(['entry', 'rejected-attempt']);
    expect(audit.body.chains).toContainEqual({ enterpriseId, valid: true, entries: 1 });
  });
});

describe('wrong callers and bad input', () => {
  it('answers each with the right problem, never a 5xx', async () => {
    const dept = newDeptId();
    const enterpriseId = newCreditCode();
    const otherEnterprise = newCreditCode();
    const park = await tokenFor({ roles: ['park-office'] });
    const clerk = await tokenFor({ roles: ['department'], dept });
    const stranger = await tokenFor({ roles: ['enterprise'], ent: otherEnterprise });
    await call('POST', '/fee-cards', { token: park, json: { enterpriseId, enterpriseName: 'A' } });

    const cases: [string, Promise<Awaited<ReturnType<typeof call>>>, number][] = [
      ['no token', call('GET', `/fee-cards/${enterpriseId}`), 401],
      ['a forged token', call('GET', `/fee-cards/${enterpriseId}`, { token: `${clerk.slice(0, -4)}AAAA` }), 401],
      [
        'an expired token',
        tokenFor({ roles: ['park-office'] }, Math.floor(Date.now() / 1000) - 60).then((token) =>
          call('GET', `/fee-cards/${enterpriseId}`, { token }),
        ),
        401,
      ],
      [
        'an unsigned token',
        call('GET', `/fee-cards/${enterpriseId}`, {
          headers: { authorization: 'Bearer eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4Iiwicm9sZXMiOlsic3VwZXJ2aXNvciJdfQ.' },
        }),
        401,
      ],
      ['a wrong role', call('POST', '/fee-cards', { token: clerk, json: { enterpriseId: newCreditCode(), enterpriseName: 'B' } }), 403],
      ["another enterprise's card", call('GET', `/fee-cards/${enterpriseId}`, { token: stranger }), 404],
      ['an unknown route', call('GET', '/nothing-here', { token: park }), 404],
      [
        'malformed JSON',
        call('POST', '/fee-cards', { token: park, body: '{"enterpriseId":', headers: { 'content-type': 'application/json' } }),
        400,
      ],
      [
        'an unknown field',
        call('POST', '/fee-cards', { token: park, json: { enterpriseId: newCreditCode(), enterpriseName: 'C', discount: 1 } }),
        400,
      ],
      [
        'a float amount of money',
        call('POST', `/fee-cards/${enterpriseId}/entries`, {
          token: clerk,
          json: { feeItemCode: 'X', amount: 10.5, collector: 'a', collectedAt: '2026-11-20T09:30:00+08:00', receiptNo: 'r' },
        }),
        400,
      ],
      [
        'the wrong content type',
        call('POST', '/fee-cards', { token: park, body: '<card/>', headers: { 'content-type': 'application/xml' } }),
        415,
      ],
      [
        'an oversized body',
        call('POST', '/fee-cards', { token: park, json: { enterpriseId: newCreditCode(), enterpriseName: 'x'.repeat(80_000) } }),
        413,
      ],
      ['an invalid credit code', call('GET', '/fee-cards/91350100M000100Y44', { token: park }), 400],
      ['a badly encoded path', call('GET', '/fee-cards/%E0%A4%A', { token: park }), 400],
    ];
    for (const [name, pending, status] of cases) {
      const response = await pending;
      expect({ name, status: response.status, type: response.contentType }).toEqual({ name, status, type: 'application/problem+json' });
      expect(response.body).toMatchObject({ status, title: expect.any(String), detail: expect.any(String) });
    }
  });
});
