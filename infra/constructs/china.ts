/**
 * The AWS China regions (cn-north-1, cn-northwest-1; the aws-cn partition), where services
 * differ (docs/deploying-china.md): no Cognito user pools, CloudFront only on the county's own
 * ICP-filed domain with a certificate uploaded to IAM, no X-Ray for Lambda, no origin access
 * control. A stack is in China when its region, known at synth, starts with `cn-`.
 */
import { Stack, Token } from 'aws-cdk-lib';
import type { IConstruct } from 'constructs';

export const isChinaRegion = (region: string | undefined): boolean => !!region && !Token.isUnresolved(region) && region.startsWith('cn-');

/** Whether the stack holding `scope` deploys to an AWS China region. */
export const inChina = (scope: IConstruct): boolean => isChinaRegion(Stack.of(scope).region);

/** Where the console answers in China: the county's domain and its certificate's IAM server certificate id. */
export interface ConsoleDomain {
  domainName: string;
  iamCertificateId: string;
}

/**
 * What a synth for a China region needs from the CDK context (`-c issuer=... -c audience=...
 * -c consoleDomain=... -c consoleCertificate=...`); it stops with one sentence naming what is
 * missing. `console: false` (no console site) needs no domain.
 */
export function chinaSettings(scope: IConstruct, region: string, options: { console: boolean }): { consoleDomain?: ConsoleDomain } {
  const context = (key: string) => (scope.node.tryGetContext(key) as string | undefined)?.trim() || undefined;
  if (!context('issuer') || !context('audience')) {
    throw new Error(
      `Cognito user pools are not offered in the AWS China regions (${region}): add -c issuer=<your OIDC identity platform's issuer URL> -c audience=<the client id the API accepts> so the county's own identity platform signs people in.`,
    );
  }
  if (!options.console) return {};
  const domainName = context('consoleDomain');
  const iamCertificateId = context('consoleCertificate');
  if (!domainName || !iamCertificateId) {
    throw new Error(
      `CloudFront in the AWS China regions (${region}) cannot serve on its default domain: add -c consoleDomain=<the county's ICP-filed domain> -c consoleCertificate=<the id of that domain's certificate uploaded to IAM with aws iam upload-server-certificate --path /cloudfront/...>.`,
    );
  }
  return { consoleDomain: { domainName, iamCertificateId } };
}
