/**
 * The complaints handler against DynamoDB Local and the local Step Functions: intake,
 * routing, privacy, the A/B/C roster, delay notices, answers and verdicts.
 */
import { describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { db, tableName } from '#shared/data/db';
import { keys } from '#shared/data/table';
import { addDays, localDate } from '#shared/time/clock';
import { acknowledgementMatter, trackingHash } from '#functions/complaints/intake';
import { checkComplaintMatter } from '../../functions/complaints/deadline-check.ts';
import { handler } from '../../functions/complaints/handler.ts';
import { complaintRoutes, INTAKE_PER_CLIENT } from '../../functions/complaints/routes.ts';
import { EDGE_SECRET_HEADER, EDGE_VIEWER_HEADER } from '#shared/http/client-address';
import { handler as registry } from '../../functions/registry/handler.ts';
import { registryRoutes } from '../../functions/registry/routes.ts';
import { loadOrCreateKeys, signToken } from '../../infra/local/signing.ts';
import { invoke } from '../support/invoke.ts';
import { alertDelivered, sinkAlerts, withinOneWindow } from '../support/eventually.ts';
import { newCreditCode, newDeptId } from '../support/data.ts';

const routes = complaintRoutes.routes;
const runtime = inject('runtime');
const office = { roles: ['soft-env-office'], sub: 'office-clerk' };
const supervisor = { roles: ['supervisor'], sub: 'supervisor-1' };
const clerk = (dept: string, sub = `clerk@${dept}`) => ({ roles: ['department'], dept, sub });

async function department(handlers?: { id: string; name: string; available: boolean; absences?: { from: string; to: string }[] }[]) {
  const dept = newDeptId('bureau');
  await invoke(registry, registryRoutes.routes.putDepartment, {
    params: { deptId: dept },
    json: { name: `Bureau ${dept}` },
    caller: office,
  });
  if (handlers) await invoke(handler, routes.putHandlers, { params: { deptId: dept }, json: { handlers }, caller: clerk(dept) });
  return dept;
}
/** `sourceIp`: the address API Gateway reports (a random one otherwise). */
const file = (dept: string, extra: object = {}, headers: Record<string, string> = {}, sourceIp?: string) =>
  invoke(handler, routes.fileComplaint, {
    json: {
      againstDept: dept,
      category: 'inaction',
      description: 'My business licence renewal has waited for three weeks.',
      contact: 'Chen Jie, 138-0000-1234',
      ...extra,
    },
    headers,
    ...(sourceIp ? { sourceIp } : {}),
  });

describe('A/B/C posts by identity (AB岗)', () => {
  it('a breach moves the complaint to the post after the person holding it, even after the roster was reordered', async () => {
    const dept = await department([
      { id: 'zhang', name: 'Zhang Wei', available: true },
      { id: 'wang', name: 'Wang Fang', available: true },
      { id: 'zhao', name: 'Zhao Lei', available: true },
    ]);
    const filed = await file(dept);
    // Zhang holds it at post A; the department then puts Wang on top: Wang, Zhang, Zhao.
    await invoke(handler, routes.putHandlers, {
      params: { deptId: dept },
      json: {
        handlers: [
          { id: 'wang', name: 'Wang Fang', available: true },
          { id: 'zhang', name: 'Zhang Wei', available: true },
          { id: 'zhao', name: 'Zhao Lei', available: true },
        ],
      },
      caller: clerk(dept),
    });
    const result = await checkComplaintMatter(acknowledgementMatter({ id: filed.body.id, againstDept: dept }, 1), 'breach', new Date());
    expect(result).toMatchObject({
      open: true,
      alert: { kind: 'acknowledgement-breach-reassigned', title: expect.stringContaining('from post A to post C') },
    });
    const seen = await invoke(handler, routes.getComplaint, { params: { id: filed.body.id }, caller: clerk(dept) });
    expect(seen.body.assignment).toMatchObject({ post: 'C', handlerId: 'zhao' });
  });

  it('a post away today (外出告知) gets no new complaint; the next available post does', async () => {
    const today = localDate(new Date());
    const dept = await department([
      { id: 'zhang', name: 'Zhang Wei', available: true, absences: [{ from: addDays(today, -1), to: addDays(today, 2) }] },
      { id: 'wang', name: 'Wang Fang', available: true },
    ]);
    const filed = await file(dept);
    const seen = await invoke(handler, routes.getComplaint, { params: { id: filed.body.id }, caller: clerk(dept) });
    expect(seen.body.assignment).toMatchObject({ post: 'B', handlerId: 'wang' });
  });

  it('refuses an absence that ends before it begins, and stores nothing', async () => {
    const today = localDate(new Date());
    const dept = await department([{ id: 'zhang', name: 'Zhang Wei', available: true }]);
    const bad = await invoke(handler, routes.putHandlers, {
      params: { deptId: dept },
      json: { handlers: [{ id: 'zhang', name: 'Zhang Wei', available: true, absences: [{ from: addDays(today, 3), to: today }] }] },
      caller: clerk(dept),
    });
    expect(bad.status).toBe(400);
    const { Item } = await db.send(new GetCommand({ TableName: tableName, Key: keys.roster(dept) }));
    expect(Item?.handlers[0].absences).toBeUndefined();
  });
});

describe("absence (外出告知) hands a post's open matters and new ones to the next post for its dates", () => {
  const roster = [
    { id: 'zhang', name: 'Zhang Wei', available: true },
    { id: 'wang', name: 'Wang Fang', available: true },
    { id: 'zhao', name: 'Zhao Lei', available: true },
  ];
  const declare = (dept: string, handlerId: string, json: object, caller: object = clerk(dept)) =>
    invoke(handler, routes.declareAbsence, { params: { deptId: dept, handlerId }, json, caller: caller as never });
  const holderOf = async (dept: string, id: string) =>
    (await invoke(handler, routes.getComplaint, { params: { id }, caller: clerk(dept) })).body.assignment;

  it("shows Zhang's open complaint with Wang while Zhang is away, sends a new one to Wang, and survives a roster PUT", async () => {
    const today = localDate(new Date());
    const dept = await department(roster);
    const held = await file(dept);
    expect(await holderOf(dept, held.body.id)).toMatchObject({ post: 'A', handlerId: 'zhang' });

    const declared = await declare(dept, 'zhang', { from: today, to: addDays(today, 1), reason: '到市局参加培训' });
    expect(declared).toMatchObject({
      status: 201,
      body: {
        deptId: dept,
        handlerId: 'zhang',
        from: today,
        to: addDays(today, 1),
        reason: '到市局参加培训',
        declaredBy: `clerk@${dept}`,
        coveredBy: { post: 'B', handlerId: 'wang' },
      },
    });

    expect(await holderOf(dept, held.body.id)).toMatchObject({
      post: 'B',
      handlerId: 'wang',
      coveringFor: { post: 'A', handlerId: 'zhang' },
    });
    const listed = await invoke(handler, routes.listComplaints, { query: {}, caller: clerk(dept) });
    expect(listed.body.items.find((item: { id: string }) => item.id === held.body.id).assignment).toMatchObject({ handlerId: 'wang' });
    const fresh = await file(dept);
    expect(await holderOf(dept, fresh.body.id)).toMatchObject({ post: 'B', handlerId: 'wang' });
    // Zhang is still on record as the holder: the matter is his again when the absence ends.
    const { Item } = await db.send(new GetCommand({ TableName: tableName, Key: keys.complaint(held.body.id) }));
    expect(Item?.assignment).toMatchObject({ handlerId: 'zhang' });

    // The department edits its roster again without mentioning the absence: it stands.
    const put = await invoke(handler, routes.putHandlers, { params: { deptId: dept }, json: { handlers: roster }, caller: clerk(dept) });
    expect(put.status).toBe(200);
    expect(await holderOf(dept, held.body.id)).toMatchObject({ handlerId: 'wang' });
    expect(await holderOf(dept, (await file(dept)).body.id)).toMatchObject({ handlerId: 'wang' });
  });

  it("an absence from tomorrow leaves today's matters with the holder; a breach while away moves on from the covering post", async () => {
    const today = localDate(new Date());
    const dept = await department(roster);
    const later = await file(dept);
    expect(
      (await declare(dept, 'zhang', { from: addDays(today, 1), to: addDays(today, 3), reason: 'Annual leave' })).body.coveredBy,
    ).toMatchObject({ handlerId: 'wang' });
    expect(await holderOf(dept, later.body.id)).toMatchObject({ handlerId: 'zhang' });

    const away = await department(roster);
    const held = await file(away);
    await declare(away, 'zhang', { from: today, to: today, reason: 'Site visit' });
    const result = await checkComplaintMatter(acknowledgementMatter({ id: held.body.id, againstDept: away }, 1), 'breach', new Date());
    expect(result).toMatchObject({ open: true, alert: { title: expect.stringContaining('from post B to post C') } });
    expect(await holderOf(away, held.body.id)).toMatchObject({ post: 'C', handlerId: 'zhao' });
  });

  it("is for the department's own posts: another department 404, an unregistered one or the office 403, an unknown post 404", async () => {
    const today = localDate(new Date());
    const dept = await department(roster);
    const other = await department(roster);
    const body = { from: today, to: today, reason: 'Training' };
    expect(await declare(dept, 'zhang', body, clerk(other))).toMatchObject({
      status: 404,
      contentType: 'application/problem+json',
      body: { type: 'urn:soft-env:problem:not-found' },
    });
    expect(await declare(dept, 'zhang', body, clerk(newDeptId()))).toMatchObject({
      status: 403,
      body: { type: 'urn:soft-env:problem:forbidden' },
    });
    expect(await declare(dept, 'zhang', body, office)).toMatchObject({ status: 403, body: { type: 'urn:soft-env:problem:forbidden' } });
    expect(await declare(dept, 'nobody', body)).toMatchObject({
      status: 404,
      body: { type: 'urn:soft-env:problem:not-found', detail: expect.stringContaining('nobody') },
    });
    const filed = await file(dept);
    expect(await holderOf(dept, filed.body.id)).toMatchObject({ handlerId: 'zhang' });
  });

  it.each([
    ['ends before it begins', (today: string) => ({ from: addDays(today, 2), to: today }), 'body.to'],
    ['is over already', (today: string) => ({ from: addDays(today, -5), to: addDays(today, -1) }), 'body.to'],
    ['is longer than a quarter', (today: string) => ({ from: today, to: addDays(today, 120) }), 'body.to'],
    ['is more than a year ahead', (today: string) => ({ from: addDays(today, 400), to: addDays(today, 401) }), 'body.from'],
    ['is not a date', () => ({ from: '2026-02-30', to: '2026-03-01' }), 'body.from'],
  ])('refuses an absence that %s with a 400 naming the field, and records nothing', async (_, dates, path) => {
    const today = localDate(new Date());
    const dept = await department(roster);
    const refused = await declare(dept, 'zhang', { ...dates(today), reason: 'Leave' });
    expect(refused).toMatchObject({
      status: 400,
      contentType: 'application/problem+json',
      body: { type: 'urn:soft-env:problem:invalid-request', errors: expect.arrayContaining([expect.objectContaining({ path })]) },
    });
    const { Items } = await db.send(
      new QueryCommand({
        TableName: tableName,
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :absence)',
        ExpressionAttributeValues: { ':pk': `DEPT#${dept}`, ':absence': 'ABSENCE#' },
      }),
    );
    expect(Items).toEqual([]);
  });
});

