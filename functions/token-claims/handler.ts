/**
 * Cognito pre-token-generation trigger (V3_0): puts roles, department and enterprise into the
 * tokens under the claim names the API reads: `roles`, `dept`, `ent` (docs/api.md, roles and tokens).
 * - People: roles are their Cognito groups (only administrators change them); `dept` and `ent`
 *   are custom attributes no app client can write.
 * - Department systems (client credentials): the role is `department`, and the department is
 *   in the client's name, `dept:<id>`, which only an administrator can set (`npm run users --
 *   add-system`). Cognito gives the trigger only the client id, so the name is looked up once
 *   per client and container.
 */
import { CognitoIdentityProviderClient, DescribeUserPoolClientCommand } from '@aws-sdk/client-cognito-identity-provider';
import type { PreTokenGenerationV2TriggerEvent } from 'aws-lambda';
import { ROLES } from '#shared/http/auth';

export const cognitoClient = new CognitoIdentityProviderClient({});

/** The client name that marks a department system's client. */
export const SYSTEM_CLIENT_PREFIX = 'dept:';

export function claimsFor(groups: readonly string[], attributes: Record<string, string>): Record<string, string> {
  const claims: Record<string, string> = {};
  const roles = groups.filter((group) => (ROLES as readonly string[]).includes(group));
  if (roles.length > 0) claims.roles = roles.join(',');
  if (attributes['custom:dept']) claims.dept = attributes['custom:dept'];
  if (attributes['custom:ent']) claims.ent = attributes['custom:ent'];
  return claims;
}

const systemDepartments = new Map<string, string | undefined>();

async function systemDepartment(userPoolId: string, clientId: string): Promise<string | undefined> {
  if (!systemDepartments.has(clientId)) {
    const { UserPoolClient } = await cognitoClient.send(new DescribeUserPoolClientCommand({ UserPoolId: userPoolId, ClientId: clientId }));
    const name = UserPoolClient?.ClientName ?? '';
    systemDepartments.set(clientId, name.startsWith(SYSTEM_CLIENT_PREFIX) ? name.slice(SYSTEM_CLIENT_PREFIX.length) : undefined);
  }
  return systemDepartments.get(clientId);
}

type TokenEvent = Omit<PreTokenGenerationV2TriggerEvent, 'triggerSource'> & { triggerSource: string };

export const handler = async (event: TokenEvent): Promise<TokenEvent> => {
  if (event.triggerSource === 'TokenGeneration_ClientCredentials') {
    const dept = await systemDepartment(event.userPoolId, event.callerContext.clientId);
    // A client-credentials client that is not a department system's gets no role at all.
    const claims: Record<string, string> = dept ? { roles: 'department', dept } : {};
    event.response = { claimsAndScopeOverrideDetails: { accessTokenGeneration: { claimsToAddOrOverride: claims } } };
    return event;
  }
  const claims = claimsFor(event.request.groupConfiguration.groupsToOverride ?? [], event.request.userAttributes);
  event.response = {
    claimsAndScopeOverrideDetails: {
      idTokenGeneration: { claimsToAddOrOverride: claims },
      accessTokenGeneration: { claimsToAddOrOverride: claims },
    },
  };
  return event;
};
