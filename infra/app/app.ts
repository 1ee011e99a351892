/** The CDK app (`cdk synth`, `cdk deploy`). */
import { App } from 'aws-cdk-lib';
import { composeApp } from './compose.ts';

const app = new App();
// The region decides the partition: AWS_REGION=cn-northwest-1 synthesizes for the AWS China regions (docs/deploying-china.md).
composeApp(app, {
  env: { account: process.env.CDK_DEFAULT_ACCOUNT, region: process.env.CDK_DEFAULT_REGION ?? process.env.AWS_REGION },
});
app.synth();
