/**
 * What `cdk deploy` creates, read as an AWS engineer reads the templates: alerts that can be
 * delivered (keys usable by every publisher), operators' alarms on their own topic, sign-in that
 * cannot be abused, and a deploy against a county's own OIDC issuer.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { App } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { concerns } from '../../infra/concerns.ts';
import { composeApp } from '../../infra/app/compose.ts';
import { ROLES } from '#shared/http/auth';
import { TABLE } from '#shared/data/table';

const env = { account: '111111111111', region: 'ap-southeast-1' };
let data: Template;
let api: Template;

beforeAll(() => {
  const app = new App({ context: { 'aws:cdk:bundling-stacks': [], callbackUrls: 'https://console.county.example.cn/callback' } });
  const { stateful, stateless } = composeApp(app, { env }, { nag: false });
  data = Template.fromStack(stateful);
  api = Template.fromStack(stateless);
});

const resources = (template: Template, type: string) => Object.entries(template.findResources(type)) as [string, any][];
/** The logical id a cross-stack reference (Fn::ImportValue of SoftEnvData) names, or a same-stack Ref/GetAtt. */
const referencedId = (value: any): string => {
  if (value?.Ref) return value.Ref;
  if (value?.['Fn::GetAtt']) return value['Fn::GetAtt'][0];
  const imported = String(value?.['Fn::ImportValue'] ?? '');
  const match = /ExportsOutput(?:Ref|FnGetAtt)(.+?)[0-9A-F]{8}$/.exec(imported);
  return match ? match[1]! : JSON.stringify(value);
};
const actionsOf = (statement: any): string[] => [statement.Action].flat();

/** Each encrypted topic of the data stack, by logical id, with its key's logical id and key policy. */
function encryptedTopics() {
  const keys = Object.fromEntries(resources(data, 'AWS::KMS::Key'));
  return resources(data, 'AWS::SNS::Topic').map(([topicId, topic]) => {
    const keyId = topic.Properties.KmsMasterKeyId['Fn::GetAtt'][0] as string;
    return { topicId, keyId, keyPolicy: keys[keyId].Properties.KeyPolicy.Statement as any[] };
  });
}
const matchesLogicalId = (referenced: string, logicalId: string) => logicalId.startsWith(referenced) || referenced.startsWith(logicalId);

describe('alerts that arrive', () => {
  it("every principal allowed to publish to an encrypted topic may also use that topic's key", () => {
    const topics = encryptedTopics();
    const publishers = resources(api, 'AWS::IAM::Policy').filter(([, policy]) => JSON.stringify(policy).includes('sns:Publish'));
    expect(publishers.length).toBeGreaterThanOrEqual(2); // the effects worker and the state machine
    for (const [policyId, policy] of publishers) {
      const statements = policy.Properties.PolicyDocument.Statement as any[];
      for (const publish of statements.filter((statement) => actionsOf(statement).includes('sns:Publish'))) {
        const topic = topics.find((candidate) => matchesLogicalId(referencedId(publish.Resource), candidate.topicId));
        expect(topic, `${policyId} publishes to a topic of the data stack`).toBeDefined();
        const keyStatement = statements.find((statement) => matchesLogicalId(referencedId(statement.Resource), topic!.keyId));
        expect({ policyId, actions: keyStatement && actionsOf(keyStatement) }).toEqual({
          policyId,
          actions: expect.arrayContaining(['kms:Decrypt', 'kms:GenerateDataKey*']),
        });
      }
    }
  });

  it('the state machine publishes with a readable subject, per-protocol messages and the filter attributes', () => {
    const [, machine] = resources(api, 'AWS::StepFunctions::StateMachine')[0]!;
    const definition = JSON.stringify(machine.Properties.DefinitionString);
    for (const field of ['Subject.$', 'MessageStructure', 'severity', 'concern', 'department']) expect(definition).toContain(field);
  });
});

