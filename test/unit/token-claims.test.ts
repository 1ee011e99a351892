/** The pre-token-generation trigger: groups and attributes to claims; a department system's client to its department. */
import { beforeEach, describe, expect, it } from 'vitest';
import 'aws-sdk-client-mock-vitest/extend';
import { mockClient } from 'aws-sdk-client-mock';
import { CognitoIdentityProviderClient, DescribeUserPoolClientCommand } from '@aws-sdk/client-cognito-identity-provider';
import { handler } from '../../functions/token-claims/handler.ts';

const cognito = mockClient(CognitoIdentityProviderClient);
beforeEach(() => cognito.reset());

const event = (triggerSource: string, clientId: string, groups: string[], attributes: Record<string, string>) =>
  ({
    version: '3',
    triggerSource,
    region: 'ap-southeast-1',
    userPoolId: 'pool',
    userName: 'u',
    callerContext: { awsSdkVersion: 'x', clientId },
    request: {
      userAttributes: attributes,
      groupConfiguration: { groupsToOverride: groups, iamRolesToOverride: [], preferredRole: undefined },
      scopes: [],
    },
    response: { claimsAndScopeOverrideDetails: {} },
  }) as never;

describe('token claims', () => {
  it('gives a person their groups that are API roles as `roles`, and their department and enterprise', async () => {
    const result = await handler(
      event('TokenGeneration_Authentication', 'web', ['department', 'us-east-1_admins'], { 'custom:dept': 'tax', email: 'a@b.cn' }),
    );
    const expected = { roles: 'department', dept: 'tax' };
    expect(result.response.claimsAndScopeOverrideDetails).toEqual({
      idTokenGeneration: { claimsToAddOrOverride: expected },
      accessTokenGeneration: { claimsToAddOrOverride: expected },
    });
  });

  it('gives a clerk of the assistance centre the service-centre role, with no department or enterprise', async () => {
    const result = await handler(event('TokenGeneration_Authentication', 'web', ['service-centre'], { email: 'wang@county.gov.cn' }));
    expect(result.response.claimsAndScopeOverrideDetails).toMatchObject({
      idTokenGeneration: { claimsToAddOrOverride: { roles: 'service-centre' } },
    });
  });

  it("gives a department system's client the department role and its department, and any other client nothing", async () => {
    cognito
      .on(DescribeUserPoolClientCommand, { ClientId: 'sys' })
      .resolves({ UserPoolClient: { ClientName: 'dept:tax' } })
      .on(DescribeUserPoolClientCommand, { ClientId: 'other' })
      .resolves({ UserPoolClient: { ClientName: 'reporting' } });
    const system = await handler(event('TokenGeneration_ClientCredentials', 'sys', [], {}));
    expect(system.response.claimsAndScopeOverrideDetails).toEqual({
      accessTokenGeneration: { claimsToAddOrOverride: { roles: 'department', dept: 'tax' } },
    });
    const other = await handler(event('TokenGeneration_ClientCredentials', 'other', [], {}));
    expect(other.response.claimsAndScopeOverrideDetails).toEqual({ accessTokenGeneration: { claimsToAddOrOverride: {} } });
    expect(cognito).toHaveReceivedCommandWith(DescribeUserPoolClientCommand, { UserPoolId: 'pool', ClientId: 'sys' });
  });
});
