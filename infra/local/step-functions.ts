/**
 * The local twin of Step Functions for the deadline workflow: it runs the state machine that
 * CDK synthesizes (aws-local-stepfunctions), answers the handlers' StartExecution and
 * StopExecution calls at a local endpoint (AWS_ENDPOINT_URL_SFN), waits on the local clock,
 * and keeps its executions in a file so a restart resumes them.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { StateMachine } from 'aws-local-stepfunctions';
import { installLongTimers } from './long-timers.ts';
import type { CfnTemplate } from './synth.ts';
import { readStateFile, writeStateFile } from './state-file.ts';

export const LOCAL_ACCOUNT = '000000000000';
export const LOCAL_REGION = 'local';

type Json = Parameters<StateMachine['run']>[0];
export type TaskHandler = (input: Json) => Promise<Json>;

/** The state machine's definition from the synthesized template, its tokens made local ARNs. */
export function stateMachineDefinition(template: CfnTemplate): { name: string; definition: Record<string, unknown> } {
  const found = Object.entries(template.Resources).filter(([, resource]) => resource.Type === 'AWS::StepFunctions::StateMachine');
  const [only, ...others] = found;
  if (!only || others.length > 0) throw new Error(`Expected one state machine in the API stack, found ${found.length}`);
  const props = only[1].Properties as { StateMachineName: string; DefinitionString: unknown };
  const resolve = (part: unknown): string => {
    if (typeof part === 'string') return part;
    const token = part as Record<string, unknown>;
    if ('Fn::Join' in token) {
      const [separator, parts] = token['Fn::Join'] as [string, unknown[]];
      return parts.map(resolve).join(separator);
    }
    if ('Fn::GetAtt' in token) return `arn:aws:lambda:${LOCAL_REGION}:${LOCAL_ACCOUNT}:function:${(token['Fn::GetAtt'] as string[])[0]}`;
    if ('Ref' in token)
      return token.Ref === 'AWS::Partition'
        ? 'aws'
        : token.Ref === 'AWS::Region'
          ? LOCAL_REGION
          : token.Ref === 'AWS::AccountId'
            ? LOCAL_ACCOUNT
            : `local-${String(token.Ref)}`;
    if ('Fn::ImportValue' in token) return `arn:aws:sns:${LOCAL_REGION}:${LOCAL_ACCOUNT}:soft-env-alerts`;
    throw new Error(`Unsupported token in the state machine definition: ${JSON.stringify(token)}`);
  };
  return { name: props.StateMachineName, definition: JSON.parse(resolve(props.DefinitionString)) as Record<string, unknown> };
}

export interface ExecutionRecord {
  name: string;
  executionArn: string;
  input: string;
  status: 'RUNNING' | 'SUCCEEDED' | 'FAILED' | 'ABORTED';
  startDate: string;
  stopDate?: string;
  /** States entered (Step Functions Standard bills each state transition). */
  transitions: number;
  error?: string;
}

export interface LocalWorkflowOptions {
  definition: Record<string, unknown>;
  stateMachineArn: string;
  /** Handlers by task state name (the check Lambda, the SNS publish to the alert sink). */
  taskHandlers: Record<string, TaskHandler>;
  /** Rewrites an execution's input for the local run (timestamps onto the local clock). */
  toRunInput?: (input: Json) => Json;
  /** Where executions are kept; none keeps them in memory. */
  stateFile?: string;
  retryIntervalOverrides?: Record<string, number | number[]>;
}

const isExecutionList = (value: unknown): value is ExecutionRecord[] =>
  Array.isArray(value) &&
  value.every(
    (record) =>
      !!record &&
      typeof record === 'object' &&
      typeof (record as ExecutionRecord).name === 'string' &&
      typeof (record as ExecutionRecord).input === 'string' &&
      typeof (record as ExecutionRecord).status === 'string',
  );

export class ExecutionError extends Error {
  constructor(
    readonly type: string,
    message: string,
  ) {
    super(message);
  }
}

export class LocalWorkflows {
  private readonly machine: StateMachine;
  private readonly executions = new Map<string, ExecutionRecord>();
  private readonly running = new Map<string, { abort: () => void; done: Promise<void> }>();
  private shuttingDown = false;

  constructor(private readonly options: LocalWorkflowOptions) {
    installLongTimers();
    this.machine = new StateMachine(options.definition as never, { validationOptions: { checkArn: false } });
    if (options.stateFile) {
      for (const record of readStateFile<ExecutionRecord[]>(options.stateFile, [], isExecutionList))
        this.executions.set(record.name, record);
    }
  }

