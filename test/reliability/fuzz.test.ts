/**
 * Property-based fuzz of every declared route (fast-check): malformed and mutated bodies, path
 * parameters, query parameters (cursors forged from arbitrary JSON among them) and headers, sent
 * by a caller the route admits. Every answer is a 2xx or a problem+json 4xx, never a 5xx; and
 * what a refused request would have created is not stored.
 * `npm test` runs a few cases per route; `npm run test:reliability` runs FUZZ_RUNS of them.
 */
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { localDate } from '#shared/time/clock';
import type { Role } from '#shared/http/auth';
import type { RouteSpec } from '#shared/http/routes';
import { buildWorld, declaredRoutes, freshAddress, pathOf, samples, send, type Answer, type World } from './support.ts';
import { tokenFor } from '../support/http.ts';
import { newDeptId } from '../support/data.ts';
import { eventually } from '../support/eventually.ts';

const RUNS = Number(process.env.FUZZ_RUNS ?? 12);

let world: World;
let fuzzDept: string;
let fuzzToken: string;
const tally = { requests: 0, serverErrors: 0, byStatus: new Map<number, number>() };

beforeAll(async () => {
  world = await buildWorld();
  // Creating routes are fuzzed as a department of their own, so what got stored can be counted.
  fuzzDept = newDeptId('fuzz');
  await send('PUT', `/departments/${fuzzDept}`, {
    token: world.tokens['soft-env-office'],
    json: { name: 'Fuzzed bureau' },
    from: freshAddress(),
  });
  fuzzToken = await tokenFor({ roles: ['department'], dept: fuzzDept, sub: `clerk-${fuzzDept}` });
}, 120_000);

const TOKEN_OF_ROLE: Record<Role, (w: World) => string> = {
  department: (w) => w.tokens.department,
  'soft-env-office': (w) => w.tokens['soft-env-office'],
  supervisor: (w) => w.tokens.supervisor,
  'park-office': (w) => w.tokens['park-office'],
  'service-centre': (w) => w.tokens['service-centre'],
  enterprise: (w) => w.tokens.enterprise,
};

/** Arbitrary JSON values, strings that look like the API's own (dates, ids, cursors) among them. */
const nasty = fc.oneof(
  fc.constantFrom(
    '',
    ' ',
    '9999-12-31',
    '0000-01-01',
    '2099-12-31',
    '2000-01-01',
    '2099-12-31T23:59:59+08:00',
    '2026-02-30',
    '1970-01-01T00:00:00Z',
    '+275760-09-13T00:00:00Z',
    'e30',
    'null',
    '-1',
    '1e309',
    '00000000-0000-0000-0000-000000000000',
    '../../etc/passwd',
    '%00',
    'DEPT#x',
    '<script>',
    'x'.repeat(5000),
  ),
  fc.string(),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.json().map((json) => Buffer.from(json).toString('base64url')),
);
const jsonValue = fc.oneof(nasty, fc.array(nasty, { maxLength: 3 }), fc.dictionary(fc.string({ maxLength: 8 }), nasty, { maxKeys: 3 }));

/** A body from the route's valid sample: a field dropped, replaced, added, or something else altogether. */
function bodyArbitrary(sample: unknown) {
  const fields = sample && typeof sample === 'object' ? Object.keys(sample) : [];
  return fc.oneof(
    fc.constant(sample),
    jsonValue,
    ...(fields.length
      ? [
          fc.tuple(fc.constantFrom(...fields), jsonValue).map(([field, value]) => ({ ...(sample as object), [field]: value })),
          fc
            .constantFrom(...fields)
            .map((field) => Object.fromEntries(Object.entries(sample as Record<string, unknown>).filter(([name]) => name !== field))),
        ]
      : []),
    fc.tuple(fc.string({ maxLength: 10 }), jsonValue).map(([field, value]) => ({ ...(sample as object), [field]: value })),
  );
}

function paramsArbitrary(sample: Record<string, string> = {}) {
  const names = Object.keys(sample);
  if (!names.length) return fc.constant(sample);
  return fc.oneof(
    fc.constant(sample),
    fc
      .tuple(fc.constantFrom(...names), fc.oneof(fc.string({ minLength: 1 }), nasty.map(String)))
      .filter(([, value]) => value.length > 0 && !value.includes('/'))
      .map(([name, value]) => ({ ...sample, [name]: value })),
  );
}

function queryArbitrary(sample: Record<string, string> = {}) {
  const keys = [
    'cursor',
    'limit',
    'from',
    'to',
    'month',
    'status',
    'dept',
    'unit',
    'enterpriseId',
    'severity',
    'concern',
    ...Object.keys(sample),
  ];
  return fc.oneof(
    fc.constant(sample),
    fc.tuple(fc.constantFrom(...keys), nasty.map(String)).map(([key, value]) => ({ ...sample, [key]: value })),
  );
}

