/**
 * One matter run down the synthesized deadline state machine (aws-local-stepfunctions, as the
 * local runtime runs it), its check answering "closed" from a chosen stage on. The infra test
 * asserts what each path publishes and costs; the benchmark prices the same runs.
 * No vitest here: the benchmark imports it too.
 */
import { checkStateName, DEADLINE_STAGES, publishStateName } from '../../infra/constructs/deadline-workflow.ts';
import { LocalWorkflows, type ExecutionRecord, type TaskHandler } from '../../infra/local/step-functions.ts';
import { alertSnsMessage, alertSubject } from '#shared/alerts/alerts';

export type Stage = (typeof DEADLINE_STAGES)[number]['stage'];
const STAGES: Stage[] = DEADLINE_STAGES.map(({ stage }) => stage);

/** The four ways a timed matter goes: closed before one of the stages, or never. */
export const DEADLINE_PATHS: { path: string; closesAt: Stage | undefined }[] = [
  { path: 'closed before the warning', closesAt: 'warning' },
  { path: 'warned, then closed', closesAt: 'breach' },
  { path: 'warned and breached, then handled', closesAt: 'escalation' },
  { path: 'warned, breached and escalated', closesAt: undefined },
];

export interface PathRun {
  record: ExecutionRecord;
  /** The stage of each check invocation, in order (a retried check counts twice). */
  checks: Stage[];
  /** The SNS publish requests the workflow made, as it made them. */
  publishes: Record<string, any>[];
}

export interface PathOptions {
  /** The first check fails (DynamoDB throttled) and is retried. */
  failFirstCheck?: boolean;
  /** Stages already raised by an earlier run of the execution: the check says not to publish them again. */
  alreadyPublished?: Stage[];
}

/** Runs one matter whose check reports it closed from `closesAt` on (never, if undefined), its stages a few milliseconds apart. */
export async function runDeadlinePath(
  definition: Record<string, unknown>,
  closesAt: Stage | undefined,
  options: PathOptions = {},
): Promise<PathRun> {
  const checks: Stage[] = [];
  const publishes: Record<string, any>[] = [];
  let failures = options.failFirstCheck ? 1 : 0;
  const check: TaskHandler = async (input: any): Promise<any> => {
    const stage = input.stage as Stage;
    checks.push(stage);
    if (failures > 0) {
      failures -= 1;
      throw new Error('DynamoDB throttled');
    }
    if (closesAt && STAGES.indexOf(stage) >= STAGES.indexOf(closesAt)) return { open: false, publish: false };
    if (options.alreadyPublished?.includes(stage)) return { open: true, publish: false };
    const alert = {
      id: `a-${stage}`,
      at: new Date().toISOString(),
      severity: stage,
      concern: 'inspections' as const,
      department: 'tax',
      kind: 'approval-overdue',
      title: 'A "quoted" title, with commas',
      detail: '审批超时',
      subject: { type: 'inspection', id: 'x' },
    };
    return { open: true, publish: true, alert, message: alertSnsMessage(alert), subject: alertSubject(alert) };
  };
  const publish: TaskHandler = async (input: any) => {
    publishes.push(input);
    return { MessageId: `m-${publishes.length}` };
  };
  const taskHandlers: Record<string, TaskHandler> = {};
  for (const { name } of DEADLINE_STAGES) {
    taskHandlers[checkStateName(name)] = check;
    taskHandlers[publishStateName(name)] = publish;
  }
  const workflows = new LocalWorkflows({
    definition,
    stateMachineArn: 'arn:aws:states:local:000000000000:stateMachine:soft-env-deadlines',
    taskHandlers,
    retryIntervalOverrides: Object.fromEntries(DEADLINE_STAGES.map(({ name }) => [checkStateName(name), 0])),
  });
  const now = Date.now();
  const at = (ms: number) => new Date(now + ms).toISOString();
  const input = {
    matter: { concern: 'inspections', kind: 'approval', id: 'x', version: 1, department: 'tax' },
    timeline: { warnAt: at(20), deadline: at(40), escalateAt: at(60) },
  };
  const record = workflows.start('inspections-approval-x-v1', JSON.stringify(input));
  await workflows.settled();
  return { record, checks, publishes };
}
