/**
 * The edges the black-box probe found, each asserted as a user meets it: forged cursors on every
 * listing, dates out of any sane range, tokens without an expiry or valid for too long, the
 * security headers, one client flooding the public intake, and two decisions at once.
 */
import { SignJWT } from 'jose';
import { beforeAll, describe, expect, it } from 'vitest';
import { addDays, localDate } from '#shared/time/clock';
import { INTAKE_PER_CLIENT } from '../../functions/complaints/routes.ts';
import { withinOneWindow } from '../support/eventually.ts';
import { LOCAL_AUDIENCE, LOCAL_ISSUER, loadOrCreateKeys } from '../../infra/local/signing.ts';
import { runtime } from '../support/http.ts';
import { afterThe25th, buildWorld, declaredRoutes, freshAddress, pathOf, samples, send, type World } from './support.ts';

let world: World;
beforeAll(async () => {
  world = await buildWorld();
}, 120_000);

const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
const listings = declaredRoutes.filter(
  ({ route }) => route.method === 'GET' && Object.keys((route.query as any)?.def?.shape ?? {}).includes('cursor'),
);
const tokenOf = (roles: World['tokens'], route: (typeof listings)[number]['route']) =>
  route.roles === 'public'
    ? undefined
    : route.roles.includes('soft-env-office')
      ? roles['soft-env-office']
      : route.roles.includes('supervisor')
        ? roles.supervisor
        : roles.department;

describe('cursors', () => {
  it('are checked on every listing: forged, foreign or tampered ones are a 400 naming query.cursor, never a 5xx', async () => {
    expect(listings.map(({ name }) => name).sort()).toEqual([
      'feeAudit',
      'findingsRegister',
      'getCard',
      'listAlerts',
      'listApplications',
      'listAppointments',
      'listAssistedCases',
      'listCases',
      'listComplaints',
      'listDepartments',
      'listFeeItems',
      'listFindings',
      'listFlags',
      'listInspections',
      'listItems',
      'listNotices',
      'listPledges',
    ]);
    const departments = await send('GET', '/departments?limit=1');
    const real = departments.body.nextCursor as string;
    expect(real).toEqual(expect.any(String));
    const decoded = JSON.parse(Buffer.from(real, 'base64url').toString('utf8'));
    const forged = [
      'e30', // {}
      b64({ pk: 'DEPT#x', sk: 'PROFILE' }), // a bare key, as the old cursors were
      b64({ l: decoded.l, k: { ...decoded.k, gsi1pk: 'PLEDGES' } }), // this listing's binding, another partition
      b64({ l: decoded.l, k: { ...decoded.k, extra: 'x' } }),
      b64({ l: decoded.l, k: { ...decoded.k, sk: { S: 'x' } } }),
      b64([1, 2]),
      'not json at all',
      'AAAA',
    ];
    const today = localDate(new Date());
    for (const { name, route } of listings) {
      const sample = samples(world)[name]!(today);
      const token = tokenOf(world.tokens, route);
      const foreign = name === 'listDepartments' ? [] : [real]; // a real cursor of another listing
      for (const cursor of [...forged, ...foreign]) {
        const answer = await send('GET', pathOf(route, sample.params, { ...sample.query, cursor }), { token });
        expect(answer.status, `${name} with ${cursor}`).toBe(400);
        expect(answer.contentType).toMatch(/^application\/problem\+json/);
        expect(answer.body.errors).toEqual([expect.objectContaining({ path: 'query.cursor' })]);
      }
    }
    // The cursor it gave goes on to the next page, with other departments than the first.
    const next = await send('GET', `/departments?limit=1&cursor=${real}`);
    expect(next.status).toBe(200);
    expect(next.body.items[0].deptId).not.toBe(departments.body.items[0].deptId);
    // Bound to its filters too: the same listing with another limit is fine, with another filter not.
    expect((await send('GET', `/departments?limit=2&cursor=${real}`)).status).toBe(200);
  });

  it("binds the audit's cursor to its range, month by month", async () => {
    const today = localDate(new Date());
    const office = world.tokens['soft-env-office'];
    const first = await send('GET', `/fee-audit?from=${addDays(today, -40)}&to=${today}&limit=1`, { token: office });
    expect(first.status).toBe(200);
    expect(first.body.nextCursor).toEqual(expect.any(String));
    expect(
      (await send('GET', `/fee-audit?from=${addDays(today, -40)}&to=${today}&limit=1&cursor=${first.body.nextCursor}`, { token: office }))
        .status,
    ).toBe(200);
    const otherRange = await send('GET', `/fee-audit?from=${addDays(today, -41)}&to=${today}&limit=1&cursor=${first.body.nextCursor}`, {
      token: office,
    });
    expect(otherRange).toMatchObject({ status: 400, body: { errors: [{ path: 'query.cursor' }] } });
  });
});

