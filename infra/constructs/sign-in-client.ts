/**
 * How a people's app client signs in, the API's and the console's alike: authorization code with
 * PKCE (a public client, no secret, no implicit flow), one-hour tokens, and no attribute but the
 * display locale written with one's own token (department and enterprise scope are set by
 * administrators only).
 */
import { Duration } from 'aws-cdk-lib';
import { ClientAttributes, OAuthScope, type UserPoolClientOptions } from 'aws-cdk-lib/aws-cognito';

export const peoplesClientOptions = (urls: { callbackUrls: string[]; logoutUrls: string[] }): UserPoolClientOptions => ({
  generateSecret: false,
  authFlows: { userSrp: true },
  oAuth: {
    flows: { authorizationCodeGrant: true, implicitCodeGrant: false },
    scopes: [OAuthScope.OPENID, OAuthScope.EMAIL],
    ...urls,
  },
  idTokenValidity: Duration.hours(1),
  accessTokenValidity: Duration.hours(1),
  preventUserExistenceErrors: true,
  // Not an empty list: Cognito reads an empty WriteAttributes as "not set" and lets the user write every
  // mutable attribute, custom:dept and custom:ent included (aws/aws-cdk#30608), with the access token an
  // SRP sign-in returns. One harmless attribute makes the list the whole of what a user may write.
  writeAttributes: new ClientAttributes().withStandardAttributes({ locale: true }),
  readAttributes: new ClientAttributes().withStandardAttributes({ email: true, emailVerified: true }).withCustomAttributes('dept', 'ent'),
});