const headersArbitrary = fc.record(
  {
    'content-type': fc.constantFrom(
      'application/json',
      'application/json; charset=utf-8',
      'text/plain',
      'application/problem+json',
      'multipart/form-data',
      '',
    ),
    'idempotency-key': fc.oneof(
      fc.constant(undefined),
      fc.string({ maxLength: 300 }).filter((key) => /^[\x21-\x7e]*$/.test(key)),
    ),
  },
  { requiredKeys: ['content-type'] },
);

/** Below a route's shared throttle, so the fuzz does not turn away the other tests' citizens. */
const paceFor = (route: RouteSpec) =>
  route.throttle ? new Promise((resolve) => setTimeout(resolve, 1500 / route.throttle!.rateLimit)) : Promise.resolve();

function check(route: string, answer: Answer): void {
  tally.requests += 1;
  tally.byStatus.set(answer.status, (tally.byStatus.get(answer.status) ?? 0) + 1);
  if (answer.status >= 500) tally.serverErrors += 1;
  expect(answer.status, `${route}: ${answer.text.slice(0, 300)}`).toBeLessThan(500);
  if (answer.status >= 400) expect(answer.contentType, route).toMatch(/^application\/problem\+json/);
}

describe('fuzzing every declared route', () => {
  it.each(declaredRoutes.map((declared) => [`${declared.route.method} ${declared.route.path}`, declared] as const))(
    '%s answers 2xx or problem+json 4xx, never 5xx',
    async (_key, { name, route }) => {
      const sample = samples(world)[name]!(localDate(new Date()));
      const token = route.roles === 'public' ? undefined : TOKEN_OF_ROLE[route.roles[0]!](world);
      await fc.assert(
        fc.asyncProperty(
          paramsArbitrary(sample.params),
          queryArbitrary(sample.query),
          bodyArbitrary(sample.json),
          headersArbitrary,
          async (params, query, body, headers) => {
            const cleanHeaders = Object.fromEntries(
              Object.entries(headers).filter(([, value]) => value !== undefined && value !== ''),
            ) as Record<string, string>;
            const answer = await send(route.method, pathOf(route, params, query), {
              token,
              from: freshAddress(),
              headers: cleanHeaders,
              ...(route.method === 'GET' ? {} : { body: JSON.stringify(body) }),
            });
            check(`${route.method} ${route.path}`, answer);
            await paceFor(route);
          },
        ),
        { numRuns: RUNS },
      );
    },
    600_000,
  );

  it('stores nothing for a refused creation: what the lists hold is what was answered 201', async () => {
    const createdIds = { pledges: [] as string[], inspections: [] as string[], complaints: [] as string[] };
    const creating = [
      { kind: 'pledges' as const, name: 'makePledge' },
      { kind: 'inspections' as const, name: 'fileInspection' },
      { kind: 'complaints' as const, name: 'fileComplaint' },
    ];
    for (const { kind, name } of creating) {
      const declared = declaredRoutes.find((candidate) => candidate.name === name)!;
      const sample = samples(world)[name]!(localDate(new Date())).json as Record<string, unknown>;
      const own = kind === 'complaints' ? { ...sample, againstDept: fuzzDept } : sample;
      await fc.assert(
        fc.asyncProperty(bodyArbitrary(own), async (body) => {
          const answer = await send('POST', declared.route.path, {
            token: kind === 'complaints' ? undefined : fuzzToken,
            from: freshAddress(),
            json: body,
          });
          check(declared.route.path, answer);
          // A fuzzed againstDept may name a department the PUT fuzz created: that complaint is listed there, not here.
          const elsewhere = kind === 'complaints' && (body as { againstDept?: unknown } | null)?.againstDept !== fuzzDept;
          if (answer.status === 201 && !elsewhere) createdIds[kind].push(answer.body.id);
          await paceFor(declared.route);
        }),
        { numRuns: RUNS * 2 },
      );
    }
    const office = world.tokens['soft-env-office'];
    const listedIds = async (path: string): Promise<string[]> => {
      const ids: string[] = [];
      let cursor: string | undefined;
      do {
        const page = await send('GET', `${path}&limit=200${cursor ? `&cursor=${cursor}` : ''}`, { token: office });
        expect(page.status).toBe(200);
        ids.push(...page.body.items.map((item: { id: string }) => item.id));
        cursor = page.body.nextCursor;
      } while (cursor);
      return ids.sort();
    };
    // Listings read an index, which (as in DynamoDB) may trail the write by a moment.
    await eventually(async () => expect(await listedIds(`/pledges?dept=${fuzzDept}`)).toEqual(createdIds.pledges.sort()), 5_000);
    await eventually(async () => expect(await listedIds(`/inspections?dept=${fuzzDept}`)).toEqual(createdIds.inspections.sort()), 5_000);
    await eventually(async () => expect(await listedIds(`/complaints?dept=${fuzzDept}`)).toEqual(createdIds.complaints.sort()), 5_000);
    console.log(
      `fuzz: ${tally.requests} requests, ${tally.serverErrors} 5xx; statuses ${JSON.stringify(Object.fromEntries([...tally.byStatus].sort()))}`,
    );
  }, 600_000);
});
