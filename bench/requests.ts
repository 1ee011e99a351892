/**
 * The request path through the local gateway on DynamoDB Local: a representative read and
 * write of each concern with autocannon at 1 and 10 connections, beside the DynamoDB calls
 * that request makes, issued directly with the SDK at the same concurrency; and the same read
 * and write with 1,000 and with 100,000 records in the table.
 */
import { createHash } from 'node:crypto';
import autocannon from 'autocannon';
import {
  BatchWriteCommand,
  DynamoDBDocumentClient,
  GetCommand,
  PutCommand,
  QueryCommand,
  TransactWriteCommand,
} from '@aws-sdk/lib-dynamodb';
import { startRuntimeProcess, type RuntimeProcess } from '../infra/local/child.ts';
import { localClient } from '../infra/local/dynamodb.ts';
import { loadOrCreateKeys, signToken } from '../infra/local/signing.ts';
import { completeCreditCode } from '../shared/domain/credit-code.ts';
import { keyCondition, keys, lists, patterns } from '../shared/data/table.ts';
import { addDays, localDate } from '../shared/time/clock.ts';
import { median, percentile } from './stats.ts';

export interface Measured {
  rps: number;
  p50: number;
  p99: number;
  errors: number;
}
export interface ScenarioFigures {
  concern: string;
  name: string;
  kind: 'read' | 'write';
  http: Record<number, Measured>;
  raw: Record<number, Measured>;
}

interface Request {
  method: string;
  path: string;
  body?: unknown;
  token?: string;
}
interface Scenario {
  concern: string;
  name: string;
  kind: 'read' | 'write';
  request: () => Request;
  raw: () => Promise<unknown>;
}

const creditCode = (n: number) => {
  const body = `91350100${String(n).padStart(9, '0')}`;
  return completeCreditCode(body);
};

async function httpRun(url: string, scenario: Scenario, connections: number, seconds: number): Promise<Measured> {
  const result = await autocannon({
    url,
    connections,
    duration: seconds,
    pipelining: 1,
    requests: [
      {
        setupRequest: (request: any) => {
          const next = scenario.request();
          return {
            ...request,
            method: next.method,
            path: next.path,
            headers: { 'content-type': 'application/json', ...(next.token ? { authorization: `Bearer ${next.token}` } : {}) },
            ...(next.body === undefined ? {} : { body: JSON.stringify(next.body) }),
          };
        },
      },
    ],
  });
  return { rps: result.requests.average, p50: result.latency.p50, p99: result.latency.p99, errors: result.non2xx + result.errors };
}

/** Sequential requests timed one by one (finer than autocannon's whole milliseconds), for the flat-cost comparison. */
async function httpLoop(url: string, scenario: Scenario, seconds: number): Promise<Measured> {
  const latencies: number[] = [];
  let errors = 0;
  const end = Date.now() + seconds * 1000;
  while (Date.now() < end) {
    const next = scenario.request();
    const started = performance.now();
    const response = await fetch(`${url}${next.path}`, {
      method: next.method,
      headers: { 'content-type': 'application/json', ...(next.token ? { authorization: `Bearer ${next.token}` } : {}) },
      ...(next.body === undefined ? {} : { body: JSON.stringify(next.body) }),
    });
    await response.arrayBuffer();
    latencies.push(performance.now() - started);
    if (response.status >= 300) errors += 1;
  }
  return { rps: latencies.length / seconds, p50: median(latencies), p99: percentile(latencies, 99), errors };
}

async function rawRun(call: () => Promise<unknown>, connections: number, seconds: number): Promise<Measured> {
  const latencies: number[] = [];
  let errors = 0;
  const end = Date.now() + seconds * 1000;
  await Promise.all(
    Array.from({ length: connections }, async () => {
      while (Date.now() < end) {
        const started = performance.now();
        try {
          await call();
        } catch {
          errors += 1;
        }
        latencies.push(performance.now() - started);
      }
    }),
  );
  return { rps: latencies.length / seconds, p50: median(latencies), p99: percentile(latencies, 99), errors };
}

