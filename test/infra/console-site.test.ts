/** The console's site in AWS: private bucket behind CloudFront's origin access control, the API behind the same distribution, its sign-in config, its URL output. */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { App } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { composeApp } from '../../infra/app/compose.ts';
import { apiPathPatterns, CONSOLE_PATHS } from '../../infra/constructs/console-site.ts';
import { concerns } from '../../infra/concerns.ts';
import { openApiDocument } from '../../infra/openapi.ts';
import { EDGE_SECRET_HEADER, EDGE_VIEWER_HEADER } from '#shared/http/client-address';

let outdir: string;
let assets: string;
let site: Template;
let data: Template;
let report: any;
let consoleStackName: string;

beforeAll(() => {
  outdir = mkdtempSync(path.join(tmpdir(), 'soft-env-console-synth-'));
  // A stand-in for web/dist, so the test needs no console build.
  assets = mkdtempSync(path.join(tmpdir(), 'soft-env-console-assets-'));
  writeFileSync(path.join(assets, 'index.html'), '<!doctype html><title>控制台</title>');
  const app = new App({ outdir, context: { 'aws:cdk:bundling-stacks': [] } });
  const stacks = composeApp(app, { env: { account: '111111111111', region: 'ap-southeast-1' } }, { consoleAssets: assets });
  app.synth();
  // The console lives in the API's stack (its app client and the authorizer must be together).
  site = Template.fromStack(stacks.stateless);
  data = Template.fromStack(stacks.stateful);
  consoleStackName = stacks.stateless.stackName;
  report = JSON.parse(readFileSync(path.join(outdir, 'validation-report.json'), 'utf8'));
});
afterAll(() => {
  rmSync(outdir, { recursive: true, force: true });
  rmSync(assets, { recursive: true, force: true });
});