describe('intake', () => {
  it('stores the complaint with its tracking code as a hash only, assigned to post A, with its limits watched', async () => {
    const dept = await department([
      { id: 'zhang', name: 'Zhang Wei', available: true },
      { id: 'wang', name: 'Wang Fang', available: true },
    ]);
    const filed = await file(dept);
    expect(filed).toMatchObject({
      status: 201,
      body: { id: expect.any(String), trackingCode: expect.stringMatching(/^[A-Za-z0-9_-]{32}$/), status: 'received' },
    });
    const { Item } = await db.send(new GetCommand({ TableName: tableName, Key: keys.complaint(filed.body.id) }));
    expect(Item).toMatchObject({
      routedTo: 'department',
      assignment: { post: 'A', handlerId: 'zhang' },
      trackingHash: trackingHash(filed.body.trackingCode),
      complainant: { contact: 'Chen Jie, 138-0000-1234' },
    });
    expect(JSON.stringify(Item)).not.toContain(filed.body.trackingCode);
    const tracked = await db.send(new GetCommand({ TableName: tableName, Key: keys.tracking(trackingHash(filed.body.trackingCode)) }));
    expect(tracked.Item).toMatchObject({ complaintId: filed.body.id });
  });

  it("assigns the department head's post when no post is available", async () => {
    const dept = await department([{ id: 'zhang', name: 'Zhang Wei', available: false }]);
    const filed = await file(dept);
    const seen = await invoke(handler, routes.getComplaint, { params: { id: filed.body.id }, caller: clerk(dept) });
    expect(seen.body.assignment).toMatchObject({ post: 'head' });
  });

  it('records a verified token, and refuses a bad one (401) without storing anything', async () => {
    const dept = await department();
    const keys = await loadOrCreateKeys(runtime.dataDir);
    const enterpriseId = newCreditCode();
    const token = await signToken(keys, { sub: 'owner-1', roles: ['enterprise'], ent: enterpriseId });
    const filed = await file(dept, {}, { authorization: `Bearer ${token}` });
    const seen = await invoke(handler, routes.getComplaint, { params: { id: filed.body.id }, caller: supervisor });
    expect(seen.body.complainant).toEqual({ sub: 'owner-1', enterpriseId, contact: 'Chen Jie, 138-0000-1234' });
    const forged = await file(dept, { description: 'forged' }, { authorization: `Bearer ${token.slice(0, -3)}abc` });
    expect(forged).toMatchObject({ status: 401, contentType: 'application/problem+json' });
    const list = await invoke(handler, routes.listComplaints, { query: { dept, limit: '200' }, caller: supervisor });
    expect(list.body.items.map((item: any) => item.description)).not.toContain('forged');
  });

  it('takes many complaints against one department at once', async () => {
    const dept = await department([{ id: 'zhang', name: 'Zhang Wei', available: true }]);
    const results = await Promise.all(Array.from({ length: 12 }, (_, i) => file(dept, { description: `Case ${i}` })));
    expect(results.map((result) => result.status)).toEqual(Array(12).fill(201));
    const listed = await invoke(handler, routes.listComplaints, { query: { dept, limit: '200' }, caller: supervisor });
    expect(listed.body.items).toHaveLength(12);
  });

  it('refuses an unknown department and an unknown category (400, naming the field)', async () => {
    const unknown = await file(newDeptId('nobody'));
    expect(unknown).toMatchObject({
      status: 400,
      contentType: 'application/problem+json',
      body: { type: 'urn:soft-env:problem:invalid-request', errors: [{ path: 'body.againstDept' }] },
    });
    const dept = await department();
    const bad = await file(dept, { category: 'rudeness' });
    expect(bad).toMatchObject({ status: 400, body: { errors: [{ path: 'body.category' }] } });
  });

  it('routes money and integrity matters to the supervisors: the department neither lists nor sees them, and the supervisors are alerted at intake', async () => {
    const dept = await department();
    for (const category of ['petty-corruption', 'seized-property', 'forced-intermediary', 'abusive-enforcement', 'quiet-day-violation']) {
      const filed = await file(dept, { category, description: 'The inspector asked for a "tea fee".' });
      const list = await invoke(handler, routes.listComplaints, { caller: clerk(dept) });
      expect(list.body.items.map((item: any) => item.id)).not.toContain(filed.body.id);
      expect((await invoke(handler, routes.getComplaint, { params: { id: filed.body.id }, caller: clerk(dept) })).status).toBe(404);
      const forSupervisors = await invoke(handler, routes.listComplaints, { query: { dept }, caller: supervisor });
      expect(forSupervisors.body.items).toContainEqual(expect.objectContaining({ id: filed.body.id, routedTo: 'supervisors', category }));
      await alertDelivered(runtime.dataDir, {
        kind: 'integrity-complaint-received',
        concern: 'complaints',
        department: dept,
        subject: { type: 'complaint', id: filed.body.id },
      });
    }
    // The alert carries no trace of the complainant.
    expect(JSON.stringify(sinkAlerts(runtime.dataDir).filter((alert) => alert.department === dept))).not.toContain('138-0000-1234');
  });
});

