/** Talking to the local runtime over HTTP, as a department's system or a browser would. */
import { inject } from 'vitest';
import { loadOrCreateKeys, signToken, type TokenClaims } from '../../infra/local/signing.ts';

export const runtime = inject('runtime');

/** A client for one local runtime: tokens signed with its key, requests to its URL. */
export async function clientFor(target: { url: string; dataDir: string }) {
  const keys = await loadOrCreateKeys(target.dataDir);
  const tokenFor = (claims: Partial<TokenClaims> & { roles: string[] }, expiresIn: string | number = '1h'): Promise<string> =>
    signToken(keys, { sub: claims.sub ?? `test-${claims.roles.join('+')}`, ...claims }, expiresIn);
  const call = <T = any>(method: string, path: string, options: CallOptions = {}) => request<T>(target.url, method, path, options);
  return { tokenFor, call };
}

export interface CallOptions {
  token?: string;
  json?: unknown;
  body?: string;
  headers?: Record<string, string>;
}

const shared = await clientFor(runtime);
export const tokenFor = shared.tokenFor;
export const call = shared.call;

export interface Response<T = any> {
  status: number;
  contentType: string;
  body: T;
  headers: Headers;
}

/** The headers and body of a test request: a bearer token, and JSON sent as JSON. */
export function requestParts(options: CallOptions): { headers: Record<string, string>; body: string | undefined } {
  const headers: Record<string, string> = { ...options.headers };
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  if (options.json === undefined) return { headers, body: options.body };
  headers['content-type'] ??= 'application/json';
  return { headers, body: JSON.stringify(options.json) };
}

async function request<T = any>(base: string, method: string, path: string, options: CallOptions = {}): Promise<Response<T>> {
  const { headers, body } = requestParts(options);
  const response = await fetch(`${base}${path}`, { method, headers, body });
  const text = await response.text();
  const contentType = response.headers.get('content-type') ?? '';
  return {
    status: response.status,
    contentType,
    body: (text && contentType.includes('json') ? JSON.parse(text) : text) as T,
    headers: response.headers,
  };
}
