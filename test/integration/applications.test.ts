/**
 * Applications (办件) at the investment service centre: filing, scope, acceptApplication (受理) or the
 * one-time notice (一次性告知), the delay notice, the decision with its record on the item and in
 * the evaluation, the rating (好差评), and the AB-post move at the breach (首问负责 stays).
 */
import { describe, expect, inject, it } from 'vitest';
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { db, tableName } from '#shared/data/db';
import { keys } from '#shared/data/table';
import { newId } from '#shared/data/ids';
import { addDays, localDate } from '#shared/time/clock';
import { quarterOf } from '#shared/domain/evaluation';
import { putRoster } from '#shared/domain/roster-store';
import { executionName } from '#shared/outbox/matters';
import { workingDaysElapsed, workingTimeAfter } from '#shared/outbox/calendar-store';
import { handler } from '../../functions/applications/handler.ts';
import { applicationRoutes } from '../../functions/applications/routes.ts';
import * as service from '../../functions/applications/service.ts';
import { checkApplicationMatter } from '../../functions/applications/deadline-check.ts';
import { decisionMatter } from '../../functions/applications/store.ts';
import { handler as approvals } from '../../functions/approvals/handler.ts';
import { approvalRoutes } from '../../functions/approvals/routes.ts';
import { officialCalendar } from '#shared/time/calendar';
import { handler as registry } from '../../functions/registry/handler.ts';
import { registryRoutes } from '../../functions/registry/routes.ts';
import { handler as evaluations } from '../../functions/evaluations/handler.ts';
import { handler as complaints } from '../../functions/complaints/handler.ts';
import { complaintRoutes } from '../../functions/complaints/routes.ts';
import { evaluationRoutes } from '../../functions/evaluations/routes.ts';
import { invoke } from '../support/invoke.ts';
import { registeredDept } from '../support/registry.ts';
import { newCreditCode } from '../support/data.ts';
import { alertDelivered, eventually, executions } from '../support/eventually.ts';

const routes = applicationRoutes.routes;
const runtime = inject('runtime');
const office = { roles: ['soft-env-office'], sub: 'office-clerk' };
const supervisor = { roles: ['supervisor'], sub: 'supervisor-1' };
const clerk = (dept: string, name = 'clerk') => ({ roles: ['department'], dept, sub: `${name}@${dept}` });
const owner = (ent: string) => ({ roles: ['enterprise'], ent, sub: `owner@${ent}` });
const problem = (rule: string) => ({ type: `urn:soft-env:problem:${rule}` });
const roster = [
  { id: 'li', name: 'Li Ming', available: true },
  { id: 'zhao', name: 'Zhao Hua', available: true },
];

/** A registered department with its AB roster and one approval item (15 statutory, 10 pledged working days). */
async function centre() {
  const dept = await registeredDept('admin-approval');
  await putRoster(dept, roster, 'test', new Date());
  const itemCode = `SC-${newId().slice(0, 8)}`;
  const put = await invoke(approvals, approvalRoutes.routes.putItem, {
    params: { code: itemCode },
    caller: office,
    json: {
      dept,
      name: 'Business licence',
      legalBasis: 'Market Entity Registration Regulations, art. 19',
      statutoryDays: 15,
      pledgedDays: 10,
      materials: ['application form', 'lease'],
    },
  });
  expect(put.status).toBe(201);
  return { dept, itemCode, enterpriseId: newCreditCode() };
}

async function filed(world: Awaited<ReturnType<typeof centre>>, materials = ['application form', 'lease']) {
  const answer = await invoke(handler, routes.fileApplication, {
    json: { itemCode: world.itemCode, materials },
    caller: owner(world.enterpriseId),
  });
  expect(answer.status).toBe(201);
  return answer.body as { id: string; version: number };
}

async function accepted(world: Awaited<ReturnType<typeof centre>>) {
  const application = await filed(world);
  const answer = await invoke(handler, routes.acceptApplication, {
    params: { id: application.id },
    json: { accepted: true },
    caller: clerk(world.dept),
  });
  expect(answer.status).toBe(200);
  return answer.body;
}

