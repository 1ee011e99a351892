/** The AWS side, from the synthesized templates: the properties that matter, not snapshots. */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { App } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { composeApp } from '../../infra/app/compose.ts';
import { concerns } from '../../infra/concerns.ts';
import { API_THROTTLE } from '../../infra/stacks/stateless.ts';
import { INTAKE_THROTTLE } from '../../functions/complaints/routes.ts';
import { isPublic, routeKey } from '#shared/http/routes';
import { TABLE } from '#shared/data/table';

let outdir: string;
let data: Template;
let api: Template;
let report: any;

beforeAll(() => {
  outdir = mkdtempSync(path.join(tmpdir(), 'soft-env-synth-'));
  const app = new App({ outdir, context: { 'aws:cdk:bundling-stacks': [] } });
  const { stateful, stateless } = composeApp(app, { env: { account: '111111111111', region: 'ap-southeast-1' } });
  app.synth();
  data = Template.fromStack(stateful);
  api = Template.fromStack(stateless);
  report = JSON.parse(readFileSync(path.join(outdir, 'validation-report.json'), 'utf8'));
});
afterAll(() => rmSync(outdir, { recursive: true, force: true }));

const allRoutes = concerns.flatMap((concern) => Object.values(concern.api.routes));

describe('the API', () => {
  it('has exactly the declared routes, a JWT authorizer on every non-public one and none on public ones', () => {
    const cfnRoutes = api.findResources('AWS::ApiGatewayV2::Route');
    const byKey = new Map(Object.values(cfnRoutes).map((route: any) => [route.Properties.RouteKey, route.Properties]));
    expect([...byKey.keys()].sort()).toEqual(allRoutes.map(routeKey).sort());
    for (const route of allRoutes) {
      const props = byKey.get(routeKey(route));
      if (isPublic(route)) expect(props.AuthorizationType ?? 'NONE').toBe('NONE');
      else
        expect({ key: routeKey(route), type: props.AuthorizationType, authorizer: !!props.AuthorizerId }).toEqual({
          key: routeKey(route),
          type: 'JWT',
          authorizer: true,
        });
    }
    api.hasResourceProperties('AWS::ApiGatewayV2::Authorizer', {
      AuthorizerType: 'JWT',
      IdentitySource: ['$request.header.Authorization'],
      // The people's app client and the web console's.
      JwtConfiguration: { Audience: [Match.anyValue(), Match.anyValue()], Issuer: Match.anyValue() },
    });
  });

  it('throttles, complaint intake harder, and writes access logs on its stage', () => {
    api.hasResourceProperties('AWS::ApiGatewayV2::Stage', {
      StageName: '$default',
      DefaultRouteSettings: { ThrottlingRateLimit: API_THROTTLE.rateLimit, ThrottlingBurstLimit: API_THROTTLE.burstLimit },
      RouteSettings: {
        'POST /complaints': { ThrottlingRateLimit: INTAKE_THROTTLE.rateLimit, ThrottlingBurstLimit: INTAKE_THROTTLE.burstLimit },
      },
      AccessLogSettings: { DestinationArn: Match.anyValue(), Format: Match.stringLikeRegexp('requestId') },
    });
  });

  it('runs one Lambda per concern, the deadline check and the effects worker, on Node 22, arm64', () => {
    // Not the CDK's bucket-deployment function (the console's files, run at deploy time only).
    const functions = Object.entries(api.findResources('AWS::Lambda::Function'))
      .filter(([id]) => !id.startsWith('CustomCDKBucketDeployment'))
      .map(([, fn]) => fn) as any[];
    const services = functions.map((fn) => fn.Properties.Environment.Variables.POWERTOOLS_SERVICE_NAME).sort();
    expect(services).toEqual([...concerns.map((concern) => concern.name), 'deadlines', 'effects'].sort());
    for (const fn of functions) {
      expect(fn.Properties).toMatchObject({ Runtime: 'nodejs22.x', Architectures: ['arm64'], TracingConfig: { Mode: 'Active' } });
      expect(Object.keys(fn.Properties.Environment.Variables)).toEqual(expect.arrayContaining(['TABLE_NAME', 'POWERTOOLS_SERVICE_NAME']));
    }
    // Only the effects worker publishes alerts and starts or stops deadlines.
    const reachBeyondTable = functions
      .filter(
        (fn) =>
          'ALERT_TOPIC_ARN' in fn.Properties.Environment.Variables || 'DEADLINE_STATE_MACHINE_ARN' in fn.Properties.Environment.Variables,
      )
      .map((fn) => fn.Properties.Environment.Variables.POWERTOOLS_SERVICE_NAME);
    expect(reachBeyondTable).toEqual(['effects']);
  });

  it('grants item access to the table and its index, never Scan, and publish on the alert topic', () => {
    const policies = Object.values(api.findResources('AWS::IAM::Policy')) as any[];
    const statements = policies.flatMap((policy) => policy.Properties.PolicyDocument.Statement);
    const actions = statements.flatMap((statement) => [statement.Action].flat());
    expect(actions).not.toContain('dynamodb:Scan');
    expect(actions.filter((action) => action.startsWith('dynamodb:')).some((action) => action.includes('*'))).toBe(false);
    expect(actions).toEqual(expect.arrayContaining(['dynamodb:Query', 'dynamodb:PutItem', 'sns:Publish']));
    // sns:Publish: the effects worker and the state machine's publish task, no concern.
    const publishers = (Object.values(api.findResources('AWS::IAM::Policy')) as any[]).filter((policy) =>
      JSON.stringify(policy.Properties.PolicyDocument).includes('sns:Publish'),
    );
    expect(publishers).toHaveLength(2);
    const tableStatements = statements.filter((statement) => [statement.Action].flat().includes('dynamodb:Query'));
    for (const statement of tableStatements) {
      expect(JSON.stringify(statement.Resource)).toContain(`/index/${TABLE.indexes.ownerLists.name}`);
    }
  });
});

