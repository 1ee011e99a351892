/**
 * The request path through the local gateway on DynamoDB Local: a representative read and
 * write of each concern (bench/scenarios/, one file per concern) with autocannon at 1 and 10
 * connections, beside the DynamoDB calls that request makes, issued directly with the SDK at the
 * same concurrency; and the same read and write with 1,000 and with 100,000 records in the table
 * (flat-cost.ts).
 */
import autocannon from 'autocannon';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { startRuntimeProcess, type RuntimeProcess } from '../infra/local/child.ts';
import { localClient } from '../infra/local/dynamodb.ts';
import { loadOrCreateKeys, signToken } from '../infra/local/signing.ts';
import { median, percentile } from './stats.ts';
import { measureFlatCost } from './flat-cost.ts';
import { seedWorld, type Scenario } from './scenarios/world.ts';
import { registryScenarios } from './scenarios/registry.ts';
import { feeCardScenarios } from './scenarios/fee-cards.ts';
import { inspectionScenarios } from './scenarios/inspections.ts';
import { complaintScenarios } from './scenarios/complaints.ts';
import { pledgeScenarios } from './scenarios/pledges.ts';
import { applicationScenarios } from './scenarios/applications.ts';
import { evaluationScenarios } from './scenarios/evaluations.ts';

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
    const world = await seedWorld(call, token, db, tableName, log);
    const scenarios: Scenario[] = [
      ...registryScenarios(world),
      ...feeCardScenarios(world),
      ...inspectionScenarios(world),
      ...complaintScenarios(world),
      ...pledgeScenarios(world),
      ...applicationScenarios(world),
      ...evaluationScenarios(world),
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

    // The unit's fee items (a read) and a department's rename (a write), at 1,000 and 100,000 records.
    const flatRead = feeCardScenarios(world)[0]!;
    const flatWrite = registryScenarios(world)[1]!;
    const flat = await measureFlatCost(world, { flatRead, flatWrite }, (scenario, s) => httpLoop(url, scenario, s), seconds, log);
    return { figures, flat };
  } finally {
    await runtime.stop();
  }
}