const stored = async (id: string) =>
  (await db.send(new GetCommand({ TableName: tableName, Key: keys.application(id), ConsistentRead: true }))).Item;

describe('filing an application', () => {
  it('online by the enterprise: received, held by post A, on its three indexes, seen by it, its department, the office and supervisors only', async () => {
    const world = await centre();
    const answer = await invoke(handler, routes.fileApplication, {
      json: { itemCode: world.itemCode, materials: ['application form'] },
      caller: owner(world.enterpriseId),
    });
    expect(answer).toMatchObject({
      status: 201,
      body: {
        status: 'received',
        dept: world.dept,
        enterpriseId: world.enterpriseId,
        itemName: 'Business licence',
        limits: { statutoryDays: 15, pledgedDays: 10 },
        assignedTo: { post: 'A', handlerId: 'li', handlerName: 'Li Ming' },
      },
    });
    expect(answer.body.assignedTo.index).toBeUndefined();
    expect(answer.body.owner).toBeUndefined();
    expect(answer.body.deadline).toBeUndefined();
    expect(await stored(answer.body.id)).toMatchObject({
      gsi1pk: `APPLICATIONS#DEPT#${world.dept}`,
      gsi2pk: `APPLICATIONS#ENT#${world.enterpriseId}`,
      gsi3pk: 'APPLICATIONS',
      status: 'received',
    });
    const id = answer.body.id;
    for (const caller of [owner(world.enterpriseId), clerk(world.dept), office, supervisor]) {
      expect(await invoke(handler, routes.getApplication, { params: { id }, caller })).toMatchObject({
        status: 200,
        body: { id, status: 'received' },
      });
    }
    const otherDept = await registeredDept();
    for (const caller of [owner(newCreditCode()), clerk(otherDept)]) {
      expect(await invoke(handler, routes.getApplication, { params: { id }, caller })).toMatchObject({
        status: 404,
        body: problem('not-found'),
      });
    }
    // Nor can another enterprise or department act on it.
    expect(
      await invoke(handler, routes.acceptApplication, { params: { id }, json: { accepted: true }, caller: clerk(otherDept) }),
    ).toMatchObject({ status: 404 });
    // Seeing everything (a clerk who also holds the office's role) is not acting for another department.
    expect(
      await invoke(handler, routes.acceptApplication, {
        params: { id },
        json: { accepted: true },
        caller: { ...clerk(otherDept), roles: ['department', 'soft-env-office'] },
      }),
    ).toMatchObject({ status: 404 });
    expect((await stored(id))?.status).toBe('received');
    // A park office has no business with applications.
    expect((await invoke(handler, routes.getApplication, { params: { id }, caller: { roles: ['park-office'], sub: 'park' } })).status).toBe(
      403,
    );
  });

  it("at the window by the item's own department for a named enterprise: the clerk is its owner from the start (首问负责)", async () => {
    const world = await centre();
    const at = await invoke(handler, routes.fileApplication, {
      json: { itemCode: world.itemCode, enterpriseId: world.enterpriseId, materials: ['application form'] },
      caller: clerk(world.dept, 'wang'),
    });
    expect(at).toMatchObject({
      status: 201,
      body: { status: 'received', enterpriseId: world.enterpriseId, owner: { sub: `wang@${world.dept}` }, filedBy: { role: 'department' } },
    });
    // The enterprise sees the application filed for it.
    const listed = await invoke(handler, routes.listApplications, { caller: owner(world.enterpriseId) });
    expect(listed.body.items.map((item: { id: string }) => item.id)).toEqual([at.body.id]);
    // Later hands do not take the ownership over.
    const acceptedBy = await invoke(handler, routes.acceptApplication, {
      params: { id: at.body.id },
      json: { accepted: true },
      caller: clerk(world.dept, 'zhou'),
    });
    expect(acceptedBy.body.owner).toMatchObject({ sub: `wang@${world.dept}` });
  });

  it("refuses what is not the caller's to file, with the rule named and nothing stored", async () => {
    const world = await centre();
    const otherDept = await registeredDept();
    const cases = [
      {
        caller: clerk(otherDept),
        json: { itemCode: world.itemCode, enterpriseId: world.enterpriseId, materials: [] },
        status: 403,
        type: 'forbidden',
      },
      {
        caller: clerk(world.dept),
        json: { itemCode: world.itemCode, materials: [] },
        status: 400,
        type: 'invalid-request',
        field: 'body.enterpriseId',
      },
      {
        caller: owner(world.enterpriseId),
        json: { itemCode: world.itemCode, enterpriseId: newCreditCode(), materials: [] },
        status: 403,
        type: 'forbidden',
      },
      {
        caller: owner(world.enterpriseId),
        json: { itemCode: 'SC-NOSUCHITEM', materials: [] },
        status: 400,
        type: 'invalid-request',
        field: 'body.itemCode',
      },
      {
        caller: office,
        json: { itemCode: world.itemCode, enterpriseId: world.enterpriseId, materials: [] },
        status: 403,
        type: 'forbidden',
      },
      {
        caller: clerk(`unregistered-${newId().slice(0, 6)}`),
        json: { itemCode: world.itemCode, enterpriseId: world.enterpriseId, materials: [] },
        status: 403,
        type: 'forbidden',
      },
    ];
    for (const { caller, json, status, type, field } of cases) {
      const answer = await invoke(handler, routes.fileApplication, { json, caller });
      expect(answer, JSON.stringify(json)).toMatchObject({ status, contentType: 'application/problem+json', body: problem(type) });
      if (field) expect(answer.body.errors).toContainEqual(expect.objectContaining({ path: field }));
    }
    for (const caller of [clerk(world.dept), clerk(otherDept)]) {
      expect((await invoke(handler, routes.listApplications, { caller })).body.items).toEqual([]);
    }
    expect((await invoke(handler, routes.listApplications, { query: { dept: world.dept }, caller: office })).body.items).toEqual([]);
    expect((await invoke(handler, routes.listApplications, { caller: owner(world.enterpriseId) })).body.items).toEqual([]);
  });

  it('a retried filing with the same Idempotency-Key files once', async () => {
    const world = await centre();
    const headers = { 'idempotency-key': `file-${newId()}` };
    const json = { itemCode: world.itemCode, materials: ['application form'] };
    const first = await invoke(handler, routes.fileApplication, { json, headers, caller: owner(world.enterpriseId) });
    const again = await invoke(handler, routes.fileApplication, { json, headers, caller: owner(world.enterpriseId) });
    expect(first.status).toBe(201);
    expect(again).toMatchObject({ status: 201, body: { id: first.body.id } });
    expect((await invoke(handler, routes.listApplications, { caller: owner(world.enterpriseId) })).body.items).toHaveLength(1);
  });
});

