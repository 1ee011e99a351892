/**
 * The operators' topic: CloudWatch alarms publish here (never to the supervisors' topic). Its
 * key lets CloudWatch encrypt, as topic.grantPublish grants it, or no alarm would arrive.
 */
import { RemovalPolicy } from 'aws-cdk-lib';
import { ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Key } from 'aws-cdk-lib/aws-kms';
import { Topic } from 'aws-cdk-lib/aws-sns';
import { Construct } from 'constructs';

export class OperationsTopic extends Construct {
  readonly topic: Topic;
  readonly key: Key;

  constructor(scope: Construct, id: string) {
    super(scope, id);
    this.key = new Key(this, 'Key', { description: 'soft-env operations alarms', enableKeyRotation: true, removalPolicy: RemovalPolicy.RETAIN });
    this.topic = new Topic(this, 'Topic', { displayName: 'soft-env operations alarms', masterKey: this.key, enforceSSL: true });
    this.topic.applyRemovalPolicy(RemovalPolicy.RETAIN);
    this.topic.grantPublish(new ServicePrincipal('cloudwatch.amazonaws.com'));
  }
}