describe('the table calls the code makes', () => {
  it("are each granted to the concerns' functions: the local runtime enforces no IAM, so the template must", () => {
    // Every DynamoDB command the functions and shared code send, mapped to the IAM action it needs.
    const action: Record<string, string> = {
      GetCommand: 'GetItem',
      BatchGetCommand: 'BatchGetItem',
      QueryCommand: 'Query',
      PutCommand: 'PutItem',
      UpdateCommand: 'UpdateItem',
      DeleteCommand: 'DeleteItem',
    };
    const sources = ['functions', 'shared'].flatMap((dir) =>
      readdirSync(dir, { recursive: true, encoding: 'utf8' })
        .filter((file) => file.endsWith('.ts'))
        .map((file) => readFileSync(path.join(dir, file), 'utf8')),
    );
    const used = new Set(
      sources
        .flatMap((source) => [...source.matchAll(/new (\w+Command)\(/g)].map((match) => match[1] as string))
        .filter((name) => name in action),
    );
    // And every kind of item the code puts in a transaction (TransactWriteItems checks each item's own action).
    const transactionItem: Record<string, string> = {
      Put: 'PutItem',
      Update: 'UpdateItem',
      Delete: 'DeleteItem',
      ConditionCheck: 'ConditionCheckItem',
    };
    for (const source of sources)
      for (const match of source.matchAll(/\b(Put|Update|Delete|ConditionCheck): \{/g))
        action[`${match[1]} item`] = transactionItem[match[1]!]!;
    for (const kind of Object.keys(action).filter((name) => name.endsWith(' item'))) used.add(kind);
    expect(used).toContain('BatchGetCommand');
    expect(used).toContain('Delete item');
    const granted = new Set(
      (Object.values(api.findResources('AWS::IAM::Policy')) as any[])
        .flatMap((policy) => policy.Properties.PolicyDocument.Statement)
        .flatMap((statement: any) => [statement.Action].flat()),
    );
    for (const command of used) expect(granted, `${command} needs dynamodb:${action[command]}`).toContain(`dynamodb:${action[command]}`);
  });
});

describe('the deadline workflow', () => {
  it("is one Standard state machine with logging and tracing, waiting on the matter's timeline", () => {
    api.resourceCountIs('AWS::StepFunctions::StateMachine', 1);
    api.hasResourceProperties('AWS::StepFunctions::StateMachine', {
      StateMachineType: 'STANDARD',
      TracingConfiguration: { Enabled: true },
      LoggingConfiguration: Match.objectLike({ Level: 'ALL' }),
    });
    const definition = JSON.stringify(
      (Object.values(api.findResources('AWS::StepFunctions::StateMachine'))[0] as any).Properties.DefinitionString,
    );
    for (const path of ['$.timeline.warnAt', '$.timeline.deadline', '$.timeline.escalateAt']) expect(definition).toContain(path);
    expect(definition).toContain('sns:publish');
  });

  it("raises an alarm on failed or timed-out executions that alerts the operators' topic", () => {
    api.hasResourceProperties('AWS::CloudWatch::Alarm', {
      Threshold: 1,
      ComparisonOperator: 'GreaterThanOrEqualToThreshold',
      Metrics: Match.arrayWith([Match.objectLike({ Expression: 'failed + timedOut' })]),
      AlarmActions: [{ 'Fn::ImportValue': Match.stringLikeRegexp('OperationsTopic') }],
    });
  });

  it('lets only the effects worker start and stop executions', () => {
    const policies = Object.values(api.findResources('AWS::IAM::Policy')) as any[];
    const starters = policies.filter((policy) => JSON.stringify(policy.Properties.PolicyDocument).includes('states:StartExecution'));
    const stoppers = policies.filter((policy) => JSON.stringify(policy.Properties.PolicyDocument).includes('states:StopExecution'));
    expect(starters).toHaveLength(1);
    expect(stoppers).toHaveLength(1);
  });
});

describe('the outbox', () => {
  it('streams new outbox items only to the effects worker, retrying from the failed record into a dead-letter queue', () => {
    data.hasResourceProperties('AWS::DynamoDB::GlobalTable', { StreamSpecification: { StreamViewType: 'NEW_IMAGE' } });
    api.hasResourceProperties('AWS::Lambda::EventSourceMapping', {
      StartingPosition: 'TRIM_HORIZON',
      BisectBatchOnFunctionError: true,
      FunctionResponseTypes: ['ReportBatchItemFailures'],
      DestinationConfig: { OnFailure: { Destination: Match.anyValue() } },
      FilterCriteria: {
        Filters: [{ Pattern: JSON.stringify({ eventName: ['INSERT'], dynamodb: { Keys: { pk: { S: [{ prefix: 'OUTBOX#' }] } } } }) }],
      },
    });
    api.hasResourceProperties('AWS::SQS::Queue', { SqsManagedSseEnabled: true });
    api.hasResourceProperties('AWS::CloudWatch::Alarm', { MetricName: 'ApproximateNumberOfMessagesVisible', Threshold: 1 });
  });
});

describe('the data stack', () => {
  it('protects the table: on-demand, point-in-time recovery, deletion protection, retained', () => {
    data.hasResource('AWS::DynamoDB::GlobalTable', {
      DeletionPolicy: 'Retain',
      UpdateReplacePolicy: 'Retain',
      Properties: Match.objectLike({
        BillingMode: 'PAY_PER_REQUEST',
        KeySchema: [
          { AttributeName: TABLE.partitionKey, KeyType: 'HASH' },
          { AttributeName: TABLE.sortKey, KeyType: 'RANGE' },
        ],
        GlobalSecondaryIndexes: Object.values(TABLE.indexes).map((index) =>
          Match.objectLike({
            IndexName: index.name,
            KeySchema: [
              { AttributeName: index.partitionKey, KeyType: 'HASH' },
              { AttributeName: index.sortKey, KeyType: 'RANGE' },
            ],
          }),
        ),
        TimeToLiveSpecification: { AttributeName: TABLE.ttlAttribute, Enabled: true },
        Replicas: [
          Match.objectLike({ DeletionProtectionEnabled: true, PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true } }),
        ],
      }),
    });
  });

  it('encrypts the alert topic with a rotating key and denies publishing without TLS', () => {
    data.hasResourceProperties('AWS::SNS::Topic', { KmsMasterKeyId: Match.anyValue() });
    data.hasResourceProperties('AWS::KMS::Key', { EnableKeyRotation: true });
    data.hasResourceProperties('AWS::SNS::TopicPolicy', {
      PolicyDocument: {
        Statement: Match.arrayWith([Match.objectLike({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } })]),
      },
    });
  });

  it('has a user pool whose tokens carry roles, dept and ent, and outputs the ids clients need', () => {
    data.hasResourceProperties('AWS::Cognito::UserPool', {
      Schema: Match.arrayWith([Match.objectLike({ Name: 'dept' }), Match.objectLike({ Name: 'ent' })]),
      LambdaConfig: { PreTokenGenerationConfig: { LambdaArn: Match.anyValue(), LambdaVersion: 'V3_0' } },
      AdminCreateUserConfig: { AllowAdminCreateUserOnly: true },
    });
    expect(Object.keys(data.findOutputs('*'))).toEqual(
      expect.arrayContaining(['AlertTopicArn', 'OperationsTopicArn', 'UserPoolId', 'UserPoolClientId', 'SignInUrl']),
    );
    expect(Object.keys(api.findOutputs('*'))).toContain('ApiUrl');
  });
});

