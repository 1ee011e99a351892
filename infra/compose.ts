/** Composes the stacks; no resources of its own. */
import { App, type StackProps, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks, ServerlessChecks } from 'cdk-nag';
import { StatefulStack } from './stacks/stateful.ts';
import { StatelessStack } from './stacks/stateless.ts';

export function composeApp(app: App, props: StackProps = {}, options: { nag?: boolean } = {}) {
  // Outputs of the data stack are consumed by the API stack: keep producer-protecting references.
  app.node.setContext('@aws-cdk/core:defaultCrossStackReferences', 'strong');
  const stateful = new StatefulStack(app, 'SoftEnvData', props);
  const stateless = new StatelessStack(app, 'SoftEnvApi', {
    ...props,
    table: stateful.table,
    alertTopic: stateful.alerts.topic,
    operationsTopic: stateful.operations.topic,
    tokenIssuer: stateful.tokenIssuer,
    ...(stateful.tokenClaims ? { watchedFunctions: { TokenClaims: stateful.tokenClaims.fn } } : {}),
  });
  if (options.nag !== false) Validations.of(app).addPlugins(new AwsSolutionsChecks(app), new ServerlessChecks(app));
  return { stateful, stateless };
}