describe('listing applications', () => {
  it('by scope, status and department, newest first, a page at a time', async () => {
    const world = await centre();
    const first = await filed(world);
    const second = await filed(world);
    await invoke(handler, routes.acceptApplication, { params: { id: first.id }, json: { accepted: true }, caller: clerk(world.dept) });
    const own = await invoke(handler, routes.listApplications, { caller: clerk(world.dept) });
    expect(own.body.items.map((item: { id: string }) => item.id)).toEqual([second.id, first.id]);
    const onlyAccepted = await invoke(handler, routes.listApplications, { query: { status: 'accepted' }, caller: clerk(world.dept) });
    expect(onlyAccepted.body.items.map((item: { id: string }) => item.id)).toEqual([first.id]);
    const byOffice = await invoke(handler, routes.listApplications, { query: { dept: world.dept, status: 'received' }, caller: office });
    expect(byOffice.body.items.map((item: { id: string }) => item.id)).toEqual([second.id]);
    // A department asking for another's gets nothing.
    expect(
      (await invoke(handler, routes.listApplications, { query: { dept: 'market-regulation' }, caller: clerk(world.dept) })).body.items,
    ).toEqual([]);
    const page1 = await invoke(handler, routes.listApplications, { query: { limit: '1' }, caller: owner(world.enterpriseId) });
    expect(page1.body.items.map((item: { id: string }) => item.id)).toEqual([second.id]);
    const page2 = await invoke(handler, routes.listApplications, {
      query: { limit: '1', cursor: page1.body.nextCursor },
      caller: owner(world.enterpriseId),
    });
    expect(page2.body.items.map((item: { id: string }) => item.id)).toEqual([first.id]);
    // A cursor from another listing is refused.
    const foreign = await invoke(handler, routes.listApplications, {
      query: { limit: '1', cursor: page1.body.nextCursor },
      caller: clerk(world.dept),
    });
    expect(foreign).toMatchObject({ status: 400, body: problem('invalid-request') });
  });
});

