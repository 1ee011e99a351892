/**
 * The AWS China regions (aws-cn): the synth for cn-northwest-1 has no user pool, only aws-cn
 * ARNs, the console on the county's domain with its IAM server certificate, nothing the China
 * regions lack, and cdk-nag and CloudFormation's own region check pass; without the county's
 * domain or issuer it stops with one sentence saying what to add.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { App } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { composeApp } from '../../infra/app/compose.ts';

const env = { account: '111111111111', region: 'cn-northwest-1' };
const issuer = 'https://id.county.gov.cn/realms/soft-env';
const county = { issuer, audience: 'soft-env-api', consoleDomain: 'zwfw.county.gov.cn', consoleCertificate: 'ASCAEXAMPLEIAMCERT01' };

let outdir: string;
let assets: string;
let data: Template;
let api: Template;
let report: any;

beforeAll(() => {
  outdir = mkdtempSync(path.join(tmpdir(), 'soft-env-china-synth-'));
  assets = mkdtempSync(path.join(tmpdir(), 'soft-env-china-assets-'));
  writeFileSync(path.join(assets, 'index.html'), '<!doctype html><title>控制台</title>');
  const app = new App({ outdir, context: { 'aws:cdk:bundling-stacks': [], ...county } });
  const stacks = composeApp(app, { env }, { consoleAssets: assets });
  app.synth();
  data = Template.fromStack(stacks.stateful);
  api = Template.fromStack(stacks.stateless);
  report = JSON.parse(readFileSync(path.join(outdir, 'validation-report.json'), 'utf8'));
});
afterAll(() => {
  rmSync(outdir, { recursive: true, force: true });
  rmSync(assets, { recursive: true, force: true });
});

const resourceTypes = (template: Template) =>
  Object.values(template.toJSON().Resources as Record<string, { Type: string }>).map((resource) => resource.Type);
/** Every string in the template that is (or begins) an ARN, Fn::Join parts included. */
const arnStrings = (template: Template) => JSON.stringify(template.toJSON()).match(/"arn:[^"]*"/g) ?? [];