describe("operators' alarms", () => {
  const alarmTopics = () =>
    resources(api, 'AWS::CloudWatch::Alarm').flatMap(([id, alarm]) => {
      // An alarm without an action is silent: nobody learns of it.
      expect({ id, actions: (alarm.Properties.AlarmActions ?? []).length }).toEqual({ id, actions: 1 });
      return (alarm.Properties.AlarmActions as any[]).map(referencedId);
    });

  it("every alarm publishes to a topic whose key lets CloudWatch in, and none to the supervisors' topic", () => {
    const topics = encryptedTopics();
    const supervisors = topics.find(({ topicId }) => topicId.startsWith('AlertsTopic'))!;
    const actions = alarmTopics();
    expect(actions.length).toBeGreaterThan(10);
    for (const referenced of actions) {
      expect(matchesLogicalId(referenced, supervisors.topicId)).toBe(false);
      const topic = topics.find(({ topicId }) => matchesLogicalId(referenced, topicId))!;
      const forCloudWatch = topic.keyPolicy.find((statement) => statement.Principal?.Service === 'cloudwatch.amazonaws.com');
      expect(forCloudWatch && actionsOf(forCloudWatch)).toEqual(expect.arrayContaining(['kms:Decrypt', 'kms:GenerateDataKey*']));
    }
    expect(Object.keys(data.findOutputs('*'))).toContain('OperationsTopicArn');
  });

  it('every function of both stacks has an Errors alarm', () => {
    const watched = resources(api, 'AWS::CloudWatch::Alarm')
      .filter(([, alarm]) => alarm.Properties.MetricName === 'Errors')
      .map(([, alarm]) => referencedId(alarm.Properties.Dimensions[0].Value));
    // The CDK's bucket-deployment function (the console's files) runs only inside a deployment, which fails with it.
    const functions = [...resources(api, 'AWS::Lambda::Function'), ...resources(data, 'AWS::Lambda::Function')]
      .map(([id]) => id)
      .filter((id) => !id.startsWith('CustomCDKBucketDeployment'));
    for (const fn of functions)
      expect(
        watched.some((id) => matchesLogicalId(id, fn)),
        fn,
      ).toBe(true);
  });

  it("watches API 5xx and latency, the stream's iterator age, the dead letters, failed executions and DynamoDB throttling; one dashboard", () => {
    const watched = JSON.stringify(resources(api, 'AWS::CloudWatch::Alarm').map(([, alarm]) => alarm.Properties));
    for (const metric of [
      '5xx',
      'Latency',
      'IteratorAge',
      'ApproximateNumberOfMessagesVisible',
      'ExecutionsFailed',
      'ExecutionsTimedOut',
      'ReadThrottleEvents',
      'WriteThrottleEvents',
      'Throttles',
    ]) {
      expect(watched).toContain(metric);
    }
    api.resourceCountIs('AWS::CloudWatch::Dashboard', 1);
  });
});

/** A resource of a policy statement as text: logical ids without their hash, pseudo parameters as ${...}. */
const resourceText = (value: any): string => {
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) return value.map(resourceText).join(' | ');
  if (value?.['Fn::Join']) return (value['Fn::Join'][1] as any[]).map(resourceText).join(value['Fn::Join'][0]);
  if (value?.Ref?.startsWith('AWS::')) return `\${${value.Ref}}`;
  return referencedId(value).replace(/[0-9A-F]{8}(?=$|Arn|StreamArn)/, '');
};

/** Each IAM role's granted actions, by whom it serves (a function's service name, else the role's logical id), with their resources. */
function grantsByServer(template: Template) {
  const servers = new Map<string, string>();
  for (const [id, fn] of resources(template, 'AWS::Lambda::Function')) {
    const name = fn.Properties.Environment?.Variables?.POWERTOOLS_SERVICE_NAME ?? id.replace(/[0-9A-F]{8}$/, '');
    servers.set(fn.Properties.Role['Fn::GetAtt'][0], name);
  }
  const grants: Record<string, Record<string, string[]>> = {};
  for (const [, policy] of resources(template, 'AWS::IAM::Policy')) {
    for (const role of policy.Properties.Roles as any[]) {
      const server = servers.get(role.Ref) ?? role.Ref.replace(/[0-9A-F]{8}$/, '');
      for (const statement of policy.Properties.PolicyDocument.Statement as any[]) {
        expect(statement.Effect).toBe('Allow');
        for (const action of actionsOf(statement)) {
          const own = ((grants[server] ??= {})[action] ??= []);
          own.push(...[statement.Resource].flat().map(resourceText));
        }
      }
    }
  }
  return grants;
}

