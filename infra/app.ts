/** The CDK app (`cdk synth`, `cdk deploy`). */
import { App } from 'aws-cdk-lib';
import { composeApp } from './compose.ts';

const app = new App();
composeApp(app, {
  env: { account: process.env.CDK_DEFAULT_ACCOUNT, region: process.env.CDK_DEFAULT_REGION },
});
app.synth();