describe("the per-client intake limit behind the console's CloudFront", () => {
  const octet = () => 1 + Math.floor(Math.random() * 250);
  const address = (prefix: string) => `${prefix}.${octet()}.${octet()}`;
  it('counts each viewer CloudFront vouches for (with the edge secret), and a caller without the secret by its own address whatever it claims', async () => {
    const dept = await department();
    const secret = `edge-${Math.random().toString(36).slice(2)}-secret`;
    const before = process.env.EDGE_SECRET;
    process.env.EDGE_SECRET = secret;
    try {
      const edge = address('130.176'); // CloudFront's address, as API Gateway sees it
      const [viewer, neighbour] = [address('198.51'), address('203.0')];
      const statuses = async (send: () => Promise<{ status?: number }>, times: number) => {
        const answers: (number | undefined)[] = [];
        for (let n = 0; n < times; n += 1) answers.push((await send()).status);
        return answers;
      };
      const sendVia = (from: string) => file(dept, {}, { [EDGE_VIEWER_HEADER]: from, [EDGE_SECRET_HEADER]: secret }, edge);
      await withinOneWindow(INTAKE_PER_CLIENT.windowSeconds);
      expect(await statuses(() => sendVia(viewer), INTAKE_PER_CLIENT.requests + 1)).toEqual([
        ...Array(INTAKE_PER_CLIENT.requests).fill(201),
        429,
      ]);
      // Another citizen at the same edge is not turned away.
      expect(await statuses(() => sendVia(neighbour), 2)).toEqual([201, 201]);
      // A caller of execute-api itself cannot pick a fresh address per request: without the secret, or with a wrong one, its own counts.
      const direct = address('192.0');
      const forged = () =>
        file(dept, {}, { [EDGE_VIEWER_HEADER]: address('100.64'), [EDGE_SECRET_HEADER]: Math.random() < 0.5 ? 'guessed' : '' }, direct);
      await withinOneWindow(INTAKE_PER_CLIENT.windowSeconds);
      expect(await statuses(forged, INTAKE_PER_CLIENT.requests + 1)).toEqual([...Array(INTAKE_PER_CLIENT.requests).fill(201), 429]);
    } finally {
      if (before === undefined) delete process.env.EDGE_SECRET;
      else process.env.EDGE_SECRET = before;
    }
  }, 90_000); // two bursts may each wait up to a third of a window
});

