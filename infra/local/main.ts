/**
 * `npm start`: the whole system on this machine. DynamoDB Local with data under DATA_DIR, the
 * table from the synthesized template, the very same handlers behind a local gateway that
 * serves the same routes and verifies tokens, the local alert sink and the local clock.
 */
import { mkdirSync, writeFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { localSettings, LOCAL_TABLE_NAME } from './settings.ts';
import { ensureTable, startDynamoDbLocal } from './dynamodb.ts';
import { synthesizeTemplates } from './synth.ts';
import { loadOrCreateKeys } from './signing.ts';
import { compileRoutes, createGateway, type LambdaHandler } from './gateway.ts';
import { PROJECT_ROOT } from '../constructs/service-function.ts';
import { concerns } from '../concerns.ts';

const settings = localSettings();
const started = Date.now();
mkdirSync(settings.dataDir, { recursive: true });

const dynamo = await startDynamoDbLocal(path.join(settings.dataDir, 'dynamodb'));
const templates = synthesizeTemplates();
await ensureTable(dynamo.endpoint, templates.stateful, LOCAL_TABLE_NAME);

// What the deployed functions get from their environment, pointed at the local parts.
Object.assign(process.env, {
  TABLE_NAME: LOCAL_TABLE_NAME,
  LOCAL_ALERTS_FILE: path.join(settings.dataDir, 'alerts.jsonl'),
  AWS_ENDPOINT_URL_DYNAMODB: dynamo.endpoint,
  AWS_REGION: process.env.AWS_REGION ?? 'local',
  AWS_ACCESS_KEY_ID: 'local',
  AWS_SECRET_ACCESS_KEY: 'local',
  POWERTOOLS_LOG_LEVEL: process.env.POWERTOOLS_LOG_LEVEL ?? 'WARN',
  POWERTOOLS_DEV: 'true',
  ...(settings.CLOCK_START ? { CLOCK_START: settings.CLOCK_START } : {}),
  TIME_SCALE: String(settings.TIME_SCALE),
});

const handlers: Record<string, LambdaHandler> = {};
for (const concern of concerns) {
  const module = (await import(pathToFileURL(path.join(PROJECT_ROOT, concern.entry)).href)) as { handler: LambdaHandler };
  handlers[concern.name] = module.handler;
}
const keys = await loadOrCreateKeys(settings.dataDir);
const server = createGateway({ routes: compileRoutes(concerns, handlers), keys });
await new Promise<void>((resolve) => server.listen(settings.PORT, settings.HOST, resolve));
const address = server.address();
const port = typeof address === 'object' && address ? address.port : settings.PORT;
const url = `http://${settings.HOST === '0.0.0.0' ? '127.0.0.1' : settings.HOST}:${port}`;
const runtimeFile = path.join(settings.dataDir, 'runtime.json');
writeFileSync(runtimeFile, JSON.stringify({ url, dynamodbEndpoint: dynamo.endpoint, tableName: LOCAL_TABLE_NAME, pid: process.pid }));

console.log(`soft-env is running at ${url} (started in ${((Date.now() - started) / 1000).toFixed(1)} s; data in ${settings.dataDir})
  Try:   curl ${url}/health
  Token: npm run token -- --role soft-env-office     (then: curl -H "Authorization: Bearer <token>" ${url}/departments)
  The README walks through the fee-card story. Stop with Ctrl-C.`);

let stopping = false;
async function stop(signal: string) {
  if (stopping) return;
  stopping = true;
  console.log(`\n${signal}: finishing requests in flight and stopping...`);
  server.closeIdleConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  await dynamo.stop();
  rmSync(runtimeFile, { force: true });
  console.log('Stopped; the data is kept in', settings.dataDir);
  process.exit(0);
}
process.on('SIGINT', () => void stop('SIGINT'));
process.on('SIGTERM', () => void stop('SIGTERM'));
