/**
 * The synthesized deadline state machine, run locally through each path: the alerts it
 * publishes and the state transitions each path costs.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { synthesizeTemplates } from '../../infra/local/synth.ts';
import { LocalWorkflows, stateMachineDefinition } from '../../infra/local/step-functions.ts';
import { alertFromSnsMessage, alertSnsMessage, alertSubject } from '#shared/alerts/alerts';

let definition: Record<string, unknown>;
beforeAll(() => {
  definition = stateMachineDefinition(synthesizeTemplates().stateless).definition;
});

type Stage = 'warning' | 'breach' | 'escalation';
const STAGES: Stage[] = ['warning', 'breach', 'escalation'];

/** Runs one matter whose check reports it closed from `closesAt` on (never, if undefined). */
async function runMatter(closesAt: Stage | undefined, options: { failFirstCheck?: boolean; alreadyPublished?: Stage[] } = {}) {
  const published: { stage: string; severity: string; attributes: Record<string, unknown> }[] = [];
  const checks: Stage[] = [];
  let failures = options.failFirstCheck ? 1 : 0;
  const check = async (input: any): Promise<any> => {
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
  const publish = async (input: any) => {
    // SNS per-protocol message: JSON for https/SQS, text for e-mail, and a subject a person reads.
    expect(input.MessageStructure).toBe('json');
    const alert = alertFromSnsMessage(input.Message);
    expect(alert.title).toBe('A "quoted" title, with commas');
    expect(JSON.parse(input.Message).email).toContain('审批超时');
    expect(input.Subject).toBe(`soft-env ${alert.severity}: approval-overdue (inspections, tax)`);
    published.push({ stage: alert.severity, severity: input.MessageAttributes.severity.StringValue, attributes: input.MessageAttributes });
    return { MessageId: 'm' };
  };
  const workflows = new LocalWorkflows({
    definition,
    stateMachineArn: 'arn:aws:states:local:000000000000:stateMachine:soft-env-deadlines',
    taskHandlers: {
      CheckWarning: check,
      CheckBreach: check,
      CheckEscalation: check,
      PublishWarning: publish,
      PublishBreach: publish,
      PublishEscalation: publish,
    },
    retryIntervalOverrides: { CheckWarning: 0, CheckBreach: 0, CheckEscalation: 0 },
  });
  const now = Date.now();
  const at = (ms: number) => new Date(now + ms).toISOString();
  const input = {
    matter: { concern: 'inspections', kind: 'approval', id: 'x', version: 1, department: 'tax' },
    timeline: { warnAt: at(20), deadline: at(40), escalateAt: at(60) },
  };
  const record = workflows.start('inspections-approval-x-v1', JSON.stringify(input));
  await workflows.settled();
  return { record, published, checks };
}

describe('the deadline workflow, run locally from the synthesized definition', () => {
  it('ends quietly when the matter closed before the warning: 4 transitions, no alert', async () => {
    const { record, published } = await runMatter('warning');
    expect(published).toEqual([]);
    expect(record).toMatchObject({ status: 'SUCCEEDED', transitions: 4 });
  });

  it('warns, then ends when the matter closed before the deadline: 8 transitions', async () => {
    const { record, published } = await runMatter('breach');
    expect(published.map((alert) => alert.severity)).toEqual(['warning']);
    expect(record.transitions).toBe(8);
  });

  it('warns and breaches, then ends when the breach was handled: 12 transitions', async () => {
    const { record, published } = await runMatter('escalation');
    expect(published.map((alert) => alert.severity)).toEqual(['warning', 'breach']);
    expect(record.transitions).toBe(12);
  });

  it('warns, breaches and escalates a matter left open: 13 transitions, attributes for filter policies', async () => {
    const { record, published } = await runMatter(undefined);
    expect(published.map((alert) => alert.severity)).toEqual(['warning', 'breach', 'escalation']);
    expect(published[2]!.attributes).toEqual({
      severity: { DataType: 'String', StringValue: 'escalation' },
      concern: { DataType: 'String', StringValue: 'inspections' },
      department: { DataType: 'String', StringValue: 'tax' },
    });
    expect(record).toMatchObject({ status: 'SUCCEEDED', transitions: 13 });
  });

  it('retries a check that failed for a moment, and still alerts', async () => {
    const { record, published, checks } = await runMatter('breach', { failFirstCheck: true });
    expect(checks.slice(0, 2)).toEqual(['warning', 'warning']);
    expect(published.map((alert) => alert.severity)).toEqual(['warning']);
    expect(record.status).toBe('SUCCEEDED');
  });

  it('does not publish a stage again that was already raised (a resumed execution)', async () => {
    const { published } = await runMatter(undefined, { alreadyPublished: ['warning'] });
    expect(published.map((alert) => alert.severity)).toEqual(['breach', 'escalation']);
  });

  it('is idempotent by name for the same input, and refuses the name with another input', async () => {
    const workflows = new LocalWorkflows({ definition, stateMachineArn: 'arn:aws:states:local:0:stateMachine:m', taskHandlers: {} });
    const far = new Date(Date.now() + 3_600_000).toISOString();
    const input = JSON.stringify({ matter: {}, timeline: { warnAt: far, deadline: far, escalateAt: far } });
    const first = workflows.start('same-name', input);
    expect(workflows.start('same-name', input)).toBe(first);
    expect(() => workflows.start('same-name', `${input} `)).toThrow(/Already Exists/);
    expect(workflows.stop(first.executionArn).status).toBe('ABORTED');
    await workflows.settled();
  });
});
