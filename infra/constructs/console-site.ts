/**
 * The web console in AWS: web/dist, and the API's reference (/openapi.json, built at synth time
 * from the route declarations, and /docs: infra/docs.ts), in a private, encrypted, TLS-only S3
 * bucket, served by CloudFront through origin access control. The console's paths (/, /complain,
 * /track/..., /console...) all answer its index.html; every answer carries the security headers.
 *
 * The HTTP API is behind the same distribution, one behaviour per path prefix of the route
 * declarations, never cached: the console and the API share one origin, so the console needs no
 * CORS and no API URL. Its config.json (written at deploy time) says how to sign in: the
 * console's own app client of the user pool, whose callback is this distribution's /console.
 *
 * In the AWS China regions (docs/deploying-china.md) the distribution answers on the county's
 * domain with its IAM server certificate, reads the bucket through an origin access identity,
 * and carries only the console: with no CloudFront Functions there, the console calls the API at
 * its own address.
 */
import { existsSync } from 'node:fs';
import { Annotations, Duration, RemovalPolicy, Stack, Token, Validations } from 'aws-cdk-lib';
import { UserPoolClient, type IUserPool, type UserPoolDomain } from 'aws-cdk-lib/aws-cognito';
import { BlockPublicAccess, Bucket, BucketEncryption, ObjectOwnership, type CfnBucket } from 'aws-cdk-lib/aws-s3';
import { BucketDeployment, Source, type ISource } from 'aws-cdk-lib/aws-s3-deployment';
import {
  AllowedMethods,
  CachePolicy,
  type CfnDistribution,
  Distribution,
  OriginProtocolPolicy,
  OriginRequestPolicy,
  Function as CloudFrontFunction,
  FunctionCode,
  FunctionEventType,
  FunctionRuntime,
  HeadersFrameOption,
  HeadersReferrerPolicy,
  HttpVersion,
  ResponseHeadersPolicy,
  ViewerProtocolPolicy,
} from 'aws-cdk-lib/aws-cloudfront';
import { HttpOrigin, S3BucketOrigin } from 'aws-cdk-lib/aws-cloudfront-origins';
import { Secret } from 'aws-cdk-lib/aws-secretsmanager';
import { EDGE_SECRET_HEADER, EDGE_VIEWER_HEADER } from '#shared/http/client-address';
import type { IHttpApi } from 'aws-cdk-lib/aws-apigatewayv2';
import { Construct } from 'constructs';
import { docsFiles } from '../docs.ts';
import { peoplesClientOptions } from './sign-in-client.ts';
import { type ConsoleDomain, inChina } from './china.ts';

/** How the console signs people in: the user pool's managed login, or a county's own issuer (`-c consoleClientId` ...). */
export type ConsoleSignIn = { userPool: IUserPool; domain: UserPoolDomain } | { authorizeUrl: string; tokenUrl: string; clientId: string };

export interface ConsoleSiteProps {
  /** The built console (`npm run build:web` makes web/dist); tests pass a small folder of their own. */
  assetPath: string;
  /** The HTTP API ($default stage), served at the console's origin under `apiPaths`. */
  api: IHttpApi;
  /** Every route path of the API (from the route declarations). */
  apiPaths: readonly string[];
  /** Without it, the console's public pages work and it offers no sign-in. */
  signIn?: ConsoleSignIn;
  /**
   * The county's own domain and its IAM server certificate: required in the AWS China regions,
   * where CloudFront does not serve on its default domain (docs/deploying-china.md).
   */
  domain?: ConsoleDomain;
}

/** The console's own paths: none may fall under an API path pattern. */
export const CONSOLE_PATHS = [
  '/',
  '/complain',
  '/track/x',
  '/console',
  '/docs',
  '/openapi.json',
  '/config.json',
  '/favicon.svg',
  '/assets/x.js',
] as const;

