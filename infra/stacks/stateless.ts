/** What can be replaced at will: one Lambda per concern behind the HTTP API. */
import { CfnOutput, Duration, RemovalPolicy, Stack, type StackProps, Validations } from 'aws-cdk-lib';
import {
  CfnStage,
  CorsHttpMethod,
  HttpApi,
  HttpMethod,
  HttpNoneAuthorizer,
  HttpStage,
  LogGroupLogDestination,
} from 'aws-cdk-lib/aws-apigatewayv2';
import { AccessLogFormat } from 'aws-cdk-lib/aws-apigateway';
import { HttpJwtAuthorizer } from 'aws-cdk-lib/aws-apigatewayv2-authorizers';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import type { ITableV2 } from 'aws-cdk-lib/aws-dynamodb';
import type { ITopic } from 'aws-cdk-lib/aws-sns';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { Construct } from 'constructs';
import { isPublic, routeKey } from '#shared/http/routes';
import { TABLE } from '#shared/data/table';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { ServiceFunction } from '../constructs/service-function.ts';
import { concerns, deadlineCheck, effectsWorker } from '../concerns.ts';
import { EffectsWorker } from '../constructs/effects-worker.ts';
import { DeadlineWorkflow } from '../constructs/deadline-workflow.ts';
import { Monitoring } from '../constructs/monitoring.ts';
import { ConsoleSite, type ConsoleSignIn } from '../constructs/console-site.ts';
import type { TokenIssuer } from './stateful.ts';
import type { ConsoleDomain } from '../constructs/china.ts';
import type { FunctionEnvironment } from '#shared/config';

export interface StatelessStackProps extends StackProps {
  table: ITableV2;
  alertTopic: ITopic;
  operationsTopic: ITopic;
  tokenIssuer: TokenIssuer;
  /** Functions of other stacks the operators' alarms watch too (the token-claims trigger). */
  watchedFunctions?: Record<string, IFunction>;
  /**
   * The web console, served with the API by one CloudFront distribution (so they share one
   * origin). It lives in this stack because its app client's callback is the distribution's URL
   * and the authorizer must accept that client: in another stack either would be a cycle.
   */
  console?: { assetPath: string; signIn?: ConsoleSignIn; domain?: ConsoleDomain };
}

/**
 * Item reads and writes on the table and its one index, nothing else: no Scan, no table
 * management, not even DescribeTable (no deployed code calls it). Transactions are authorised by
 * these item actions: DeleteItem for Delete items and the idempotency records Powertools removes
 * after a failed request, ConditionCheckItem for the ConditionCheck items the data kit accepts.
 */
export const TABLE_ACTIONS = [
  'dynamodb:GetItem',
  'dynamodb:BatchGetItem',
  'dynamodb:Query',
  'dynamodb:PutItem',
  'dynamodb:UpdateItem',
  'dynamodb:DeleteItem',
  'dynamodb:ConditionCheckItem',
] as const;

export function grantTableAccess(fn: IFunction, table: ITableV2) {
  fn.addToRolePolicy(
    new PolicyStatement({
      actions: [...TABLE_ACTIONS],
      resources: [table.tableArn, ...Object.values(TABLE.indexes).map((index) => `${table.tableArn}/index/${index.name}`)],
    }),
  );
}

/**
 * The county's own limits, set at deploy time (`cdk deploy -c approvalLimitDays=2`), read by
 * the functions as the local runtime reads its environment.
 */
const CONTEXT_SETTINGS = {
  approvalLimitDays: 'APPROVAL_LIMIT_DAYS',
  routineInspectionsPerYear: 'ROUTINE_INSPECTIONS_PER_YEAR',
} as const satisfies Record<string, keyof FunctionEnvironment>;

function settingsFromContext(scope: Construct): FunctionEnvironment {
  const settings: FunctionEnvironment = {};
  for (const [key, variable] of Object.entries(CONTEXT_SETTINGS)) {
    const value = scope.node.tryGetContext(key) as unknown;
    if (typeof value === 'string' || typeof value === 'number') settings[variable] = String(value);
    else if (value !== undefined) throw new Error(`-c ${key} must be a number or a string`);
  }
  return settings;
}

/** Requests per second for the whole API, and the burst above it. */
export const API_THROTTLE = { rateLimit: 50, burstLimit: 100 } as const;

export class StatelessStack extends Stack {
  readonly api: HttpApi;
  readonly functions: Record<string, ServiceFunction> = {};
  readonly deadlines: DeadlineWorkflow;
  readonly effects: EffectsWorker;
  readonly site?: ConsoleSite;

