/** The project's SNS topics: KMS-encrypted with a rotating key, publishers over TLS only, kept on stack deletion. */
import { RemovalPolicy } from 'aws-cdk-lib';
import { Key } from 'aws-cdk-lib/aws-kms';
import { Topic } from 'aws-cdk-lib/aws-sns';
import { Construct } from 'constructs';

export class EncryptedTopic extends Construct {
  readonly topic: Topic;
  readonly key: Key;

  /** `name` is both the key's description and the topic's display name. */
  constructor(scope: Construct, id: string, name: string) {
    super(scope, id);
    this.key = new Key(this, 'Key', { description: name, enableKeyRotation: true, removalPolicy: RemovalPolicy.RETAIN });
    this.topic = new Topic(this, 'Topic', { displayName: name, masterKey: this.key, enforceSSL: true });
    this.topic.applyRemovalPolicy(RemovalPolicy.RETAIN);
  }
}

/** The supervisors' alert topic. */
export class AlertsTopic extends EncryptedTopic {
  constructor(scope: Construct, id: string) {
    super(scope, id, 'soft-env supervisor alerts');
  }
}
