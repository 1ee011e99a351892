/** Talking to the local runtime over HTTP, as a department's system or a browser would. */
import { inject } from 'vitest';
import { loadOrCreateKeys, signToken, type TokenClaims } from '../../infra/local/signing.ts';

export const runtime = inject('runtime');
const keys = await loadOrCreateKeys(runtime.dataDir);

export function tokenFor(claims: Partial<TokenClaims> & { roles: string[] }, expiresIn: string | number = '1h'): Promise<string> {
  return signToken(keys, { sub: claims.sub ?? `test-${claims.roles.join('+')}`, ...claims }, expiresIn);
}

export interface Response<T = any> { status: number; contentType: string; body: T; headers: Headers }

export async function call<T = any>(
  method: string,
  path: string,
  options: { token?: string; json?: unknown; body?: string; headers?: Record<string, string> } = {},
): Promise<Response<T>> {
  const headers: Record<string, string> = { ...options.headers };
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  let body = options.body;
  if (options.json !== undefined) {
    body = JSON.stringify(options.json);
    headers['content-type'] ??= 'application/json';
  }
  const response = await fetch(`${runtime.url}${path}`, { method, headers, body });
  const text = await response.text();
  const contentType = response.headers.get('content-type') ?? '';
  return { status: response.status, contentType, body: (text && contentType.includes('json') ? JSON.parse(text) : text) as T, headers: response.headers };
}