describe('the console site', () => {
  it('keeps its bucket private, encrypted, TLS-only and versioned', () => {
    site.hasResourceProperties('AWS::S3::Bucket', {
      PublicAccessBlockConfiguration: {
        BlockPublicAcls: true,
        BlockPublicPolicy: true,
        IgnorePublicAcls: true,
        RestrictPublicBuckets: true,
      },
      BucketEncryption: Match.objectLike({
        ServerSideEncryptionConfiguration: [Match.objectLike({ ServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } })],
      }),
      VersioningConfiguration: { Status: 'Enabled' },
      LoggingConfiguration: Match.objectLike({ DestinationBucketName: Match.anyValue() }),
    });
    for (const bucket of Object.values(site.findResources('AWS::S3::Bucket')) as any[]) {
      expect(bucket.Properties.PublicAccessBlockConfiguration).toMatchObject({ BlockPublicPolicy: true, RestrictPublicBuckets: true });
      expect(bucket.Properties.WebsiteConfiguration).toBeUndefined();
    }
    const policies = Object.values(site.findResources('AWS::S3::BucketPolicy')) as any[];
    const statements = policies.flatMap((policy) => policy.Properties.PolicyDocument.Statement);
    expect(statements).toContainEqual(expect.objectContaining({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }));
    // Only CloudFront (this distribution) may read: no anonymous principal.
    expect(statements).toContainEqual(
      expect.objectContaining({ Effect: 'Allow', Principal: { Service: 'cloudfront.amazonaws.com' }, Action: 's3:GetObject' }),
    );
    expect(
      statements.filter(
        (statement: any) => statement.Effect === 'Allow' && (statement.Principal === '*' || statement.Principal?.AWS === '*'),
      ),
    ).toEqual([]);
  });

  it('serves it through CloudFront with origin access control, HTTPS, security headers and the console paths rewritten to index.html', () => {
    site.resourceCountIs('AWS::CloudFront::OriginAccessControl', 1);
    site.hasResourceProperties('AWS::CloudFront::OriginAccessControl', {
      OriginAccessControlConfig: Match.objectLike({ OriginAccessControlOriginType: 's3', SigningBehavior: 'always' }),
    });
    site.hasResourceProperties('AWS::CloudFront::Distribution', {
      DistributionConfig: Match.objectLike({
        DefaultRootObject: 'index.html',
        Origins: Match.arrayWith([
          Match.objectLike({ OriginAccessControlId: Match.anyValue(), S3OriginConfig: { OriginAccessIdentity: '' } }),
        ]),
        DefaultCacheBehavior: Match.objectLike({
          ViewerProtocolPolicy: 'redirect-to-https',
          ResponseHeadersPolicyId: Match.anyValue(),
          FunctionAssociations: [Match.objectLike({ EventType: 'viewer-request' })],
        }),
      }),
    });
    site.hasResourceProperties('AWS::CloudFront::ResponseHeadersPolicy', {
      ResponseHeadersPolicyConfig: Match.objectLike({
        SecurityHeadersConfig: Match.objectLike({
          ContentSecurityPolicy: Match.objectLike({ ContentSecurityPolicy: Match.stringLikeRegexp("script-src 'self'") }),
          StrictTransportSecurity: Match.objectLike({ AccessControlMaxAgeSec: 31_536_000 }),
          FrameOptions: Match.objectLike({ FrameOption: 'DENY' }),
          ContentTypeOptions: Match.objectLike({ Override: true }),
        }),
      }),
    });
    const rewrite = (Object.values(site.findResources('AWS::CloudFront::Function')) as any[]).find((fn) =>
      fn.Properties.FunctionCode.includes('index.html'),
    );
    const code = rewrite.Properties.FunctionCode as string;
    // eslint-disable-next-line @typescript-eslint/no-implied-eval -- runs the CloudFront function's own code, as CloudFront would
    const handler = new Function(`${code}; return handler;`)() as (event: { request: { uri: string } }) => { uri: string };
    const uriFor = (uri: string) => handler({ request: { uri } }).uri;
    expect(uriFor('/complain')).toBe('/index.html');
    expect(uriFor('/track/abc123')).toBe('/index.html');
    expect(uriFor('/console')).toBe('/index.html');
    expect(uriFor('/assets/index-3f2a.js')).toBe('/assets/index-3f2a.js');
    expect(uriFor('/docs')).toBe('/docs/index.html');
    expect(uriFor('/docs/swagger-ui-bundle.js')).toBe('/docs/swagger-ui-bundle.js');
    expect(uriFor('/openapi.json')).toBe('/openapi.json');
  });

  it('deploys the built console, /openapi.json and /docs into the bucket, invalidating the distribution', () => {
    const deployment = Object.values(site.findResources('Custom::CDKBucketDeployment'))[0] as any;
    // Each source is an asset staged in the cloud assembly as a folder: the files it puts in the bucket.
    const filesOf = (dir: string, prefix = ''): string[] =>
      readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
        entry.isDirectory() ? filesOf(path.join(dir, entry.name), `${prefix}${entry.name}/`) : [`${prefix}${entry.name}`],
      );
    const deployed = new Map<string, string>();
    for (const key of deployment.Properties.SourceObjectKeys as string[]) {
      const staged = path.join(outdir, `asset.${key.replace(/\.zip$/, '')}`);
      for (const file of filesOf(staged)) deployed.set(file, path.join(staged, file));
    }
    expect([...deployed.keys()].sort()).toEqual([
      'config.json',
      'docs/index.html',
      'docs/init.js',
      'docs/swagger-ui-bundle.js',
      'docs/swagger-ui.css',
      'index.html',
      'openapi.json',
    ]);
    // /openapi.json is the document of the routes, built at synth time (no Lambda serves it);
    // its extension gives it application/json in the bucket.
    const served = JSON.parse(readFileSync(deployed.get('openapi.json')!, 'utf8'));
    expect(served).toEqual(JSON.parse(JSON.stringify(openApiDocument())));
    const routes = concerns.flatMap((concern) => Object.values(concern.api.routes).map((route) => `${route.method} ${route.path}`));
    expect(
      Object.entries(served.paths)
        .flatMap(([route, methods]) => Object.keys(methods as object).map((method) => `${method.toUpperCase()} ${route}`))
        .sort(),
    ).toEqual(routes.sort());
    expect(readFileSync(deployed.get('docs/init.js')!, 'utf8')).toContain("url: '/openapi.json'");
    const bucket = Object.keys(
      site.findResources('AWS::S3::Bucket', { Properties: { VersioningConfiguration: { Status: 'Enabled' } } }),
    )[0]!;
    const distribution = Object.keys(site.findResources('AWS::CloudFront::Distribution'))[0]!;
    expect(deployment.Properties).toMatchObject({
      DestinationBucketName: { Ref: bucket },
      DistributionId: { Ref: distribution },
      DistributionPaths: ['/*'],
      Prune: true,
    });
  });

  const distribution = () => Object.entries(site.findResources('AWS::CloudFront::Distribution'))[0] as [string, any];
  const consoleClient = () => Object.entries(site.findResources('AWS::Cognito::UserPoolClient'))[0] as [string, any];

  it('serves the API at the same origin: one never-cached behaviour per route prefix, every viewer header but Host (Authorization too) and every method', () => {
    const [, resource] = distribution();
    const config = resource.Properties.DistributionConfig;
    const apiId = Object.keys(site.findResources('AWS::ApiGatewayV2::Api'))[0]!;
    const apiOrigin = config.Origins.find((origin: any) => JSON.stringify(origin.DomainName).includes(apiId));
    expect(JSON.stringify(apiOrigin.DomainName)).toContain('.execute-api.ap-southeast-1.');
    expect(apiOrigin.CustomOriginConfig).toMatchObject({ OriginProtocolPolicy: 'https-only' });
    // Every route of the declarations falls under a behaviour to the API, and nothing else does.
    const routes = concerns.flatMap((concern) => Object.values(concern.api.routes).map((route) => route.path));
    const behaviours = config.CacheBehaviors as any[];
    const viewerAddressId = Object.entries(site.findResources('AWS::CloudFront::Function')).find(([, fn]: [string, any]) =>
      fn.Properties.FunctionCode.includes('event.viewer.ip'),
    )![0];
    expect(behaviours.map((behaviour) => behaviour.PathPattern).sort()).toEqual(apiPathPatterns(routes));
    expect(behaviours.map((behaviour) => behaviour.PathPattern)).toEqual(
      expect.arrayContaining(['/complaints*', '/fee-cards*', '/health*']),
    );
    const matches = (pattern: string, urlPath: string) => urlPath.startsWith(pattern.replace(/\*$/, ''));
    for (const route of routes)
      expect(behaviours.some((behaviour) => matches(behaviour.PathPattern, route.replace(/\{[^}]+\}/g, 'x')))).toBe(true);
    for (const page of CONSOLE_PATHS) expect(behaviours.filter((behaviour) => matches(behaviour.PathPattern, page))).toEqual([]);
    for (const behaviour of behaviours) {
      expect(behaviour).toMatchObject({
        TargetOriginId: apiOrigin.Id,
        ViewerProtocolPolicy: 'https-only',
        AllowedMethods: expect.arrayContaining(['GET', 'HEAD', 'OPTIONS', 'PUT', 'POST', 'DELETE']),
        // The managed CachingDisabled policy and AllViewerExceptHostHeader (which, with caching
        // disabled, forwards Authorization too; Host must stay the execute-api domain).
        CachePolicyId: '4135ea2d-6df8-44a3-9df3-4b5a84be39ad',
        OriginRequestPolicyId: 'b689b0a8-53d0-40ab-baf2-68738e2966ac',
      });
      // The console's path rewrite never touches an API request; the viewer-address function does.
      expect(behaviour.FunctionAssociations).toEqual([
        { EventType: 'viewer-request', FunctionARN: { 'Fn::GetAtt': [viewerAddressId, 'FunctionARN'] } },
      ]);
    }
    // Same origin: the API needs no CORS for the console.
    const api = Object.values(site.findResources('AWS::ApiGatewayV2::Api'))[0] as any;
    expect(api.Properties.CorsConfiguration).toBeUndefined();
  });

  it("tells the API each viewer's address for the per-client limit, vouched for by a secret only CloudFront and the intake function hold", () => {
    const [, resource] = distribution();
    const secretId = Object.keys(site.findResources('AWS::SecretsManager::Secret'))[0]!;
    const apiOrigin = resource.Properties.DistributionConfig.Origins.find((origin: any) => origin.CustomOriginConfig);
    const secretHeader = apiOrigin.OriginCustomHeaders.find((header: any) => header.HeaderName === EDGE_SECRET_HEADER);
    expect(JSON.stringify(secretHeader.HeaderValue)).toContain(`{{resolve:secretsmanager:`);
    expect(JSON.stringify(secretHeader.HeaderValue)).toContain(secretId);
    // Only the concern with a per-client route gets it, the same secret.
    const functions = Object.values(site.findResources('AWS::Lambda::Function')) as any[];
    const holders = functions
      .filter((fn) => fn.Properties.Environment?.Variables?.EDGE_SECRET)
      .map((fn) => fn.Properties.Environment.Variables.POWERTOOLS_SERVICE_NAME);
    expect(holders).toEqual(
      concerns.filter((concern) => Object.values(concern.api.routes).some((route) => route.perClient)).map((concern) => concern.name),
    );
    expect(holders).toEqual(['complaints']);
    const complaints = functions.find((fn) => fn.Properties.Environment?.Variables?.POWERTOOLS_SERVICE_NAME === 'complaints');
    expect(complaints.Properties.Environment.Variables.EDGE_SECRET).toEqual(secretHeader.HeaderValue);
    // The function sets the viewer's address, replacing whatever the client sent under that name.
    const code = (Object.values(site.findResources('AWS::CloudFront::Function')) as any[])
      .map((fn) => fn.Properties.FunctionCode as string)
      .find((text) => text.includes('event.viewer.ip'))!;
    // eslint-disable-next-line @typescript-eslint/no-implied-eval -- runs the CloudFront function's own code, as CloudFront would
    const handler = new Function(`${code}; return handler;`)() as (event: unknown) => { headers: Record<string, { value: string }> };
    const request = handler({
      viewer: { ip: '198.51.100.4' },
      request: { uri: '/complaints', headers: { [EDGE_VIEWER_HEADER]: { value: '10.0.0.1' } } },
    });
    expect(request.headers[EDGE_VIEWER_HEADER]).toEqual({ value: '198.51.100.4' });
  });

  it('has its own app client: authorization code with PKCE, no secret, back to this distribution, writing no attribute but the locale; the API accepts its tokens', () => {
    const [distributionId] = distribution();
    const [clientId, client] = consoleClient();
    const url = (suffix: string) => ({ 'Fn::Join': ['', ['https://', { 'Fn::GetAtt': [distributionId, 'DomainName'] }, suffix]] });
    expect(client.Properties).toMatchObject({
      AllowedOAuthFlows: ['code'],
      AllowedOAuthFlowsUserPoolClient: true,
      GenerateSecret: false,
      WriteAttributes: ['locale'],
      CallbackURLs: [url('/console')],
      LogoutURLs: [url('/')],
    });
    expect(client.Properties.AllowedOAuthFlows).not.toContain('implicit');
    // The user pool is the data stack's.
    const pool = Object.keys(data.findResources('AWS::Cognito::UserPool'))[0]!;
    expect(JSON.stringify(client.Properties.UserPoolId)).toContain(pool);
    // The JWT authorizer, and the handlers that verify a token themselves, accept the people's client and the console's.
    const authorizer = Object.values(site.findResources('AWS::ApiGatewayV2::Authorizer'))[0] as any;
    expect(authorizer.Properties.JwtConfiguration.Audience).toContainEqual({ Ref: clientId });
    expect(authorizer.Properties.JwtConfiguration.Audience).toHaveLength(2);
    const complaints = Object.values(site.findResources('AWS::Lambda::Function')).find(
      (fn: any) => fn.Properties.Environment?.Variables?.POWERTOOLS_SERVICE_NAME === 'complaints',
    ) as any;
    expect(JSON.stringify(complaints.Properties.Environment.Variables.JWT_AUDIENCE)).toContain(`"Ref":"${clientId}"`);
  });

  it("deploys a config.json that names the managed login, the console's client and the API at its own origin", () => {
    const deployment = Object.values(site.findResources('Custom::CDKBucketDeployment'))[0] as any;
    const assetDirs = deployment.Properties.SourceObjectKeys.map((key: string) => path.join(outdir, `asset.${key.replace(/\.zip$/, '')}`));
    const index = assetDirs.findIndex((dir: string) => existsSync(path.join(dir, 'config.json')));
    expect(index).toBeGreaterThanOrEqual(0);
    // Deploy-time values are markers in the file, filled in by the deployment from SourceMarkers.
    const markers = deployment.Properties.SourceMarkers[index] as Record<string, unknown>;
    const fill = (value: string): unknown =>
      markers[value] ?? value.replace(/<<marker:0xbaba:\d+>>/g, (marker) => JSON.stringify(markers[marker]));
    const raw = JSON.parse(readFileSync(path.join(assetDirs[index], 'config.json'), 'utf8'));
    const config = {
      apiUrl: raw.apiUrl,
      oauth: Object.fromEntries(Object.entries(raw.oauth as Record<string, string>).map(([key, value]) => [key, fill(value)])) as any,
    };
    const [clientId] = consoleClient();
    const domain = Object.keys(data.findResources('AWS::Cognito::UserPoolDomain'))[0]!;
    expect(config.apiUrl).toBe('');
    expect(config.oauth.clientId).toEqual({ Ref: clientId });
    expect(config.oauth.authorizeUrl).toMatch(/^https:\/\/\{.*\}\.auth\.ap-southeast-1\.amazoncognito\.com\/oauth2\/authorize$/);
    expect(config.oauth.authorizeUrl).toContain(domain);
    expect(config.oauth.tokenUrl).toMatch(/\.auth\.ap-southeast-1\.amazoncognito\.com\/oauth2\/token$/);
    expect(config.oauth.tokenUrl).toContain(domain);
    expect(config.oauth.scope).toBe('openid email');
  });

  it('lets the pages reach only their own origin and the sign-in, and outputs its URL', () => {
    const [distributionId] = distribution();
    const policy = Object.values(site.findResources('AWS::CloudFront::ResponseHeadersPolicy'))[0] as any;
    const csp = policy.Properties.ResponseHeadersPolicyConfig.SecurityHeadersConfig.ContentSecurityPolicy.ContentSecurityPolicy as string;
    expect(csp).toContain("connect-src 'self' https://*.amazoncognito.com;");
    expect(csp).not.toContain('amazonaws.com');
    site.hasOutput('ConsoleUrl', { Value: { 'Fn::Join': ['', ['https://', { 'Fn::GetAtt': [distributionId, 'DomainName'] }]] } });
  });

  it('is cdk-nag clean, each acknowledgement with its reason', () => {
    const plugin = report.pluginReports.find((entry: any) => entry.pluginName === 'AwsSolutions');
    expect(plugin.violations).toEqual([]);
    const ours = plugin.suppressedViolations.filter((violation: any) => JSON.stringify(violation).includes(consoleStackName));
    expect(ours.length).toBeGreaterThan(0);
    for (const suppressed of ours) expect(suppressed.reason.length).toBeGreaterThan(40);
  });

  it('synthesizes cdk-nag clean without an account or region too, as `cdk synth` does with no credentials', () => {
    const agnostic = mkdtempSync(path.join(tmpdir(), 'soft-env-console-agnostic-'));
    try {
      const app = new App({ outdir: agnostic, context: { 'aws:cdk:bundling-stacks': [] } });
      composeApp(app, {}, { consoleAssets: assets });
      app.synth();
      const plugin = JSON.parse(readFileSync(path.join(agnostic, 'validation-report.json'), 'utf8')).pluginReports.find(
        (entry: any) => entry.pluginName === 'AwsSolutions',
      );
      expect(plugin.violations).toEqual([]);
    } finally {
      rmSync(agnostic, { recursive: true, force: true });
    }
  });
});