describe('dates', () => {
  it.each([
    [
      'POST /pledges',
      'body.dueDate',
      () => ({
        method: 'POST',
        path: '/pledges',
        token: world.tokens.department,
        json: { title: 'T', description: 'D', dueDate: '9999-12-31' },
      }),
    ],
    [
      'POST /inspections',
      'body.plannedDate',
      () => ({
        method: 'POST',
        path: '/inspections',
        token: world.tokens.department,
        json: { enterpriseId: world.entA, plannedDate: '2100-01-27', category: 'safety', reason: 'R', legalBasis: 'L', inspectors: ['Li'] },
      }),
    ],
    [
      'POST /fee-cards/{id}/entries',
      'body.collectedAt',
      () => ({
        method: 'POST',
        path: `/fee-cards/${world.entA}/entries`,
        token: world.tokens.department,
        json: { feeItemCode: world.feeItemCode, amount: 12000, collector: 'W', collectedAt: '9999-12-31T00:00:00Z', receiptNo: 'R-far' },
      }),
    ],
    [
      'GET /fee-audit',
      'query.from',
      () => ({ method: 'GET', path: `/fee-audit?from=1000-01-01&to=${localDate(new Date())}`, token: world.tokens['soft-env-office'] }),
    ],
    [
      'POST /appointments',
      'body.requestedAt',
      () => ({
        method: 'POST',
        path: '/appointments',
        token: world.tokens.enterprise,
        json: { dept: world.deptA, topic: 'T', requestedAt: '9999-12-31T03:00:00+08:00' },
      }),
    ],
    [
      'POST /departments/{id}/handlers/{id}/absence',
      'body.to',
      () => ({
        method: 'POST',
        path: `/departments/${world.deptA}/handlers/zhang/absence`,
        token: world.tokens.department,
        json: { from: localDate(new Date()), to: '2100-01-01', reason: 'R' },
      }),
    ],
    [
      'POST /complaints',
      'body.occurredAt',
      () => ({
        method: 'POST',
        path: '/complaints',
        json: { againstDept: world.deptA, category: 'inaction', description: 'Long ago.', occurredAt: '1900-01-01T00:00:00+08:00' },
      }),
    ],
  ])('%s refuses a date out of range with a 400 naming %s', async (_route, field, build) => {
    const { method, path, token, json } = build() as { method: string; path: string; token?: string; json?: unknown };
    const answer = await send(method, path, { token, json, from: freshAddress() });
    expect(answer.status).toBe(400);
    expect(answer.contentType).toMatch(/^application\/problem\+json/);
    expect(answer.body.errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ path: field, message: expect.stringMatching(/between 2000-01-01 and 2099-12-31/) }),
      ]),
    );
  });

  it('answers the far ends of the range with a 2xx or a problem+json 4xx, never a 5xx', async () => {
    const requests = [
      { method: 'POST', path: '/pledges', token: world.tokens.department, json: { title: 'Far', description: 'D', dueDate: '2099-12-31' } },
      {
        method: 'POST',
        path: '/pledges',
        token: world.tokens.department,
        json: { title: 'Past', description: 'D', dueDate: '2000-01-01' },
      },
      {
        method: 'POST',
        path: '/inspections',
        token: world.tokens.department,
        json: {
          enterpriseId: world.entA,
          plannedDate: '2099-12-28',
          category: 'routine',
          reason: 'R',
          legalBasis: 'L',
          inspectors: ['Li'],
        },
      },
      {
        method: 'POST',
        path: `/fee-cards/${world.entA}/entries`,
        token: world.tokens.department,
        json: {
          feeItemCode: world.feeItemCode,
          amount: 12000,
          collector: 'W',
          collectedAt: '2099-12-31T23:59:59+08:00',
          receiptNo: 'R-end',
        },
      },
      { method: 'GET', path: '/fee-audit?from=2099-01-01&to=2099-12-31', token: world.tokens['soft-env-office'] },
      { method: 'PUT', path: '/calendar/2099', token: world.tokens['soft-env-office'], json: { holidays: ['2099-01-01'], workdays: [] } },
      {
        method: 'POST',
        path: `/complaints/${world.complaintId}/delay-notice`,
        token: world.tokens.department,
        json: { reason: 'Far away.', expectedBy: '2099-12-31' },
      },
      {
        method: 'POST',
        path: '/appointments',
        token: world.tokens.enterprise,
        json: { dept: world.deptA, topic: 'Far', requestedAt: '2099-12-31T23:59:59+08:00' },
      },
      {
        method: 'POST',
        path: `/departments/${world.deptA}/handlers/zhang/absence`,
        token: world.tokens.department,
        json: { from: '2099-12-30', to: '2099-12-31', reason: 'Far' },
      },
    ];
    for (const { method, path, token, json } of requests) {
      const answer = await send(method, path, { token, json, from: freshAddress() });
      expect(answer.status, `${method} ${path}: ${answer.text.slice(0, 200)}`).toBeLessThan(500);
      if (answer.status >= 400) expect(answer.contentType).toMatch(/^application\/problem\+json/);
    }
  });
});

