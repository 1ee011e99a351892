/**
 * Who is signed in: a bearer token kept for this browser tab (see sign-in.ts for how it comes).
 */
import type { Caller } from '#shared/http/auth';
import { signal } from './state.ts';

/** The caller the token names (its roles as the token gives them), the token and when it expires. */
export type Session = Omit<Caller, 'roles'> & { roles: string[]; token: string; expiresAt: number };
const STORED = 'soft-env.token';

/** The session a token gives, undefined when it cannot be read or has expired; kept for the tab. */
export function tokenSession(token: string): Session | undefined {
  const read = readToken(token);
  if (read) sessionStorage.setItem(STORED, token);
  return read;
}

function readToken(token: string): Session | undefined {
  try {
    const bytes = Uint8Array.from(atob((token.split('.')[1] ?? '').replace(/-/g, '+').replace(/_/g, '/')), (c) => c.charCodeAt(0));
    const payload = JSON.parse(new TextDecoder().decode(bytes)) as {
      sub?: string;
      roles?: string[] | string;
      'cognito:groups'?: string[];
      dept?: string;
      ent?: string;
      exp?: number;
    };
    const roles = Array.isArray(payload.roles)
      ? payload.roles
      : typeof payload.roles === 'string'
        ? payload.roles.split(/[ ,]/)
        : (payload['cognito:groups'] ?? []);
    const session = { token, sub: payload.sub ?? '', roles, dept: payload.dept, ent: payload.ent, expiresAt: (payload.exp ?? 0) * 1000 };
    return session.expiresAt > Date.now() ? session : undefined;
  } catch {
    return undefined;
  }
}

function initial(): Session | undefined {
  const fromHash = /[#&]access_token=([^&]+)/.exec(location.hash)?.[1];
  if (fromHash) {
    history.replaceState(null, '', location.pathname + location.search);
    return tokenSession(fromHash);
  }
  const stored = sessionStorage.getItem(STORED);
  return stored ? readToken(stored) : undefined;
}

export const session = signal<Session | undefined>(initial());
session.subscribe(() => {
  if (!session.get()) sessionStorage.removeItem(STORED);
});
export const hasRole = (role: string): boolean => session.get()?.roles.includes(role) ?? false;