const XRAY = ['xray:PutTelemetryRecords', 'xray:PutTraceSegments'];
const TABLE_ITEM_ACTIONS = [
  'dynamodb:BatchGetItem',
  'dynamodb:ConditionCheckItem',
  'dynamodb:DeleteItem',
  'dynamodb:GetItem',
  'dynamodb:PutItem',
  'dynamodb:Query',
  'dynamodb:UpdateItem',
];
const ALERTS = { publish: ['sns:Publish'], key: ['kms:Decrypt', 'kms:GenerateDataKey*'] };

describe('each function holds the IAM it calls, and no more', () => {
  it('grants each role exactly its table of actions: a new action anywhere fails here until it is read and added', () => {
    const concernNames = concerns.map((concern) => concern.name);
    const allowed: Record<string, string[]> = {
      // The HTTP concerns, accountability and assistance among them, write alerts and deadlines through the outbox only.
      ...Object.fromEntries(concernNames.map((name) => [name, [...XRAY, ...TABLE_ITEM_ACTIONS]])),
      deadlines: [...XRAY, ...TABLE_ITEM_ACTIONS],
      effects: [
        ...XRAY,
        ...TABLE_ITEM_ACTIONS,
        ...ALERTS.publish,
        ...ALERTS.key,
        'states:StartExecution',
        'states:StopExecution',
        'dynamodb:DescribeStream',
        'dynamodb:GetRecords',
        'dynamodb:GetShardIterator',
        'dynamodb:ListStreams',
        'sqs:GetQueueAttributes',
        'sqs:GetQueueUrl',
        'sqs:SendMessage',
      ],
      DeadlinesStateMachineRole: [
        ...XRAY,
        'xray:GetSamplingRules',
        'xray:GetSamplingTargets',
        'lambda:InvokeFunction',
        ...ALERTS.publish,
        ...ALERTS.key,
        // Delivering the machine's execution log to its log group.
        'logs:CreateLogDelivery',
        'logs:DeleteLogDelivery',
        'logs:DescribeLogGroups',
        'logs:DescribeResourcePolicies',
        'logs:GetLogDelivery',
        'logs:ListLogDeliveries',
        'logs:PutResourcePolicy',
        'logs:UpdateLogDelivery',
      ],
      // The CDK's own deploy-time copy of the console's files and the invalidation after it.
      CustomCDKBucketDeployment8693BB64968944B69AAFB0CC9EB8756C512MiB: [
        's3:Abort*',
        's3:DeleteObject*',
        's3:GetBucket*',
        's3:GetObject*',
        's3:List*',
        's3:PutObject',
        's3:PutObjectLegalHold',
        's3:PutObjectRetention',
        's3:PutObjectTagging',
        's3:PutObjectVersionTagging',
        'cloudfront:CreateInvalidation',
        'cloudfront:GetInvalidation',
      ],
    };
    const grants = grantsByServer(api);
    const granted = Object.fromEntries(Object.entries(grants).map(([server, actions]) => [server, Object.keys(actions).sort()]));
    expect(granted).toEqual(Object.fromEntries(Object.entries(allowed).map(([server, actions]) => [server, [...actions].sort()])));
    expect(grantsByServer(data)).toEqual({
      TokenClaimsFunction: {
        ...Object.fromEntries(XRAY.map((action) => [action, ['*']])),
        'cognito-idp:DescribeUserPoolClient': ['arn:${AWS::Partition}:cognito-idp:${AWS::Region}:${AWS::AccountId}:userpool/*'],
      },
    });
  });

  it('points each grant at its one resource: the table and its indexes, the alerts topic and key, the deadline machine', () => {
    const grants = grantsByServer(api);
    const tableAndIndexes = ['DataTableArn', ...Object.values(TABLE.indexes).map((index) => `DataTableArn/index/${index.name}`)];
    for (const server of [...concerns.map((concern) => concern.name), 'deadlines', 'effects']) {
      for (const action of TABLE_ITEM_ACTIONS)
        expect({ server, action, on: grants[server]![action] }).toEqual({ server, action, on: tableAndIndexes });
    }
    for (const server of ['effects', 'DeadlinesStateMachineRole']) {
      expect(grants[server]!['sns:Publish']).toEqual(['AlertsTopic']);
      for (const action of ALERTS.key) expect(grants[server]![action]).toEqual(['AlertsKeyArn']);
    }
    expect(grants.effects!['states:StartExecution']).toEqual([
      'arn:${AWS::Partition}:states:${AWS::Region}:${AWS::AccountId}:stateMachine:soft-env-deadlines',
    ]);
    expect(grants.effects!['states:StopExecution']).toEqual([
      'arn:${AWS::Partition}:states:${AWS::Region}:${AWS::AccountId}:execution:soft-env-deadlines:*',
    ]);
    for (const action of ['dynamodb:DescribeStream', 'dynamodb:GetRecords', 'dynamodb:GetShardIterator', 'dynamodb:ListStreams'])
      expect(grants.effects![action]).toEqual(['DataTableStreamArn']);
    expect(grants.DeadlinesStateMachineRole!['lambda:InvokeFunction']).toEqual(['DeadlineCheckFunction', 'DeadlineCheckFunction:*']);
    // Besides the managed basic-execution policy (its own logs), no role carries another managed or inline policy.
    for (const [id, role] of [...resources(api, 'AWS::IAM::Role'), ...resources(data, 'AWS::IAM::Role')]) {
      expect({ id, inline: role.Properties.Policies }).toEqual({ id, inline: undefined });
      for (const managed of role.Properties.ManagedPolicyArns ?? [])
        expect(resourceText(managed)).toBe('arn:${AWS::Partition}:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole');
    }
  });
});