describe('tokens and headers', () => {
  const sign = async (claims: { exp?: number; iat?: number }) => {
    const keys = await loadOrCreateKeys(runtime.dataDir);
    const jwt = new SignJWT({ roles: ['supervisor'] })
      .setProtectedHeader({ alg: 'ES256', kid: 'soft-env-local' })
      .setSubject('supervisor-x')
      .setIssuer(LOCAL_ISSUER)
      .setAudience(LOCAL_AUDIENCE);
    if (claims.iat !== undefined) jwt.setIssuedAt(claims.iat);
    if (claims.exp !== undefined) jwt.setExpirationTime(claims.exp);
    return jwt.sign(keys.privateKey);
  };
  const now = () => Math.floor(Date.now() / 1000);

  it('accepts a token of a working day, and marks the answer nosniff and no-store', async () => {
    const answer = await send('GET', '/alerts?limit=1', { token: await sign({ iat: now(), exp: now() + 12 * 3600 }) });
    expect(answer.status).toBe(200);
    expect(answer.headers['x-content-type-options']).toBe('nosniff');
    expect(answer.headers['cache-control']).toBe('no-store');
    const anonymous = await send('GET', '/departments?limit=1');
    expect(anonymous.headers['x-content-type-options']).toBe('nosniff');
    expect(anonymous.headers['cache-control']).toBeUndefined();
  });

  it.each([
    ['without exp', () => ({ iat: now() })],
    ['valid for a century', () => ({ iat: now(), exp: now() + 100 * 365 * 86400 })],
    ['valid for 25 hours', () => ({ iat: now(), exp: now() + 25 * 3600 })],
    ['issued an hour in the future', () => ({ iat: now() + 3600, exp: now() + 7200 })],
    ['without iat', () => ({ exp: now() + 3600 })],
  ])('refuses a token %s: at the gateway (401) and in the handler that verifies its own', async (_what, claims) => {
    const token = await sign(claims());
    const gateway = await send('GET', '/alerts?limit=1', { token });
    expect(gateway.status).toBe(401);
    expect(gateway.headers['x-content-type-options']).toBe('nosniff');
    const intake = await send('POST', '/complaints', {
      token,
      from: freshAddress(),
      json: { againstDept: world.deptA, category: 'inaction', description: 'With a bad token.' },
    });
    expect(intake.status).toBe(401);
    expect(intake.contentType).toMatch(/^application\/problem\+json/);
  });
});

describe('flooding the public intake', () => {
  it('turns one client away with 429 and Retry-After once past its limit, and not the other citizens', async () => {
    const flooder = freshAddress();
    const file = (from: string, n: number) =>
      send('POST', '/complaints', {
        from,
        json: { againstDept: world.deptA, category: 'inaction', description: `Complaint ${n} from ${from}` },
      });
    await withinOneWindow(INTAKE_PER_CLIENT.windowSeconds);
    const burst = await Promise.all(Array.from({ length: INTAKE_PER_CLIENT.requests + 5 }, (_, n) => file(flooder, n)));
    const statuses = burst.map((answer) => answer.status);
    expect(statuses.filter((status) => status === 201)).toHaveLength(INTAKE_PER_CLIENT.requests);
    const refused = burst.filter((answer) => answer.status === 429);
    expect(refused).toHaveLength(5);
    for (const answer of refused) {
      expect(answer.contentType).toMatch(/^application\/problem\+json/);
      expect(answer.body.type).toBe('urn:soft-env:problem:throttled');
      const retryAfter = Number(answer.headers['retry-after']);
      expect(retryAfter).toBeGreaterThanOrEqual(1);
      expect(retryAfter).toBeLessThanOrEqual(INTAKE_PER_CLIENT.windowSeconds);
    }
    // Right after the burst, ten other citizens file theirs.
    const others: number[] = [];
    for (let n = 0; n < 10; n += 1) others.push((await file(freshAddress(), n)).status);
    expect(others).toEqual(Array(10).fill(201));
  }, 60_000);
});

describe('two decisions at once', () => {
  it('lets exactly one office decision on an inspection win; the other is a 409 and one decision is stored', async () => {
    const filed = await send('POST', '/inspections', {
      token: world.tokens.department,
      json: {
        enterpriseId: world.entA,
        plannedDate: afterThe25th(localDate(new Date())),
        category: 'safety',
        reason: 'Check',
        legalBasis: 'Safety Law art. 1',
        inspectors: ['Li Ming'],
      },
    });
    expect(filed.body.status).toBe('pending-approval');
    const decide = (decision: string) =>
      send('POST', `/inspections/${filed.body.id}/decision`, {
        token: world.tokens['soft-env-office'],
        json: { decision, comment: `Office says ${decision}` },
      });
    const answers = await Promise.all([decide('approve'), decide('reject'), decide('approve'), decide('reject')]);
    const statuses = answers.map((answer) => answer.status).sort();
    expect(statuses).toEqual([200, 409, 409, 409]);
    const winner = answers.find((answer) => answer.status === 200)!;
    const stored = await send('GET', `/inspections/${filed.body.id}`, { token: world.tokens['soft-env-office'] });
    expect(stored.body.status).toBe(winner.body.status);
    expect(stored.body.decision).toMatchObject({ decision: winner.body.decision.decision, comment: winner.body.decision.comment });
    for (const loser of answers.filter((answer) => answer.status === 409)) expect(loser.body.type).toBe('urn:soft-env:problem:not-pending');
  });
});
