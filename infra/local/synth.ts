/**
 * Synthesizes the CDK app in-process (no bundling, no cdk-nag) so that the local runtime
 * builds its table and, later, its state machines from the very templates `cdk deploy` uses.
 */
import { App } from 'aws-cdk-lib';
import { composeApp } from '../app/compose.ts';

export interface Templates {
  stateful: CfnTemplate;
  stateless: CfnTemplate;
}

export interface CfnTemplate {
  Resources: Record<string, { Type: string; Properties?: Record<string, unknown> }>;
}

export function synthesizeTemplates(): Templates {
  const app = new App({ context: { 'aws:cdk:bundling-stacks': [] }, outdir: undefined });
  const { stateful, stateless } = composeApp(app, {}, { nag: false, console: false });
  const assembly = app.synth({ validateOnSynthesis: false });
  return {
    stateful: assembly.getStackByName(stateful.stackName).template as CfnTemplate,
    stateless: assembly.getStackByName(stateless.stackName).template as CfnTemplate,
  };
}

/** The one DynamoDB table the data stack defines, as CreateTable input. */
export function tableDefinition(template: CfnTemplate, tableName: string) {
  const tables = Object.values(template.Resources).filter((resource) => resource.Type === 'AWS::DynamoDB::GlobalTable');
  if (tables.length !== 1) throw new Error(`Expected one table in the data stack, found ${tables.length}`);
  const props = tables[0]?.Properties as {
    AttributeDefinitions: { AttributeName: string; AttributeType: 'S' | 'N' | 'B' }[];
    KeySchema: { AttributeName: string; KeyType: 'HASH' | 'RANGE' }[];
    GlobalSecondaryIndexes?: {
      IndexName: string;
      KeySchema: { AttributeName: string; KeyType: 'HASH' | 'RANGE' }[];
      Projection: { ProjectionType: 'ALL' | 'KEYS_ONLY' | 'INCLUDE'; NonKeyAttributes?: string[] };
    }[];
    TimeToLiveSpecification?: { AttributeName: string; Enabled: boolean };
    StreamSpecification?: { StreamViewType: 'NEW_IMAGE' | 'OLD_IMAGE' | 'NEW_AND_OLD_IMAGES' | 'KEYS_ONLY' };
  };
  return {
    create: {
      TableName: tableName,
      BillingMode: 'PAY_PER_REQUEST' as const,
      AttributeDefinitions: props.AttributeDefinitions,
      KeySchema: props.KeySchema,
      GlobalSecondaryIndexes: props.GlobalSecondaryIndexes?.map((index) => ({
        IndexName: index.IndexName,
        KeySchema: index.KeySchema,
        Projection: index.Projection,
      })),
      ...(props.StreamSpecification
        ? { StreamSpecification: { StreamEnabled: true, StreamViewType: props.StreamSpecification.StreamViewType } }
        : {}),
    },
    ttlAttribute: props.TimeToLiveSpecification?.Enabled ? props.TimeToLiveSpecification.AttributeName : undefined,
  };
}
