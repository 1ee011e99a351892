/**
 * Cognito pre-token-generation trigger: puts the user's roles, department and enterprise
 * (custom attributes kept by the county's administrators) into the ID token under the claim
 * names the API reads: `roles`, `dept`, `ent` (../shared/api.md).
 */
import type { PreTokenGenerationTriggerEvent } from 'aws-lambda';

export const handler = async (event: PreTokenGenerationTriggerEvent): Promise<PreTokenGenerationTriggerEvent> => {
  const attributes = event.request.userAttributes;
  const claims: Record<string, string> = {};
  if (attributes['custom:roles']) claims.roles = attributes['custom:roles'];
  if (attributes['custom:dept']) claims.dept = attributes['custom:dept'];
  if (attributes['custom:ent']) claims.ent = attributes['custom:ent'];
  event.response = { claimsOverrideDetails: { claimsToAddOrOverride: claims } };
  return event;
};
