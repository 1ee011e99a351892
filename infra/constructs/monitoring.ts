/**
 * The operators' alarms and dashboard: every function's errors and throttles, the API's 5xx and
 * latency, the effects worker's iterator age (alerts running late), its dead-letter queue,
 * failed or timed-out deadline executions, DynamoDB throttling. Every alarm goes to the
 * operations topic only.
 */
import { Duration } from 'aws-cdk-lib';
import type { HttpApi } from 'aws-cdk-lib/aws-apigatewayv2';
import {
  Alarm,
  AlarmStatusWidget,
  ComparisonOperator,
  Dashboard,
  GraphWidget,
  type IMetric,
  MathExpression,
  Metric,
  TreatMissingData,
} from 'aws-cdk-lib/aws-cloudwatch';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import type { ITableV2 } from 'aws-cdk-lib/aws-dynamodb';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import type { ITopic } from 'aws-cdk-lib/aws-sns';
import type { IQueue } from 'aws-cdk-lib/aws-sqs';
import type { StateMachine } from 'aws-cdk-lib/aws-stepfunctions';
import { Construct } from 'constructs';

export interface MonitoringProps {
  operationsTopic: ITopic;
  /** Every function, by a readable name. */
  functions: Record<string, IFunction>;
  api: HttpApi;
  effectsWorker: IFunction;
  deadLetters: IQueue;
  stateMachine: StateMachine;
  table: ITableV2;
}

/** An effects record older than this on the stream means alerts and deadlines are late. */
export const MAX_ITERATOR_AGE = Duration.minutes(5);
export const MAX_API_LATENCY_P99 = Duration.seconds(3);

export class Monitoring extends Construct {
  readonly alarms: Alarm[] = [];

  constructor(scope: Construct, id: string, props: MonitoringProps) {
    super(scope, id);
    const period = Duration.minutes(5);
    const alarm = (alarmId: string, metric: IMetric, threshold: number, description: string) => {
      const created = new Alarm(this, alarmId, {
        metric,
        threshold,
        evaluationPeriods: 1,
        alarmDescription: description,
        comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
        treatMissingData: TreatMissingData.NOT_BREACHING,
      });
      created.addAlarmAction(new SnsAction(props.operationsTopic));
      this.alarms.push(created);
      return created;
    };

    for (const [name, fn] of Object.entries(props.functions)) {
      alarm(`${name}Errors`, fn.metricErrors({ period }), 1, `${name}: the function failed (see its logs).`);
      alarm(`${name}Throttles`, fn.metricThrottles({ period }), 1, `${name}: invocations were throttled (account concurrency).`);
    }
    alarm('Api5xx', props.api.metricServerError({ period }), 1, 'The API answered 5xx: a function or integration failed.');
    alarm(
      'ApiLatency',
      props.api.metricLatency({ period, statistic: 'p99' }),
      MAX_API_LATENCY_P99.toMilliseconds(),
      "The API's p99 latency is over 3 s.",
    );
    alarm(
      'EffectsIteratorAge',
      props.effectsWorker.metric('IteratorAge', { period, statistic: 'Maximum' }),
      MAX_ITERATOR_AGE.toMilliseconds(),
      "The effects worker is behind on the table's stream: supervisor alerts and deadline starts are late.",
    );
    alarm(
      'EffectsDeadLetters',
      props.deadLetters.metricApproximateNumberOfMessagesVisible({ period }),
      1,
      'An alert or a deadline start/stop could not be done after retries: see the effects dead-letter queue.',
    );
    alarm(
      'DeadlineExecutionsFailed',
      new MathExpression({
        expression: 'failed + timedOut',
        usingMetrics: { failed: props.stateMachine.metricFailed({ period }), timedOut: props.stateMachine.metricTimedOut({ period }) },
        period,
        label: 'Deadline executions failed or timed out',
      }),
      1,
      "A deadline execution failed or timed out: a timed matter is no longer watched. See the state machine's failed executions.",
    );
    const tableMetric = (metricName: string) =>
      new Metric({ namespace: 'AWS/DynamoDB', metricName, dimensionsMap: { TableName: props.table.tableName }, period, statistic: 'Sum' });
    alarm(
      'TableThrottled',
      new MathExpression({
        expression: 'reads + writes',
        usingMetrics: { reads: tableMetric('ReadThrottleEvents'), writes: tableMetric('WriteThrottleEvents') },
        period,
        label: 'DynamoDB throttle events',
      }),
      1,
      'DynamoDB throttled reads or writes on the table.',
    );

    const dashboard = new Dashboard(this, 'Dashboard', { dashboardName: 'soft-env' });
    dashboard.addWidgets(new AlarmStatusWidget({ title: 'Alarms', alarms: this.alarms, width: 24 }));
    dashboard.addWidgets(
      new GraphWidget({
        title: 'API requests and 5xx',
        left: [props.api.metricCount({ period }), props.api.metricServerError({ period })],
        width: 8,
      }),
      new GraphWidget({ title: 'API latency p99', left: [props.api.metricLatency({ period, statistic: 'p99' })], width: 8 }),
      new GraphWidget({
        title: 'Function errors',
        left: Object.values(props.functions).map((fn) => fn.metricErrors({ period })),
        width: 8,
      }),
    );
  }
}
