/**
 * The synthesized deadline state machine, run locally through each path: the alerts it
 * publishes, the checks it makes and the state transitions each path costs (the benchmark
 * prices these same runs: test/support/deadline-paths.ts).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { synthesizeTemplates } from '../../infra/local/synth.ts';
import { LocalWorkflows, stateMachineDefinition } from '../../infra/local/step-functions.ts';
import { alertFromSnsMessage } from '#shared/alerts/alerts';
import { runDeadlinePath, type PathOptions, type Stage } from '../support/deadline-paths.ts';

let definition: Record<string, unknown>;
beforeAll(() => {
  definition = stateMachineDefinition(synthesizeTemplates().stateless).definition;
});

/** Runs a matter down one path; every publish must be the SNS message a subscriber reads. */
async function runMatter(closesAt: Stage | undefined, options: PathOptions = {}) {
  const { record, checks, publishes } = await runDeadlinePath(definition, closesAt, options);
  const published = publishes.map((input) => {
    // SNS per-protocol message: JSON for https/SQS, text for e-mail, and a subject a person reads.
    expect(input.MessageStructure).toBe('json');
    const alert = alertFromSnsMessage(input.Message);
    expect(alert.title).toBe('A "quoted" title, with commas');
    expect(JSON.parse(input.Message).email).toContain('审批超时');
    expect(input.Subject).toBe(`soft-env ${alert.severity}: approval-overdue (inspections, tax)`);
    return { stage: alert.severity, severity: input.MessageAttributes.severity.StringValue, attributes: input.MessageAttributes };
  });
  return { record, published, checks };
}

describe('the deadline workflow, run locally from the synthesized definition', () => {
  it('ends quietly when the matter closed before the warning: 4 transitions, 1 check, no alert', async () => {
    const { record, published, checks } = await runMatter('warning');
    expect(published).toEqual([]);
    expect(checks).toEqual(['warning']);
    expect(record).toMatchObject({ status: 'SUCCEEDED', transitions: 4 });
  });

  it('warns, then ends when the matter closed before the deadline: 8 transitions, 2 checks', async () => {
    const { record, published, checks } = await runMatter('breach');
    expect(published.map((alert) => alert.severity)).toEqual(['warning']);
    expect(checks).toEqual(['warning', 'breach']);
    expect(record).toMatchObject({ status: 'SUCCEEDED', transitions: 8 });
  });

  it('warns and breaches, then ends when the breach was handled: 12 transitions, 3 checks', async () => {
    const { record, published, checks } = await runMatter('escalation');
    expect(published.map((alert) => alert.severity)).toEqual(['warning', 'breach']);
    expect(checks).toEqual(['warning', 'breach', 'escalation']);
    expect(record).toMatchObject({ status: 'SUCCEEDED', transitions: 12 });
  });

  it('warns, breaches and escalates a matter left open: 13 transitions, 3 checks, attributes for filter policies', async () => {
    const { record, published, checks } = await runMatter(undefined);
    expect(published.map((alert) => alert.severity)).toEqual(['warning', 'breach', 'escalation']);
    expect(checks).toEqual(['warning', 'breach', 'escalation']);
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
