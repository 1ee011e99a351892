/**
 * Who is calling, from the verified JWT claims that API Gateway's JWT authorizer (or the local
 * gateway, which verifies the same way) hands to the Lambda. Claims are never read from an
 * unverified token here.
 */
/** `service-centre`: the staff of the investment service centre's assistance centre (帮办服务中心). */
export const ROLES = ['department', 'soft-env-office', 'supervisor', 'park-office', 'enterprise', 'service-centre'] as const;
export type Role = (typeof ROLES)[number];

export interface Caller {
  sub: string;
  roles: Role[];
  /** The caller's department id (role `department`). */
  dept?: string;
  /** The caller's enterprise credit code (role `enterprise`). */
  ent?: string;
}

/** A caller whose token names a department: every route open only to the `department` role gets one. */
export type DepartmentCaller = Caller & { dept: string };
/** A caller whose token names an enterprise: every route open only to the `enterprise` role gets one. */
export type EnterpriseCaller = Caller & { ent: string };

const isRole = (value: string): value is Role => (ROLES as readonly string[]).includes(value);

/**
 * API Gateway passes array claims as strings like "[department supervisor]"; tokens may also
 * carry a JSON array or a comma-separated list. Accept each and keep only known roles.
 */
export function parseRolesClaim(claim: unknown): Role[] {
  let values: string[] = [];
  if (Array.isArray(claim)) values = claim.map(String);
  else if (typeof claim === 'string') {
    const text = claim.trim();
    if (text.startsWith('[') && text.includes('"')) {
      try {
        values = (JSON.parse(text) as unknown[]).map(String);
      } catch {
        values = [];
      }
    } else {
      values = text.replace(/^\[|\]$/g, '').split(/[\s,]+/);
    }
  }
  return [...new Set(values.map((v) => v.trim()).filter(isRole))];
}

/** `rolesClaim`: the claim the issuer puts the roles in (`-c rolesClaim=` for a county's own identity platform). */
export function callerFromClaims(claims: Record<string, unknown> | undefined, rolesClaim = 'roles'): Caller | undefined {
  if (!claims || typeof claims.sub !== 'string' || claims.sub === '') return undefined;
  const caller: Caller = { sub: claims.sub, roles: parseRolesClaim(claims[rolesClaim]) };
  if (typeof claims.dept === 'string' && claims.dept) caller.dept = claims.dept;
  if (typeof claims.ent === 'string' && claims.ent) caller.ent = claims.ent;
  return caller;
}

export const hasRole = (caller: Caller | undefined, role: Role): boolean => !!caller?.roles.includes(role);

/** The soft-environment office and the supervisors see every department's records. */
export const seesAll = (caller: Caller | undefined): boolean => hasRole(caller, 'soft-env-office') || hasRole(caller, 'supervisor');

/** Whether the caller may see a record: the office and supervisors every one; a department or an enterprise its own. */
export const mayRead = (caller: Caller, record: { dept: string; enterpriseId: string }): boolean =>
  seesAll(caller) ||
  (hasRole(caller, 'department') && record.dept === caller.dept) ||
  (hasRole(caller, 'enterprise') && record.enterpriseId === caller.ent);

/** A caller acting for its department (the role and the department its token names). */
export const isDepartmentCaller = (caller: Caller | undefined): caller is DepartmentCaller =>
  hasRole(caller, 'department') && !!caller?.dept;

/** A caller acting for its enterprise (the role and the enterprise its token names). */
export const isEnterpriseCaller = (caller: Caller | undefined): caller is EnterpriseCaller =>
  hasRole(caller, 'enterprise') && !!caller?.ent;
