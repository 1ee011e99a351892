/**
 * The operators' topic: CloudWatch alarms publish here (never to the supervisors' topic). Its
 * key lets CloudWatch encrypt, as topic.grantPublish grants it, or no alarm would arrive.
 */
import { ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import type { Construct } from 'constructs';
import { EncryptedTopic } from './alerts-topic.ts';

export class OperationsTopic extends EncryptedTopic {
  constructor(scope: Construct, id: string) {
    super(scope, id, 'soft-env operations alarms');
    this.topic.grantPublish(new ServicePrincipal('cloudwatch.amazonaws.com'));
  }
}