describe('acceptance and the one-time notice (一次性告知)', () => {
  it('tells everything missing once: incomplete, supplied, then accepted; a second notice is 409', async () => {
    const world = await centre();
    const { id } = await filed(world, ['application form']);
    const empty = await invoke(handler, routes.acceptApplication, {
      params: { id },
      json: { accepted: false, missing: [] },
      caller: clerk(world.dept),
    });
    expect(empty).toMatchObject({ status: 422, body: problem('nothing-missing') });
    const notice = await invoke(handler, routes.acceptApplication, {
      params: { id },
      json: { accepted: false, missing: ['lease'] },
      caller: clerk(world.dept, 'li'),
    });
    expect(notice).toMatchObject({
      status: 200,
      body: { status: 'incomplete', notice: { missing: ['lease'] }, owner: { sub: `li@${world.dept}` } },
    });
    // Not acceptable while materials are missing; only its own enterprise supplies them.
    expect(
      await invoke(handler, routes.acceptApplication, { params: { id }, json: { accepted: true }, caller: clerk(world.dept) }),
    ).toMatchObject({ status: 409, body: problem('not-awaiting-acceptance') });
    expect(
      await invoke(handler, routes.supplyApplicationMaterials, {
        params: { id },
        json: { materials: ['lease'] },
        caller: owner(newCreditCode()),
      }),
    ).toMatchObject({ status: 404 });
    const supplied = await invoke(handler, routes.supplyApplicationMaterials, {
      params: { id },
      json: { materials: ['lease'] },
      caller: owner(world.enterpriseId),
    });
    expect(supplied).toMatchObject({ status: 200, body: { status: 'received', materials: ['application form', 'lease'] } });
    expect(
      await invoke(handler, routes.supplyApplicationMaterials, {
        params: { id },
        json: { materials: ['lease'] },
        caller: owner(world.enterpriseId),
      }),
    ).toMatchObject({ status: 409, body: problem('not-awaiting-materials') });
    const versionBefore = (await stored(id))?.version;
    const second = await invoke(handler, routes.acceptApplication, {
      params: { id },
      json: { accepted: false, missing: ['site plan'] },
      caller: clerk(world.dept),
    });
    expect(second).toMatchObject({ status: 409, contentType: 'application/problem+json', body: problem('one-time-notice-given') });
    expect(await stored(id)).toMatchObject({ version: versionBefore, status: 'received', notice: { missing: ['lease'] } });
    const accept = await invoke(handler, routes.acceptApplication, { params: { id }, json: { accepted: true }, caller: clerk(world.dept) });
    expect(accept).toMatchObject({ status: 200, body: { status: 'accepted', owner: { sub: `li@${world.dept}` } } });
  });

  it('accepting starts the clock: the deadline is the pledged working days later, the statutory limit the statutory ones, and a watch runs', async () => {
    const world = await centre();
    const { id } = await filed(world);
    expect(
      await invoke(handler, routes.acceptApplication, {
        params: { id },
        json: { accepted: true, missing: ['x'] },
        caller: clerk(world.dept),
      }),
    ).toMatchObject({ status: 400, body: problem('invalid-request') });
    const before = new Date();
    const answer = await invoke(handler, routes.acceptApplication, { params: { id }, json: { accepted: true }, caller: clerk(world.dept) });
    expect(answer).toMatchObject({
      status: 200,
      body: { status: 'accepted', owner: { sub: `clerk@${world.dept}` }, watch: { version: 1 } },
    });
    const acceptedAt = new Date(answer.body.acceptedAt);
    expect(acceptedAt.getTime()).toBeGreaterThanOrEqual(before.getTime() - 1000);
    expect(Date.parse(answer.body.deadline)).toBe((await workingTimeAfter(acceptedAt, 10)).getTime());
    expect(Date.parse(answer.body.statutoryDeadline)).toBe((await workingTimeAfter(acceptedAt, 15)).getTime());
    const { warnAt } = answer.body.watch.timeline;
    expect(Date.parse(warnAt)).toBe((await workingTimeAfter(acceptedAt, 20 / 3)).getTime());
    const seen = await invoke(handler, routes.getApplication, { params: { id }, caller: owner(world.enterpriseId) });
    expect(seen.body).toMatchObject({
      deadline: answer.body.deadline,
      timeline: expect.arrayContaining([expect.objectContaining({ event: 'accepted' })]),
    });
    await eventually(() =>
      expect(executions(runtime.dataDir)).toContainEqual(
        expect.objectContaining({ name: executionName(decisionMatter(answer.body, 1)), status: 'RUNNING' }),
      ),
    );
    expect(
      await invoke(handler, routes.acceptApplication, { params: { id }, json: { accepted: true }, caller: clerk(world.dept) }),
    ).toMatchObject({ status: 409, body: problem('not-awaiting-acceptance') });
  });
});

