/** The web console's static site (S3 + CloudFront); the API stack allows its origin by CORS. */
import { CfnOutput, Stack, type StackProps } from 'aws-cdk-lib';
import type { Construct } from 'constructs';
import { ConsoleSite } from '../constructs/console-site.ts';

export interface ConsoleStackProps extends StackProps { assetPath: string }

export class ConsoleStack extends Stack {
  readonly site: ConsoleSite;
  constructor(scope: Construct, id: string, props: ConsoleStackProps) {
    super(scope, id, props);
    this.site = new ConsoleSite(this, 'Console', { assetPath: props.assetPath });
    new CfnOutput(this, 'ConsoleUrl', { value: this.site.url, description: 'The web console (and /docs, the API reference)' });
  }
}