describe('identity that cannot be abused', () => {
  it('has a group for every role of the API and no roles attribute', () => {
    const groups = resources(data, 'AWS::Cognito::UserPoolGroup').map(([, group]) => group.Properties.GroupName);
    expect(groups.sort()).toEqual([...ROLES].sort());
    const [, pool] = resources(data, 'AWS::Cognito::UserPool')[0]!;
    expect((pool.Properties.Schema as any[]).map((attribute) => attribute.Name)).not.toContain('roles');
    expect(pool.Properties.LambdaConfig.PreTokenGenerationConfig.LambdaVersion).toBe('V3_0');
    expect(['ESSENTIALS', 'PLUS']).toContain(pool.Properties.UserPoolTier);
  });

  it('no app client writes more than the locale (never dept, ent or email), nor offers the implicit flow, admin scope or example.com', () => {
    // The people's client (data stack) and the web console's (API stack).
    const clients = [...resources(data, 'AWS::Cognito::UserPoolClient'), ...resources(api, 'AWS::Cognito::UserPoolClient')];
    expect(clients.length).toBe(2);
    for (const [id, client] of clients) {
      const props = client.Properties;
      // An empty list would be read by Cognito as "not set": every mutable attribute writable, custom:dept and custom:ent too.
      expect({ id, writes: props.WriteAttributes }).toEqual({ id, writes: ['locale'] });
      expect(props.AllowedOAuthFlows ?? []).not.toContain('implicit');
      expect(props.AllowedOAuthScopes ?? []).not.toContain('aws.cognito.signin.user.admin');
      expect(JSON.stringify(props)).not.toContain('example.com');
    }
    data.hasResourceProperties('AWS::Cognito::UserPoolClient', {
      AllowedOAuthFlows: ['code'],
      CallbackURLs: ['https://console.county.example.cn/callback'],
      GenerateSecret: false,
    });
    data.resourceCountIs('AWS::Cognito::UserPoolDomain', 1);
  });

  it('lets only administrators make accounts and put people in groups: no function may change a user', () => {
    const [, pool] = resources(data, 'AWS::Cognito::UserPool')[0]!;
    expect(pool.Properties.AdminCreateUserConfig.AllowAdminCreateUserOnly).toBe(true);
    // Groups carry the roles; only the admin API (AdminAddUserToGroup) changes them, and no role here holds any of it.
    const cognitoActions = [data, api]
      .flatMap((template) => resources(template, 'AWS::IAM::Policy'))
      .flatMap(([, policy]) => policy.Properties.PolicyDocument.Statement as any[])
      .flatMap(actionsOf)
      .filter((action) => action.startsWith('cognito-idp:'));
    expect(cognitoActions).toEqual(['cognito-idp:DescribeUserPoolClient']);
  });
});

