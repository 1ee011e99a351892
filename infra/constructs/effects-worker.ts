/**
 * The outbox's worker: a function on the table's stream, filtered to new outbox items, that
 * publishes alerts and starts and stops deadline executions. Failed batches are retried from the
 * failed record; what still fails lands in an encrypted dead-letter queue, watched by an operators' alarm (monitoring.ts).
 */
import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import type { ITableV2 } from 'aws-cdk-lib/aws-dynamodb';
import { FilterCriteria, FilterRule, StartingPosition } from 'aws-cdk-lib/aws-lambda';
import { DynamoEventSource, SqsDlq } from 'aws-cdk-lib/aws-lambda-event-sources';
import type { ITopic } from 'aws-cdk-lib/aws-sns';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import { Validations } from 'aws-cdk-lib';
import { Construct } from 'constructs';
import { keys } from '#shared/data/table';
import { ServiceFunction } from './service-function.ts';
import { DeadlineWorkflow } from './deadline-workflow.ts';

export interface EffectsWorkerProps {
  entry: string;
  table: ITableV2;
  topic: ITopic;
  environment: Record<string, string>;
}

export class EffectsWorker extends Construct {
  readonly service: ServiceFunction;
  readonly deadLetters: Queue;

  constructor(scope: Construct, id: string, props: EffectsWorkerProps) {
    super(scope, id);
    this.service = new ServiceFunction(this, 'Worker', {
      entry: props.entry,
      environment: props.environment,
      timeout: Duration.seconds(30),
    });
    props.topic.grantPublish(this.service.fn);
    DeadlineWorkflow.grantStartAndStop(this.service.fn);

    this.deadLetters = new Queue(this, 'DeadLetters', {
      encryption: QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      retentionPeriod: Duration.days(14),
      removalPolicy: RemovalPolicy.RETAIN,
    });
    Validations.of(this.deadLetters).acknowledge(
      {
        id: 'AwsSolutions::AwsSolutions-SQS3',
        reason:
          'This queue is itself the dead-letter queue of the effects worker: its messages are read by people, with an alarm, not retried further.',
      },
      {
        id: 'Serverless::Serverless-SQSRedrivePolicy',
        reason:
          'This queue is itself the dead-letter queue of the effects worker: nothing consumes it automatically, so there is nothing to redrive to.',
      },
    );
    this.service.fn.addEventSource(
      new DynamoEventSource(props.table, {
        startingPosition: StartingPosition.TRIM_HORIZON,
        batchSize: 25,
        retryAttempts: 10,
        bisectBatchOnError: true,
        reportBatchItemFailures: true,
        onFailure: new SqsDlq(this.deadLetters),
        filters: [
          FilterCriteria.filter({
            eventName: FilterRule.isEqual('INSERT') as unknown,
            dynamodb: { Keys: { pk: { S: [{ prefix: keys.outboxPrefix }] } } },
          }),
        ],
      }),
    );
  }
}
