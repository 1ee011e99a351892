/**
 * Cognito pre-token-generation trigger (V2_0): puts the user's roles (their Cognito groups, which
 * only administrators change), department and enterprise (custom attributes no app client can
 * write) into the ID and access tokens under the claim names the API reads: `roles`, `dept`,
 * `ent` (../shared/api.md).
 */
import type { PreTokenGenerationV2TriggerEvent } from 'aws-lambda';
import { ROLES } from '#shared/http/auth';

export function claimsFor(groups: readonly string[], attributes: Record<string, string>): Record<string, string> {
  const claims: Record<string, string> = {};
  const roles = groups.filter((group) => (ROLES as readonly string[]).includes(group));
  if (roles.length > 0) claims.roles = roles.join(',');
  if (attributes['custom:dept']) claims.dept = attributes['custom:dept'];
  if (attributes['custom:ent']) claims.ent = attributes['custom:ent'];
  return claims;
}

export const handler = async (event: PreTokenGenerationV2TriggerEvent): Promise<PreTokenGenerationV2TriggerEvent> => {
  const claims = claimsFor(event.request.groupConfiguration.groupsToOverride ?? [], event.request.userAttributes);
  event.response = {
    claimsAndScopeOverrideDetails: {
      idTokenGeneration: { claimsToAddOrOverride: claims },
      accessTokenGeneration: { claimsToAddOrOverride: claims },
    },
  };
  return event;
};
