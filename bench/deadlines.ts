/**
 * Deadlines: each path of a timed matter run down the synthesized state machine (the very runs
 * test/infra/deadline-workflow.test.ts asserts), what that path costs in AWS, and the alert lag:
 * from a stage's instant to its alert in the local runtime's alert sink (alerts.jsonl).
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { synthesizeTemplates } from '../infra/local/synth.ts';
import { stateMachineDefinition } from '../infra/local/step-functions.ts';
import { startRuntimeProcess } from '../infra/local/child.ts';
import { loadOrCreateKeys, signToken } from '../infra/local/signing.ts';
import { confirmationTimeline } from '../functions/appointments/rules.ts';
import { completeCreditCode } from '../shared/domain/credit-code.ts';
import { percentile } from './stats.ts';

/** US East (N. Virginia, us-east-1) list prices, per unit, without free tiers. */
export const PRICES = {
  stepFunctionsTransition: 0.025 / 1000,
  httpApiRequest: 1.0 / 1_000_000,
  lambdaRequest: 0.2 / 1_000_000,
  lambdaGbSecondArm: 0.0000133334,
  dynamoWriteUnit: 0.625 / 1_000_000,
  dynamoReadUnit: 0.125 / 1_000_000,
  snsPublish: 0.5 / 1_000_000,
};

/** The check Lambda as deployed (infra/stacks/stateless.ts: 512 MB, arm64) and a billed duration assumed for one read and one write. */
export const CHECK_LAMBDA = { memoryGb: 0.5, billedSeconds: 0.05 };

export interface PathFigures {
  path: string;
  transitions: number;
  checks: number;
  publishes: number;
  status: string;
}

/** Each path run for real: the synthesized definition on aws-local-stepfunctions, states entered counted. */
export async function countTransitions(): Promise<PathFigures[]> {
  const { definition } = stateMachineDefinition(synthesizeTemplates().stateless);
  // The stand-in check builds its alert with the functions' own module, which reads their configuration at import; no table is used.
  process.env.TABLE_NAME ??= 'soft-env';
  const { DEADLINE_PATHS, runDeadlinePath } = await import('../test/support/deadline-paths.ts');
  const results: PathFigures[] = [];
  for (const { path: name, closesAt } of DEADLINE_PATHS) {
    const { record, checks, publishes } = await runDeadlinePath(definition, closesAt);
    results.push({
      path: name,
      transitions: record.transitions,
      checks: checks.length,
      publishes: publishes.length,
      status: record.status,
    });
  }
  return results;
}

/** What one execution of a path costs in AWS: its transitions, its check invocations, its SNS publishes. */
export function pathCost(path: { transitions: number; checks: number; publishes: number }) {
  const stepFunctions = path.transitions * PRICES.stepFunctionsTransition;
  const checks = path.checks * (PRICES.lambdaRequest + CHECK_LAMBDA.memoryGb * CHECK_LAMBDA.billedSeconds * PRICES.lambdaGbSecondArm);
  const sns = path.publishes * PRICES.snsPublish;
  return { stepFunctions, checks, sns, total: stepFunctions + checks + sns };
}

/**
 * What 1,000 complaints cost on each path, everything counted: intake and two answers through
 * the API (3 requests, 3 Lambda invocations of ~60 ms at 512 MB), their DynamoDB writes (a
 * transaction of 3 items on intake and 2-3 on each answer: about 16 write units, doubled for
 * transactions, and 6 read units), and the deadline executions (two per complaint: the
 * acknowledgement's and the answer's), their check invocations and SNS publishes.
 */
export function costPerThousand(path: { transitions: number; checks: number; publishes: number }) {
  const matters = 1000;
  const executions = 2;
  const stepFunctions = matters * executions * path.transitions * PRICES.stepFunctionsTransition;
  const api = matters * 3 * PRICES.httpApiRequest;
  const lambda = matters * (3 + executions * path.checks) * (PRICES.lambdaRequest + 0.5 * 0.06 * PRICES.lambdaGbSecondArm);
  const dynamo = matters * (16 * PRICES.dynamoWriteUnit + (6 + executions * path.checks) * PRICES.dynamoReadUnit);
  const sns = matters * executions * path.publishes * PRICES.snsPublish;
  return { stepFunctions, api, lambda, dynamo, sns, total: stepFunctions + api + lambda + dynamo + sns };
}

/** Seconds of the runtime's clock per real second in the lag run: an appointment's 16, 24 and 48 hours in 8, 12 and 24 s. */
export const LAG_TIME_SCALE = 7200;
const STAGE_FIELDS = { warning: 'warnAt', breach: 'deadline', escalation: 'escalateAt' } as const;
type Severity = keyof typeof STAGE_FIELDS;

