/**
 * The effects worker against the AWS SDK (aws-sdk-client-mock): the exact SNS Publish of an
 * alert, the StartExecution/StopExecution of a deadline, and what a throttled or failed call
 * does to the batch (the failed record and everything after it are retried; nothing is lost).
 */
import { readableTime } from '#shared/alerts/alert-text';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import 'aws-sdk-client-mock-vitest/extend';
import { mockClient } from 'aws-sdk-client-mock';
import { PublishCommand, SNSClient } from '@aws-sdk/client-sns';
import { ExecutionAlreadyExists, SFNClient, StartExecutionCommand, StopExecutionCommand } from '@aws-sdk/client-sfn';
import { marshall } from '@aws-sdk/util-dynamodb';
import type { DynamoDBStreamEvent } from 'aws-lambda';

const TOPIC = 'arn:aws:sns:ap-southeast-1:111111111111:alerts';
const MACHINE = 'arn:aws:states:ap-southeast-1:111111111111:stateMachine:soft-env-deadlines';
vi.hoisted(() => {
  process.env.ALERT_TOPIC_ARN = 'arn:aws:sns:ap-southeast-1:111111111111:alerts';
  process.env.DEADLINE_STATE_MACHINE_ARN = 'arn:aws:states:ap-southeast-1:111111111111:stateMachine:soft-env-deadlines';
});
const { handler } = await import('../../functions/effects/handler.ts');
const { alertFromSnsMessage } = await import('#shared/alerts/alerts');

const sns = mockClient(SNSClient);
const sfn = mockClient(SFNClient);
beforeEach(() => {
  sns.reset();
  sfn.reset();
});

const now = new Date();
const alert = {
  id: 'alert-1',
  at: now.toISOString(),
  severity: 'breach' as const,
  concern: 'inspections' as const,
  department: 'market-supervision',
  kind: 'approval-overdue',
  title: '检查审批超时：县市场监管局 · An inspection approval is overdue',
  detail: '软环境办未对县市场监管局对某公司的日常检查作出审批。\nThe soft-environment office has not decided on the routine inspection.',
  subject: { type: 'inspection', id: 'insp-42' },
};
const matter = { concern: 'inspections' as const, kind: 'approval', id: 'insp-42', version: 2, department: 'market-supervision' };
// Instants the calendar computes carry milliseconds; the workflow waits on whole seconds.
const timeline = {
  warnAt: new Date(now.getTime() + 3_600_000).toISOString().replace(/\.\d{3}Z$/, '.250Z'),
  deadline: new Date(now.getTime() + 7_200_000).toISOString(),
  escalateAt: new Date(now.getTime() + 10_800_000).toISOString(),
};

let sequence = 0;
const record = (effect: unknown) => ({
  eventName: 'INSERT' as const,
  dynamodb: { SequenceNumber: String(++sequence), NewImage: marshall({ pk: `OUTBOX#${sequence}`, sk: 'EFFECT', effect }) as never },
});
const batch = (...effects: unknown[]): DynamoDBStreamEvent => ({ Records: effects.map(record) });