describe('handling', () => {
  it('acknowledges once, names the owner, answers, and the verdict closes it', async () => {
    const dept = await department([{ id: 'zhang', name: 'Zhang Wei', available: true }]);
    const filed = await file(dept);
    const acknowledged = await invoke(handler, routes.acknowledge, { params: { id: filed.body.id }, caller: clerk(dept, 'zhang') });
    expect(acknowledged).toMatchObject({ status: 200, body: { status: 'acknowledged', owner: { sub: 'zhang', post: 'A' } } });
    expect((await invoke(handler, routes.acknowledge, { params: { id: filed.body.id }, caller: clerk(dept) })).status).toBe(409);
    const resolved = await invoke(handler, routes.resolve, {
      params: { id: filed.body.id },
      json: { summary: 'The licence was renewed on 3 December.' },
      caller: clerk(dept),
    });
    expect(resolved.body.status).toBe('resolved');
    expect(
      (await invoke(handler, routes.resolve, { params: { id: filed.body.id }, json: { summary: 'again' }, caller: clerk(dept) })).status,
    ).toBe(409);
    const verdict = await invoke(handler, routes.verdict, {
      params: { id: filed.body.id },
      json: { finding: 'substantiated', action: 'The section head was admonished.' },
      caller: supervisor,
    });
    expect(verdict).toMatchObject({ status: 200, body: { status: 'closed', verdict: { finding: 'substantiated' } } });
    expect(
      (
        await invoke(handler, routes.verdict, {
          params: { id: filed.body.id },
          json: { finding: 'unsubstantiated', action: 'x' },
          caller: supervisor,
        })
      ).status,
    ).toBe(409);
    const tracked = await invoke(handler, routes.trackComplaint, { params: { trackingCode: filed.body.trackingCode } });
    expect(tracked.body.timeline.map((event: any) => event.event)).toEqual(['received', 'acknowledged', 'resolved', 'closed']);
    expect(tracked.body).toMatchObject({
      status: 'closed',
      answer: { summary: 'The licence was renewed on 3 December.' },
      verdict: { finding: 'substantiated' },
    });
  });

  it('takes one delay notice before the limit, moving the limit by at most the original limit', async () => {
    const dept = await department();
    const filed = await file(dept);
    const today = localDate(new Date());
    const tooLate = await invoke(handler, routes.delayNotice, {
      params: { id: filed.body.id },
      json: { reason: 'Awaiting a survey', expectedBy: addDays(today, 40) },
      caller: clerk(dept),
    });
    expect(tooLate).toMatchObject({ status: 422, body: { type: 'urn:soft-env:problem:delay-too-long' } });
    const notice = await invoke(handler, routes.delayNotice, {
      params: { id: filed.body.id },
      json: { reason: 'The site survey is on the 9th.', expectedBy: addDays(today, 9) },
      caller: clerk(dept),
    });
    expect(notice).toMatchObject({
      status: 200,
      body: { delayNotice: { expectedBy: addDays(today, 9) }, deadlines: { resolution: { version: 2 } } },
    });
    const again = await invoke(handler, routes.delayNotice, {
      params: { id: filed.body.id },
      json: { reason: 'More time', expectedBy: addDays(today, 10) },
      caller: clerk(dept),
    });
    expect(again).toMatchObject({ status: 422, body: { type: 'urn:soft-env:problem:delay-notice-given' } });
    const tracked = await invoke(handler, routes.trackComplaint, { params: { trackingCode: filed.body.trackingCode } });
    expect(tracked.body.delayNotice).toMatchObject({ reason: 'The site survey is on the 9th.', expectedBy: addDays(today, 9) });
  });

  it('keeps a roster per department: its own department or the office may set it', async () => {
    const dept = await department();
    const other = await invoke(handler, routes.putHandlers, {
      params: { deptId: dept },
      json: { handlers: [] },
      caller: clerk(newDeptId()),
    });
    expect(other.status).toBe(404);
    const duplicate = await invoke(handler, routes.putHandlers, {
      params: { deptId: dept },
      json: {
        handlers: [
          { id: 'a', name: 'A', available: true },
          { id: 'a', name: 'B', available: true },
        ],
      },
      caller: office,
    });
    expect(duplicate.status).toBe(400);
  });
});

