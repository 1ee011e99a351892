/**
 * What holds data and identity: the table, the alert topics and (unless the county brings its
 * own OIDC issuer, `-c issuer=URL -c audience=AUD`) the user pool. All kept on deletion.
 */
import { Aws, CfnOutput, RemovalPolicy, Stack, type StackProps, Validations } from 'aws-cdk-lib';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import {
  AccountRecovery,
  ResourceServerScope,
  FeaturePlan,
  LambdaVersion,
  ManagedLoginVersion,
  Mfa,
  StringAttribute,
  UserPool,
  type UserPoolClient,
  type UserPoolDomain,
  UserPoolOperation,
} from 'aws-cdk-lib/aws-cognito';
import type { Construct } from 'constructs';
import { ROLES } from '#shared/http/auth';
import { SoftEnvTable } from '../constructs/table.ts';
import { AlertsTopic } from '../constructs/alerts-topic.ts';
import { OperationsTopic } from '../constructs/operations-topic.ts';
import { ServiceFunction } from '../constructs/service-function.ts';
import { peoplesClientOptions } from '../constructs/sign-in-client.ts';

/** The resource server and scope department systems' clients are allowed (`soft-env/api`). */
export const API_RESOURCE_SERVER = 'soft-env';
export const API_SCOPE = 'api';

/** Who issues the API's tokens and for which audience; the JWT authorizer and the handlers check both. */
export interface TokenIssuer {
  issuer: string;
  audience: string[];
  jwksUrl: string;
  rolesClaim?: string;
}

/** `-c issuer=URL -c audience=AUD [-c jwksUrl=URL] [-c rolesClaim=NAME]`: an external OIDC issuer, no user pool. */
export function externalIssuer(scope: Construct): TokenIssuer | undefined {
  const issuer = scope.node.tryGetContext('issuer') as string | undefined;
  if (!issuer) return undefined;
  const audience = scope.node.tryGetContext('audience') as string | undefined;
  if (!audience) throw new Error('-c issuer=URL needs -c audience=AUD (the audience the API accepts)');
  const jwksUrl = (scope.node.tryGetContext('jwksUrl') as string | undefined) ?? `${issuer.replace(/\/$/, '')}/.well-known/jwks.json`;
  const rolesClaim = scope.node.tryGetContext('rolesClaim') as string | undefined;
  return { issuer, audience: audience.split(','), jwksUrl, ...(rolesClaim ? { rolesClaim } : {}) };
}

/** Where the sign-in page may send people back to (`-c callbackUrls=https://a,https://b`); localhost for a console in development. */
const contextList = (scope: Construct, key: string, fallback: string) =>
  String(scope.node.tryGetContext(key) ?? fallback)
    .split(',')
    .map((url) => url.trim())
    .filter(Boolean);

export class StatefulStack extends Stack {
  readonly table: SoftEnvTable['table'];
  readonly alerts: AlertsTopic;
  readonly operations: OperationsTopic;
  readonly tokenIssuer: TokenIssuer;
  readonly userPool?: UserPool;
  readonly userPoolClient?: UserPoolClient;
  /** The managed login's domain (the console's sign-in). */
  readonly signInDomain?: UserPoolDomain;
  readonly tokenClaims?: ServiceFunction;

