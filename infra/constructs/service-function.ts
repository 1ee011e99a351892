/**
 * Every Lambda of the project: Node 22 on arm64, the AWS SDK bundled (cold start), ESM with
 * `module` resolved first, log retention, and only the grants its concern needs.
 */
import { Duration, RemovalPolicy, Validations } from 'aws-cdk-lib';
import { Architecture, LoggingFormat, Runtime, Tracing } from 'aws-cdk-lib/aws-lambda';
import { NodejsFunction, OutputFormat } from 'aws-cdk-lib/aws-lambda-nodejs';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import path from 'node:path';
import { inChina } from './china.ts';

export const PROJECT_ROOT = path.resolve(import.meta.dirname, '../..');

/**
 * Credential providers the SDK loads with a dynamic import only when there are no credentials
 * in the environment; in Lambda there always are, so they stay out of the bundle (the runtime
 * has its own copy should one ever be asked for). They were a fifth of every bundle.
 */
export const LAMBDA_ONLY_EXTERNALS = [
  '@aws-sdk/credential-provider-sso',
  '@aws-sdk/credential-provider-ini',
  '@aws-sdk/credential-provider-process',
  '@aws-sdk/credential-provider-web-identity',
  '@aws-sdk/credential-provider-http',
  '@aws-sdk/credential-provider-login',
  '@smithy/credential-provider-imds',
  '@aws-sdk/nested-clients',
  // Loaded with a dynamic import only by operations that stream events: DynamoDB, SNS and Step
  // Functions have none (15 KB of every bundle).
  '@smithy/core/event-streams',
];

export interface ServiceFunctionProps {
  /** The handler file, relative to the project root. */
  entry: string;
  environment?: Record<string, string>;
  memorySize?: number;
  timeout?: Duration;
}

export class ServiceFunction extends Construct {
  readonly fn: NodejsFunction;

  constructor(scope: Construct, id: string, props: ServiceFunctionProps) {
    super(scope, id);
    // X-Ray integration with Lambda is not available in the AWS China regions (docs/deploying-china.md).
    const traced = !inChina(this);
    const logGroup = new LogGroup(this, 'Logs', { retention: RetentionDays.SIX_MONTHS, removalPolicy: RemovalPolicy.DESTROY });
    this.fn = new NodejsFunction(this, 'Function', {
      entry: path.join(PROJECT_ROOT, props.entry),
      handler: 'handler',
      projectRoot: PROJECT_ROOT,
      depsLockFilePath: path.join(PROJECT_ROOT, 'package-lock.json'),
      runtime: Runtime.NODEJS_22_X,
      architecture: Architecture.ARM_64,
      memorySize: props.memorySize ?? 512,
      timeout: props.timeout ?? Duration.seconds(10),
      logGroup,
      loggingFormat: LoggingFormat.JSON,
      tracing: traced ? Tracing.ACTIVE : Tracing.DISABLED,
      environment: { NODE_OPTIONS: '--enable-source-maps', ...props.environment },
      bundling: {
        format: OutputFormat.ESM,
        target: 'node22',
        minify: true,
        sourceMap: true,
        bundleAwsSDK: true,
        externalModules: LAMBDA_ONLY_EXTERNALS,
        mainFields: ['module', 'main'],
        metafile: true,
        // ESM bundles of CommonJS dependencies need require().
        banner: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);",
      },
    });
    acknowledgeFunctionFindings(this);
    if (!traced) {
      Validations.of(this).acknowledge({
        id: 'Serverless::Serverless-LambdaTracing',
        reason:
          'AWS X-Ray integration with Lambda functions is not available in the AWS China regions; the functions log structured JSON to CloudWatch Logs instead.',
      });
    }
  }
}

/** The findings every service function carries, each with its reason. */
function acknowledgeFunctionFindings(service: Construct) {
  const acknowledge = (id: string, reason: string) => Validations.of(service).acknowledge({ id: `AwsSolutions::${id}`, reason });
  acknowledge(
    'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]',
    'AWSLambdaBasicExecutionRole only lets the function write its own log streams.',
  );
  acknowledge(
    'AwsSolutions-IAM5[Resource::*]',
    'X-Ray tracing: xray:PutTraceSegments and PutTelemetryRecords support no resource-level permissions.',
  );
  acknowledge(
    'AwsSolutions-IAM5[Action::kms:GenerateDataKey*]',
    'Publishing to the KMS-encrypted alert topic needs GenerateDataKey* on that one key (granted by topic.grantPublish).',
  );
  acknowledge(
    'AwsSolutions-L1',
    'The project runs on Node 22 (nodejs22.x) on purpose: the runtime its tests, local runtime and bundles target; it is in AWS standard support.',
  );
  const serverless = (id: string, reason: string) => Validations.of(service).acknowledge({ id: `Serverless::${id}`, reason });
  serverless(
    'Serverless-LambdaDLQ',
    "No function is invoked asynchronously: API Gateway, Step Functions and Cognito invoke synchronously, and the effects worker's stream mapping has its own on-failure queue.",
  );
  serverless(
    'Serverless-LambdaLatestVersion',
    'The project runs on Node 22 (nodejs22.x) on purpose: the runtime its tests, local runtime and bundles target; it is in AWS standard support.',
  );
}