/**
 * The API's CloudFront path patterns: one per first path segment of the routes (`/complaints*`
 * covers /complaints, /complaints/track/... and /complaints/{id}/...), so a new route needs no
 * change here.
 */
export function apiPathPatterns(paths: readonly string[]): string[] {
  return [...new Set(paths.map((routePath) => `/${routePath.split('/')[1]}*`))].sort();
}

/**
 * Viewer-request rewrite: the console's own paths answer index.html (a single-page app); /docs
 * answers the API reference's page; files (a dot in the last segment) are served as they are.
 */
const REWRITE = `function handler(event) {
  var request = event.request;
  var uri = request.uri;
  if (uri === '/docs' || uri === '/docs/') { request.uri = '/docs/index.html'; return request; }
  var last = uri.substring(uri.lastIndexOf('/') + 1);
  if (last.indexOf('.') === -1) request.uri = '/index.html';
  return request;
}`;

/**
 * Viewer-request on the API's paths: the viewer's address, as CloudFront saw it, for the
 * per-client limit (shared/http/client-limit.ts); whatever the client sent under that name is replaced.
 */
const VIEWER_ADDRESS = `function handler(event) {
  event.request.headers['${EDGE_VIEWER_HEADER}'] = { value: event.viewer.ip };
  return event.request;
}`;

export class ConsoleSite extends Construct {
  readonly bucket: Bucket;
  readonly distribution: Distribution;
  /** https://<the distribution's domain>: the console's URL and origin, and the API's. */
  readonly url: string;
  /** The console's app client, when it signs in with the user pool. */
  readonly client?: UserPoolClient;
  /**
   * Sent by CloudFront to the API with every request: the handlers trust its viewer address only
   * with it. None in China, where the API is not behind the distribution (API Gateway sees the viewer itself).
   */
  readonly edgeSecret?: Secret;