describe('cdk-nag AwsSolutions and Serverless', () => {
  it.each(['AwsSolutions', 'Serverless'])(
    '%s leaves no unacknowledged finding, and every acknowledgement has a specific reason',
    (pack) => {
      const plugin = report.pluginReports.find((entry: any) => entry.pluginName === pack);
      expect(plugin.violations).toEqual([]);
      expect(plugin.conclusion).toBe('success');
      for (const suppressed of plugin.suppressedViolations) {
        expect(suppressed.reason.length).toBeGreaterThan(40);
      }
    },
  );
});

describe('deploy-time settings', () => {
  it("pass the county's limits from the CDK context to the functions", () => {
    const app = new App({ context: { 'aws:cdk:bundling-stacks': [], approvalLimitDays: 2, routineInspectionsPerYear: 3 } });
    const { stateless } = composeApp(app, { env: { account: '111111111111', region: 'ap-southeast-1' } }, { nag: false });
    const functions = Object.values(Template.fromStack(stateless).findResources('AWS::Lambda::Function')) as any[];
    const inspections = functions.find((fn) => fn.Properties.Environment.Variables.POWERTOOLS_SERVICE_NAME === 'inspections');
    expect(inspections.Properties.Environment.Variables).toMatchObject({ APPROVAL_LIMIT_DAYS: '2', ROUTINE_INSPECTIONS_PER_YEAR: '3' });
  });
});