  constructor(scope: Construct, id: string, props: StatelessStackProps) {
    super(scope, id, props);
    const consoleDomain = props.console?.domain;
    this.api = new HttpApi(this, 'Api', {
      apiName: 'soft-env',
      createDefaultStage: false,
      // In the AWS China regions the console calls the API at its own address, from the county's domain (console-site.ts).
      ...(consoleDomain
        ? {
            corsPreflight: {
              allowOrigins: [`https://${consoleDomain.domainName}`],
              allowMethods: [CorsHttpMethod.ANY],
              allowHeaders: ['authorization', 'content-type', 'idempotency-key'],
              maxAge: Duration.days(1),
            },
          }
        : {}),
    });
    if (props.console) {
      this.site = new ConsoleSite(this, 'Console', {
        assetPath: props.console.assetPath,
        api: this.api,
        signIn: props.console.signIn,
        domain: props.console.domain,
        apiPaths: concerns.flatMap((concern) => Object.values(concern.api.routes).map((route) => route.path)),
      });
      new CfnOutput(this, 'ConsoleUrl', {
        value: this.site.url,
        description: 'The web console, /docs (the API reference) and the API itself at the same origin',
      });
    }

    const { issuer, jwksUrl, rolesClaim } = props.tokenIssuer;
    // The console's app client signs people in too: its ID tokens carry its id as their audience.
    const audience = [...props.tokenIssuer.audience, ...(this.site?.client ? [this.site.client.userPoolClientId] : [])];
    const authorizer = new HttpJwtAuthorizer('Jwt', issuer, {
      jwtAudience: audience,
      identitySource: ['$request.header.Authorization'],
    });
    const noAuthorizer = new HttpNoneAuthorizer();
    const accessLogs = new LogGroup(this, 'AccessLogs', { retention: RetentionDays.ONE_YEAR, removalPolicy: RemovalPolicy.DESTROY });
    const stage = new HttpStage(this, 'DefaultStage', {
      httpApi: this.api,
      stageName: '$default',
      autoDeploy: true,
      throttle: API_THROTTLE,
      accessLogSettings: {
        destination: new LogGroupLogDestination(accessLogs),
        format: AccessLogFormat.custom(
          JSON.stringify({
            requestId: '$context.requestId',
            ip: '$context.identity.sourceIp',
            routeKey: '$context.routeKey',
            status: '$context.status',
            latency: '$context.responseLatency',
            sub: '$context.authorizer.claims.sub',
            error: '$context.error.message',
            integrationError: '$context.integrationErrorMessage',
          }),
        ),
      },
    });

    // Every function reads and writes the table; only the effects worker reaches beyond it.
    const baseEnvironment = { TABLE_NAME: props.table.tableName } satisfies FunctionEnvironment;
    const check = new ServiceFunction(this, 'DeadlineCheck', {
      entry: deadlineCheck.entry,
      environment: { ...baseEnvironment, POWERTOOLS_SERVICE_NAME: deadlineCheck.name } satisfies FunctionEnvironment,
    });
    grantTableAccess(check.fn, props.table);
    this.deadlines = new DeadlineWorkflow(this, 'Deadlines', { check: check.fn, topic: props.alertTopic });
    const stateMachine = this.deadlines.stateMachine;
    this.effects = new EffectsWorker(this, 'Effects', {
      entry: effectsWorker.entry,
      table: props.table,
      topic: props.alertTopic,
      environment: {
        ...baseEnvironment,
        ALERT_TOPIC_ARN: props.alertTopic.topicArn,
        DEADLINE_STATE_MACHINE_ARN: DeadlineWorkflow.stateMachineArn,
        POWERTOOLS_SERVICE_NAME: effectsWorker.name,
      } satisfies FunctionEnvironment,
    });
    // It re-times running matters when a year's calendar changes (functions/deadlines/retime.ts).
    grantTableAccess(this.effects.service.fn, props.table);

    for (const concern of concerns) {
      const service = new ServiceFunction(this, `Concern-${concern.name}`, {
        entry: concern.entry,
        timeout: Duration.seconds(10),
        environment: {
          ...baseEnvironment,
          POWERTOOLS_SERVICE_NAME: concern.name,
          ...(concern.verifiesOwnTokens ? { JWKS_URL: jwksUrl, JWT_ISSUER: issuer, JWT_AUDIENCE: audience.join(',') } : {}),
          // Every concern reads the caller's roles from the claim the issuer uses.
          ...(rolesClaim ? { ROLES_CLAIM: rolesClaim } : {}),
          // Routes limited per client trust the viewer address the console's CloudFront gives, with this secret (shared/http/client-limit.ts).
          ...(this.site?.edgeSecret && Object.values(concern.api.routes).some((route) => route.perClient)
            ? { EDGE_SECRET: this.site.edgeSecret.secretValue.unsafeUnwrap() }
            : {}),
          ...settingsFromContext(this),
        } satisfies FunctionEnvironment,
      });
      grantTableAccess(service.fn, props.table);
      this.functions[concern.name] = service;
      const integration = new HttpLambdaIntegration(`${concern.name}-integration`, service.fn);
      for (const route of Object.values(concern.api.routes)) {
        const [httpRoute] = this.api.addRoutes({
          path: route.path,
          methods: [HttpMethod[route.method]],
          integration,
          authorizer: isPublic(route) ? noAuthorizer : authorizer,
        });
        if (isPublic(route) && httpRoute) {
          Validations.of(httpRoute).acknowledge({
            id: 'AwsSolutions::AwsSolutions-APIG4',
            reason: `${route.method} ${route.path} is public by the API's route table (docs/api.md): ${route.summary}.`,
          });
        }
      }
    }

    // Routes that declare their own throttling (complaint intake) get it on the stage.
    const routeSettings = Object.fromEntries(
      concerns
        .flatMap((concern) => Object.values(concern.api.routes))
        .flatMap((route) =>
          route.throttle
            ? [[routeKey(route), { ThrottlingRateLimit: route.throttle.rateLimit, ThrottlingBurstLimit: route.throttle.burstLimit }]]
            : [],
        ),
    );
    (stage.node.defaultChild as CfnStage).routeSettings = routeSettings;

    new Monitoring(this, 'Monitoring', {
      operationsTopic: props.operationsTopic,
      functions: {
        ...Object.fromEntries(Object.entries(this.functions).map(([name, service]) => [name, service.fn])),
        DeadlineCheck: check.fn,
        EffectsWorker: this.effects.service.fn,
        ...props.watchedFunctions,
      },
      api: this.api,
      effectsWorker: this.effects.service.fn,
      deadLetters: this.effects.deadLetters,
      stateMachine,
      table: props.table,
    });

    new CfnOutput(this, 'ApiUrl', { value: this.api.apiEndpoint, description: 'The HTTP API' });
    new CfnOutput(this, 'DeadlineStateMachineArn', { value: stateMachine.stateMachineArn });
  }
}
