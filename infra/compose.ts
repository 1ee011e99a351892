/** Composes the stacks; no resources of its own. */
import { App, type StackProps, Validations } from 'aws-cdk-lib';
import path from 'node:path';
import { AwsSolutionsChecks, ServerlessChecks } from 'cdk-nag';
import { PROJECT_ROOT } from './constructs/service-function.ts';
import { StatefulStack } from './stacks/stateful.ts';
import { StatelessStack } from './stacks/stateless.ts';
import { ConsoleStack } from './stacks/console.ts';
import { allowConsoleOrigin } from './constructs/console-site.ts';

/** `consoleAssets`: the built console (default web/dist); `console: false` leaves the console's stack out (the local runtime). */
export function composeApp(app: App, props: StackProps = {}, options: { nag?: boolean; console?: boolean; consoleAssets?: string } = {}) {
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
  // The console's site, and CORS on the API for its origin.
  const site = options.console === false ? undefined : new ConsoleStack(app, 'SoftEnvConsole', { ...props, assetPath: options.consoleAssets ?? path.join(PROJECT_ROOT, 'web/dist') });
  if (site) allowConsoleOrigin(stateless.api, site.site.url);
  if (options.nag !== false) Validations.of(app).addPlugins(new AwsSolutionsChecks(app), new ServerlessChecks(app));
  return { stateful, stateless, site };
}
