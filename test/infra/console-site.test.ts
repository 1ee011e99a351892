/** The console's site in AWS: private bucket behind CloudFront's origin access control, CORS on the API for it, its URL output. */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { App } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { composeApp } from '../../infra/compose.ts';

let outdir: string;
let assets: string;
let site: Template;
let api: Template;
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
  site = Template.fromStack(stacks.site!);
  api = Template.fromStack(stacks.stateless);
  consoleStackName = stacks.site!.stackName;
  report = JSON.parse(readFileSync(path.join(outdir, 'validation-report.json'), 'utf8'));
});
afterAll(() => {
  rmSync(outdir, { recursive: true, force: true });
  rmSync(assets, { recursive: true, force: true });
});

describe('the console site', () => {
  it('keeps its bucket private, encrypted, TLS-only and versioned', () => {
    site.hasResourceProperties('AWS::S3::Bucket', {
      PublicAccessBlockConfiguration: { BlockPublicAcls: true, BlockPublicPolicy: true, IgnorePublicAcls: true, RestrictPublicBuckets: true },
      BucketEncryption: Match.objectLike({ ServerSideEncryptionConfiguration: [Match.objectLike({ ServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } })] }),
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
    expect(statements).toContainEqual(expect.objectContaining({ Effect: 'Allow', Principal: { Service: 'cloudfront.amazonaws.com' }, Action: 's3:GetObject' }));
    expect(statements.filter((statement: any) => statement.Effect === 'Allow' && (statement.Principal === '*' || statement.Principal?.AWS === '*'))).toEqual([]);
  });

  it('serves it through CloudFront with origin access control, HTTPS, security headers and the console paths rewritten to index.html', () => {
    site.resourceCountIs('AWS::CloudFront::OriginAccessControl', 1);
    site.hasResourceProperties('AWS::CloudFront::OriginAccessControl', { OriginAccessControlConfig: Match.objectLike({ OriginAccessControlOriginType: 's3', SigningBehavior: 'always' }) });
    site.hasResourceProperties('AWS::CloudFront::Distribution', {
      DistributionConfig: Match.objectLike({
        DefaultRootObject: 'index.html',
        Origins: [Match.objectLike({ OriginAccessControlId: Match.anyValue(), S3OriginConfig: { OriginAccessIdentity: '' } })],
        DefaultCacheBehavior: Match.objectLike({ ViewerProtocolPolicy: 'redirect-to-https', ResponseHeadersPolicyId: Match.anyValue(), FunctionAssociations: [Match.objectLike({ EventType: 'viewer-request' })] }),
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
    const rewrite = Object.values(site.findResources('AWS::CloudFront::Function'))[0] as any;
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
  });

  it('deploys the built console and /docs into the bucket, invalidating the distribution', () => {
    const deployment = Object.values(site.findResources('Custom::CDKBucketDeployment'))[0] as any;
    // The console's folder and the five /docs files.
    expect(deployment.Properties.SourceObjectKeys).toHaveLength(6);
    const bucket = Object.keys(site.findResources('AWS::S3::Bucket', { Properties: { VersioningConfiguration: { Status: 'Enabled' } } }))[0]!;
    const distribution = Object.keys(site.findResources('AWS::CloudFront::Distribution'))[0]!;
    expect(deployment.Properties).toMatchObject({ DestinationBucketName: { Ref: bucket }, DistributionId: { Ref: distribution }, DistributionPaths: ['/*'], Prune: true });
  });

  it('is the one origin the HTTP API allows by CORS, and its URL is an output', () => {
    const distribution = Object.keys(site.findResources('AWS::CloudFront::Distribution'))[0]!;
    const cors = (Object.values(api.findResources('AWS::ApiGatewayV2::Api'))[0] as any).Properties.CorsConfiguration;
    expect(cors.AllowOrigins).toHaveLength(1);
    // The API stack imports the distribution's domain name from the console stack.
    expect(JSON.stringify(cors.AllowOrigins[0])).toContain('Fn::ImportValue');
    expect(JSON.stringify(cors.AllowOrigins[0])).toContain(distribution);
    expect(JSON.stringify(cors.AllowOrigins[0])).toContain('https://');
    expect(cors.AllowHeaders).toEqual(expect.arrayContaining(['authorization', 'content-type', 'idempotency-key']));
    site.hasOutput('ConsoleUrl', { Value: { 'Fn::Join': ['', ['https://', { 'Fn::GetAtt': [distribution, 'DomainName'] }]] } });
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
      const plugin = JSON.parse(readFileSync(path.join(agnostic, 'validation-report.json'), 'utf8')).pluginReports.find((entry: any) => entry.pluginName === 'AwsSolutions');
      expect(plugin.violations).toEqual([]);
    } finally {
      rmSync(agnostic, { recursive: true, force: true });
    }
  });
});
