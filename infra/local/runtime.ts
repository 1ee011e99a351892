/**
 * The local runtime: DynamoDB Local with data under DATA_DIR, the table and the deadline state
 * machine from the synthesized templates, the very same handlers behind the local gateway,
 * the local Step Functions, the alert sink and the local clock.
 *
 * The handlers read their configuration once, at import: the environment is set first.
 */
import { mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Server } from 'node:http';
import { LOCAL_TABLE_NAME, type LocalSettings } from './settings.ts';
import { ensureTable, freePort, startDynamoDbLocal } from './dynamodb.ts';
import { synthesizeTemplates } from './synth.ts';
import { loadOrCreateKeys } from './signing.ts';
import { compileRoutes, createGateway, lambdaContext, type LambdaHandler } from './gateway.ts';
import {
  createStepFunctionsEndpoint,
  LocalWorkflows,
  LOCAL_ACCOUNT,
  LOCAL_REGION,
  stateMachineDefinition,
  type TaskHandler,
} from './step-functions.ts';
import { PROJECT_ROOT } from '../constructs/service-function.ts';
import { checkStateName, DEADLINE_STAGES, publishStateName } from '../constructs/deadline-workflow.ts';
import { concerns, deadlineCheck, effectsWorker } from '../concerns.ts';
import { WEB_DIST } from '../web-build.ts';
import { pollTableStream, type StreamHandler } from './streams.ts';
import { checkJava, checkPortFree, StartupError } from './preflight.ts';
import { writeStateFile } from './state-file.ts';
import { lockDataFolder } from './data-lock.ts';
import { localFunctionEnvironment } from './function-environment.ts';

/** Where a running runtime answers: the API, DynamoDB Local, the local Step Functions and its state machine. */
export interface RuntimeEndpoints {
  url: string;
  dynamodbEndpoint: string;
  stepFunctionsEndpoint: string;
  stateMachineArn: string;
}

export interface RunningRuntime extends RuntimeEndpoints {
  workflows: LocalWorkflows;
  stop: () => Promise<void>;
}

const listen = (server: Server, port: number, host: string) =>
  new Promise<number>((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) =>
      reject(
        error.code === 'EADDRINUSE'
          ? new StartupError(
              `Port ${port} on ${host} is already taken: stop what uses it, or start on another port with PORT=3001 npm start.`,
            )
          : error,
      ),
    );
    server.listen(port, host, () => {
      const address = server.address();
      resolve(typeof address === 'object' && address ? address.port : port);
    });
  });
const close = (server: Server) =>
  new Promise<void>((resolve) => {
    server.closeIdleConnections();
    server.close(() => resolve());
  });

/** Says what the runtime is doing while it starts (npm start prints it; tests may stay quiet). */
export type StartupLog = (step: string) => void;

/**
 * Starts everything, or, when a step fails, stops what it had started and throws (a
 * StartupError says in a sentence what to do).
 */
export async function startLocalRuntime(settings: LocalSettings, log: StartupLog = () => undefined): Promise<RunningRuntime> {
  const started: (() => Promise<void> | void)[] = [];
  try {
    return await start(settings, log, started);
  } catch (error) {
    for (const stop of started.reverse()) await stop();
    throw error;
  }
}

