/** What holds data and identity: the table, the alert topic and the user pool. All kept on deletion. */
import { CfnOutput, Duration, RemovalPolicy, Stack, type StackProps } from 'aws-cdk-lib';
import { AccountRecovery, FeaturePlan, Mfa, StringAttribute, UserPool, UserPoolClient } from 'aws-cdk-lib/aws-cognito';
import type { Construct } from 'constructs';
import { SoftEnvTable } from '../constructs/table.ts';
import { AlertsTopic } from '../constructs/alerts-topic.ts';
import { ServiceFunction } from '../constructs/service-function.ts';

export class StatefulStack extends Stack {
  readonly table: SoftEnvTable['table'];
  readonly alerts: AlertsTopic;
  readonly userPool: UserPool;
  readonly userPoolClient: UserPoolClient;

  constructor(scope: Construct, id: string, props?: StackProps) {
    super(scope, id, props);
    this.table = new SoftEnvTable(this, 'Data').table;
    this.alerts = new AlertsTopic(this, 'Alerts');

    const claims = new ServiceFunction(this, 'TokenClaims', { entry: 'functions/token-claims/handler.ts', memorySize: 256 });
    this.userPool = new UserPool(this, 'Users', {
      selfSignUpEnabled: false,
      signInAliases: { email: true },
      customAttributes: {
        roles: new StringAttribute({ mutable: true, maxLen: 256 }),
        dept: new StringAttribute({ mutable: true, maxLen: 48 }),
        ent: new StringAttribute({ mutable: true, minLen: 18, maxLen: 18 }),
      },
      passwordPolicy: { minLength: 12, requireDigits: true, requireLowercase: true, requireUppercase: true, requireSymbols: true },
      mfa: Mfa.REQUIRED,
      mfaSecondFactor: { sms: false, otp: true },
      featurePlan: FeaturePlan.PLUS,
      accountRecovery: AccountRecovery.EMAIL_ONLY,
      lambdaTriggers: { preTokenGeneration: claims.fn },
      removalPolicy: RemovalPolicy.RETAIN,
      deletionProtection: true,
    });
    this.userPoolClient = this.userPool.addClient('ApiClient', {
      authFlows: { userSrp: true },
      idTokenValidity: Duration.hours(1),
      accessTokenValidity: Duration.hours(1),
      preventUserExistenceErrors: true,
      // Only administrators set roles, departments and enterprises; users cannot write them.
      writeAttributes: undefined,
    });

    new CfnOutput(this, 'AlertTopicArn', { value: this.alerts.topic.topicArn, description: 'Supervisors subscribe here, with a filter policy on severity, concern and department' });
    new CfnOutput(this, 'UserPoolId', { value: this.userPool.userPoolId });
    new CfnOutput(this, 'UserPoolClientId', { value: this.userPoolClient.userPoolClientId });
    new CfnOutput(this, 'TableName', { value: this.table.tableName });
  }
}
