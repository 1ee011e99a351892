/**
 * Who is signed in: a bearer token kept for this browser tab. The sign-in page (the local
 * runtime's, or the user pool's managed login in AWS) comes back to /console#access_token=...
 */
import { signal } from './state.ts';

export interface Session { token: string; sub: string; roles: string[]; dept?: string; ent?: string; expiresAt: number }
const STORED = 'soft-env.token';

function decode(token: string): Session | undefined {
  try {
    const payload = JSON.parse(atob((token.split('.')[1] ?? '').replace(/-/g, '+').replace(/_/g, '/'))) as { sub?: string; roles?: string[] | string; 'cognito:groups'?: string[]; dept?: string; ent?: string; exp?: number };
    const roles = Array.isArray(payload.roles) ? payload.roles : typeof payload.roles === 'string' ? payload.roles.split(/[ ,]/) : payload['cognito:groups'] ?? [];
    const session = { token, sub: payload.sub ?? '', roles, dept: payload.dept, ent: payload.ent, expiresAt: (payload.exp ?? 0) * 1000 };
    return session.expiresAt > Date.now() ? session : undefined;
  } catch {
    return undefined;
  }
}

function initial(): Session | undefined {
  const fromHash = /[#&]access_token=([^&]+)/.exec(location.hash)?.[1];
  if (fromHash) {
    sessionStorage.setItem(STORED, fromHash);
    history.replaceState(null, '', location.pathname + location.search);
  }
  const stored = sessionStorage.getItem(STORED);
  return stored ? decode(stored) : undefined;
}

export const session = signal<Session | undefined>(initial());
session.subscribe(() => { if (!session.get()) sessionStorage.removeItem(STORED); });
export const hasRole = (role: string): boolean => session.get()?.roles.includes(role) ?? false;