describe('the delay notice (滞后反馈告知)', () => {
  it('once, before the deadline, not past the statutory limit; the watch restarts and the escalation stays at the statutory limit', async () => {
    const world = await centre();
    const application = await accepted(world);
    const { id } = application;
    const statutoryDate = localDate(new Date(application.statutoryDeadline));
    const tooLate = await invoke(handler, routes.applicationDelayNotice, {
      params: { id },
      json: { reason: 'Site visit needed', expectedBy: addDays(statutoryDate, 1) },
      caller: clerk(world.dept),
    });
    expect(tooLate).toMatchObject({ status: 422, body: problem('past-statutory-limit') });
    const notLater = await invoke(handler, routes.applicationDelayNotice, {
      params: { id },
      json: { reason: 'Site visit needed', expectedBy: localDate(new Date()) },
      caller: clerk(world.dept),
    });
    expect(notLater).toMatchObject({ status: 422, body: problem('delay-not-later') });
    expect(await stored(id)).toMatchObject({ version: application.version, watch: { version: 1 } });
    expect(
      await invoke(handler, routes.applicationDelayNotice, {
        params: { id },
        json: { reason: 'x', expectedBy: statutoryDate },
        caller: owner(world.enterpriseId),
      }),
    ).toMatchObject({ status: 403 });

    const given = await invoke(handler, routes.applicationDelayNotice, {
      params: { id },
      json: { reason: 'The site must be visited.', expectedBy: statutoryDate },
      caller: clerk(world.dept),
    });
    expect(given).toMatchObject({
      status: 200,
      body: { delayNotice: { expectedBy: statutoryDate }, watch: { version: 2 }, statutoryDeadline: application.statutoryDeadline },
    });
    // On the statutory limit's own day, the decision is due by that limit, where the escalation also is.
    expect(Date.parse(given.body.deadline)).toBe(Date.parse(application.statutoryDeadline));
    const { escalateAt } = given.body.watch.timeline;
    expect(Date.parse(escalateAt)).toBeGreaterThanOrEqual(Date.parse(application.statutoryDeadline));
    expect(await workingDaysElapsed(new Date(application.statutoryDeadline), new Date(escalateAt))).toBe(0);
    await eventually(() => {
      const runs = executions(runtime.dataDir);
      expect(runs).toContainEqual(expect.objectContaining({ name: executionName(decisionMatter(application, 2)), status: 'RUNNING' }));
      expect(runs).not.toContainEqual(expect.objectContaining({ name: executionName(decisionMatter(application, 1)), status: 'RUNNING' }));
    });
    const again = await invoke(handler, routes.applicationDelayNotice, {
      params: { id },
      json: { reason: 'Again', expectedBy: statutoryDate },
      caller: clerk(world.dept),
    });
    expect(again).toMatchObject({ status: 422, body: problem('delay-notice-given') });
    const counts = (await db.send(new GetCommand({ TableName: tableName, Key: keys.evaluation(quarterOf(new Date()), world.dept) }))).Item;
    expect(counts).toMatchObject({ delayNotices: 1 });
  });

  it('not after the deadline, nor before acceptance', async () => {
    const world = await centre();
    const received = await filed(world);
    expect(
      await invoke(handler, routes.applicationDelayNotice, {
        params: { id: received.id },
        json: { reason: 'x', expectedBy: addDays(localDate(new Date()), 3) },
        caller: clerk(world.dept),
      }),
    ).toMatchObject({ status: 409, body: problem('not-accepted') });
    const application = await accepted(world);
    const afterDeadline = new Date(Date.parse(application.deadline) + 60_000);
    await expect(
      service.giveDelayNotice(
        application.id,
        { reason: 'x', expectedBy: localDate(new Date(application.statutoryDeadline)) },
        clerk(world.dept) as never,
        { now: afterDeadline, newId },
      ),
    ).rejects.toMatchObject({ violation: { rule: 'limit-passed' } }); // a 422 named after the rule at the edge
  });
});