describe('the effects worker', () => {
  it('passes by every item that is not a new outbox item, even one the local stream hands over in a shape unmarshall refuses', async () => {
    sns.on(PublishCommand).resolves({ MessageId: 'm-1' });
    // DynamoDB Local's stream gives an empty map as {} (an approval item's histogram before any decision).
    const other = {
      eventName: 'INSERT' as const,
      dynamodb: {
        SequenceNumber: String(++sequence),
        NewImage: { pk: { S: 'APPROVALITEM#SC-1' }, sk: { S: 'ITEM' }, daysHistogram: {} } as never,
      },
    };
    const event = { Records: [other, record({ type: 'publish-alert', alert })] } as DynamoDBStreamEvent;
    expect(await handler(event)).toEqual({ batchItemFailures: [] });
    expect(sns).toHaveReceivedCommandTimes(PublishCommand, 1);
  });

  it('publishes an alert with a readable subject, per-protocol message and the filter attributes', async () => {
    sns.on(PublishCommand).resolves({ MessageId: 'm-1' });
    expect(await handler(batch({ type: 'publish-alert', alert }))).toEqual({ batchItemFailures: [] });
    expect(sns).toHaveReceivedCommandTimes(PublishCommand, 1);
    expect(sns).toHaveReceivedCommandWith(PublishCommand, {
      TopicArn: TOPIC,
      Subject: 'soft-env breach: approval-overdue (inspections, market-supervision)',
      MessageStructure: 'json',
      MessageAttributes: {
        severity: { DataType: 'String', StringValue: 'breach' },
        concern: { DataType: 'String', StringValue: 'inspections' },
        department: { DataType: 'String', StringValue: 'market-supervision' },
      },
    });
    const message = sns.commandCalls(PublishCommand)[0]!.args[0].input.Message!;
    expect(alertFromSnsMessage(message)).toEqual(alert);
    const email = (JSON.parse(message) as { email: string }).email;
    // Chinese first, English after: the title, the detail, when; the record's reference last.
    const lines = email.split('\n');
    expect(lines[0]).toBe('【soft-env 超时 breach】检查审批超时：县市场监管局 · An inspection approval is overdue');
    expect(lines.slice(2, 4)).toEqual(alert.detail.split('\n'));
    expect(email).toContain(`时间 Raised at：${readableTime(alert.at)}`);
    expect(lines.at(-2)).toBe('记录 Record：inspection insp-42');
    expect((JSON.parse(message) as { sms: string }).sms).toBe(
      '【soft-env 超时】检查审批超时：县市场监管局 · An inspection approval is overdue',
    );
  });

  it('starts a deadline execution named after the matter and its version, and stops one', async () => {
    sfn.on(StartExecutionCommand).resolves({ executionArn: 'e' }).on(StopExecutionCommand).resolves({});
    expect(
      await handler(batch({ type: 'start-deadline', matter, timeline }, { type: 'stop-deadline', matter, cause: 'approved' })),
    ).toEqual({ batchItemFailures: [] });
    expect(sfn).toHaveReceivedCommandWith(StartExecutionCommand, {
      stateMachineArn: MACHINE,
      name: 'inspections-approval-insp-42-v2',
      // A Wait on a timestamp drops the milliseconds: each instant goes up to its next whole second, never earlier.
      input: JSON.stringify({
        matter,
        timeline: {
          warnAt: new Date(Math.ceil(Date.parse(timeline.warnAt) / 1000) * 1000).toISOString(),
          deadline: new Date(Math.ceil(Date.parse(timeline.deadline) / 1000) * 1000).toISOString(),
          escalateAt: new Date(Math.ceil(Date.parse(timeline.escalateAt) / 1000) * 1000).toISOString(),
        },
      }),
    });
    const sent = JSON.parse(sfn.commandCalls(StartExecutionCommand)[0]!.args[0].input.input!).timeline;
    expect(sent.warnAt).toMatch(/\.000Z$/);
    expect(Date.parse(sent.warnAt) - Date.parse(timeline.warnAt)).toBe(750);
    expect(sfn).toHaveReceivedCommandWith(StopExecutionCommand, {
      executionArn: 'arn:aws:states:ap-southeast-1:111111111111:execution:soft-env-deadlines:inspections-approval-insp-42-v2',
      cause: 'approved',
    });
  });

  it('treats an execution that already exists as started (a retried record)', async () => {
    sfn.on(StartExecutionCommand).rejects(new ExecutionAlreadyExists({ message: 'exists', $metadata: {} }));
    expect(await handler(batch({ type: 'start-deadline', matter, timeline }))).toEqual({ batchItemFailures: [] });
  });

  it('hands back the throttled record and everything after it, having done those before it once', async () => {
    const throttled = Object.assign(new Error('Rate exceeded'), { name: 'ThrottlingException', $metadata: { httpStatusCode: 400 } });
    sns.on(PublishCommand).resolvesOnce({ MessageId: 'm-1' }).rejects(throttled);
    sfn.on(StartExecutionCommand).resolves({ executionArn: 'e' });
    const event = batch(
      { type: 'publish-alert', alert },
      { type: 'publish-alert', alert: { ...alert, id: 'alert-2' } },
      { type: 'start-deadline', matter, timeline },
    );
    const response = await handler(event);
    expect(response).toEqual({ batchItemFailures: [{ itemIdentifier: event.Records[1]!.dynamodb!.SequenceNumber }] });
    // The record after the failure was not done: Lambda retries from the failed record, in order.
    expect(sfn).not.toHaveReceivedCommand(StartExecutionCommand);
    expect(sns).toHaveReceivedCommandTimes(PublishCommand, 2);
  });

  it('hands back a record whose execution could not be started (access denied), not the batch before it', async () => {
    sfn
      .on(StartExecutionCommand)
      .rejects(Object.assign(new Error('not authorized'), { name: 'AccessDeniedException', $metadata: { httpStatusCode: 400 } }));
    const event = batch({ type: 'start-deadline', matter, timeline });
    expect(await handler(event)).toEqual({ batchItemFailures: [{ itemIdentifier: event.Records[0]!.dynamodb!.SequenceNumber }] });
  });
});