describe('privacy', () => {
  it('shows the department complained about no trace of the complainant, in any answer it can get', async () => {
    const dept = await department([{ id: 'zhang', name: 'Zhang Wei', available: true }]);
    const keys = await loadOrCreateKeys(runtime.dataDir);
    const enterpriseId = newCreditCode();
    const token = await signToken(keys, { sub: 'secret-owner-sub', roles: ['enterprise'], ent: enterpriseId });
    const contact = 'Chen Jie, phone 139-1111-2222';
    const filed = await file(dept, { contact }, { authorization: `Bearer ${token}` });
    const id = filed.body.id;
    const answers = [
      await invoke(handler, routes.listComplaints, { caller: clerk(dept) }),
      await invoke(handler, routes.getComplaint, { params: { id }, caller: clerk(dept) }),
      await invoke(handler, routes.acknowledge, { params: { id }, caller: clerk(dept) }),
      await invoke(handler, routes.delayNotice, {
        params: { id },
        json: { reason: 'Survey', expectedBy: addDays(localDate(new Date()), 9) },
        caller: clerk(dept),
      }),
      await invoke(handler, routes.resolve, { params: { id }, json: { summary: 'Done.' }, caller: clerk(dept) }),
      await invoke(handler, routes.listComplaints, { query: { status: 'resolved' }, caller: clerk(dept) }),
      await invoke(registry, registryRoutes.routes.listAlerts, { caller: clerk(dept) }),
    ];
    expect(answers.map((answer) => answer.status)).toEqual([200, 200, 200, 200, 200, 200, 403]);
    expect(answers[0]!.body.items.map((item: any) => item.id)).toContain(id);
    const everything = JSON.stringify(answers);
    for (const secret of [
      contact,
      '139-1111-2222',
      'secret-owner-sub',
      enterpriseId,
      filed.body.trackingCode,
      'complainant',
      'trackingHash',
    ]) {
      expect(everything).not.toContain(secret);
    }
    // The supervisors do see who complained.
    const forSupervisor = await invoke(handler, routes.getComplaint, { params: { id }, caller: supervisor });
    expect(forSupervisor.body.complainant).toEqual({ sub: 'secret-owner-sub', enterpriseId, contact });
  });

  it("lets an enterprise list the complaints it made, and only those, as their tracking page shows them: no one's identity", async () => {
    const dept = await department([{ id: 'zhang', name: 'Zhang Wei', available: true }]);
    const other = await department();
    const keys = await loadOrCreateKeys(runtime.dataDir);
    const [ours, theirs] = [newCreditCode(), newCreditCode()];
    const bearer = async (sub: string, ent: string) => ({
      authorization: `Bearer ${await signToken(keys, { sub, roles: ['enterprise'], ent })}`,
    });
    const contact = 'Lin Hua, phone 137-2222-3333';
    const first = await file(dept, { contact, description: 'Our permit has waited five weeks.' }, await bearer('owner-sub-ours', ours));
    const second = await file(other, { description: 'A fee we never saw on the list.' }, await bearer('owner-sub-ours', ours));
    const notOurs = await file(dept, { description: 'Theirs, not ours.' }, await bearer('owner-sub-theirs', theirs));
    const anonymous = await file(dept, { description: 'Someone without a token.' });
    await invoke(handler, routes.acknowledge, { params: { id: first.body.id }, caller: clerk(dept, 'zhang') });
    await invoke(handler, routes.resolve, {
      params: { id: first.body.id },
      json: { summary: 'The permit was issued today.' },
      caller: clerk(dept, 'zhang'),
    });

    const owner = { roles: ['enterprise'], ent: ours, sub: 'owner-sub-ours' };
    const listed = await invoke(handler, routes.listComplaints, { caller: owner });
    expect(listed.status).toBe(200);
    // Newest first; what it wrote, the status and the department's public answer.
    expect(listed.body.items.map((item: any) => item.id)).toEqual([second.body.id, first.body.id]);
    expect(listed.body.items[1]).toMatchObject({
      id: first.body.id,
      againstDept: dept,
      description: 'Our permit has waited five weeks.',
      source: 'public',
      status: 'resolved',
      answer: { summary: 'The permit was issued today.' },
    });
    expect(listed.body.items[1].timeline.map((event: any) => event.event)).toEqual(['received', 'acknowledged', 'resolved']);
    const text = JSON.stringify(listed.body);
    for (const hidden of [
      notOurs.body.id,
      anonymous.body.id,
      'Theirs, not ours',
      contact,
      'owner-sub-ours',
      'zhang',
      'Zhang Wei',
      'post A',
      'complainant',
      'owner',
      'assignment',
      'trackingHash',
      first.body.trackingCode,
    ]) {
      expect(text).not.toContain(hidden);
    }
    // Filters: against one department, in one status.
    const againstDept = await invoke(handler, routes.listComplaints, { query: { dept: other }, caller: owner });
    expect(againstDept.body.items.map((item: any) => item.id)).toEqual([second.body.id]);
    const resolved = await invoke(handler, routes.listComplaints, { query: { status: 'resolved' }, caller: owner });
    expect(resolved.body.items.map((item: any) => item.id)).toEqual([first.body.id]);
    // The other enterprise sees its own only.
    const forTheirs = await invoke(handler, routes.listComplaints, {
      caller: { roles: ['enterprise'], ent: theirs, sub: 'owner-sub-theirs' },
    });
    expect(forTheirs.body.items.map((item: any) => item.id)).toEqual([notOurs.body.id]);
    // An enterprise token without its credit code lists nothing (403); one complaint by id stays the handlers' (403); the park office may not list.
    expect(await invoke(handler, routes.listComplaints, { caller: { roles: ['enterprise'], sub: 'no-ent' } })).toMatchObject({
      status: 403,
      body: { type: 'urn:soft-env:problem:forbidden' },
    });
    expect((await invoke(handler, routes.getComplaint, { params: { id: first.body.id }, caller: owner })).status).toBe(403);
    expect((await invoke(handler, routes.listComplaints, { caller: { roles: ['park-office'], sub: 'park' } })).status).toBe(403);
  });

  it('shows a tracking code only the public steps; a wrong code is 404 exactly like an unknown one', async () => {
    const dept = await department([{ id: 'zhang', name: 'Zhang Wei', available: true }]);
    const filed = await file(dept);
    const tracked = await invoke(handler, routes.trackComplaint, { params: { trackingCode: filed.body.trackingCode } });
    expect(tracked.status).toBe(200);
    const text = JSON.stringify(tracked.body);
    for (const hidden of ['Zhang Wei', 'zhang', 'Chen Jie', 'post A', 'assigned', 'complainant']) expect(text).not.toContain(hidden);
    const lastChar = filed.body.trackingCode.slice(-1);
    const wrong = await invoke(handler, routes.trackComplaint, {
      params: { trackingCode: `${filed.body.trackingCode.slice(0, -1)}${lastChar === 'x' ? 'y' : 'x'}` },
    });
    const unknown = await invoke(handler, routes.trackComplaint, { params: { trackingCode: 'abcdefghijklmnopqrstuvwxyz012345' } });
    const malformed = await invoke(handler, routes.trackComplaint, { params: { trackingCode: 'short' } });
    expect(wrong).toEqual(unknown);
    expect(malformed).toEqual(unknown);
    expect(unknown.status).toBe(404);
  });
});