describe('the decision', () => {
  it("closes it on time: the watch stops, the item's public record and the evaluation count it", async () => {
    const world = await centre();
    const received = await filed(world);
    expect(
      await invoke(handler, routes.decideApplication, {
        params: { id: received.id },
        json: { decision: 'approved', reason: 'Complete' },
        caller: clerk(world.dept),
      }),
    ).toMatchObject({ status: 409, body: problem('not-accepted') });
    const application = await accepted(world);
    const otherDept = await registeredDept();
    expect(
      (
        await invoke(handler, routes.decideApplication, {
          params: { id: application.id },
          json: { decision: 'approved', reason: 'x' },
          caller: clerk(otherDept),
        })
      ).status,
    ).toBe(404);
    const decided = await invoke(handler, routes.decideApplication, {
      params: { id: application.id },
      json: { decision: 'approved', reason: 'All materials in order.' },
      caller: clerk(world.dept),
    });
    expect(decided).toMatchObject({
      status: 200,
      body: { status: 'decided', decision: { decision: 'approved', onTime: true, workingDays: expect.any(Number) } },
    });
    expect(decided.body.decision.workingDays).toBeLessThan(1);
    await eventually(() =>
      expect(executions(runtime.dataDir)).not.toContainEqual(
        expect.objectContaining({ name: executionName(decisionMatter(application, 1)), status: 'RUNNING' }),
      ),
    );
    const item = await invoke(approvals, approvalRoutes.routes.getItem, { params: { code: world.itemCode } });
    expect(item.body.performance).toEqual({ decided: 1, onTime: 1, medianWorkingDays: Math.ceil(decided.body.decision.workingDays) });
    const counts = (await db.send(new GetCommand({ TableName: tableName, Key: keys.evaluation(quarterOf(new Date()), world.dept) }))).Item;
    expect(counts).toMatchObject({ applicationsDecided: 1, applicationsOnTime: 1 });
    expect(
      await invoke(handler, routes.decideApplication, {
        params: { id: application.id },
        json: { decision: 'refused', reason: 'Again' },
        caller: clerk(world.dept),
      }),
    ).toMatchObject({ status: 409, body: problem('not-accepted') });
    // The watch, asked after the decision, ends quietly.
    expect(
      await checkApplicationMatter(decisionMatter(application, 1), 'breach', new Date(Date.parse(application.deadline) + 1000)),
    ).toEqual({ open: false });
  });

  it("after the deadline is recorded late, with the working days it took, on the item's median", async () => {
    const world = await centre();
    const application = await accepted(world);
    const late = new Date(Date.parse(application.statutoryDeadline) + 60_000);
    const decided = await service.decide(
      application.id,
      { decision: 'refused', reason: 'The lease is not registered.' },
      clerk(world.dept) as never,
      { now: late, newId },
    );
    expect(decided.decision).toMatchObject({ onTime: false, workingDays: 15 });
    const item = await invoke(approvals, approvalRoutes.routes.getItem, { params: { code: world.itemCode } });
    expect(item.body.performance).toEqual({ decided: 1, onTime: 0, medianWorkingDays: 15 });
    const counts = (await db.send(new GetCommand({ TableName: tableName, Key: keys.evaluation(quarterOf(late), world.dept) }))).Item;
    expect(counts).toMatchObject({ applicationsDecided: 1 });
    expect(counts?.applicationsOnTime ?? 0).toBe(0);
  });
});