export async function measureRequests(seconds: number, log: (line: string) => void) {
  const runtime: RuntimeProcess = await startRuntimeProcess({ POWERTOOLS_LOG_LEVEL: 'ERROR' });
  try {
    const { url, dataDir, dynamodbEndpoint, tableName } = runtime.info;
    const db = DynamoDBDocumentClient.from(localClient(dynamodbEndpoint), { marshallOptions: { removeUndefinedValues: true } });
    const signing = await loadOrCreateKeys(dataDir);
    const token = (claims: { roles: string[]; dept?: string; ent?: string }) =>
      signToken(signing, { sub: `bench-${claims.roles[0]}`, ...claims });
    const office = await token({ roles: ['soft-env-office'] });
    const park = await token({ roles: ['park-office'] });
    const supervisor = await token({ roles: ['supervisor'] });
    const dept = 'bench-unit';
    const clerk = await token({ roles: ['department'], dept });
    const call = async (method: string, path: string, bearer: string | undefined, body?: unknown) => {
      const response = await fetch(`${url}${path}`, {
        method,
        headers: { 'content-type': 'application/json', ...(bearer ? { authorization: `Bearer ${bearer}` } : {}) },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
      const text = await response.text();
      if (response.status >= 300) throw new Error(`${method} ${path}: ${response.status} ${text}`);
      return JSON.parse(text || '{}');
    };

    // Seed: the department, its fee item, 50 cards, an inspection for today, a complaint, 50 pledges.
    log('seeding the local runtime');
    await call('PUT', `/departments/${dept}`, office, { name: 'Benchmark Bureau' });
    await call('PUT', `/departments/${dept}/handlers`, clerk, { handlers: [{ id: 'a', name: 'A', available: true }] });
    await call('PUT', '/fee-items/BENCH-1', office, {
      unit: dept,
      name: 'Benchmark fee',
      legalBasis: 'Bench law',
      standard: { kind: 'range', min: 1, max: 100000 },
    });
    const cards = Array.from({ length: 50 }, (_, i) => creditCode(i + 1));
    for (const enterpriseId of cards) await call('POST', '/fee-cards', park, { enterpriseId, enterpriseName: 'Bench Co.' });
    const visited = cards[0]!;
    const today = localDate(new Date());
    const inspection = await call('POST', '/inspections', clerk, {
      enterpriseId: visited,
      plannedDate: today,
      category: 'safety',
      reason: 'r',
      legalBasis: 'l',
      inspectors: ['x'],
    });
    if (inspection.status === 'pending-approval')
      await call('POST', `/inspections/${inspection.id}/decision`, office, { decision: 'approve', comment: 'ok' });
    const owner = await token({ roles: ['enterprise'], ent: visited });
    const complaint = await call('POST', '/complaints', undefined, { againstDept: dept, category: 'other', description: 'bench' });
    const pledges: string[] = [];
    for (let i = 0; i < 50; i += 1)
      pledges.push((await call('POST', '/pledges', clerk, { title: `Pledge ${i}`, description: 'd', dueDate: addDays(today, 300) })).id);
    const quarter = `${today.slice(0, 4)}-Q${Math.floor((Number(today.slice(5, 7)) - 1) / 3) + 1}`;
    await call('PUT', '/approval-items/BENCH-SC', office, {
      dept,
      name: 'Benchmark licence',
      legalBasis: 'Bench law',
      statutoryDays: 15,
      pledgedDays: 10,
      materials: ['form'],
    });
    const application = await call('POST', '/applications', owner, { itemCode: 'BENCH-SC', materials: ['form'] });

    let counter = 0;
    const next = () => (counter += 1);
    const scenarios: Scenario[] = [
      {
        concern: 'registry',
        name: 'GET /departments',
        kind: 'read',
        request: () => ({ method: 'GET', path: '/departments?limit=50' }),
        raw: () => db.send(new QueryCommand({ TableName: tableName, ...keyCondition(patterns.departments()), Limit: 50 })),
      },
      {
        concern: 'registry',
        name: 'PUT /departments/{id}',
        kind: 'write',
        request: () => ({ method: 'PUT', path: `/departments/bench-${next() % 200}`, token: office, body: { name: 'Bench' } }),
        raw: async () => {
          const id = `bench-raw-${next() % 200}`;
          await db.send(new GetCommand({ TableName: tableName, Key: keys.department(id) }));
          await db.send(
            new PutCommand({
              TableName: tableName,
              Item: { ...keys.department(id), ...keys.departmentsIndex(id), deptId: id, name: 'Bench' },
            }),
          );
        },
      },
      {
        concern: 'fee-cards',
        name: 'GET /fee-items?unit=',
        kind: 'read',
        request: () => ({ method: 'GET', path: `/fee-items?unit=${dept}` }),
        raw: () => db.send(new QueryCommand({ TableName: tableName, ...keyCondition(patterns.feeItemsOfUnit(dept)), Limit: 50 })),
      },
      {
        concern: 'fee-cards',
        name: 'POST /fee-cards/{id}/entries',
        kind: 'write',
        request: () => {
          const n = next();
          return {
            method: 'POST',
            path: `/fee-cards/${cards[n % cards.length]}/entries`,
            token: clerk,
            body: { feeItemCode: 'BENCH-1', amount: 500, collector: 'Bench', collectedAt: new Date().toISOString(), receiptNo: `H-${n}` },
          };
        },
        raw: async () => {
          // The same calls: the card, the fee item, and the four-item transaction.
          const n = next();
          const enterpriseId = `RAW${n % 50}`;
          const card = (await db.send(new GetCommand({ TableName: tableName, Key: keys.card(enterpriseId), ConsistentRead: true })))
            .Item ?? { entryCount: 0 };
          await db.send(new GetCommand({ TableName: tableName, Key: keys.feeItem('BENCH-1') }));
          const count = card.entryCount as number;
          await db.send(
            new TransactWriteCommand({
              TransactItems: [
                { Put: { TableName: tableName, Item: { ...keys.card(enterpriseId), entryCount: count + 1 } } },
                {
                  Put: {
                    TableName: tableName,
                    Item: { pk: keys.cardPartition(enterpriseId), sk: `ENTRY#${n}`, amount: 500 },
                    ConditionExpression: 'attribute_not_exists(pk)',
                  },
                },
                {
                  Put: { TableName: tableName, Item: { ...keys.receipt(dept, `R-${n}`) }, ConditionExpression: 'attribute_not_exists(pk)' },
                },
                {
                  Update: {
                    TableName: tableName,
                    Key: keys.feeTotals('2099-01', '2099-01-01', 'ENTRY', dept, `RAW${n % 50}`),
                    UpdateExpression: 'ADD #c :one',
                    ExpressionAttributeNames: { '#c': 'count' },
                    ExpressionAttributeValues: { ':one': 1 },
                  },
                },
              ],
            }),
          );
        },
      },
      {
        concern: 'inspections',
        name: 'GET /inspections/{id}',
        kind: 'read',
        request: () => ({ method: 'GET', path: `/inspections/${inspection.id}`, token: supervisor }),
        raw: async () => {
          await db.send(new GetCommand({ TableName: tableName, Key: keys.inspection(inspection.id), ConsistentRead: true }));
          await db.send(new QueryCommand({ TableName: tableName, ...keyCondition(patterns.visitsOfInspection(inspection.id)) }));
        },
      },
      {
        concern: 'inspections',
        name: 'POST /inspections/{id}/visits',
        kind: 'write',
        request: () => ({ method: 'POST', path: `/inspections/${inspection.id}/visits`, token: owner, body: {} }),
        raw: async () => {
          await db.send(new GetCommand({ TableName: tableName, Key: keys.inspection(inspection.id), ConsistentRead: true }));
          await db.send(
            new TransactWriteCommand({
              TransactItems: [
                {
                  Put: {
                    TableName: tableName,
                    Item: { ...keys.visit(inspection.id, new Date().toISOString(), `raw-${next()}`), allowed: true },
                    ConditionExpression: 'attribute_not_exists(pk)',
                  },
                },
              ],
            }),
          );
        },
      },
      {
        concern: 'complaints',
        name: 'GET /complaints/track/{code}',
        kind: 'read',
        request: () => ({ method: 'GET', path: `/complaints/track/${complaint.trackingCode}` }),
        raw: async () => {
          await db.send(
            new GetCommand({ TableName: tableName, Key: keys.tracking(createHash('sha256').update(complaint.trackingCode).digest('hex')) }),
          );
          await db.send(new GetCommand({ TableName: tableName, Key: keys.complaint(complaint.id), ConsistentRead: true }));
        },
      },
      {
        concern: 'complaints',
        name: 'PUT /departments/{id}/handlers',
        kind: 'write',
        request: () => ({
          method: 'PUT',
          path: `/departments/${dept}/handlers`,
          token: clerk,
          body: { handlers: [{ id: 'a', name: 'A', available: next() % 2 === 0 }] },
        }),
        raw: async () => {
          await db.send(new GetCommand({ TableName: tableName, Key: keys.department(dept) }));
          await db.send(
            new PutCommand({
              TableName: tableName,
              Item: { ...keys.roster('bench-raw'), handlers: [{ id: 'a', name: 'A', available: true }] },
            }),
          );
        },
      },
      {
        concern: 'pledges',
        name: 'GET /pledges/{id}',
        kind: 'read',
        request: () => ({ method: 'GET', path: `/pledges/${pledges[0]}` }),
        raw: () => db.send(new GetCommand({ TableName: tableName, Key: keys.pledge(pledges[0]!), ConsistentRead: true })),
      },
      {
        concern: 'pledges',
        name: 'POST /pledges/{id}/reviews',
        kind: 'write',
        request: () => ({
          method: 'POST',
          path: `/pledges/${pledges[next() % pledges.length]}/reviews`,
          token: clerk,
          body: { verdict: 'in-progress', evidence: 'On track.' },
        }),
        raw: async () => {
          const id = `raw-${next() % 50}`;
          const item = (await db.send(new GetCommand({ TableName: tableName, Key: keys.pledge(id), ConsistentRead: true }))).Item;
          if (!item) {
            await db.send(new PutCommand({ TableName: tableName, Item: { ...keys.pledge(id), version: 1, reviews: [] } }));
            return;
          }
          // The handler's conditional update, in a transaction as it writes it.
          await db
            .send(
              new TransactWriteCommand({
                TransactItems: [
                  {
                    Update: {
                      TableName: tableName,
                      Key: keys.pledge(id),
                      UpdateExpression: 'SET #s = :s, #f = :f, #r = list_append(#r, :rv), version = :n',
                      ConditionExpression: 'version = :v',
                      ExpressionAttributeNames: { '#s': 'status', '#f': 'final', '#r': 'reviews' },
                      ExpressionAttributeValues: {
                        ':s': 'in-progress',
                        ':f': false,
                        ':rv': [{ verdict: 'in-progress', evidence: 'On track.' }],
                        ':n': (item.version as number) + 1,
                        ':v': item.version,
                      },
                    },
                  },
                ],
              }),
            )
            .catch(() => undefined);
        },
      },
      {
        concern: 'applications',
        name: 'GET /applications/{id}',
        kind: 'read',
        request: () => ({ method: 'GET', path: `/applications/${application.id}`, token: owner }),
        // The record, then today's roster of its department (who holds it now: the post covering an absent holder).
        raw: async () => {
          await db.send(new GetCommand({ TableName: tableName, Key: keys.application(application.id), ConsistentRead: true }));
          await db.send(
            new QueryCommand({
              TableName: tableName,
              ...keyCondition(patterns.rosterWithAbsences(dept, localDate(new Date()))),
              ConsistentRead: true,
            }),
          );
        },
      },
      {
        concern: 'applications',
        name: 'POST /applications',
        kind: 'write',
        request: () => ({ method: 'POST', path: '/applications', token: owner, body: { itemCode: 'BENCH-SC', materials: ['form'] } }),
        raw: async () => {
          // The same calls: the approval item, the roster, and the new application on its three indexes.
          const n = next();
          await db.send(new GetCommand({ TableName: tableName, Key: keys.approvalItem('BENCH-SC') }));
          await db.send(new GetCommand({ TableName: tableName, Key: keys.roster(dept) }));
          const instant = new Date().toISOString();
          await db.send(
            new TransactWriteCommand({
              TransactItems: [
                {
                  Put: {
                    TableName: tableName,
                    Item: {
                      ...keys.application(`raw-${n}`),
                      ...lists.applications.entries({ dept, enterpriseId: visited, at: instant, id: `raw-${n}` }),
                      status: 'received',
                      version: 1,
                      timeline: [],
                    },
                    ConditionExpression: 'attribute_not_exists(pk)',
                  },
                },
              ],
            }),
          );
        },
      },
      {
        concern: 'evaluations',
        name: 'GET /evaluations/{quarter}',
        kind: 'read',
        request: () => ({ method: 'GET', path: `/evaluations/${quarter}` }),
        raw: async () => {
          await db.send(new QueryCommand({ TableName: tableName, ...keyCondition(patterns.departments()) }));
          await db.send(new QueryCommand({ TableName: tableName, ...keyCondition(patterns.evaluationOfQuarter(quarter)) }));
        },
      },
    ];

    const figures: ScenarioFigures[] = [];
    for (const scenario of scenarios) {
      const entry: ScenarioFigures = { concern: scenario.concern, name: scenario.name, kind: scenario.kind, http: {}, raw: {} };
      for (const connections of [1, 10]) {
        // Warm both paths first (cold imports, JIT, DynamoDB Local's own warm-up).
        await rawRun(scenario.raw, connections, 0.5);
        await httpRun(url, scenario, connections, 1);
        entry.http[connections] = await httpRun(url, scenario, connections, seconds);
        entry.raw[connections] = await rawRun(scenario.raw, connections, seconds);
      }
      log(`  ${scenario.concern} ${scenario.name}: p50 ${entry.http[10]!.p50} ms at 10 connections`);
      figures.push(entry);
    }

    // Flat cost: the same read and write at 1,000 and at 100,000 records.
    const flatRead = scenarios[2]!;
    const flatWrite = scenarios[1]!;
    const capacity = async () => {
      // The read's Query and a first write of a new department (table and index), as the requests make them.
      const read = await db.send(
        new QueryCommand({
          TableName: tableName,
          ...keyCondition(patterns.feeItemsOfUnit(dept)),
          Limit: 50,
          ReturnConsumedCapacity: 'TOTAL',
        }),
      );
      const id = `bench-capacity-${next()}`;
      const write = await db.send(
        new PutCommand({
          TableName: tableName,
          Item: { ...keys.department(id), ...keys.departmentsIndex(id), deptId: id, name: 'Bench' },
          ReturnConsumedCapacity: 'TOTAL',
        }),
      );
      return { read: read.ConsumedCapacity?.CapacityUnits ?? null, write: write.ConsumedCapacity?.CapacityUnits ?? null };
    };
    const fill = async (from: number, to: number) => {
      // Filler fee items of other units: the same kind of record, in the same table and indexes.
      const batches: Record<string, unknown>[][] = [];
      for (let i = from; i < to; i += 25) {
        batches.push(
          Array.from({ length: Math.min(25, to - i) }, (_, j) => ({
            PutRequest: {
              Item: {
                ...keys.feeItem(`FILL-${i + j}`),
                ...lists.feeItems.entries(`filler-${(i + j) % 97}`, `FILL-${i + j}`),
                type: 'fee-item',
                code: `FILL-${i + j}`,
                name: 'Filler',
                standard: { kind: 'fixed', amount: 1 },
              },
            },
          })),
        );
      }
      let index = 0;
      await Promise.all(
        Array.from({ length: 8 }, async () => {
          while (index < batches.length) {
            const batch = batches[index++]!;
            let request: Record<string, any> | undefined = { [tableName]: batch };
            while (request && Object.keys(request).length) {
              const result: { UnprocessedItems?: Record<string, any> } = await db.send(new BatchWriteCommand({ RequestItems: request }));
              request = result.UnprocessedItems;
            }
          }
        }),
      );
    };
    const flat: Record<string, { read: Measured; write: Measured; capacity: { read: number | null; write: number | null } }> = {};
    log('flat cost: 1,000 records');
    await fill(0, 1000);
    await httpLoop(url, flatRead, 1);
    flat['1000'] = {
      read: await httpLoop(url, flatRead, seconds),
      write: await httpLoop(url, flatWrite, seconds),
      capacity: await capacity(),
    };
    log('flat cost: filling to 100,000 records');
    await fill(1000, 100_000);
    await httpLoop(url, flatRead, 1);
    flat['100000'] = {
      read: await httpLoop(url, flatRead, seconds),
      write: await httpLoop(url, flatWrite, seconds),
      capacity: await capacity(),
    };
    return { figures, flat };
  } finally {
    await runtime.stop();
  }
}
