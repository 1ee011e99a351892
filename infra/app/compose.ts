/** Composes the stacks; no resources of its own. */
import { App, type StackProps, Validations } from 'aws-cdk-lib';
import path from 'node:path';
import { AwsSolutionsChecks, ServerlessChecks } from 'cdk-nag';
import { PROJECT_ROOT } from '../constructs/service-function.ts';
import { StatefulStack } from '../stacks/stateful.ts';
import { StatelessStack } from '../stacks/stateless.ts';
import type { ConsoleSignIn } from '../constructs/console-site.ts';
import { chinaSettings, isChinaRegion } from '../constructs/china.ts';

/** `consoleAssets`: the built console (default web/dist); `console: false` leaves the console's stack out (the local runtime). */
export function composeApp(app: App, props: StackProps = {}, options: { nag?: boolean; console?: boolean; consoleAssets?: string } = {}) {
  // Outputs of the data stack are consumed by the API stack: keep producer-protecting references.
  app.node.setContext('@aws-cdk/core:defaultCrossStackReferences', 'strong');
  // The AWS China regions lack user pools and CloudFront's default domain: the synth needs the county's own (docs/deploying-china.md).
  const region = props.env?.region;
  const china = region && isChinaRegion(region) ? chinaSettings(app, region, { console: options.console !== false }) : undefined;
  const stateful = new StatefulStack(app, 'SoftEnvData', props);
  // The web console (with the API behind the same CloudFront distribution) lives in the API's stack.
  const console =
    options.console === false
      ? undefined
      : {
          assetPath: options.consoleAssets ?? path.join(PROJECT_ROOT, 'web/dist'),
          signIn: consoleSignIn(app, stateful),
          ...(china?.consoleDomain ? { domain: china.consoleDomain } : {}),
        };
  const stateless = new StatelessStack(app, 'SoftEnvApi', {
    ...props,
    table: stateful.table,
    alertTopic: stateful.alerts.topic,
    operationsTopic: stateful.operations.topic,
    tokenIssuer: stateful.tokenIssuer,
    ...(stateful.tokenClaims ? { watchedFunctions: { TokenClaims: stateful.tokenClaims.fn } } : {}),
    ...(console ? { console } : {}),
  });
  if (options.nag !== false) Validations.of(app).addPlugins(new AwsSolutionsChecks(app), new ServerlessChecks(app));
  return { stateful, stateless, site: stateless.site };
}

/**
 * The user pool's managed login; with a county's own issuer, its client for the console when
 * given (`-c consoleClientId=ID -c authorizeUrl=URL -c tokenUrl=URL`; the id must be among the
 * accepted audiences), else no sign-in.
 */
function consoleSignIn(app: App, stateful: StatefulStack): ConsoleSignIn | undefined {
  if (stateful.userPool && stateful.signInDomain) return { userPool: stateful.userPool, domain: stateful.signInDomain };
  const [clientId, authorizeUrl, tokenUrl] = ['consoleClientId', 'authorizeUrl', 'tokenUrl'].map(
    (key) => app.node.tryGetContext(key) as string | undefined,
  );
  return clientId && authorizeUrl && tokenUrl ? { clientId, authorizeUrl, tokenUrl } : undefined;
}
