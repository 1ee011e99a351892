/**
 * The fee-card handler against DynamoDB Local: what is stored, the conditions that keep it
 * whole, pagination, and tamper evidence.
 */
import { describe, expect, it } from 'vitest';
import { DeleteCommand, GetCommand, PutCommand, QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { db, tableName } from '#shared/data/db';
import { keys, lists } from '#shared/data/table';
import { invoke } from '../support/invoke.ts';
import { newCode, newCreditCode, newDeptId } from '../support/data.ts';
import { addDays, startOfLocalDate } from '#shared/time/clock';
import { call, tokenFor } from '../support/http.ts';
import {
  COLLECTION_DAY,
  COLLECTION_MONTH,
  PUBLISHED_ON,
  collection,
  departmentCaller,
  today,
  enterpriseCaller,
  feeCards,
  feeScenario,
  office,
  park,
  routes,
  supervisor,
} from '../support/fees.ts';

const cardItems = async (enterpriseId: string) =>
  (
    await db.send(
      new QueryCommand({
        TableName: tableName,
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': keys.cardPartition(enterpriseId) },
      }),
    )
  ).Items ?? [];

describe('recording fees on a card', () => {
  it('stores the entry, its receipt number, the chain head and the day total in one go', async () => {
    const { dept, code, enterpriseId } = await feeScenario();
    const input = collection(code, 12000);
    const result = await invoke(feeCards, routes.recordEntry, { params: { enterpriseId }, json: input, caller: departmentCaller(dept) });
    expect(result).toMatchObject({
      status: 201,
      contentType: 'application/json',
      body: { entryId: '00000001', unit: dept, amount: 12000, feeItemCode: code },
    });

    const items = await cardItems(enterpriseId);
    const card = items.find((item) => item.sk === 'CARD');
    const entry = items.find((item) => item.sk === keys.entrySk(1));
    expect(card).toMatchObject({ entryCount: 1, headHash: result.body.hash });
    expect(entry).toMatchObject({ amount: 12000, unit: dept, receiptNo: input.receiptNo, gsi1pk: `FEEAUDIT#${COLLECTION_MONTH}` });
    const receipt = await db.send(new GetCommand({ TableName: tableName, Key: keys.receipt(dept, input.receiptNo) }));
    expect(receipt.Item).toMatchObject({ enterpriseId, entryId: '00000001' });
    const total = await db.send(
      new GetCommand({ TableName: tableName, Key: keys.feeTotals(COLLECTION_MONTH, COLLECTION_DAY, 'ENTRY', dept, code) }),
    );
    expect(total.Item).toMatchObject({ count: 1, amount: 12000 });
  });

  it('refuses a repeated receipt number with 409 and writes nothing more', async () => {
    const { dept, code, enterpriseId } = await feeScenario();
    const input = collection(code);
    expect(
      (await invoke(feeCards, routes.recordEntry, { params: { enterpriseId }, json: input, caller: departmentCaller(dept) })).status,
    ).toBe(201);
    const again = await invoke(feeCards, routes.recordEntry, {
      params: { enterpriseId },
      json: { ...input, amount: 13000 },
      caller: departmentCaller(dept),
    });
    expect(again).toMatchObject({
      status: 409,
      contentType: 'application/problem+json',
      body: { type: 'urn:soft-env:problem:duplicate-receipt' },
    });
    const items = await cardItems(enterpriseId);
    expect(items.filter((item) => String(item.sk).startsWith('ENTRY#'))).toHaveLength(1);
    expect(items.find((item) => item.sk === 'CARD')).toMatchObject({ entryCount: 1 });
  });

  it('replays the first response for a retried Idempotency-Key and 409s the key with another body', async () => {
    const { dept, code, enterpriseId } = await feeScenario();
    const input = collection(code);
    const headers = { 'idempotency-key': `key-${input.receiptNo}` };
    const first = await invoke(feeCards, routes.recordEntry, {
      params: { enterpriseId },
      json: input,
      headers,
      caller: departmentCaller(dept),
    });
    const retry = await invoke(feeCards, routes.recordEntry, {
      params: { enterpriseId },
      json: input,
      headers,
      caller: departmentCaller(dept),
    });
    expect(retry).toEqual(first);
    const other = await invoke(feeCards, routes.recordEntry, {
      params: { enterpriseId },
      json: { ...input, amount: 6000 },
      headers,
      caller: departmentCaller(dept),
    });
    expect(other).toMatchObject({ status: 409, body: { type: 'urn:soft-env:problem:idempotency-key-reused' } });
    expect((await cardItems(enterpriseId)).filter((item) => String(item.sk).startsWith('ENTRY#'))).toHaveLength(1);
  });

  it('absorbs 30 simultaneous entries on one card, none refused as busy, in one unbroken chain', async () => {
    const { dept, code, enterpriseId } = await feeScenario();
    const results = await Promise.all(
      Array.from({ length: 30 }, () =>
        invoke(feeCards, routes.recordEntry, { params: { enterpriseId }, json: collection(code), caller: departmentCaller(dept) }),
      ),
    );
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
    expect(result).toMatchObject({
      status: 422,
      contentType: 'application/problem+json',
      body: { type: `urn:soft-env:problem:${rule}`, status: 422 },
    });
    expect(result.body.detail).toEqual(expect.any(String));
    expect((await cardItems(enterpriseId)).filter((item) => String(item.sk).startsWith('ENTRY#'))).toHaveLength(0);
    const audit = await invoke(feeCards, routes.feeAudit, {
      query: { from: COLLECTION_DAY, to: COLLECTION_DAY, limit: '200' },
      caller: office,
    });
    const attempt = audit.body.items.find((item: any) => item.kind === 'rejected-attempt' && item.receiptNo === input.receiptNo);
    expect(attempt).toMatchObject({ unit: dept, enterpriseId, rule, amount: input.amount });
    expect(audit.body.totals.byUnit).toContainEqual(expect.objectContaining({ unit: dept, rejectedAttempts: 1, entries: 0 }));
  });

  it("refuses another unit's fee item", async () => {
    const first = await feeScenario();
    const second = await feeScenario();
    const result = await invoke(feeCards, routes.recordEntry, {
      params: { enterpriseId: first.enterpriseId },
      json: collection(second.code),
      caller: departmentCaller(first.dept),
    });
    expect(result).toMatchObject({ status: 422, body: { type: 'urn:soft-env:problem:fee-item-of-another-unit' } });
  });

  it('404s an entry on an enterprise without a card, and 400s an invalid credit code', async () => {
    const { dept, code } = await feeScenario();
    const noCard = await invoke(feeCards, routes.recordEntry, {
      params: { enterpriseId: newCreditCode() },
      json: collection(code),
      caller: departmentCaller(dept),
    });
    expect(noCard.status).toBe(404);
    const badCode = await invoke(feeCards, routes.recordEntry, {
      params: { enterpriseId: '91350100M000100Y44' },
      json: collection(code),
      caller: departmentCaller(dept),
    });
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
    await invoke(feeCards, routes.recordEntry, {
      params: { enterpriseId },
      json: collection(other.code),
      caller: departmentCaller(other.dept),
    });
    const own = await invoke(feeCards, routes.getCard, { params: { enterpriseId }, caller: departmentCaller(dept) });
    expect(own.body.entries.map((entry: any) => entry.unit)).toEqual([dept]);
    expect(own.body.chain).toEqual({ valid: true, entries: 2 });
    const enterprise = await invoke(feeCards, routes.getCard, { params: { enterpriseId }, caller: enterpriseCaller(enterpriseId) });
    expect(enterprise.body.entries).toHaveLength(2);
    const stranger = await invoke(feeCards, routes.getCard, { params: { enterpriseId }, caller: enterpriseCaller(other.enterpriseId) });
    expect(stranger.status).toBe(404);
  });
});

describe('paging a card', () => {
  /** Seven entries: five by the scenario's unit, two (the 3rd and 6th) by another unit. */
  async function cardWithSevenEntries() {
    const scenario = await feeScenario();
    const other = await feeScenario();
    for (let seq = 1; seq <= 7; seq += 1) {
      const [code, dept] = seq === 3 || seq === 6 ? [other.code, other.dept] : [scenario.code, scenario.dept];
      const recorded = await invoke(feeCards, routes.recordEntry, {
        params: { enterpriseId: scenario.enterpriseId },
        json: collection(code, 10000 + seq),
        caller: departmentCaller(dept),
      });
      expect(recorded.status).toBe(201);
    }
    return { ...scenario, otherDept: other.dept };
  }
  /** Every page of the card for a caller, following nextCursor. */
  async function allPages(enterpriseId: string, caller: object, limit: string) {
    const pages: any[] = [];
    let cursor: string | undefined;
    do {
      const page = await invoke(feeCards, routes.getCard, {
        params: { enterpriseId },
        query: { limit, ...(cursor ? { cursor } : {}) },
        caller: caller as any,
      });
      expect(page.status).toBe(200);
      pages.push(page.body);
      cursor = page.body.nextCursor;
    } while (cursor && pages.length < 20);
    return pages;
  }

  it("pages the entries: concatenated pages are every entry in order, each page with the whole chain's status", async () => {
    const { enterpriseId } = await cardWithSevenEntries();
    const whole = await invoke(feeCards, routes.getCard, { params: { enterpriseId }, caller: office });
    expect(whole.body.entries.map((entry: any) => entry.entryId)).toEqual([
      '00000001',
      '00000002',
      '00000003',
      '00000004',
      '00000005',
      '00000006',
      '00000007',
    ]);
    expect(whole.body.nextCursor).toBeUndefined();
    const pages = await allPages(enterpriseId, office, '3');
    expect(pages.map((page) => page.entries.length)).toEqual([3, 3, 1]);
    expect(pages.flatMap((page) => page.entries)).toEqual(whole.body.entries);
    for (const page of pages) expect(page).toMatchObject({ entryCount: 7, chain: { valid: true, entries: 7 } });
    expect(pages.at(-1).nextCursor).toBeUndefined();
  });

  it("pages a department's own entries only, still with the whole chain's status", async () => {
    const { enterpriseId, dept, otherDept } = await cardWithSevenEntries();
    const own = await allPages(enterpriseId, departmentCaller(dept), '2');
    expect(own.map((page) => page.entries.length)).toEqual([2, 2, 1]);
    expect(own.flatMap((page) => page.entries.map((entry: any) => [entry.entryId, entry.unit]))).toEqual(
      ['00000001', '00000002', '00000004', '00000005', '00000007'].map((id) => [id, dept]),
    );
    for (const page of own) expect(page.chain).toEqual({ valid: true, entries: 7 });
    const theirs = await allPages(enterpriseId, departmentCaller(otherDept), '1');
    expect(theirs.flatMap((page) => page.entries.map((entry: any) => entry.entryId))).toEqual(['00000003', '00000006']);
    // A department's cursor is bound to its own view: it cannot continue the whole card's listing.
    const ownFirst = await invoke(feeCards, routes.getCard, {
      params: { enterpriseId },
      query: { limit: '1' },
      caller: departmentCaller(dept),
    });
    const replayed = await invoke(feeCards, routes.getCard, {
      params: { enterpriseId },
      query: { limit: '1', cursor: ownFirst.body.nextCursor },
      caller: office,
    });
    expect(replayed).toMatchObject({ status: 400, body: { errors: [{ path: 'query.cursor' }] } });
  });

  it('reports a tampered entry on every page, also when the entry is not on it', async () => {
    const { enterpriseId } = await cardWithSevenEntries();
    await db.send(
      new UpdateCommand({
        TableName: tableName,
        Key: { pk: keys.cardPartition(enterpriseId), sk: keys.entrySk(6) },
        UpdateExpression: 'SET amount = :a',
        ExpressionAttributeValues: { ':a': 1 },
      }),
    );
    const pages = await allPages(enterpriseId, enterpriseCaller(enterpriseId), '2');
    expect(pages[0].entries.map((entry: any) => entry.entryId)).toEqual(['00000001', '00000002']);
    for (const page of pages)
      expect(page.chain).toEqual({ valid: false, entries: 7, problem: 'entry 00000006 was altered after it was recorded' });
  });

  it('reports an entry deleted beyond the page', async () => {
    const { enterpriseId } = await cardWithSevenEntries();
    await db.send(new DeleteCommand({ TableName: tableName, Key: { pk: keys.cardPartition(enterpriseId), sk: keys.entrySk(7) } }));
    const first = await invoke(feeCards, routes.getCard, { params: { enterpriseId }, query: { limit: '2' }, caller: supervisor });
    expect(first.body.chain).toEqual({ valid: false, entries: 6, problem: 'the card records 7 entries but 6 remain' });
  });

  it.each([
    ['a limit of 0', { limit: '0' }, 'query.limit'],
    ['a limit above 200', { limit: '201' }, 'query.limit'],
    ['a limit that is not a number', { limit: 'ten' }, 'query.limit'],
    ['an empty forged cursor', { cursor: 'e30' }, 'query.cursor'],
    [
      'a cursor naming a key of another card',
      { cursor: Buffer.from(JSON.stringify({ pk: 'CARD#x', sk: 'ENTRY#00000001' })).toString('base64url') },
      'query.cursor',
    ],
  ])('refuses %s with 400 problem+json', async (_name, query, path) => {
    const { enterpriseId } = await feeScenario();
    const answer = await invoke(feeCards, routes.getCard, { params: { enterpriseId }, query, caller: office });
    expect(answer).toMatchObject({
      status: 400,
      contentType: 'application/problem+json',
      body: { errors: [expect.objectContaining({ path })] },
    });
  });

  it('refuses a real cursor of another card with 400', async () => {
    const { enterpriseId } = await cardWithSevenEntries();
    const { enterpriseId: otherCard } = await feeScenario();
    const first = await invoke(feeCards, routes.getCard, { params: { enterpriseId }, query: { limit: '1' }, caller: office });
    const foreign = await invoke(feeCards, routes.getCard, {
      params: { enterpriseId: otherCard },
      query: { cursor: first.body.nextCursor },
      caller: office,
    });
    expect(foreign).toMatchObject({ status: 400, body: { errors: [{ path: 'query.cursor' }] } });
  });
});

describe('a fee list in force by whole local dates', () => {
  /** An hour ago, or the first moment of today in China time when that was yesterday: earlier today, always. */
  const earlierToday = () => new Date(Math.max(Date.now() - 3_600_000, startOfLocalDate(today()).getTime())).toISOString();
  const revise = (dept: string, code: string, standard: object, extra: object = {}) =>
    invoke(feeCards, routes.putFeeItem, {
      params: { code },
      caller: office,
      json: { unit: dept, name: 'Verification of weights', legalBasis: 'Metrology Law art. 9', standard, ...extra },
    });

  it('accepts a fee collected an hour before the item was published this morning, and stores the entry (issue 18)', async () => {
    const dept = newDeptId('unit');
    const code = newCode('TODAY');
    const enterpriseId = newCreditCode();
    const officeToken = await tokenFor({ roles: ['soft-env-office'] });
    const clerk = await tokenFor({ roles: ['department'], dept });
    expect((await call('PUT', `/departments/${dept}`, { token: officeToken, json: { name: 'Quality Bureau' } })).status).toBe(201);
    expect(
      (
        await call('POST', '/fee-cards', {
          token: await tokenFor({ roles: ['park-office'] }),
          json: { enterpriseId, enterpriseName: 'Morning Co.' },
        })
      ).status,
    ).toBe(201);

    // The office publishes the fee list with no validFrom: in force from the first hour of today.
    const published = await call('PUT', `/fee-items/${code}`, {
      token: officeToken,
      json: {
        unit: dept,
        name: 'Inspection of boilers',
        legalBasis: 'Special Equipment Safety Law art. 40',
        standard: { kind: 'fixed', amount: 6000 },
      },
    });
    expect(published).toMatchObject({ status: 201, body: { code, revision: 1, inForceFrom: `${today()}T00:00:00.000+08:00` } });

    // The department then records a fee it collected an hour earlier.
    const collectedAt = earlierToday();
    const receiptNo = `R-${enterpriseId}-morning`;
    const recorded = await call('POST', `/fee-cards/${enterpriseId}/entries`, {
      token: clerk,
      json: { feeItemCode: code, amount: 6000, collector: 'Chen Jie', collectedAt, receiptNo },
    });
    expect(recorded).toMatchObject({
      status: 201,
      body: { entryId: '00000001', feeItemCode: code, amount: 6000, standard: { kind: 'fixed', amount: 6000 } },
    });
    const stored = await db.send(
      new GetCommand({ TableName: tableName, Key: { pk: keys.cardPartition(enterpriseId), sk: keys.entrySk(1) } }),
    );
    expect(stored.Item).toMatchObject({ type: 'fee-entry', unit: dept, feeItemCode: code, amount: 6000, receiptNo, collectedOn: today() });
    expect(Date.parse(stored.Item!.collectedAt)).toBe(Date.parse(collectedAt));

    // A fee collected yesterday was not on the list then.
    const yesterday = await call('POST', `/fee-cards/${enterpriseId}/entries`, {
      token: clerk,
      json: {
        feeItemCode: code,
        amount: 6000,
        collector: 'Chen Jie',
        collectedAt: `${addDays(today(), -1)}T23:59:59+08:00`,
        receiptNo: `${receiptNo}-2`,
      },
    });
    expect(yesterday).toMatchObject({ status: 422, body: { type: 'urn:soft-env:problem:fee-item-not-published' } });
    expect(yesterday.body.detail).toContain(`was not on the published fee list on ${addDays(today(), -1)}`);
  });

  it('checks each collection against the standard in force on its date, and never re-judges older entries', async () => {
    const { dept, code, enterpriseId } = await feeScenario({ kind: 'fixed', amount: 100 });
    const yesterday = addDays(today(), -1);
    const record = (amount: number, collectedAt: string) =>
      invoke(feeCards, routes.recordEntry, {
        params: { enterpriseId },
        json: collection(code, amount, { collectedAt }),
        caller: departmentCaller(dept),
      });
    expect((await record(100, `${yesterday}T10:00:00+08:00`)).status).toBe(201);

    const revised = await revise(dept, code, { kind: 'fixed', amount: 80 });
    expect(revised).toMatchObject({
      status: 200,
      body: { code, revision: 2, standard: { kind: 'fixed', amount: 80 }, inForceFrom: `${today()}T00:00:00.000+08:00` },
    });
    const list = await invoke(feeCards, routes.listFeeItems, { query: { unit: dept } });
    expect(list.body.items).toEqual([expect.objectContaining({ code, revision: 2, standard: { kind: 'fixed', amount: 80 } })]);

    // Collected yesterday: the old standard, even though it is recorded after the revision.
    const before = await record(100, `${yesterday}T23:59:59+08:00`);
    expect(before).toMatchObject({ status: 201, body: { entryId: '00000002', amount: 100, standard: { kind: 'fixed', amount: 100 } } });
    // Collected today, even before the revision was published: the new one.
    const after = await record(100, earlierToday());
    expect(after).toMatchObject({ status: 422, body: { type: 'urn:soft-env:problem:amount-outside-standard' } });
    expect(after.body.detail).toContain('exactly 0.80 yuan; 1.00 yuan was recorded');
    expect(await record(80, new Date().toISOString())).toMatchObject({
      status: 201,
      body: { entryId: '00000003', standard: { kind: 'fixed', amount: 80 } },
    });
    // Collected before the item was first published (in force from PUBLISHED_ON): not on the list then.
    const unpublished = await record(100, `${addDays(PUBLISHED_ON, -1)}T23:59:59+08:00`);
    expect(unpublished).toMatchObject({ status: 422, body: { type: 'urn:soft-env:problem:fee-item-not-published' } });

    // The older entries stay valid on the card and in the audit, each with the standard it met.
    const card = await invoke(feeCards, routes.getCard, { params: { enterpriseId }, caller: office });
    expect(card.body.chain).toEqual({ valid: true, entries: 3 });
    expect(card.body.entries.map((entry: any) => [entry.amount, entry.standard.amount])).toEqual([
      [100, 100],
      [100, 100],
      [80, 80],
    ]);
    const mine: any[] = [];
    const chains: any[] = [];
    let cursor: string | undefined;
    do {
      const audit = await invoke(feeCards, routes.feeAudit, {
        query: { from: yesterday, to: today(), limit: '200', ...(cursor ? { cursor } : {}) },
        caller: supervisor,
      });
      mine.push(...audit.body.items.filter((item: any) => item.enterpriseId === enterpriseId && item.kind === 'entry'));
      chains.push(...audit.body.chains.filter((chain: any) => chain.enterpriseId === enterpriseId));
      cursor = audit.body.nextCursor;
    } while (cursor);
    expect(mine.map((item: any) => [item.entryId, item.amount, item.standard.amount])).toEqual([
      ['00000001', 100, 100],
      ['00000002', 100, 100],
      ['00000003', 80, 80],
    ]);
    expect(chains[0]).toEqual({ enterpriseId, valid: true, entries: 3 });
  });

  it('leaves today to the standard in force now when a revision takes effect tomorrow', async () => {
    const { dept, code, enterpriseId } = await feeScenario({ kind: 'fixed', amount: 100 });
    const tomorrow = addDays(today(), 1);
    const revised = await revise(dept, code, { kind: 'fixed', amount: 120 }, { validFrom: tomorrow });
    expect(revised).toMatchObject({
      status: 200,
      body: { revision: 2, validFrom: tomorrow, inForceFrom: `${tomorrow}T00:00:00.000+08:00` },
    });
    const record = (amount: number) =>
      invoke(feeCards, routes.recordEntry, {
        params: { enterpriseId },
        json: collection(code, amount, { collectedAt: new Date().toISOString() }),
        caller: departmentCaller(dept),
      });
    expect(await record(120)).toMatchObject({ status: 422, body: { type: 'urn:soft-env:problem:amount-outside-standard' } });
    expect(await record(100)).toMatchObject({ status: 201, body: { standard: { kind: 'fixed', amount: 100 } } });
  });

  it('a past validFrom reaches the collections of those dates not yet recorded, never the entries already recorded', async () => {
    const { dept, code, enterpriseId } = await feeScenario({ kind: 'fixed', amount: 100 });
    const record = (amount: number, collectedOn: string) =>
      invoke(feeCards, routes.recordEntry, {
        params: { enterpriseId },
        json: collection(code, amount, { collectedAt: `${collectedOn}T10:00:00+08:00` }),
        caller: departmentCaller(dept),
      });
    expect(await record(100, addDays(today(), -20))).toMatchObject({ status: 201, body: { entryId: '00000001' } });

    const validFrom = addDays(today(), -30);
    const revised = await revise(dept, code, { kind: 'fixed', amount: 50 }, { validFrom });
    expect(revised).toMatchObject({ status: 200, body: { revision: 2, validFrom, inForceFrom: `${validFrom}T00:00:00.000+08:00` } });
    expect(await record(100, addDays(today(), -20))).toMatchObject({
      status: 422,
      body: { type: 'urn:soft-env:problem:amount-outside-standard' },
    });
    expect(await record(50, addDays(today(), -20))).toMatchObject({ status: 201, body: { standard: { kind: 'fixed', amount: 50 } } });
    expect(await record(100, addDays(validFrom, -1))).toMatchObject({ status: 201, body: { standard: { kind: 'fixed', amount: 100 } } });

    const card = await invoke(feeCards, routes.getCard, { params: { enterpriseId }, caller: office });
    expect(card.body.chain).toEqual({ valid: true, entries: 3 });
    expect(card.body.entries.map((entry: any) => [entry.entryId, entry.amount, entry.standard.amount])).toEqual([
      ['00000001', 100, 100],
      ['00000002', 50, 50],
      ['00000003', 100, 100],
    ]);
  });

  it('checks against an item published before revisions were kept, from the day of its publication', async () => {
    const { dept, enterpriseId } = await feeScenario();
    const code = newCode('OLD');
    await db.send(
      new PutCommand({
        TableName: tableName,
        Item: {
          ...keys.feeItem(code),
          ...lists.feeItems.entries(dept, code),
          type: 'fee-item',
          code,
          unit: dept,
          name: 'Old fee',
          legalBasis: 'Old rules',
          standard: { kind: 'fixed', amount: 3000 },
          revision: 1,
          publishedAt: new Date().toISOString(),
        },
      }),
    );
    const record = (amount: number, collectedAt: string) =>
      invoke(feeCards, routes.recordEntry, {
        params: { enterpriseId },
        json: collection(code, amount, { collectedAt }),
        caller: departmentCaller(dept),
      });
    expect(await record(3000, earlierToday())).toMatchObject({ status: 201, body: { standard: { kind: 'fixed', amount: 3000 } } });
    expect(await record(3000, `${addDays(today(), -1)}T23:59:59+08:00`)).toMatchObject({
      status: 422,
      body: { type: 'urn:soft-env:problem:fee-item-not-published' },
    });
    expect(await record(2000, earlierToday())).toMatchObject({
      status: 422,
      body: { type: 'urn:soft-env:problem:amount-outside-standard' },
    });
  });

  it('keeps every revision in the table, each in force from the first hour of its date', async () => {
    const { dept, code } = await feeScenario({ kind: 'fixed', amount: 100 });
    await revise(dept, code, { kind: 'fixed', amount: 80 });
    const revisions =
      (
        await db.send(
          new QueryCommand({
            TableName: tableName,
            KeyConditionExpression: 'pk = :pk AND begins_with(sk, :revision)',
            ExpressionAttributeValues: { ':pk': keys.feeItem(code).pk, ':revision': keys.feeItemRevisionSkPrefix },
          }),
        )
      ).Items ?? [];
    expect(revisions.map((item) => [item.revision, item.standard.amount, item.inForceFrom])).toEqual([
      [1, 100, `${PUBLISHED_ON}T00:00:00.000+08:00`],
      [2, 80, `${today()}T00:00:00.000+08:00`],
    ]);
  });
});

describe('tamper evidence', () => {
  async function cardWithThreeEntries() {
    const scenario = await feeScenario();
    for (let i = 0; i < 3; i += 1) {
      await invoke(feeCards, routes.recordEntry, {
        params: { enterpriseId: scenario.enterpriseId },
        json: collection(scenario.code),
        caller: departmentCaller(scenario.dept),
      });
    }
    return scenario;
  }
  const chainOf = async (enterpriseId: string) =>
    (await invoke(feeCards, routes.getCard, { params: { enterpriseId }, caller: office })).body.chain;

  it('detects an entry altered in the table', async () => {
    const { enterpriseId } = await cardWithThreeEntries();
    expect(await chainOf(enterpriseId)).toEqual({ valid: true, entries: 3 });
    await db.send(
      new UpdateCommand({
        TableName: tableName,
        Key: { pk: keys.cardPartition(enterpriseId), sk: keys.entrySk(2) },
        UpdateExpression: 'SET amount = :a',
        ExpressionAttributeValues: { ':a': 100 },
      }),
    );
    expect(await chainOf(enterpriseId)).toMatchObject({ valid: false, problem: 'entry 00000002 was altered after it was recorded' });
  });

  it.each([1, 2, 3])('detects entry %i deleted from the table', async (seq) => {
    const { enterpriseId } = await cardWithThreeEntries();
    await db.send(new DeleteCommand({ TableName: tableName, Key: { pk: keys.cardPartition(enterpriseId), sk: keys.entrySk(seq) } }));
    const chain = await chainOf(enterpriseId);
    expect(chain.valid).toBe(false);
    const audit = await invoke(feeCards, routes.feeAudit, {
      query: { from: COLLECTION_DAY, to: COLLECTION_DAY, limit: '200' },
      caller: office,
    });
    expect(audit.body.chains).toContainEqual(expect.objectContaining({ enterpriseId, valid: false }));
  });
});

describe('the audit', () => {
  it('pages its events with a cursor while its totals cover the whole range', async () => {
    const { dept, code, enterpriseId } = await feeScenario();
    const day = addDays(today(), -20);
    for (let i = 0; i < 3; i += 1) {
      await invoke(feeCards, routes.recordEntry, {
        params: { enterpriseId },
        json: collection(code, 10000, { collectedAt: `${day}T0${i + 1}:00:00+08:00` }),
        caller: departmentCaller(dept),
      });
    }
    const mine: any[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const page = await invoke(feeCards, routes.feeAudit, {
        query: { from: day, to: day, limit: '1', ...(cursor ? { cursor } : {}) },
        caller: supervisor,
      });
      expect(page.status).toBe(200);
      expect(page.body.items.length).toBeLessThanOrEqual(1);
      expect(page.body.totals.byUnitAndItem).toContainEqual({
        unit: dept,
        feeItemCode: code,
        entries: 3,
        amount: 30000,
        refused: 0,
        refusedAmount: 0,
        rejectedAttempts: 0,
      });
      mine.push(...page.body.items.filter((item: any) => item.enterpriseId === enterpriseId));
      cursor = page.body.nextCursor;
      pages += 1;
    } while (cursor && pages < 500);
    expect(mine.map((item) => item.collectedAt)).toEqual([1, 2, 3].map((h) => `${day}T0${h}:00:00.000+08:00`));
  });

  it('counts a collection at 00:30 China time on the local date, not the UTC one', async () => {
    const { dept, code, enterpriseId } = await feeScenario();
    const firstOfMonth = `${addDays(today(), -25).slice(0, 7)}-01`;
    await invoke(feeCards, routes.recordEntry, {
      params: { enterpriseId },
      json: collection(code, 7000, { collectedAt: `${firstOfMonth}T00:30:00+08:00` }),
      caller: departmentCaller(dept),
    });
    // 00:30 on the 1st in China is still the last day of the month before in UTC.
    const lastOfMonthBefore = addDays(firstOfMonth, -1);
    const april = await invoke(feeCards, routes.feeAudit, {
      query: { from: `${lastOfMonthBefore.slice(0, 7)}-01`, to: lastOfMonthBefore },
      caller: office,
    });
    const may = await invoke(feeCards, routes.feeAudit, { query: { from: firstOfMonth, to: firstOfMonth }, caller: office });
    expect(april.body.totals.byUnit.find((row: any) => row.unit === dept)).toBeUndefined();
    expect(may.body.totals.byUnit).toContainEqual(expect.objectContaining({ unit: dept, entries: 1, amount: 7000 }));
  });

  it('is for the office and supervisors only, and refuses a reversed or over-long range', async () => {
    const denied = await invoke(feeCards, routes.feeAudit, {
      query: { from: '2026-01-01', to: '2026-01-02' },
      caller: departmentCaller('tax'),
    });
    expect(denied.status).toBe(403);
    const reversed = await invoke(feeCards, routes.feeAudit, { query: { from: '2026-02-01', to: '2026-01-01' }, caller: office });
    expect(reversed).toMatchObject({ status: 400, body: { errors: [{ path: 'query.to' }] } });
    const long = await invoke(feeCards, routes.feeAudit, { query: { from: '2024-01-01', to: '2026-01-01' }, caller: office });
    expect(long.status).toBe(400);
  });
});