  constructor(scope: Construct, id: string, props: ConsoleSiteProps) {
    super(scope, id);
    const china = inChina(this);
    if (china && !props.domain)
      throw new Error('In the AWS China regions the console needs its own domain (-c consoleDomain, -c consoleCertificate).');
    const logs = new Bucket(this, 'AccessLogs', {
      encryption: BucketEncryption.S3_MANAGED,
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      enforceSSL: true,
      // CloudFront standard logging writes with ACLs.
      objectOwnership: ObjectOwnership.BUCKET_OWNER_PREFERRED,
      lifecycleRules: [{ expiration: Duration.days(365) }],
      removalPolicy: RemovalPolicy.RETAIN,
    });
    this.bucket = new Bucket(this, 'Assets', {
      encryption: BucketEncryption.S3_MANAGED,
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      enforceSSL: true,
      versioned: true,
      serverAccessLogsBucket: logs,
      serverAccessLogsPrefix: 'bucket/',
      removalPolicy: RemovalPolicy.DESTROY,
      autoDeleteObjects: false,
    });

    // China has no user pools: without the county's sign-in, the console talks to its own origin only.
    const signInOrigin =
      props.signIn && 'authorizeUrl' in props.signIn ? new URL(props.signIn.tokenUrl).origin : china ? '' : 'https://*.amazoncognito.com';
    // In China the API answers at its own execute-api address (no CloudFront Functions there to keep console paths and API apart).
    const apiEndpoint = china ? props.api.apiEndpoint : '';
    const connectTo = [signInOrigin, apiEndpoint].filter(Boolean).join(' ');
    const headers = new ResponseHeadersPolicy(this, 'SecurityHeaders', {
      securityHeadersBehavior: {
        contentSecurityPolicy: {
          contentSecurityPolicy: [
            "default-src 'self'",
            "script-src 'self'",
            "style-src 'self' 'unsafe-inline'",
            "img-src 'self' data:",
            // The API is at this origin; the sign-in's token endpoint is the user pool's domain (or the county's issuer).
            `connect-src 'self'${connectTo ? ` ${connectTo}` : ''}`,
            "frame-ancestors 'none'",
            "base-uri 'self'",
            `form-action 'self'${signInOrigin ? ` ${signInOrigin}` : ''}`,
          ].join('; '),
          override: true,
        },
        strictTransportSecurity: { accessControlMaxAge: Duration.days(365), includeSubdomains: true, override: true },
        contentTypeOptions: { override: true },
        frameOptions: { frameOption: HeadersFrameOption.DENY, override: true },
        referrerPolicy: { referrerPolicy: HeadersReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN, override: true },
      },
    });
    const rewrite = china
      ? undefined
      : new CloudFrontFunction(this, 'ConsolePaths', { code: FunctionCode.fromInline(REWRITE), runtime: FunctionRuntime.JS_2_0 });

    this.distribution = new Distribution(this, 'Distribution', {
      comment: 'soft-env console',
      defaultRootObject: 'index.html',
      // HTTP/3 is not among what CloudFront China offers; AWS's own China example serves HTTP/2.
      httpVersion: china ? HttpVersion.HTTP2 : HttpVersion.HTTP2_AND_3,
      enableLogging: true,
      logBucket: logs,
      logFilePrefix: 'cloudfront/',
      defaultBehavior: {
        // CloudFront China does not know origin access control (AWS::CloudFront::OriginAccessControl): an origin access identity there.
        origin: china ? S3BucketOrigin.withOriginAccessIdentity(this.bucket) : S3BucketOrigin.withOriginAccessControl(this.bucket),
        viewerProtocolPolicy: ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
        allowedMethods: AllowedMethods.ALLOW_GET_HEAD_OPTIONS,
        responseHeadersPolicy: headers,
        ...(rewrite ? { functionAssociations: [{ function: rewrite, eventType: FunctionEventType.VIEWER_REQUEST }] } : {}),
      },
      // CloudFront China has no CloudFront Functions to rewrite the console's paths: a key the
      // bucket lacks (403 through the origin access identity) answers the console's index.html.
      // Safe there only because the distribution serves nothing but the console's files.
      ...(china
        ? {
            errorResponses: [403, 404].map((httpStatus) => ({
              httpStatus,
              responseHttpStatus: 200,
              responsePagePath: '/index.html',
              ttl: Duration.minutes(5),
            })),
          }
        : {}),
    });
    if (!china) this.edgeSecret = this.serveApi(props, headers);
    if (props.domain) {
      // The L2 Distribution takes only ACM certificates, which CloudFront China does not support: the IAM server certificate goes on the resource.
      const cfn = this.distribution.node.defaultChild as CfnDistribution;
      cfn.addPropertyOverride('DistributionConfig.Aliases', [props.domain.domainName]);
      cfn.addPropertyOverride('DistributionConfig.ViewerCertificate', {
        IamCertificateId: props.domain.iamCertificateId,
        SslSupportMethod: 'sni-only',
        MinimumProtocolVersion: 'TLSv1.2_2021',
      });
    }
    this.url = `https://${props.domain?.domainName ?? this.distribution.distributionDomainName}`;

    // The console's own app client: authorization code with PKCE (no secret), back to this
    // distribution's /console (sign-in.ts), writing no attribute but the locale (scope is set by administrators).
    const signIn = props.signIn;
    let oauth: { authorizeUrl: string; tokenUrl: string; clientId: string; scope: string } | undefined;
    if (signIn && 'userPool' in signIn) {
      this.client = new UserPoolClient(this, 'SignInClient', {
        userPool: signIn.userPool,
        userPoolClientName: 'soft-env-console',
        ...peoplesClientOptions({ callbackUrls: [`${this.url}/console`], logoutUrls: [`${this.url}/`] }),
      });
      const domain = signIn.domain.baseUrl();
      oauth = {
        authorizeUrl: `${domain}/oauth2/authorize`,
        tokenUrl: `${domain}/oauth2/token`,
        clientId: this.client.userPoolClientId,
        scope: 'openid email',
      };
    } else if (signIn) {
      oauth = { ...signIn, scope: 'openid email' };
    }
    // web/src/api/client.ts reads it: the API at this origin ('') or, in China, its own address; and how to sign in.
    const config = { apiUrl: apiEndpoint, ...(oauth ? { oauth } : {}) };

    new BucketDeployment(this, 'Deploy', {
      sources: [
        consoleSource(this, props.assetPath),
        Source.jsonData('config.json', config),
        ...docsFiles.map((file) => Source.data(file.key, file.body().toString())),
      ],
      destinationBucket: this.bucket,
      distribution: this.distribution,
      distributionPaths: ['/*'],
      memoryLimit: 512,
    });

    const acknowledge = (scope: Construct, id: string, reason: string) =>
      Validations.of(scope).acknowledge({ id: `AwsSolutions::${id}`, reason });
    if (this.edgeSecret) {
      acknowledge(
        this.edgeSecret,
        'AwsSolutions-SMG4',
        "A shared value between CloudFront's origin header and the intake function, both set by this stack: rotating it outside a deployment would turn every console visitor into one client until the next deploy; a deploy with a new secret replaces both.",
      );
    }
    acknowledge(logs, 'AwsSolutions-S1', 'This is the access-log bucket itself; logging it into itself would loop.');
    acknowledge(
      this.distribution,
      'AwsSolutions-CFR1',
      'The console is public by the work plan (fee list, pledges, complaints): no geographic restriction.',
    );
    acknowledge(
      this.distribution,
      'AwsSolutions-CFR2',
      china
        ? 'The API behind it has its own throttling (the stage, per route, and per client on complaint intake). In the AWS China regions AWS WAF is regional only and cannot protect a CloudFront distribution.'
        : "The API behind it has its own throttling (the stage, per route, and per client on complaint intake). A web ACL for CloudFront must live in us-east-1 and is left to the county's account setup.",
    );
    acknowledge(
      this.distribution,
      'AwsSolutions-CFR4',
      props.domain
        ? "cdk-nag reads the distribution before its escape hatch: the template's viewer certificate is the county's IAM server certificate with TLSv1.2_2021 as the minimum (test/infra/china.test.ts)."
        : 'The default *.cloudfront.net certificate: CloudFront then allows older TLS at the viewer, which only a custom domain with its own certificate can raise.',
    );
    if (china) {
      acknowledge(
        this.distribution,
        'AwsSolutions-CFR7',
        'CloudFront in the AWS China regions does not offer origin access control: the private bucket is read through an origin access identity instead.',
      );
    }
    // The CDK's bucket-deployment function (one per stack, run at deploy time only).
    const deployer = Stack.of(this).node.children.find(
      (child): child is Construct => child instanceof Construct && child.node.id.startsWith('Custom::CDKBucketDeployment'),
    );
    // cdk-nag names an environment-agnostic stack's account and region as <AWS::AccountId> and <AWS::Region>.
    const { account, region, partition } = Stack.of(this);
    const nagName = (value: string, pseudo: string) => (Token.isUnresolved(value) ? `<AWS::${pseudo}>` : value);
    if (deployer) {
      acknowledge(
        deployer,
        'AwsSolutions-L1',
        "The CDK bucket-deployment function's runtime is chosen by aws-cdk-lib and moves with it (deploy time only).",
      );
      Validations.of(deployer).acknowledge({
        id: 'Serverless::Serverless-LambdaLatestVersion',
        reason: "The CDK bucket-deployment function's runtime is chosen by aws-cdk-lib and moves with it (deploy time only).",
      });
      Validations.of(deployer).acknowledge({
        id: 'Serverless::Serverless-LambdaDLQ',
        reason:
          "The CDK bucket-deployment function is a CloudFormation custom resource: CloudFormation invokes it and reports its failure as the deployment's; nothing is dropped.",
      });
      Validations.of(deployer).acknowledge({
        id: 'Serverless::Serverless-LambdaTracing',
        reason: "The CDK bucket-deployment function runs once per deployment; the deployment's own events trace it.",
      });
      acknowledge(
        deployer,
        'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]',
        'The CDK bucket-deployment function (run at deploy time only) logs with the AWS managed basic execution role.',
      );
      const copies =
        'The CDK bucket-deployment function copies its asset (the CDK assets bucket) into the console bucket, replacing every object: wildcards on those objects and actions.';
      for (const finding of [
        'Resource::*',
        'Action::s3:GetObject*',
        'Action::s3:GetBucket*',
        'Action::s3:List*',
        'Action::s3:DeleteObject*',
        'Action::s3:Abort*',
        `Resource::arn:${nagName(partition, 'Partition')}:s3:::cdk-hnb659fds-assets-${nagName(account, 'AccountId')}-${nagName(region, 'Region')}/*`,
        `Resource::<${Stack.of(this).getLogicalId(this.bucket.node.defaultChild as CfnBucket)}.Arn>/*`,
      ]) {
        acknowledge(
          deployer,
          `AwsSolutions-IAM5[${finding}]`,
          finding === 'Resource::*'
            ? 'The CDK bucket-deployment function invalidates the distribution after copying; CloudFront invalidation is granted on * by the CDK.'
            : copies,
        );
      }
    }
  }

