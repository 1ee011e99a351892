/**
 * The fee-card handler against DynamoDB Local: what is stored, the conditions that keep it
 * whole, pagination, and tamper evidence.
 */
import { describe, expect, it } from 'vitest';
import { DeleteCommand, GetCommand, QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { db, tableName } from '#shared/db';
import { keys } from '#shared/table';
import { addDays, localDate, localMonth, startOfLocalDate, toLocalIso } from '#shared/clock';
import { invoke } from '../support/invoke.ts';
import { newCode, newCreditCode } from '../support/data.ts';
import {
  collection, departmentCaller, enterpriseCaller, feeCards, feeScenario, office, park, routes, supervisor,
} from '../support/fees.ts';

/** The China-time day a collection counts on in the audit. */
const collectedOn = (input: { collectedAt: string }) => localDate(new Date(input.collectedAt));
const today = () => localDate(new Date());

const cardItems = async (enterpriseId: string) => (await db.send(new QueryCommand({
  TableName: tableName, KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': keys.cardPartition(enterpriseId) },
}))).Items ?? [];

describe('recording fees on a card', () => {
  it('stores the entry, its receipt number, the chain head and the day total in one go', async () => {
    const { dept, code, enterpriseId } = await feeScenario();
    const input = collection(code, 12000);
    const result = await invoke(feeCards, routes.recordEntry, { params: { enterpriseId }, json: input, caller: departmentCaller(dept) });
    expect(result).toMatchObject({ status: 201, contentType: 'application/json', body: { entryId: '00000001', unit: dept, amount: 12000, feeItemCode: code } });

    const items = await cardItems(enterpriseId);
    const card = items.find((item) => item.sk === 'CARD');
    const entry = items.find((item) => item.sk === keys.entrySk(1));
    expect(card).toMatchObject({ entryCount: 1, headHash: result.body.hash });
    expect(entry).toMatchObject({ amount: 12000, unit: dept, receiptNo: input.receiptNo, gsi1pk: `FEEAUDIT#${localMonth(new Date(input.collectedAt))}` });
    const receipt = await db.send(new GetCommand({ TableName: tableName, Key: keys.receipt(dept, input.receiptNo) }));
    expect(receipt.Item).toMatchObject({ enterpriseId, entryId: '00000001' });
    const total = await db.send(new GetCommand({ TableName: tableName, Key: keys.feeTotals(localMonth(new Date(input.collectedAt)), collectedOn(input), 'ENTRY', dept, code) }));
    expect(total.Item).toMatchObject({ count: 1, amount: 12000 });
  });

  it('refuses a repeated receipt number with 409 and writes nothing more', async () => {
    const { dept, code, enterpriseId } = await feeScenario();
    const input = collection(code);
    expect((await invoke(feeCards, routes.recordEntry, { params: { enterpriseId }, json: input, caller: departmentCaller(dept) })).status).toBe(201);
    const again = await invoke(feeCards, routes.recordEntry, { params: { enterpriseId }, json: { ...input, amount: 13000 }, caller: departmentCaller(dept) });
    expect(again).toMatchObject({ status: 409, contentType: 'application/problem+json', body: { type: 'urn:soft-env:problem:duplicate-receipt' } });
    const items = await cardItems(enterpriseId);
    expect(items.filter((item) => String(item.sk).startsWith('ENTRY#'))).toHaveLength(1);
    expect(items.find((item) => item.sk === 'CARD')).toMatchObject({ entryCount: 1 });
  });

  it('replays the first response for a retried Idempotency-Key and 409s the key with another body', async () => {
    const { dept, code, enterpriseId } = await feeScenario();
    const input = collection(code);
    const headers = { 'idempotency-key': `key-${input.receiptNo}` };
    const first = await invoke(feeCards, routes.recordEntry, { params: { enterpriseId }, json: input, headers, caller: departmentCaller(dept) });
    const retry = await invoke(feeCards, routes.recordEntry, { params: { enterpriseId }, json: input, headers, caller: departmentCaller(dept) });
    expect(retry).toEqual(first);
    const other = await invoke(feeCards, routes.recordEntry, { params: { enterpriseId }, json: { ...input, amount: 6000 }, headers, caller: departmentCaller(dept) });
    expect(other).toMatchObject({ status: 409, body: { type: 'urn:soft-env:problem:idempotency-key-reused' } });
    expect((await cardItems(enterpriseId)).filter((item) => String(item.sk).startsWith('ENTRY#'))).toHaveLength(1);
  });

  it('absorbs 30 simultaneous entries on one card, none refused as busy, in one unbroken chain', async () => {
    const { dept, code, enterpriseId } = await feeScenario();
    const results = await Promise.all(Array.from({ length: 30 }, () =>
      invoke(feeCards, routes.recordEntry, { params: { enterpriseId }, json: collection(code), caller: departmentCaller(dept) })));
    expect(results.map((result) => result.status)).toEqual(Array(30).fill(201));
    expect(new Set(results.map((result) => result.body.entryId)).size).toBe(30);
    const card = await invoke(feeCards, routes.getCard, { params: { enterpriseId }, caller: supervisor });
    expect(card.body).toMatchObject({ entryCount: 30, chain: { valid: true, entries: 30 } });
  });

  it.each([
    ['an amount above the standard', (code: string) => collection(code, 20001), 'amount-outside-standard'],
    ['an item that is not published', () => collection(newCode('NOPE')), 'fee-item-not-published'],
  ])('refuses %s with 422 naming the rule, and keeps the attempt for the audit', async (_name, makeInput, rule) => {
    const { dept, code, enterpriseId } = await feeScenario();
    const input = makeInput(code);
    const result = await invoke(feeCards, routes.recordEntry, { params: { enterpriseId }, json: input, caller: departmentCaller(dept) });
    expect(result).toMatchObject({ status: 422, contentType: 'application/problem+json', body: { type: `urn:soft-env:problem:${rule}`, status: 422 } });
    expect(result.body.detail).toEqual(expect.any(String));
    expect((await cardItems(enterpriseId)).filter((item) => String(item.sk).startsWith('ENTRY#'))).toHaveLength(0);
    const audit = await invoke(feeCards, routes.feeAudit, { query: { from: collectedOn(input), to: collectedOn(input), limit: '200' }, caller: office });
    const attempt = audit.body.items.find((item: any) => item.kind === 'rejected-attempt' && item.receiptNo === input.receiptNo);
    expect(attempt).toMatchObject({ unit: dept, enterpriseId, rule, amount: input.amount });
    expect(audit.body.totals.byUnit).toContainEqual(expect.objectContaining({ unit: dept, rejectedAttempts: 1, entries: 0 }));
  });

  it("refuses another unit's fee item", async () => {
    const first = await feeScenario();
    const second = await feeScenario();
    const result = await invoke(feeCards, routes.recordEntry, { params: { enterpriseId: first.enterpriseId }, json: collection(second.code), caller: departmentCaller(first.dept) });
    expect(result).toMatchObject({ status: 422, body: { type: 'urn:soft-env:problem:fee-item-of-another-unit' } });
  });

  it('404s an entry on an enterprise without a card, and 400s an invalid credit code', async () => {
    const { dept, code } = await feeScenario();
    const noCard = await invoke(feeCards, routes.recordEntry, { params: { enterpriseId: newCreditCode() }, json: collection(code), caller: departmentCaller(dept) });
    expect(noCard.status).toBe(404);
    const badCode = await invoke(feeCards, routes.recordEntry, { params: { enterpriseId: '91350100M000100Y44' }, json: collection(code), caller: departmentCaller(dept) });
    expect(badCode).toMatchObject({ status: 400, body: { errors: [{ path: 'path.enterpriseId' }] } });
  });

  it('refuses a second card for the same enterprise (409)', async () => {
    const { enterpriseId } = await feeScenario();
    const again = await invoke(feeCards, routes.issueCard, { json: { enterpriseId, enterpriseName: 'Again' }, caller: park });
    expect(again).toMatchObject({ status: 409, body: { type: 'urn:soft-env:problem:card-exists' } });
  });
});

describe('who sees a card', () => {
  it('shows a department only its own entries, and an enterprise only its own card', async () => {
    const { dept, code, enterpriseId } = await feeScenario();
    const other = await feeScenario();
    // The other department collects its own fee at the same enterprise.
    await invoke(feeCards, routes.recordEntry, { params: { enterpriseId }, json: collection(code), caller: departmentCaller(dept) });
    await invoke(feeCards, routes.recordEntry, { params: { enterpriseId }, json: collection(other.code), caller: departmentCaller(other.dept) });
    const own = await invoke(feeCards, routes.getCard, { params: { enterpriseId }, caller: departmentCaller(dept) });
    expect(own.body.entries.map((entry: any) => entry.unit)).toEqual([dept]);
    expect(own.body.chain).toEqual({ valid: true, entries: 2 });
    const enterprise = await invoke(feeCards, routes.getCard, { params: { enterpriseId }, caller: enterpriseCaller(enterpriseId) });
    expect(enterprise.body.entries).toHaveLength(2);
    const stranger = await invoke(feeCards, routes.getCard, { params: { enterpriseId }, caller: enterpriseCaller(other.enterpriseId) });
    expect(stranger.status).toBe(404);
  });
});

describe('tamper evidence', () => {
  async function cardWithThreeEntries() {
    const scenario = await feeScenario();
    const days: string[] = [];
    for (let i = 0; i < 3; i += 1) {
      const input = collection(scenario.code);
      days.push(collectedOn(input));
      await invoke(feeCards, routes.recordEntry, { params: { enterpriseId: scenario.enterpriseId }, json: input, caller: departmentCaller(scenario.dept) });
    }
    return { ...scenario, from: days.sort()[0]!, to: days.at(-1)! };
  }
  const chainOf = async (enterpriseId: string) => (await invoke(feeCards, routes.getCard, { params: { enterpriseId }, caller: office })).body.chain;

  it('detects an entry altered in the table', async () => {
    const { enterpriseId } = await cardWithThreeEntries();
    expect(await chainOf(enterpriseId)).toEqual({ valid: true, entries: 3 });
    await db.send(new UpdateCommand({
      TableName: tableName, Key: { pk: keys.cardPartition(enterpriseId), sk: keys.entrySk(2) },
      UpdateExpression: 'SET amount = :a', ExpressionAttributeValues: { ':a': 100 },
    }));
    expect(await chainOf(enterpriseId)).toMatchObject({ valid: false, problem: 'entry 00000002 was altered after it was recorded' });
  });

  it.each([1, 2, 3])('detects entry %i deleted from the table', async (seq) => {
    const { enterpriseId, from, to } = await cardWithThreeEntries();
    await db.send(new DeleteCommand({ TableName: tableName, Key: { pk: keys.cardPartition(enterpriseId), sk: keys.entrySk(seq) } }));
    const chain = await chainOf(enterpriseId);
    expect(chain.valid).toBe(false);
    const audit = await invoke(feeCards, routes.feeAudit, { query: { from, to, limit: '200' }, caller: office });
    expect(audit.body.chains).toContainEqual(expect.objectContaining({ enterpriseId, valid: false }));
  });
});

describe('the audit', () => {
  it('pages its events with a cursor while its totals cover the whole range', async () => {
    const { dept, code, enterpriseId } = await feeScenario();
    // Collected 30, 20 and 10 minutes ago (the range covers both days if midnight fell between).
    const instants = [30, 20, 10].map((minutes) => new Date(Date.now() - minutes * 60_000));
    for (const instant of instants) {
      await invoke(feeCards, routes.recordEntry, {
        params: { enterpriseId }, json: collection(code, 10000, { collectedAt: instant.toISOString() }), caller: departmentCaller(dept),
      });
    }
    const [from, to] = [localDate(instants[0]!), localDate(instants[2]!)];
    const mine: any[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const page = await invoke(feeCards, routes.feeAudit, { query: { from, to, limit: '1', ...(cursor ? { cursor } : {}) }, caller: supervisor });
      expect(page.status).toBe(200);
      expect(page.body.items.length).toBeLessThanOrEqual(1);
      expect(page.body.totals.byUnitAndItem).toContainEqual({ unit: dept, feeItemCode: code, entries: 3, amount: 30000, refused: 0, refusedAmount: 0, rejectedAttempts: 0 });
      mine.push(...page.body.items.filter((item: any) => item.enterpriseId === enterpriseId));
      cursor = page.body.nextCursor;
      pages += 1;
    } while (cursor && pages < 500);
    expect(mine.map((item) => item.collectedAt)).toEqual(instants.map(toLocalIso));
  });

  it('counts a collection at 00:30 China time on the local date, not the UTC one', async () => {
    const { dept, code, enterpriseId } = await feeScenario();
    // 00:30 China time on the latest first of a month already past: still the last day of the month before in UTC.
    let first = `${today().slice(0, 7)}-01`;
    if (startOfLocalDate(first).getTime() + 30 * 60_000 > Date.now()) first = `${addDays(first, -1).slice(0, 7)}-01`;
    const collectedAt = new Date(startOfLocalDate(first).getTime() + 30 * 60_000);
    expect(collectedAt.toISOString().slice(0, 10)).toBe(addDays(first, -1));
    await invoke(feeCards, routes.recordEntry, {
      params: { enterpriseId }, json: collection(code, 7000, { collectedAt: collectedAt.toISOString() }), caller: departmentCaller(dept),
    });
    const monthBefore = await invoke(feeCards, routes.feeAudit, { query: { from: `${addDays(first, -1).slice(0, 7)}-01`, to: addDays(first, -1) }, caller: office });
    const firstDay = await invoke(feeCards, routes.feeAudit, { query: { from: first, to: first }, caller: office });
    expect(monthBefore.body.totals.byUnit.find((row: any) => row.unit === dept)).toBeUndefined();
    expect(firstDay.body.totals.byUnit).toContainEqual(expect.objectContaining({ unit: dept, entries: 1, amount: 7000 }));
  });

  it('is for the office and supervisors only, and refuses a reversed or over-long range', async () => {
    const denied = await invoke(feeCards, routes.feeAudit, { query: { from: addDays(today(), -1), to: today() }, caller: departmentCaller('tax') });
    expect(denied.status).toBe(403);
    const reversed = await invoke(feeCards, routes.feeAudit, { query: { from: today(), to: addDays(today(), -31) }, caller: office });
    expect(reversed).toMatchObject({ status: 400, body: { errors: [{ path: 'query.to' }] } });
    const long = await invoke(feeCards, routes.feeAudit, { query: { from: addDays(today(), -367), to: today() }, caller: office });
    expect(long).toMatchObject({ status: 400, body: { errors: [{ path: 'query.to' }] } });
    const year = await invoke(feeCards, routes.feeAudit, { query: { from: addDays(today(), -366), to: today() }, caller: office });
    expect(year.status).toBe(200);
  });
});