describe('the rating (好差评)', () => {
  it('once, after the decision, by its enterprise; a poor one alerts the soft-environment office', async () => {
    const world = await centre();
    const application = await accepted(world);
    const { id } = application;
    expect(
      await invoke(handler, routes.rateApplication, { params: { id }, json: { score: 2 }, caller: owner(world.enterpriseId) }),
    ).toMatchObject({ status: 409, body: problem('not-decided') });
    await invoke(handler, routes.decideApplication, {
      params: { id },
      json: { decision: 'approved', reason: 'Fine' },
      caller: clerk(world.dept),
    });
    expect(
      await invoke(handler, routes.rateApplication, { params: { id }, json: { score: 6 }, caller: owner(world.enterpriseId) }),
    ).toMatchObject({ status: 400, body: problem('invalid-request') });
    expect(
      (await invoke(handler, routes.rateApplication, { params: { id }, json: { score: 2 }, caller: owner(newCreditCode()) })).status,
    ).toBe(404);
    expect((await invoke(handler, routes.rateApplication, { params: { id }, json: { score: 2 }, caller: clerk(world.dept) })).status).toBe(
      403,
    );
    const rated = await invoke(handler, routes.rateApplication, {
      params: { id },
      json: { score: 2, comment: 'Asked twice for the same form.' },
      caller: owner(world.enterpriseId),
    });
    expect(rated).toMatchObject({ status: 200, body: { rating: { score: 2, comment: 'Asked twice for the same form.' } } });
    await alertDelivered(runtime.dataDir, {
      concern: 'applications',
      kind: 'poor-rating',
      severity: 'warning',
      department: world.dept,
      subject: { type: 'application', id },
    });
    expect(
      await invoke(handler, routes.rateApplication, { params: { id }, json: { score: 5 }, caller: owner(world.enterpriseId) }),
    ).toMatchObject({ status: 409, body: problem('already-rated') });
    expect(await stored(id)).toMatchObject({ rating: { score: 2 } });
    const counts = (await db.send(new GetCommand({ TableName: tableName, Key: keys.evaluation(quarterOf(new Date()), world.dept) }))).Item;
    expect(counts).toMatchObject({ ratings: 1, ratingPoints: 2, poorRatings: 1 });
    // The quarter's evaluation takes them in: decided on time (nothing off), an average of 2 (4 × 3 = 12 off).
    const evaluation = await invoke(evaluations, evaluationRoutes.routes.evaluation, { params: { quarter: quarterOf(new Date()) } });
    const row = evaluation.body.departments.find((entry: { deptId: string }) => entry.deptId === world.dept);
    expect(row).toMatchObject({
      shareApplicationsOnTime: 1,
      averageRating: 2,
      score: 88,
      figures: { applicationsDecided: 1, applicationsOnTime: 1, ratings: 1 },
    });
  });
});