  /**
   * The API's routes at this origin: never cached; every viewer header (Authorization,
   * Idempotency-Key, Accept...), query string and method goes through, except Host, which must
   * be the execute-api domain. Returns the secret CloudFront sends with them.
   */
  private serveApi(props: ConsoleSiteProps, headers: ResponseHeadersPolicy): Secret {
    const edgeSecret = new Secret(this, 'EdgeSecret', {
      description: 'soft-env: CloudFront sends it to the API, which then trusts the viewer address CloudFront gives (per-client limits)',
      generateSecretString: { passwordLength: 48, excludePunctuation: true },
    });
    const apiOrigin = new HttpOrigin(`${props.api.apiId}.execute-api.${Stack.of(this).region}.${Stack.of(this).urlSuffix}`, {
      protocolPolicy: OriginProtocolPolicy.HTTPS_ONLY,
      // Overrides a viewer header of the same name.
      customHeaders: { [EDGE_SECRET_HEADER]: edgeSecret.secretValue.unsafeUnwrap() },
    });
    const viewerAddress = new CloudFrontFunction(this, 'ViewerAddress', {
      code: FunctionCode.fromInline(VIEWER_ADDRESS),
      runtime: FunctionRuntime.JS_2_0,
    });
    for (const pattern of apiPathPatterns(props.apiPaths)) {
      this.distribution.addBehavior(pattern, apiOrigin, {
        viewerProtocolPolicy: ViewerProtocolPolicy.HTTPS_ONLY,
        allowedMethods: AllowedMethods.ALLOW_ALL,
        cachePolicy: CachePolicy.CACHING_DISABLED,
        originRequestPolicy: OriginRequestPolicy.ALL_VIEWER_EXCEPT_HOST_HEADER,
        responseHeadersPolicy: headers,
        functionAssociations: [{ function: viewerAddress, eventType: FunctionEventType.VIEWER_REQUEST }],
      });
    }
    return edgeSecret;
  }
}

function consoleSource(scope: Construct, assetPath: string): ISource {
  if (existsSync(assetPath)) return Source.asset(assetPath);
  Annotations.of(scope).addWarningV2(
    'soft-env:console-not-built',
    `${assetPath} does not exist (run npm run build:web): the site deploys a page saying so.`,
  );
  return Source.data(
    'index.html',
    '<!doctype html><meta charset="utf-8"><title>soft-env</title><p>控制台尚未构建 The console has not been built: run npm run build:web and deploy again.</p>',
  );
}