  /** Runs again the executions a previous process left running. */
  resume(): number {
    const pending = [...this.executions.values()].filter((record) => record.status === 'RUNNING');
    for (const record of pending) this.run(record);
    return pending.length;
  }

  /** StartExecution, with Standard's idempotency: same name and input while running is the same execution. */
  start(name: string, input: string): ExecutionRecord {
    const existing = this.executions.get(name);
    if (existing) {
      if (existing.status === 'RUNNING' && existing.input === input) return existing;
      throw new ExecutionError('ExecutionAlreadyExists', `Execution Already Exists: '${existing.executionArn}'`);
    }
    const record: ExecutionRecord = {
      name,
      input,
      status: 'RUNNING',
      startDate: new Date().toISOString(),
      transitions: 0,
      executionArn: `${this.options.stateMachineArn.replace(':stateMachine:', ':execution:')}:${name}`,
    };
    this.executions.set(name, record);
    this.save();
    this.run(record);
    return record;
  }

  stop(executionArn: string): ExecutionRecord {
    const record = [...this.executions.values()].find((candidate) => candidate.executionArn === executionArn);
    if (!record) throw new ExecutionError('ExecutionDoesNotExist', `Execution Does Not Exist: '${executionArn}'`);
    if (record.status === 'RUNNING') {
      record.status = 'ABORTED';
      record.stopDate = new Date().toISOString();
      this.save();
      this.running.get(record.name)?.abort();
    }
    return record;
  }

  /** Resolves when every running execution has finished (tests). */
  async settled(): Promise<void> {
    await Promise.all([...this.running.values()].map((run) => run.done));
  }

  /** Stops the local runs without changing their records, so a restart resumes them. */
  shutdown(): void {
    this.shuttingDown = true;
    for (const run of this.running.values()) run.abort();
  }

  private run(record: ExecutionRecord): void {
    const input = JSON.parse(record.input) as Json;
    const execution = this.machine.run(this.options.toRunInput ? this.options.toRunInput(input) : input, {
      overrides: { taskResourceLocalHandlers: this.options.taskHandlers, retryIntervalOverrides: this.options.retryIntervalOverrides },
      noThrowOnAbort: true,
    });
    const events = (async () => {
      for await (const event of execution.eventLogs) {
        if (event.type === 'StateEntered') record.transitions += 1;
      }
    })();
    const done = (async () => {
      try {
        await execution.result;
        await events;
        // Cut short by a shutdown, it stays RUNNING on file, to be resumed.
        if (record.status === 'RUNNING' && !this.shuttingDown) record.status = 'SUCCEEDED';
      } catch (error) {
        if (record.status === 'RUNNING' && !this.shuttingDown) {
          record.status = 'FAILED';
          record.error = (error as Error).message;
        }
      } finally {
        this.running.delete(record.name);
        if (record.status !== 'RUNNING') {
          record.stopDate ??= new Date().toISOString();
          this.save();
        }
      }
    })();
    this.running.set(record.name, { abort: execution.abort, done });
  }

  private save(): void {
    if (this.options.stateFile) writeStateFile(this.options.stateFile, [...this.executions.values()]);
  }
}

/** The Step Functions API subset the handlers call, at a local endpoint (awsJson1_0). */
export function createStepFunctionsEndpoint(workflows: LocalWorkflows): Server {
  const answer = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const target = String(req.headers['x-amz-target'] ?? '').replace('AWSStepFunctions.', '');
    const reply = (status: number, body: unknown) => {
      res.writeHead(status, { 'content-type': 'application/x-amz-json-1.0' });
      res.end(JSON.stringify(body));
    };
    try {
      const body = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}') as Record<string, string>;
      if (target === 'StartExecution') {
        const record = workflows.start(body.name as string, body.input ?? '{}');
        return reply(200, { executionArn: record.executionArn, startDate: Date.parse(record.startDate) / 1000 });
      }
      if (target === 'StopExecution') {
        const record = workflows.stop(body.executionArn as string);
        return reply(200, { stopDate: Date.parse(record.stopDate ?? new Date().toISOString()) / 1000 });
      }
      return reply(400, { __type: 'UnknownOperationException', message: `The local Step Functions does not support ${target}` });
    } catch (error) {
      if (error instanceof ExecutionError) return reply(400, { __type: error.type, message: error.message });
      return reply(500, { __type: 'InternalError', message: (error as Error).message });
    }
  };
  // A request body that breaks off (a broken socket) closes the connection, never left floating.
  return createServer((req, res) => {
    answer(req, res).catch(() => res.destroy());
  });
}