describe('the watch of an accepted application', () => {
  it('warns the holder; at the breach the work moves to the next post after the holder, the owner stays', async () => {
    const world = await centre();
    const application = await accepted(world);
    const warning = await checkApplicationMatter(decisionMatter(application, 1), 'warning', new Date(application.watch.timeline.warnAt));
    expect(warning).toMatchObject({
      open: true,
      alert: { kind: 'decision-warning', subject: { type: 'application', id: application.id } },
    });
    // The roster is reordered meanwhile: the move starts after the person holding it, not at a position.
    await putRoster(world.dept, [roster[1]!, roster[0]!, { id: 'chen', name: 'Chen Jing', available: true }], 'test', new Date());
    const breach = await checkApplicationMatter(
      decisionMatter(application, 1),
      'breach',
      new Date(Date.parse(application.deadline) + 1000),
    );
    expect(breach).toMatchObject({
      open: true,
      alert: { kind: 'decision-breach-reassigned', detail: expect.stringContaining(`clerk@${world.dept}`) },
    });
    const seen = await invoke(handler, routes.getApplication, { params: { id: application.id }, caller: office });
    expect(seen.body).toMatchObject({
      assignedTo: { handlerId: 'chen', post: 'C' },
      owner: { sub: `clerk@${world.dept}` },
      deadline: application.deadline,
    });
    const escalation = await checkApplicationMatter(
      decisionMatter(application, 1),
      'escalation',
      new Date(Date.parse(application.statutoryDeadline) + 1000),
    );
    expect(escalation).toMatchObject({ open: true, alert: { kind: 'decision-escalation' } });
    // A watch of an older version ends quietly.
    expect(await checkApplicationMatter(decisionMatter(application, 2), 'warning', new Date())).toEqual({ open: false });
  });
});

describe('a calendar the office sets under a running watch', () => {
  it('times the application again: a new watch version, a later deadline and statutory limit', async () => {
    // A year no other test's deadlines reach (calendar-and-timing uses the 4th after the last published).
    let year = Number(localDate(new Date()).slice(0, 4)) + 1;
    while (!officialCalendar(year)) year -= 1;
    year += 7;
    const world = await centre();
    const { id } = await filed(world);
    const acceptedAt = new Date(`${year - 1}-12-28T10:00:00+08:00`);
    const before = await service.acceptOrNotify(id, { accepted: true }, clerk(world.dept) as never, { now: acceptedAt, newId });
    expect(before.watch).toMatchObject({ version: 1 });
    const holidays = Array.from({ length: 14 }, (_, index) => `${year}-01-${String(index + 1).padStart(2, '0')}`);
    expect(
      (
        await invoke(registry, registryRoutes.routes.putCalendar, {
          params: { year: String(year) },
          json: { holidays, workdays: [] },
          caller: office,
        })
      ).status,
    ).toBe(200);
    const after = await eventually(async () => {
      const application = await stored(id);
      expect(application?.watch.version).toBe(2);
      return application!;
    });
    expect(localDate(new Date(after.deadline)) > `${year}-01-14`).toBe(true);
    expect(Date.parse(after.statutoryDeadline)).toBeGreaterThan(Date.parse(before.statutoryDeadline!));
    expect(after.timeline.at(-1)).toMatchObject({ event: 'retimed' });
  });
});

describe('a post away (外出告知, AB岗)', () => {
  it("hands its open applications, and new ones, to the next post for the absence's dates; the holder stays on record", async () => {
    const world = await centre();
    const held = await accepted(world);
    expect(held.assignedTo).toMatchObject({ post: 'A', handlerId: 'li' });
    const today = localDate(new Date());
    const away = await invoke(complaints, complaintRoutes.routes.declareAbsence, {
      params: { deptId: world.dept, handlerId: 'li' },
      json: { from: today, to: addDays(today, 1), reason: 'Training in the city' },
      caller: clerk(world.dept),
    });
    expect(away.status).toBe(201);

    const shown = await invoke(handler, routes.getApplication, { params: { id: held.id }, caller: owner(world.enterpriseId) });
    expect(shown.body.assignedTo).toMatchObject({
      post: 'B',
      handlerId: 'zhao',
      handlerName: 'Zhao Hua',
      coveringFor: { post: 'A', handlerId: 'li' },
    });
    const listed = await invoke(handler, routes.listApplications, { query: { limit: '50' }, caller: clerk(world.dept) });
    expect(listed.body.items.find((item: { id: string }) => item.id === held.id).assignedTo).toMatchObject({ handlerId: 'zhao' });
    // Nothing was written: li holds it again when the absence ends.
    expect((await stored(held.id))?.assignedTo).toMatchObject({ post: 'A', handlerId: 'li' });

    const next = await filed(world);
    expect((await stored(next.id))?.assignedTo).toMatchObject({ post: 'B', handlerId: 'zhao' });
  });
});
