/**
 * `npm run token -- --role R [--dept D] [--ent E] [--sub S]`: prints a token the local gateway
 * accepts, signed with the local key under DATA_DIR. Roles may be repeated or comma-separated.
 */
import { parseArgs } from 'node:util';
import { ROLES } from '#shared/http/auth';
import { localSettings } from './settings.ts';
import { loadOrCreateKeys, signToken } from './signing.ts';

const { values } = parseArgs({
  options: {
    role: { type: 'string', multiple: true },
    dept: { type: 'string' },
    ent: { type: 'string' },
    sub: { type: 'string' },
    expires: { type: 'string', default: '12h' },
  },
});
const roles = (values.role ?? [])
  .flatMap((role) => role.split(','))
  .map((role) => role.trim())
  .filter(Boolean);
const unknown = roles.filter((role) => !(ROLES as readonly string[]).includes(role));
if (roles.length === 0 || unknown.length) {
  console.error(`Usage: npm run token -- --role <${ROLES.join('|')}> [--dept ID] [--ent CREDIT-CODE] [--sub NAME]`);
  if (unknown.length) console.error(`Unknown role: ${unknown.join(', ')}`);
  process.exit(2);
}
if (roles.includes('department') && !values.dept) {
  console.error('Role department needs --dept');
  process.exit(2);
}
if (roles.includes('enterprise') && !values.ent) {
  console.error('Role enterprise needs --ent');
  process.exit(2);
}
const keys = await loadOrCreateKeys(localSettings().dataDir);
const sub = values.sub ?? `${roles[0]}${values.dept ? `:${values.dept}` : ''}${values.ent ? `:${values.ent}` : ''}`;
console.log(
  await signToken(
    keys,
    { sub, roles, ...(values.dept ? { dept: values.dept } : {}), ...(values.ent ? { ent: values.ent } : {}) },
    values.expires,
  ),
);
