/** The supervisors' alert topic: KMS-encrypted, publishers over TLS only, kept on stack deletion. */
import { RemovalPolicy } from 'aws-cdk-lib';
import { Key } from 'aws-cdk-lib/aws-kms';
import { Topic } from 'aws-cdk-lib/aws-sns';
import { Construct } from 'constructs';

export class AlertsTopic extends Construct {
  readonly topic: Topic;
  readonly key: Key;

  constructor(scope: Construct, id: string) {
    super(scope, id);
    this.key = new Key(this, 'Key', {
      description: 'soft-env supervisor alerts',
      enableKeyRotation: true,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    this.topic = new Topic(this, 'Topic', {
      displayName: 'soft-env supervisor alerts',
      masterKey: this.key,
      enforceSSL: true,
    });
    this.topic.applyRemovalPolicy(RemovalPolicy.RETAIN);
  }
}