async function start(settings: LocalSettings, log: StartupLog, started: (() => Promise<void> | void)[]): Promise<RunningRuntime> {
  mkdirSync(settings.dataDir, { recursive: true });
  // Held for the runtime's life: a second runtime on this folder is refused (see data-lock.ts).
  const lock = await lockDataFolder(settings.dataDir);
  started.push(() => lock.release());
  const port = settings.PORT === 0 ? await freePort() : settings.PORT;
  await checkPortFree(port, settings.HOST);
  log(`${checkJava()} found.`);
  const dbPath = path.join(settings.dataDir, 'dynamodb');
  log(`Starting DynamoDB Local (data in ${dbPath})...`);
  const dynamo = await startDynamoDbLocal(dbPath);
  started.push(() => dynamo.stop());
  if (dynamo.process.pid) lock.noteDynamoDb(dynamo.process.pid, dbPath);
  log(`DynamoDB Local is up at ${dynamo.endpoint}. Synthesizing the CDK app (the table and the deadline state machine)...`);
  const templates = synthesizeTemplates();
  await ensureTable(dynamo.endpoint, templates.stateful, LOCAL_TABLE_NAME);
  log(`Table ${LOCAL_TABLE_NAME} ready. Loading the handlers...`);
  const { name: machineName, definition } = stateMachineDefinition(templates.stateless);
  const stateMachineArn = `arn:aws:states:${LOCAL_REGION}:${LOCAL_ACCOUNT}:stateMachine:${machineName}`;
  const stepFunctionsPort = await freePort();
  const stepFunctionsEndpoint = `http://127.0.0.1:${stepFunctionsPort}`;
  const alertsFile = path.join(settings.dataDir, 'alerts.jsonl');
  // The gateway's port is known before the handlers load: they read the issuer's key URL at cold start.
  const host = settings.HOST === '0.0.0.0' ? '127.0.0.1' : settings.HOST;
  const url = `http://${host}:${port}`;

  // What the deployed functions get from their environment, pointed at the local parts.
  Object.assign(process.env, {
    ...localFunctionEnvironment({
      tableName: LOCAL_TABLE_NAME,
      dynamodbEndpoint: dynamo.endpoint,
      stepFunctionsEndpoint,
      stateMachineArn,
      url,
      alertsFile,
    }),
    POWERTOOLS_LOG_LEVEL: process.env.POWERTOOLS_LOG_LEVEL ?? 'WARN',
    // DynamoDB Local acknowledges a transaction before it is on disk; see shared/data/local-commit.ts.
    LOCAL_COMMIT_BARRIER: '1',
  });

  // Each entry exports `handler`, of the kind its caller names.
  const importHandler = async <Handler>(entry: string): Promise<Handler> =>
    ((await import(pathToFileURL(path.join(PROJECT_ROOT, entry)).href)) as { handler: Handler }).handler;
  const handlers: Record<string, LambdaHandler> = {};
  for (const concern of concerns) handlers[concern.name] = await importHandler<LambdaHandler>(concern.entry);
  const check = await importHandler<(event: unknown, context: unknown) => Promise<unknown>>(deadlineCheck.entry);
  const effects = await importHandler<StreamHandler>(effectsWorker.entry);
  const { processClock } = await import('#shared/time/clock');
  const { deliverToLocalSink } = await import('#shared/alerts/alert-delivery');
  const { alertFromSnsMessage } = await import('#shared/alerts/alerts');

  // The workflow's tasks: the check runs the local Lambda; sns:publish goes to the alert sink.
  const taskHandlers: Record<string, TaskHandler> = {};
  for (const { name } of DEADLINE_STAGES) {
    taskHandlers[checkStateName(name)] = async (input) =>
      (await check(input, lambdaContext(deadlineCheck.name, crypto.randomUUID()))) as never;
    taskHandlers[publishStateName(name)] = async (input) => {
      const { Message } = input as { Message: string };
      await deliverToLocalSink(alertFromSnsMessage(Message), alertsFile, settings.ALERT_WEBHOOKS);
      return { MessageId: crypto.randomUUID() };
    };
  }
  const workflows = new LocalWorkflows({
    definition,
    stateMachineArn,
    taskHandlers,
    stateFile: path.join(settings.dataDir, 'executions.json'),
    // The waits are on the local clock: each timestamp becomes the real instant it shows up.
    toRunInput: (input) => {
      const { timeline, ...rest } = input as { timeline: Record<string, string> };
      const real = Object.fromEntries(
        Object.entries(timeline).map(([key, iso]) => [key, processClock.realInstantOf(new Date(iso)).toISOString()]),
      );
      return { ...rest, timeline: real };
    },
  });
  const stepFunctions = createStepFunctionsEndpoint(workflows);
  log('Starting the deadline state machine (local Step Functions)...');
  await listen(stepFunctions, stepFunctionsPort, '127.0.0.1');
  started.push(() => {
    workflows.shutdown();
    return close(stepFunctions);
  });
  workflows.resume();
  log('Starting the stream worker (the outbox: alerts and deadlines)...');
  // The outbox: the table's stream drives the effects function, as the event source mapping does in AWS.
  const stream = await pollTableStream({
    endpoint: dynamo.endpoint,
    tableName: LOCAL_TABLE_NAME,
    handler: effects,
    checkpointFile: path.join(settings.dataDir, 'stream-checkpoint.json'),
  });

  started.push(() => stream.stop());
  const keys = await loadOrCreateKeys(settings.dataDir);
  const gateway = createGateway({ routes: compileRoutes(concerns, handlers), keys, consoleDist: WEB_DIST });
  log(`Starting the API on ${url}...`);
  await listen(gateway, port, settings.HOST);
  const runtimeFile = path.join(settings.dataDir, 'runtime.json');
  // Whole or not at all: whoever waits for this file never reads half of it.
  const endpoints: RuntimeEndpoints = { url, dynamodbEndpoint: dynamo.endpoint, stepFunctionsEndpoint, stateMachineArn };
  writeStateFile(runtimeFile, { ...endpoints, tableName: LOCAL_TABLE_NAME, pid: process.pid });

  return {
    ...endpoints,
    workflows,
    stop: async () => {
      await close(gateway);
      await stream.stop();
      workflows.shutdown();
      await close(stepFunctions);
      await dynamo.stop();
      rmSync(runtimeFile, { force: true });
      lock.release();
    },
  };
}