describe('the China synth', () => {
  it('has no Cognito resource and nothing of the user pool: the county signs people in with its own issuer', () => {
    for (const template of [data, api]) expect(resourceTypes(template).filter((type) => type.startsWith('AWS::Cognito::'))).toEqual([]);
    expect(Object.keys(data.findOutputs('*'))).not.toEqual(expect.arrayContaining(['UserPoolId']));
    // No pre-token trigger: the only functions are the concerns', the deadline check, the effects worker and the CDK's deployer.
    const services = (Object.values(api.findResources('AWS::Lambda::Function')) as any[])
      .map((fn) => fn.Properties.Environment?.Variables?.POWERTOOLS_SERVICE_NAME)
      .filter(Boolean);
    expect(services).not.toContain('token-claims');
    expect(data.findResources('AWS::Lambda::Function')).toEqual({});
    api.hasResourceProperties('AWS::ApiGatewayV2::Authorizer', {
      AuthorizerType: 'JWT',
      JwtConfiguration: { Issuer: issuer, Audience: ['soft-env-api'] },
    });
  });

  it('names every ARN in the aws-cn partition: no arn:aws: literal anywhere', () => {
    const arns = [...arnStrings(data), ...arnStrings(api)];
    expect(arns.length).toBeGreaterThan(0);
    expect(arns.filter((arn) => arn.startsWith('"arn:aws:'))).toEqual([]);
    // Built ARNs take the partition from AWS::Partition (aws-cn in the China regions).
    expect(JSON.stringify(api.toJSON())).toContain('"Ref":"AWS::Partition"');
  });

  it("delivers alerts as elsewhere: both publishers may use the alerts key, every alarm goes to the operators' topic CloudWatch may use", () => {
    const statements = (Object.values(api.findResources('AWS::IAM::Policy')) as any[]).map(
      (policy) => policy.Properties.PolicyDocument.Statement as any[],
    );
    const publishers = statements.filter((policy) => policy.some((statement) => [statement.Action].flat().includes('sns:Publish')));
    expect(publishers).toHaveLength(2); // the effects worker and the deadline state machine
    for (const policy of publishers) {
      const keyGrant = policy.find((statement) => JSON.stringify(statement.Resource).includes('AlertsKey'));
      expect(keyGrant && [keyGrant.Action].flat()).toEqual(expect.arrayContaining(['kms:Decrypt', 'kms:GenerateDataKey*']));
    }
    const [, operationsTopic] = Object.entries(data.findResources('AWS::SNS::Topic')).find(([id]) => id.startsWith('OperationsTopic'))!;
    const operationsKey = data.findResources('AWS::KMS::Key')[operationsTopic.Properties.KmsMasterKeyId['Fn::GetAtt'][0]];
    expect(operationsKey!.Properties.KeyPolicy.Statement).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ Action: ['kms:Decrypt', 'kms:GenerateDataKey*'], Principal: { Service: 'cloudwatch.amazonaws.com' } }),
      ]),
    );
    const alarms = Object.values(api.findResources('AWS::CloudWatch::Alarm')) as any[];
    expect(alarms.length).toBeGreaterThan(10);
    for (const alarm of alarms)
      expect(alarm.Properties.AlarmActions).toEqual([{ 'Fn::ImportValue': expect.stringMatching(/ExportsOutputRefOperationsTopic/) }]);
  });

  it('serves the console on the county domain with its IAM server certificate, through an origin access identity', () => {
    api.hasResourceProperties('AWS::CloudFront::Distribution', {
      DistributionConfig: Match.objectLike({
        Aliases: [county.consoleDomain],
        ViewerCertificate: {
          IamCertificateId: county.consoleCertificate,
          SslSupportMethod: 'sni-only',
          MinimumProtocolVersion: 'TLSv1.2_2021',
        },
        HttpVersion: 'http2',
        Origins: [Match.objectLike({ S3OriginConfig: { OriginAccessIdentity: Match.anyValue() } })],
        // No CloudFront Functions to rewrite paths: a key the bucket lacks answers the console's page.
        CustomErrorResponses: [
          Match.objectLike({ ErrorCode: 403, ResponseCode: 200, ResponsePagePath: '/index.html' }),
          Match.objectLike({ ErrorCode: 404, ResponseCode: 200, ResponsePagePath: '/index.html' }),
        ],
      }),
    });
    const distribution = Object.values(api.findResources('AWS::CloudFront::Distribution'))[0] as any;
    // Only the console's files are behind it (so the error pages above can never replace an API answer).
    expect(distribution.Properties.DistributionConfig.CacheBehaviors).toBeUndefined();
    expect(distribution.Properties.DistributionConfig.Origins).toHaveLength(1);
    api.resourceCountIs('AWS::CloudFront::CloudFrontOriginAccessIdentity', 1);
    const statements = (Object.values(api.findResources('AWS::S3::BucketPolicy')) as any[]).flatMap(
      (policy) => policy.Properties.PolicyDocument.Statement,
    );
    expect(statements).toContainEqual(
      expect.objectContaining({ Effect: 'Allow', Action: 's3:GetObject', Principal: { CanonicalUser: expect.anything() } }),
    );
    expect(Object.values(api.findOutputs('ConsoleUrl')).map((output) => output.Value)).toEqual([`https://${county.consoleDomain}`]);
  });

  it("lets the console call the API at its own address from the county's domain only", () => {
    api.hasResourceProperties('AWS::ApiGatewayV2::Api', {
      CorsConfiguration: Match.objectLike({
        AllowOrigins: [`https://${county.consoleDomain}`],
        AllowHeaders: Match.arrayWith(['authorization', 'idempotency-key']),
      }),
    });
    const policy = Object.values(api.findResources('AWS::CloudFront::ResponseHeadersPolicy'))[0] as any;
    const csp = JSON.stringify(policy.Properties.ResponseHeadersPolicyConfig.SecurityHeadersConfig.ContentSecurityPolicy);
    // The API's own endpoint (its ApiEndpoint attribute) is the one other origin the console may call.
    const [apiId] = Object.keys(api.findResources('AWS::ApiGatewayV2::Api'));
    expect(csp).toContain(JSON.stringify({ 'Fn::GetAtt': [apiId, 'ApiEndpoint'] }));
    expect(csp).not.toContain('amazoncognito.com');
  });

  it('leaves out what the China regions lack: CloudFront Functions, origin access control, Lambda X-Ray, the edge secret', () => {
    const types = [...resourceTypes(data), ...resourceTypes(api)];
    expect(types).not.toContain('AWS::CloudFront::Function');
    expect(types).not.toContain('AWS::CloudFront::OriginAccessControl');
    expect(types).not.toContain('AWS::SecretsManager::Secret');
    for (const fn of Object.values(api.findResources('AWS::Lambda::Function')) as any[]) {
      expect(fn.Properties.TracingConfig).toBeUndefined();
      expect(Object.keys(fn.Properties.Environment?.Variables ?? {})).not.toContain('EDGE_SECRET');
    }
    // What the China regions do offer stays: arm64, the global table, the encrypted topics, the dashboard.
    const services = (Object.values(api.findResources('AWS::Lambda::Function')) as any[]).filter(
      (fn) => fn.Properties.Environment?.Variables?.POWERTOOLS_SERVICE_NAME,
    );
    for (const fn of services) expect(fn.Properties.Architectures).toEqual(['arm64']);
    expect(types).toEqual(expect.arrayContaining(['AWS::DynamoDB::GlobalTable', 'AWS::KMS::Key', 'AWS::CloudWatch::Dashboard']));
  });

  it("passes cdk-nag and CloudFormation's own check of the resource types cn-northwest-1 offers", () => {
    for (const pack of ['AwsSolutions', 'Serverless', 'CloudFormation Validate']) {
      const plugin = report.pluginReports.find((entry: any) => entry.pluginName === pack);
      expect({ pack, violations: plugin.violations, conclusion: plugin.conclusion }).toEqual({
        pack,
        violations: [],
        conclusion: 'success',
      });
    }
  });
});

describe('a China synth without what it needs', () => {
  const synth = (context: Record<string, string>) => () =>
    composeApp(new App({ context: { 'aws:cdk:bundling-stacks': [], ...context } }), { env }, { nag: false });

  it("stops with one sentence asking for the county's domain and its IAM certificate", () => {
    const { consoleDomain: _domain, ...withoutDomain } = county;
    expect(synth(withoutDomain)).toThrow(
      /^CloudFront in the AWS China regions \(cn-northwest-1\) cannot serve on its default domain: add -c consoleDomain=.+ -c consoleCertificate=.+upload-server-certificate --path \/cloudfront\/.+\.$/,
    );
    const { consoleCertificate: _certificate, ...withoutCertificate } = county;
    expect(synth(withoutCertificate)).toThrow(/add -c consoleDomain=.+ -c consoleCertificate=/);
  });

  it("stops with one sentence asking for the county's OIDC issuer and audience", () => {
    const { issuer: _issuer, audience: _audience, ...withoutIssuer } = county;
    expect(synth(withoutIssuer)).toThrow(
      /^Cognito user pools are not offered in the AWS China regions \(cn-northwest-1\): add -c issuer=.+ -c audience=.+\.$/,
    );
  });
});
