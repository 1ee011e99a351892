/**
 * The administrator's CLI for the deployed user pool (`npm run users -- <command>`):
 *
 *   create-person --email E --role ROLE [--dept D] [--ent CREDIT_CODE]
 *   add-system --dept D              a department system's client-credentials client
 *   list                             people (with their roles) and department systems
 *   disable --email E                the person can no longer sign in
 *   disable-system --client-id ID    deletes the system's client (its tokens stop at expiry)
 *
 * Options: --user-pool-id ID (or USER_POOL_ID, the SoftEnvData output UserPoolId), --dry-run.
 * Without AWS credentials it prints what it would do instead of doing it.
 */
import { parseArgs } from 'node:util';
import {
  AdminAddUserToGroupCommand,
  AdminCreateUserCommand,
  AdminDisableUserCommand,
  AdminListGroupsForUserCommand,
  CognitoIdentityProviderClient,
  paginateListUserPoolClients,
  paginateListUsers,
  CreateUserPoolClientCommand,
  DeleteUserPoolClientCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { ROLES, type Role } from '#shared/http/auth';
import { isValidCreditCode } from '#shared/domain/credit-code';
import { SYSTEM_CLIENT_PREFIX } from '../functions/token-claims/handler.ts';
import { API_RESOURCE_SERVER, API_SCOPE } from '../infra/stacks/stateful.ts';

export class UsageError extends Error {}

type Options = {
  email?: string;
  role?: string;
  dept?: string;
  ent?: string;
  'client-id'?: string;
  'user-pool-id'?: string;
  'dry-run'?: boolean;
};

/** The changes a command makes, as SDK commands, validated before anything is sent. */
export function plan(command: string, options: Options, userPoolId: string) {
  const need = (name: keyof Options) => {
    const value = options[name];
    if (typeof value !== 'string' || value === '') throw new UsageError(`${command} needs --${name}`);
    return value;
  };
  switch (command) {
    case 'create-person': {
      const email = need('email');
      const role = need('role');
      if (!(ROLES as readonly string[]).includes(role)) throw new UsageError(`--role must be one of ${ROLES.join(', ')}`);
      const attributes = [
        { Name: 'email', Value: email },
        { Name: 'email_verified', Value: 'true' },
      ];
      if ((role as Role) === 'department') attributes.push({ Name: 'custom:dept', Value: need('dept') });
      if ((role as Role) === 'enterprise') {
        const ent = need('ent');
        if (!isValidCreditCode(ent)) throw new UsageError('--ent must be a valid unified social credit code');
        attributes.push({ Name: 'custom:ent', Value: ent });
      }
      return [
        new AdminCreateUserCommand({
          UserPoolId: userPoolId,
          Username: email,
          UserAttributes: attributes,
          DesiredDeliveryMediums: ['EMAIL'],
        }),
        new AdminAddUserToGroupCommand({ UserPoolId: userPoolId, Username: email, GroupName: role }),
      ];
    }
    case 'add-system': {
      const dept = need('dept');
      if (!/^[a-z0-9-]{1,48}$/.test(dept)) throw new UsageError('--dept must be a department id (a-z, 0-9, -)');
      return [
        new CreateUserPoolClientCommand({
          UserPoolId: userPoolId,
          ClientName: `${SYSTEM_CLIENT_PREFIX}${dept}`,
          GenerateSecret: true,
          AllowedOAuthFlows: ['client_credentials'],
          AllowedOAuthScopes: [`${API_RESOURCE_SERVER}/${API_SCOPE}`],
          AllowedOAuthFlowsUserPoolClient: true,
          AccessTokenValidity: 1,
          TokenValidityUnits: { AccessToken: 'hours' },
        }),
      ];
    }
    case 'disable':
      return [new AdminDisableUserCommand({ UserPoolId: userPoolId, Username: need('email') })];
    case 'disable-system':
      return [new DeleteUserPoolClientCommand({ UserPoolId: userPoolId, ClientId: need('client-id') })];
    default:
      throw new UsageError(`Unknown command ${command}: create-person, add-system, list, disable, disable-system`);
  }
}

/** Lists people with their roles (groups) and department systems' clients. */
export async function list(client: CognitoIdentityProviderClient, userPoolId: string): Promise<string[]> {
  const lines: string[] = [];
  for await (const page of paginateListUsers({ client }, { UserPoolId: userPoolId })) {
    for (const user of page.Users ?? []) {
      if (user.Username === undefined) continue;
      const groups = await client.send(new AdminListGroupsForUserCommand({ UserPoolId: userPoolId, Username: user.Username }));
      const attribute = (name: string) => user.Attributes?.find((entry) => entry.Name === name)?.Value;
      const dept = attribute('custom:dept');
      const ent = attribute('custom:ent');
      const words = [
        `person ${attribute('email') ?? user.Username}`,
        `roles=${(groups.Groups ?? []).map((group) => group.GroupName).join(',')}`,
        ...(dept ? [`dept=${dept}`] : []),
        ...(ent ? [`ent=${ent}`] : []),
        user.Enabled ? 'enabled' : 'DISABLED',
      ];
      lines.push(words.join(' '));
    }
  }
  for await (const page of paginateListUserPoolClients({ client }, { UserPoolId: userPoolId })) {
    for (const app of page.UserPoolClients ?? []) {
      if (app.ClientName?.startsWith(SYSTEM_CLIENT_PREFIX))
        lines.push(`system ${app.ClientName.slice(SYSTEM_CLIENT_PREFIX.length)} client-id=${app.ClientId}`);
    }
  }
  return lines;
}

const describe = (command: { constructor: { name: string }; input: unknown }) =>
  `${command.constructor.name.replace(/Command$/, '')} ${JSON.stringify(command.input)}`;

/** Runs the CLI; returns the lines it prints. `dryRun` prints the planned calls and sends nothing. */
export async function main(
  argv: string[],
  client: CognitoIdentityProviderClient,
  env: NodeJS.ProcessEnv,
  dryRun?: boolean,
): Promise<string[]> {
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      email: { type: 'string' },
      role: { type: 'string' },
      dept: { type: 'string' },
      ent: { type: 'string' },
      'client-id': { type: 'string' },
      'user-pool-id': { type: 'string' },
      'dry-run': { type: 'boolean' },
    },
  });
  const [command] = positionals;
  if (!command) throw new UsageError('Usage: npm run users -- <create-person|add-system|list|disable|disable-system> [options]');
  const userPoolId = values['user-pool-id'] ?? env.USER_POOL_ID;
  if (!userPoolId) throw new UsageError('--user-pool-id (or USER_POOL_ID) is needed: the SoftEnvData output UserPoolId');
  const dry = dryRun ?? values['dry-run'] ?? false;
  if (command === 'list') return dry ? [`would list users and department systems of ${userPoolId}`] : list(client, userPoolId);
  const commands = plan(command, values, userPoolId);
  if (dry) return commands.map((planned) => `would call ${describe(planned)}`);
  const lines: string[] = [];
  for (const planned of commands) {
    const output = (await client.send(planned as never)) as { UserPoolClient?: { ClientId?: string; ClientSecret?: string } };
    lines.push(`done ${planned.constructor.name.replace(/Command$/, '')}`);
    if (output.UserPoolClient?.ClientId) {
      lines.push(
        `client-id=${output.UserPoolClient.ClientId} client-secret=${output.UserPoolClient.ClientSecret ?? ''}`,
        `The API accepts it after: npx cdk deploy -c systemClients=<every system's client id, comma-separated>`,
      );
    }
  }
  return lines;
}

async function hasCredentials(client: CognitoIdentityProviderClient): Promise<boolean> {
  try {
    await client.config.credentials();
    return true;
  } catch {
    return false;
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const client = new CognitoIdentityProviderClient({});
  const dry = process.argv.includes('--dry-run') || !(await hasCredentials(client)) ? true : undefined;
  if (dry && !process.argv.includes('--dry-run')) console.log('No AWS credentials: printing what would be done (dry run).');
  try {
    for (const line of await main(process.argv.slice(2), client, process.env, dry)) console.log(line);
  } catch (error) {
    console.error(error instanceof UsageError ? error.message : error);
    process.exitCode = 1;
  }
}