  constructor(scope: Construct, id: string, props?: StackProps) {
    super(scope, id, props);
    this.table = new SoftEnvTable(this, 'Data').table;
    this.alerts = new AlertsTopic(this, 'Alerts');
    this.operations = new OperationsTopic(this, 'Operations');
    new CfnOutput(this, 'AlertTopicArn', {
      value: this.alerts.topic.topicArn,
      description: 'Supervisors subscribe here, with a filter policy on severity, concern and department',
    });
    new CfnOutput(this, 'OperationsTopicArn', {
      value: this.operations.topic.topicArn,
      description: 'Operators subscribe here: every CloudWatch alarm of soft-env',
    });
    new CfnOutput(this, 'TableName', { value: this.table.tableName });

    const external = externalIssuer(this);
    if (external) {
      this.tokenIssuer = external;
      return;
    }

    this.tokenClaims = new ServiceFunction(this, 'TokenClaims', { entry: 'functions/token-claims/handler.ts', memorySize: 256 });
    const userPool = new UserPool(this, 'Users', {
      selfSignUpEnabled: false,
      signInAliases: { email: true },
      // Roles are groups (cognito:groups), which only administrators change; scope is these attributes.
      customAttributes: {
        dept: new StringAttribute({ mutable: true, maxLen: 48 }),
        ent: new StringAttribute({ mutable: true, minLen: 18, maxLen: 18 }),
      },
      passwordPolicy: { minLength: 12, requireDigits: true, requireLowercase: true, requireUppercase: true, requireSymbols: true },
      mfa: Mfa.REQUIRED,
      mfaSecondFactor: { sms: false, otp: true },
      // Access-token customization (trigger V2_0/V3_0) needs Essentials or Plus.
      featurePlan: FeaturePlan.PLUS,
      accountRecovery: AccountRecovery.EMAIL_ONLY,
      removalPolicy: RemovalPolicy.RETAIN,
      deletionProtection: true,
    });
    this.userPool = userPool;
    // V3_0: access tokens customized for people and for department systems (client credentials).
    userPool.addTrigger(UserPoolOperation.PRE_TOKEN_GENERATION_CONFIG, this.tokenClaims.fn, LambdaVersion.V3_0);
    // The trigger reads a department system's client name; the pool's ARN by pattern, as a reference would make a cycle.
    this.tokenClaims.fn.addToRolePolicy(
      new PolicyStatement({
        actions: ['cognito-idp:DescribeUserPoolClient'],
        resources: [`arn:${Aws.PARTITION}:cognito-idp:${Aws.REGION}:${Aws.ACCOUNT_ID}:userpool/*`],
      }),
    );
    Validations.of(this.tokenClaims).acknowledge({
      id: 'AwsSolutions::AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:cognito-idp:<AWS::Region>:<AWS::AccountId>:userpool/*]',
      reason: "DescribeUserPoolClient only (read a client's name); the pool's own ARN would make a cycle with the pool's trigger.",
    });
    // Department systems sign in with client credentials for this scope (clients: npm run users -- add-system).
    userPool.addResourceServer('Api', {
      identifier: API_RESOURCE_SERVER,
      scopes: [new ResourceServerScope({ scopeName: API_SCOPE, scopeDescription: 'Call the soft-env API as a department system' })],
    });
    for (const role of ROLES) userPool.addGroup(`Group-${role}`, { groupName: role, description: `soft-env role ${role}` });

    const domainPrefix = (this.node.tryGetContext('domainPrefix') as string | undefined) ?? 'soft-env';
    const domain = userPool.addDomain('SignIn', {
      cognitoDomain: { domainPrefix },
      managedLoginVersion: ManagedLoginVersion.NEWER_MANAGED_LOGIN,
    });
    this.signInDomain = domain;
    this.userPoolClient = userPool.addClient(
      'ApiClient',
      peoplesClientOptions({
        callbackUrls: contextList(this, 'callbackUrls', 'http://localhost:5173/callback'),
        logoutUrls: contextList(this, 'logoutUrls', 'http://localhost:5173/'),
      }),
    );
    const issuer = `https://cognito-idp.${this.region}.amazonaws.com/${userPool.userPoolId}`;
    // Access tokens carry client_id, not aud: the authorizer accepts the people's client and each department system's (-c systemClients=id,id).
    const systemClients = contextList(this, 'systemClients', '');
    this.tokenIssuer = {
      issuer,
      audience: [this.userPoolClient.userPoolClientId, ...systemClients],
      jwksUrl: `${issuer}/.well-known/jwks.json`,
    };

    new CfnOutput(this, 'UserPoolId', { value: userPool.userPoolId });
    new CfnOutput(this, 'UserPoolClientId', { value: this.userPoolClient.userPoolClientId });
    new CfnOutput(this, 'SignInUrl', {
      value: domain.baseUrl(),
      description: 'Managed login: /oauth2/authorize and /oauth2/token live here',
    });
  }
}
