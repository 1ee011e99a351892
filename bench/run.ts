/**
 * `npm run bench`: how fast and how cheap the system is, each figure beside its reference
 * measured in the same run (this machine is noisy: the ratios are what count, absolute times
 * are context). Prints the tables and writes them to BENCHMARKS.md. No figure here is a test.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { measureBundles } from './bundles.ts';
import { measureRequests } from './requests.ts';
import { costPerThousand, countTransitions } from './deadlines.ts';
import { kb, ms, ratio, table } from './stats.ts';

const NOTES_HEADING = '## What was changed to meet the targets';
const seconds = Number(process.env.BENCH_SECONDS ?? 3);
const importRuns = Number(process.env.BENCH_IMPORT_RUNS ?? 20);
const log = (line: string) => console.error(line);
const mark = (ok: boolean) => (ok ? 'yes' : 'NO');
const started = Date.now();

log(`1/3 bundles: cdk synth, then ${importRuns} fresh imports of each`);
const { bundles, bare, nodeVersion } = measureBundles(importRuns);
const bundleTable = table(
  ['Lambda', 'minified', 'gzipped', '≤ 400/120 KB', 'zod locales', 'SDK copies', 'import p50', 'p90', 'p50 vs bare', 'largest inputs'],
  bundles.map((bundle) => [
    bundle.service,
    kb(bundle.minified),
    kb(bundle.gzipped),
    mark(bundle.minified <= 400 * 1024 && bundle.gzipped <= 120 * 1024),
    bundle.zodLocales.join(' ') || 'none',
    bundle.sdkCopies,
    ms(bundle.importMedian),
    ms(bundle.importP90),
    ratio(bundle.importMedian, bare.median),
    bundle.largestInputs.map((input) => `${input.name} ${kb(input.bytes)}`).join(', '),
  ]),
);

log(`2/3 requests: ${seconds} s per run, 1 and 10 connections, then 1,000 and 100,000 records`);
const { figures, flat } = await measureRequests(seconds, log);
const requestTable = table(
  ['concern', 'request', 'kind', 'conns', 'req/s', 'p50', 'p99', 'raw DynamoDB req/s', 'raw p50', 'raw p99', 'overhead (p50)', 'errors'],
  figures.flatMap((entry) =>
    [1, 10].map((connections) => {
      const http = entry.http[connections]!;
      const raw = entry.raw[connections]!;
      return [
        entry.concern,
        entry.name,
        entry.kind,
        connections,
        http.rps.toFixed(0),
        ms(http.p50),
        ms(http.p99),
        raw.rps.toFixed(0),
        ms(raw.p50),
        ms(raw.p99),
        ratio(http.p50, raw.p50),
        http.errors + raw.errors,
      ];
    }),
  ),
);
const small = flat['1000']!;
const large = flat['100000']!;
const flatTable = table(
  ['request', 'p50 at 1,000', 'p50 at 100,000', 'ratio', 'capacity at 1,000', 'capacity at 100,000'],
  [
    [
      'GET /fee-items?unit= (Query)',
      ms(small.read.p50),
      ms(large.read.p50),
      ratio(large.read.p50, small.read.p50),
      String(small.capacity.read),
      String(large.capacity.read),
    ],
    [
      'PUT /departments/{id} (Get + Put)',
      ms(small.write.p50),
      ms(large.write.p50),
      ratio(large.write.p50, small.write.p50),
      String(small.capacity.write),
      String(large.capacity.write),
    ],
  ],
);

log('3/3 deadlines: the synthesized state machine through each path');
const paths = await countTransitions();
const deadlineTable = table(
  [
    'path of a matter',
    'transitions',
    'checks',
    'alerts',
    'Step Functions / 1,000 complaints',
    'API + Lambda + DynamoDB + SNS',
    'total / 1,000',
  ],
  paths.map((entry) => {
    const cost = costPerThousand(entry);
    return [
      entry.path,
      entry.transitions,
      entry.checks,
      entry.publishes,
      `$${cost.stepFunctions.toFixed(3)}`,
      `$${(cost.api + cost.lambda + cost.dynamo + cost.sns).toFixed(3)}`,
      `$${cost.total.toFixed(3)}`,
    ];
  }),
);

const writes = figures.filter((entry) => entry.kind === 'write');
const summary = [
  `- Every bundle ≤ 400 KB minified and ≤ 120 KB gzipped: ${mark(bundles.every((b) => b.minified <= 400 * 1024 && b.gzipped <= 120 * 1024))} (largest ${kb(Math.max(...bundles.map((b) => b.minified)))} / ${kb(Math.max(...bundles.map((b) => b.gzipped)))}); no zod locale but en: ${mark(bundles.every((b) => b.zodLocales.every((l) => l.startsWith('en'))))}; one SDK copy: ${mark(bundles.every((b) => b.sdkCopies <= 1))}.`,
  `- Import median ≤ 100 ms: ${mark(bundles.every((b) => b.importMedian <= 100))} (slowest ${ms(Math.max(...bundles.map((b) => b.importMedian)))}; a bare handler: ${ms(bare.median)}).`,
  `- Write p99 ≤ 30 ms at 10 connections: ${mark(writes.every((w) => w.http[10]!.p99 <= 30))} (worst ${ms(Math.max(...writes.map((w) => w.http[10]!.p99)))}).`,
  `- Handler overhead ≤ 1.5× the raw DynamoDB calls (p50, 10 connections): ${mark(figures.every((f) => f.http[10]!.p50 <= 1.5 * f.raw[10]!.p50))} (worst ${ratio(Math.max(...figures.map((f) => f.http[10]!.p50 / f.raw[10]!.p50)), 1)}).`,
  `- Latency at 100,000 records ≤ 1.15× at 1,000: ${mark(large.read.p50 <= 1.15 * small.read.p50 && large.write.p50 <= 1.15 * small.write.p50)}; consumed capacity identical: ${mark(small.capacity.read === large.capacity.read && small.capacity.write === large.capacity.write)}.`,
];

const report = `# Benchmarks

The latest run of \`npm run bench\` (${new Date().toISOString().slice(0, 10)}, ${os.cpus().length} cores, ${os.cpus()[0]?.model ?? 'unknown CPU'}, Node ${nodeVersion},
${((Date.now() - started) / 1000).toFixed(0)} s). Each figure stands beside its reference measured in the same run: this machine
is shared and noisy, so the ratios are what count and absolute times are context. Requests go
through the local gateway (JWT verification, the same handlers) to DynamoDB Local (Java), on the
same two cores as the load generator; in AWS both sides are faster, the ratios similar.

## Against the targets

${summary.join('\n')}

## 1. Cold start: the production bundles (as \`cdk synth\` builds them) and their import time

${bundleTable}

## 2. The request path: through the gateway and handler, beside the same DynamoDB calls made directly

${requestTable}

## 3. Flat cost: the same read and write with 1,000 and with 100,000 records (1 connection)

${flatTable}

## 4. Deadlines: state transitions per timed matter, and what 1,000 complaints cost

${deadlineTable}

Prices: US East list prices (Step Functions Standard $0.025 per 1,000 transitions, HTTP API $1.00
per million requests, Lambda arm64 $0.20 per million requests and $0.0000133334 per GB-second,
DynamoDB on-demand $0.625 per million write units and $0.125 per million read units, SNS $0.50 per
million publishes). A complaint runs two deadline executions (acknowledgement and answer).
`;
// The notes below the tables (what was changed and why) are kept when the tables are rewritten.
const file = path.resolve(import.meta.dirname, '../BENCHMARKS.md');
const previous = existsSync(file) ? readFileSync(file, 'utf8') : '';
const notes = previous.includes(NOTES_HEADING) ? previous.slice(previous.indexOf(NOTES_HEADING)) : '';
writeFileSync(file, notes ? `${report}\n${notes}` : report);
console.log(report);
