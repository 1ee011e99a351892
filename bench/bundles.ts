/**
 * Cold start, per Lambda: the production bundles exactly as `cdk synth` builds them (esbuild
 * through NodejsFunction), their size minified and gzipped, their largest inputs from the
 * esbuild metafile, and their import time on Node 22 over fresh processes, beside a bare
 * handler's import time measured the same way in the same run.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { median, percentile } from './stats.ts';

const root = path.resolve(import.meta.dirname, '..');

export interface BundleFigures {
  service: string;
  minified: number;
  gzipped: number;
  zodLocales: string[];
  sdkCopies: number;
  largestInputs: { name: string; bytes: number }[];
  importMedian: number;
  importP90: number;
}

/** Import time of a module in fresh Node processes (the Lambda environment's variables set). */
function importTimes(file: string, runs: number): number[] {
  const env = {
    ...process.env,
    TABLE_NAME: 'soft-env',
    ALERT_TOPIC_ARN: 'arn:aws:sns:ap-southeast-1:111111111111:alerts',
    AWS_REGION: 'ap-southeast-1',
    DEADLINE_STATE_MACHINE_ARN: 'arn:aws:states:ap-southeast-1:111111111111:stateMachine:soft-env-deadlines',
    JWKS_URL: 'https://example.invalid/.well-known/jwks.json',
    JWT_ISSUER: 'https://example.invalid',
    JWT_AUDIENCE: 'client',
    AWS_ACCESS_KEY_ID: 'x',
    AWS_SECRET_ACCESS_KEY: 'x',
    POWERTOOLS_LOG_LEVEL: 'ERROR',
  };
  const script = `const t = performance.now(); await import(${JSON.stringify(`file://${file}`)}); console.log(performance.now() - t);`;
  const times: number[] = [];
  for (let run = 0; run < runs; run += 1) {
    const result = spawnSync(process.execPath, ['--input-type=module', '-e', script], { env, encoding: 'utf8' });
    if (result.status !== 0) throw new Error(`importing ${file} failed: ${result.stderr}`);
    times.push(Number(result.stdout.trim()));
  }
  return times;
}

export function measureBundles(runs = 20): { bundles: BundleFigures[]; bare: { median: number; p90: number }; nodeVersion: string } {
  const out = mkdtempSync(path.join(tmpdir(), 'soft-env-bench-synth-'));
  execFileSync(path.join(root, 'node_modules/.bin/cdk'), ['synth', '-q', '-o', out], { cwd: root, stdio: 'ignore' });
  const template = JSON.parse(readFileSync(path.join(out, 'SoftEnvApi.template.json'), 'utf8')) as { Resources: Record<string, any> };
  // soft-env's own functions (each names its service); the CDK's bucket deployment and custom resources are not ours to measure.
  const functions = Object.values(template.Resources).filter(
    (resource) => resource.Type === 'AWS::Lambda::Function' && resource.Properties.Environment?.Variables?.POWERTOOLS_SERVICE_NAME,
  );

  const bareDir = mkdtempSync(path.join(tmpdir(), 'soft-env-bare-'));
  const bareFile = path.join(bareDir, 'index.mjs');
  writeFileSync(bareFile, 'export const handler = async () => ({ statusCode: 200, body: "{}" });\n');
  const bareTimes = importTimes(bareFile, runs);

  const bundles = functions.map((fn) => {
    const dir = path.join(out, `asset.${String(fn.Properties.Code.S3Key).replace(/\.zip$/, '')}`);
    const file = path.join(dir, 'index.mjs');
    const code = readFileSync(file);
    const meta = JSON.parse(readFileSync(path.join(dir, 'index.meta.json'), 'utf8'));
    const output = Object.entries(meta.outputs as Record<string, { inputs: Record<string, { bytesInOutput: number }> }>).find(([name]) =>
      name.endsWith('.mjs'),
    )![1];
    const byPackage = new Map<string, number>();
    for (const [input, { bytesInOutput }] of Object.entries(output.inputs)) {
      const match = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(input);
      const name = match ? match[1]! : input.split('/').slice(0, 2).join('/');
      byPackage.set(name, (byPackage.get(name) ?? 0) + bytesInOutput);
    }
    const inputs = Object.keys(output.inputs);
    const times = importTimes(file, runs);
    return {
      service: fn.Properties.Environment.Variables.POWERTOOLS_SERVICE_NAME as string,
      minified: code.length,
      gzipped: gzipSync(code).length,
      zodLocales: [...new Set(inputs.filter((input) => /zod\/.*locales\//.test(input)).map((input) => path.basename(input)))],
      // More than one copy of the SDK's core would show as nested node_modules paths.
      sdkCopies: new Set(
        inputs.filter((input) => input.includes('@smithy/core/')).map((input) => input.slice(0, input.indexOf('@smithy/core/'))),
      ).size,
      largestInputs: [...byPackage.entries()]
        .sort((a, b) => b[1] - a[1])
        .slice(0, 5)
        .map(([name, bytes]) => ({ name, bytes })),
      importMedian: median(times),
      importP90: percentile(times, 90),
    };
  });
  return { bundles, bare: { median: median(bareTimes), p90: percentile(bareTimes, 90) }, nodeVersion: process.version };
}
