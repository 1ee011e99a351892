/**
 * The one deadline state machine (Step Functions Standard) every timed matter runs on:
 * wait for the warning time, check, warn; wait for the deadline, check, breach; wait for the
 * escalation time, check, escalate. A closed matter ends quietly at its next check. Transient
 * check failures retry with backoff; a failed execution raises an operators' alarm (monitoring.ts).
 */
import { Aws, type CfnResource, Duration, RemovalPolicy, Stack, Validations } from 'aws-cdk-lib';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { ITopic } from 'aws-cdk-lib/aws-sns';
import {
  Choice,
  Condition,
  DefinitionBody,
  type IChainable,
  JsonPath,
  LogLevel,
  StateMachine,
  StateMachineType,
  Succeed,
  TaskInput,
  Wait,
  WaitTime,
} from 'aws-cdk-lib/aws-stepfunctions';
import { LambdaInvoke, SnsPublish } from 'aws-cdk-lib/aws-stepfunctions-tasks';
import { Construct } from 'constructs';
import { ALERT_MESSAGE_ATTRIBUTES } from '#shared/alerts/alert-types';

/** The stages in order: the timeline field each waits for, and its alert severity. */
export const DEADLINE_STAGES = [
  { stage: 'warning', name: 'Warning', timestamp: '$.timeline.warnAt' },
  { stage: 'breach', name: 'Breach', timestamp: '$.timeline.deadline' },
  { stage: 'escalation', name: 'Escalation', timestamp: '$.timeline.escalateAt' },
] as const;

/** State names the local runtime gives its own task handlers (checks run the local Lambda, publishes go to the alert sink). */
export const checkStateName = (name: string) => `Check${name}`;
export const publishStateName = (name: string) => `Publish${name}`;

export const DEADLINE_STATE_MACHINE_NAME = 'soft-env-deadlines';

export interface DeadlineWorkflowProps {
  check: IFunction;
  topic: ITopic;
}

export class DeadlineWorkflow extends Construct {
  readonly stateMachine: StateMachine;

  constructor(scope: Construct, id: string, { check, topic }: DeadlineWorkflowProps) {
    super(scope, id);
    const closed = new Succeed(this, 'Closed', { comment: 'The matter closed: no alert.' });
    let next: IChainable = new Succeed(this, 'Escalated', { comment: 'Warned, breached and escalated.' });
    // Built from the last stage backwards, so each stage continues into the next.
    for (const { stage, name, timestamp } of [...DEADLINE_STAGES].reverse()) {
      const checkTask = new LambdaInvoke(this, checkStateName(name), {
        lambdaFunction: check,
        payload: TaskInput.fromObject({ matter: JsonPath.objectAt('$.matter'), stage }),
        payloadResponseOnly: true,
        resultPath: '$.check',
        retryOnServiceExceptions: false,
      });
      checkTask.addRetry({ errors: ['States.ALL'], interval: Duration.seconds(2), backoffRate: 2, maxAttempts: 5 });
      const publish = new SnsPublish(this, publishStateName(name), {
        topic,
        // The check hands the SNS message already made, per protocol (alerts.ts): e-mail reads text.
        message: TaskInput.fromJsonPathAt('$.check.message'),
        messagePerSubscriptionType: true,
        subject: JsonPath.stringAt('$.check.subject'),
        messageAttributes: Object.fromEntries(
          ALERT_MESSAGE_ATTRIBUTES.map((name) => [name, { value: JsonPath.stringAt(`$.check.alert.${name}`) }]),
        ),
        resultPath: JsonPath.DISCARD,
      });
      publish.addRetry({ errors: ['States.ALL'], interval: Duration.seconds(2), backoffRate: 2, maxAttempts: 5 });
      const decide = new Choice(this, `Is${name}Due`)
        .when(Condition.booleanEquals('$.check.open', false), closed)
        .when(Condition.booleanEquals('$.check.publish', true), publish.next(next))
        .otherwise(next);
      next = new Wait(this, `WaitFor${name}`, { time: WaitTime.timestampPath(timestamp) }).next(checkTask).next(decide);
    }

    const logs = new LogGroup(this, 'Logs', { retention: RetentionDays.SIX_MONTHS, removalPolicy: RemovalPolicy.DESTROY });
    this.stateMachine = new StateMachine(this, 'StateMachine', {
      stateMachineName: DEADLINE_STATE_MACHINE_NAME,
      stateMachineType: StateMachineType.STANDARD,
      definitionBody: DefinitionBody.fromChainable(next),
      tracingEnabled: true,
      logs: { destination: logs, level: LogLevel.ALL, includeExecutionData: true },
      comment: 'soft-env: warning, breach and escalation of a timed matter',
    });

    const checkLogicalId = Stack.of(this).resolve((check.node.defaultChild as CfnResource).logicalId) as string;
    Validations.of(this.stateMachine).acknowledge(
      {
        id: `AwsSolutions::AwsSolutions-IAM5[Resource::<${checkLogicalId}.Arn>:*]`,
        reason: 'LambdaInvoke lets the state machine invoke the check function and its versions (function ARN:*); it invokes nothing else.',
      },
      {
        id: 'AwsSolutions::AwsSolutions-IAM5[Resource::*]',
        reason: 'X-Ray tracing and log delivery to CloudWatch Logs take no resource-level permissions (Resource::*).',
      },
      {
        id: 'AwsSolutions::AwsSolutions-IAM5[Action::kms:GenerateDataKey*]',
        reason: 'Publishing to the KMS-encrypted alert topic needs GenerateDataKey* on that one key (granted by topic.grantPublish).',
      },
    );

    // The task grants sns:Publish only; the topic's key must be usable too, or every publish is denied.
    topic.grantPublish(this.stateMachine);
  }

  /**
   * The state machine's ARN from its fixed name: the check function, which the state machine
   * invokes, also starts executions, and a reference would make a dependency cycle.
   */
  static readonly stateMachineArn = `arn:${Aws.PARTITION}:states:${Aws.REGION}:${Aws.ACCOUNT_ID}:stateMachine:${DEADLINE_STATE_MACHINE_NAME}`;

  /** Lets a function start executions and stop its matters' executions, nothing else. */
  static grantStartAndStop(fn: IFunction) {
    fn.addToRolePolicy(new PolicyStatement({ actions: ['states:StartExecution'], resources: [DeadlineWorkflow.stateMachineArn] }));
    const executions = `arn:${Aws.PARTITION}:states:${Aws.REGION}:${Aws.ACCOUNT_ID}:execution:${DEADLINE_STATE_MACHINE_NAME}:*`;
    fn.addToRolePolicy(new PolicyStatement({ actions: ['states:StopExecution'], resources: [executions] }));
    Validations.of(fn).acknowledge({
      id: 'AwsSolutions::AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:states:<AWS::Region>:<AWS::AccountId>:execution:soft-env-deadlines:*]',
      reason: "StopExecution on the deadline state machine's executions only: their names are made per matter at run time.",
    });
  }
}