export interface LagFigures {
  matters: number;
  /** Real seconds from each stage's instant to its alert's line in alerts.jsonl, by stage. */
  lags: Record<Severity, number[]>;
  /** How precisely the runtime's clock was placed on real time (half the best /health round trip), seconds. */
  clockUncertainty: number;
}

/**
 * The alert lag on the local runtime (a child process, as `npm start` runs): `matters` unconfirmed
 * 24-hour appointment requests, filed 0.4 s apart, their watches started through the outbox; each
 * stage's instant on the runtime's clock is placed on real time, and the sink is read every 5 ms.
 */
export async function measureAlertLag(matters: number, log: (line: string) => void): Promise<LagFigures> {
  const clockStart = new Date();
  const runtime = await startRuntimeProcess({ CLOCK_START: clockStart.toISOString(), TIME_SCALE: String(LAG_TIME_SCALE) });
  try {
    const { url, dataDir } = runtime.info;
    const keys = await loadOrCreateKeys(dataDir);
    const call = async (method: string, route: string, token: string | undefined, body?: unknown) => {
      const response = await fetch(`${url}${route}`, {
        method,
        headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
      const text = await response.text();
      if (response.status >= 300) throw new Error(`${method} ${route}: ${response.status} ${text}`);
      return JSON.parse(text || '{}');
    };

    // Where the runtime's clock stands on real time: its real start, from the /health answer with the shortest round trip.
    let best = { roundTrip: Infinity, realStart: 0 };
    for (let sample = 0; sample < 20; sample += 1) {
      const sent = Date.now();
      const { now } = (await call('GET', '/health', undefined)) as { now: string };
      const received = Date.now();
      const realStart = (sent + received) / 2 - (Date.parse(now) - clockStart.getTime()) / LAG_TIME_SCALE;
      if (received - sent < best.roundTrip) best = { roundTrip: received - sent, realStart };
    }
    const realInstantOf = (virtual: string) => best.realStart + (Date.parse(virtual) - clockStart.getTime()) / LAG_TIME_SCALE;

    const dept = 'bench-lag';
    const office = await signToken(keys, { sub: 'bench-office', roles: ['soft-env-office'] });
    await call('PUT', `/departments/${dept}`, office, { name: 'Benchmark Service Centre' });
    const filed = new Map<string, string>();
    log(`alert lag: filing ${matters} appointment requests, their stages ${LAG_TIME_SCALE} times faster than real time`);
    for (let index = 0; index < matters; index += 1) {
      const ent = completeCreditCode(`91350100${String(700_000_000 + index).padStart(9, '0')}`);
      const owner = await signToken(keys, { sub: `bench-owner-${index}`, roles: ['enterprise'], ent });
      const requestedAt = new Date(Date.parse(clockStart.toISOString()) + 10 * 86_400_000).toISOString();
      const appointment = await call('POST', '/appointments', owner, { dept, topic: 'Benchmark: alert lag', requestedAt });
      filed.set(appointment.id, appointment.receivedAt);
      await new Promise((resolve) => setTimeout(resolve, 400));
    }

    // Each alert's arrival, read off the sink as it grows.
    const sink = path.join(dataDir, 'alerts.jsonl');
    const lags: Record<Severity, number[]> = { warning: [], breach: [], escalation: [] };
    let read = 0;
    let pending = '';
    const expected = matters * 3;
    const giveUp = Date.now() + 120_000;
    let seen = 0;
    while (seen < expected && Date.now() < giveUp) {
      await new Promise((resolve) => setTimeout(resolve, 5));
      if (!existsSync(sink) || statSync(sink).size === read) continue;
      const arrived = Date.now();
      const bytes = readFileSync(sink);
      pending += bytes.subarray(read).toString('utf8');
      read = bytes.length;
      const lines = pending.split('\n');
      pending = lines.pop() ?? '';
      for (const line of lines.filter(Boolean)) {
        const alert = JSON.parse(line) as { severity: Severity; subject: { id: string } };
        const receivedAt = filed.get(alert.subject.id);
        if (!receivedAt || !(alert.severity in STAGE_FIELDS)) continue;
        const instant = confirmationTimeline(new Date(receivedAt))[STAGE_FIELDS[alert.severity]];
        lags[alert.severity].push((arrived - realInstantOf(instant)) / 1000);
        seen += 1;
      }
    }
    if (seen < expected) throw new Error(`alert lag: ${seen} of ${expected} alerts reached the sink`);
    return { matters, lags, clockUncertainty: best.roundTrip / 2 / 1000 };
  } finally {
    await runtime.stop();
  }
}

export const lagSummary = (samples: number[]) => ({
  p50: percentile(samples, 50),
  p95: percentile(samples, 95),
  max: Math.max(...samples),
});
