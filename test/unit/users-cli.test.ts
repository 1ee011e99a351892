/** The administrator's CLI (`npm run users`) against Cognito, with aws-sdk-client-mock. */
import { beforeEach, describe, expect, it } from 'vitest';
import 'aws-sdk-client-mock-vitest/extend';
import { mockClient } from 'aws-sdk-client-mock';
import {
  AdminAddUserToGroupCommand,
  AdminCreateUserCommand,
  AdminDisableUserCommand,
  AdminListGroupsForUserCommand,
  CognitoIdentityProviderClient,
  CreateUserPoolClientCommand,
  ListUserPoolClientsCommand,
  ListUsersCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { main } from '../../scripts/users.ts';

const cognito = mockClient(CognitoIdentityProviderClient);
const client = new CognitoIdentityProviderClient({ region: 'ap-southeast-1' });
const env = { USER_POOL_ID: 'ap-southeast-1_pool' };
beforeEach(() => cognito.reset());

describe('npm run users', () => {
  it("creates a department person with the department scope and puts them in the role's group", async () => {
    cognito.on(AdminCreateUserCommand).resolves({}).on(AdminAddUserToGroupCommand).resolves({});
    await main(['create-person', '--email', 'li@county.gov.cn', '--role', 'department', '--dept', 'tax'], client, env, false);
    expect(cognito).toHaveReceivedCommandWith(AdminCreateUserCommand, {
      UserPoolId: 'ap-southeast-1_pool',
      Username: 'li@county.gov.cn',
      DesiredDeliveryMediums: ['EMAIL'],
      UserAttributes: [
        { Name: 'email', Value: 'li@county.gov.cn' },
        { Name: 'email_verified', Value: 'true' },
        { Name: 'custom:dept', Value: 'tax' },
      ],
    });
    expect(cognito).toHaveReceivedCommandWith(AdminAddUserToGroupCommand, {
      UserPoolId: 'ap-southeast-1_pool',
      Username: 'li@county.gov.cn',
      GroupName: 'department',
    });
  });

  it('refuses an unknown role, a department without --dept and a bad credit code, sending nothing', async () => {
    await expect(main(['create-person', '--email', 'a@b.cn', '--role', 'admin'], client, env, false)).rejects.toThrow(
      /--role must be one of/,
    );
    await expect(main(['create-person', '--email', 'a@b.cn', '--role', 'department'], client, env, false)).rejects.toThrow(/needs --dept/);
    await expect(main(['create-person', '--email', 'a@b.cn', '--role', 'enterprise', '--ent', '123'], client, env, false)).rejects.toThrow(
      /credit code/,
    );
    expect(cognito.calls()).toHaveLength(0);
  });

  it('adds a department system: a client-credentials client named after its department, for the API scope only, and prints its secret', async () => {
    cognito.on(CreateUserPoolClientCommand).resolves({ UserPoolClient: { ClientId: 'cid', ClientSecret: 'secret' } });
    const lines = await main(['add-system', '--dept', 'tax'], client, env, false);
    expect(cognito).toHaveReceivedCommandWith(CreateUserPoolClientCommand, {
      ClientName: 'dept:tax',
      GenerateSecret: true,
      AllowedOAuthFlows: ['client_credentials'],
      AllowedOAuthScopes: ['soft-env/api'],
      AllowedOAuthFlowsUserPoolClient: true,
    });
    expect(lines).toContain('client-id=cid client-secret=secret');
  });

  it('lists people with their roles and scope, and department systems', async () => {
    cognito.on(ListUsersCommand).resolves({
      Users: [
        {
          Username: 'u1',
          Enabled: true,
          Attributes: [
            { Name: 'email', Value: 'li@county.gov.cn' },
            { Name: 'custom:dept', Value: 'tax' },
          ],
        },
      ],
    });
    cognito.on(AdminListGroupsForUserCommand).resolves({ Groups: [{ GroupName: 'department' }] });
    cognito.on(ListUserPoolClientsCommand).resolves({
      UserPoolClients: [
        { ClientName: 'dept:tax', ClientId: 'cid' },
        { ClientName: 'SoftEnvConsole', ClientId: 'web' },
      ],
    });
    expect(await main(['list'], client, env, false)).toEqual([
      'person li@county.gov.cn roles=department dept=tax enabled',
      'system tax client-id=cid',
    ]);
  });

  it('disables a person', async () => {
    cognito.on(AdminDisableUserCommand).resolves({});
    await main(['disable', '--email', 'li@county.gov.cn'], client, env, false);
    expect(cognito).toHaveReceivedCommandWith(AdminDisableUserCommand, { UserPoolId: 'ap-southeast-1_pool', Username: 'li@county.gov.cn' });
  });

  it('creates a clerk of the assistance centre in the service-centre group, with no department or enterprise', async () => {
    cognito.on(AdminCreateUserCommand).resolves({}).on(AdminAddUserToGroupCommand).resolves({});
    await main(['create-person', '--email', 'wang@county.gov.cn', '--role', 'service-centre'], client, env, false);
    expect(cognito).toHaveReceivedCommandWith(AdminCreateUserCommand, {
      Username: 'wang@county.gov.cn',
      UserAttributes: [
        { Name: 'email', Value: 'wang@county.gov.cn' },
        { Name: 'email_verified', Value: 'true' },
      ],
    });
    expect(cognito).toHaveReceivedCommandWith(AdminAddUserToGroupCommand, { Username: 'wang@county.gov.cn', GroupName: 'service-centre' });
  });

  it('in a dry run prints each call it would make and sends none', async () => {
    const lines = await main(['create-person', '--email', 'li@county.gov.cn', '--role', 'supervisor'], client, env, true);
    expect(lines).toEqual([
      expect.stringMatching(/^would call AdminCreateUser .*"Username":"li@county.gov.cn"/),
      'would call AdminAddUserToGroup {"UserPoolId":"ap-southeast-1_pool","Username":"li@county.gov.cn","GroupName":"supervisor"}',
    ]);
    expect(cognito.calls()).toHaveLength(0);
  });
});