describe('bring your own issuer', () => {
  it('creates no user pool and points the JWT authorizer and the handlers at the issuer', () => {
    const issuer = 'https://id.county.gov.cn/realms/soft-env';
    const app = new App({
      context: {
        'aws:cdk:bundling-stacks': [],
        issuer,
        audience: 'soft-env-api,soft-env-console',
        rolesClaim: 'groups',
        consoleClientId: 'soft-env-console',
        authorizeUrl: `${issuer}/protocol/openid-connect/auth`,
        tokenUrl: `${issuer}/protocol/openid-connect/token`,
      },
    });
    const { stateful, stateless } = composeApp(app, { env }, { nag: false });
    const ownData = Template.fromStack(stateful);
    const ownApi = Template.fromStack(stateless);
    ownData.resourceCountIs('AWS::Cognito::UserPool', 0);
    ownData.resourceCountIs('AWS::Lambda::Function', 0);
    ownApi.hasResourceProperties('AWS::ApiGatewayV2::Authorizer', {
      JwtConfiguration: { Issuer: issuer, Audience: ['soft-env-api', 'soft-env-console'] },
    });
    const verifiers = resources(ownApi, 'AWS::Lambda::Function')
      .map(([, fn]) => fn.Properties.Environment.Variables)
      .filter((variables) => variables.JWT_ISSUER);
    expect(verifiers.length).toBeGreaterThan(0);
    for (const variables of verifiers) {
      expect(variables).toMatchObject({
        JWT_ISSUER: issuer,
        JWT_AUDIENCE: 'soft-env-api,soft-env-console',
        JWKS_URL: `${issuer}/.well-known/jwks.json`,
        ROLES_CLAIM: 'groups',
      });
    }
    // Every concern reads the caller's roles from that claim, not only those verifying tokens themselves.
    const concernsEnv = resources(ownApi, 'AWS::Lambda::Function')
      .map(([, fn]) => fn.Properties.Environment.Variables)
      .filter((variables) => concerns.some((concern) => concern.name === variables.POWERTOOLS_SERVICE_NAME));
    expect(concernsEnv).toHaveLength(concerns.length);
    expect(
      concernsEnv.filter((variables) => variables.ROLES_CLAIM !== 'groups').map((variables) => variables.POWERTOOLS_SERVICE_NAME),
    ).toEqual([]);
    // The console signs in at the issuer with the client the county registered: its config.json
    // says so, its CSP lets it reach the token endpoint.
    ownApi.resourceCountIs('AWS::Cognito::UserPoolClient', 0);
    const deployment = resources(ownApi, 'Custom::CDKBucketDeployment')[0]![1];
    const config = deployment.Properties.SourceObjectKeys.map((key: string) =>
      path.join(app.outdir, `asset.${key.replace(/\.zip$/, '')}`, 'config.json'),
    ).find(existsSync);
    expect(JSON.parse(readFileSync(config, 'utf8'))).toEqual({
      apiUrl: '',
      oauth: {
        clientId: 'soft-env-console',
        authorizeUrl: `${issuer}/protocol/openid-connect/auth`,
        tokenUrl: `${issuer}/protocol/openid-connect/token`,
        scope: 'openid email',
      },
    });
    const policy = resources(ownApi, 'AWS::CloudFront::ResponseHeadersPolicy')[0]![1];
    expect(policy.Properties.ResponseHeadersPolicyConfig.SecurityHeadersConfig.ContentSecurityPolicy.ContentSecurityPolicy).toContain(
      "connect-src 'self' https://id.county.gov.cn;",
    );
  });
});
