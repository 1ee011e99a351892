/**
 * The typed API client: paths, parameters and bodies come from the OpenAPI document
 * (schema.d.ts, generated at build time by infra/web-build.ts), so a route the API no longer
 * has, or a body it would refuse, fails the console's type check.
 */
import createClient, { type Middleware } from 'openapi-fetch';
import type { paths } from './schema';
import { session } from '../session.ts';

/**
 * config.json beside the console: where the API is (its own origin locally) and how to sign in
 * (a sign-in page, locally; in AWS the user pool's managed login, authorization code with PKCE).
 */
export interface ConsoleConfig {
  apiUrl: string;
  signInUrl?: string;
  oauth?: { authorizeUrl: string; tokenUrl: string; clientId: string; scope?: string };
}
export let config: ConsoleConfig = { apiUrl: '' };
export async function loadConfig(): Promise<void> {
  try {
    const response = await fetch('/config.json', { cache: 'no-store' });
    if (response.ok) config = { ...config, ...((await response.json()) as Partial<ConsoleConfig>) };
  } catch {
    // none: the API is at the console's origin
  }
  api = makeClient();
}

/** A problem (RFC 9457) the API answered. */
export class ApiProblem extends Error {
  constructor(
    readonly status: number,
    readonly type: string,
    readonly title: string,
    readonly detail: string,
    readonly errors: { path: string; message: string }[] = [],
  ) {
    super(detail || title);
  }
  /** The rule's or the problem's name: the last part of its type URN. */
  get rule(): string {
    return this.type.split(':').pop() ?? '';
  }
}

const newKey = (): string =>
  typeof crypto !== 'undefined' && 'randomUUID' in crypto ? crypto.randomUUID() : `${Date.now()}-${Math.random().toString(36).slice(2)}`;

const headers: Middleware = {
  onRequest({ request }) {
    const token = session.get()?.token;
    if (token && !request.headers.has('authorization')) request.headers.set('authorization', `Bearer ${token}`);
    // Every POST may create something: a retried click must not create it twice.
    if (request.method === 'POST' && !request.headers.has('idempotency-key')) request.headers.set('idempotency-key', newKey());
    return request;
  },
};

function makeClient() {
  const client = createClient<paths>({ baseUrl: config.apiUrl });
  client.use(headers);
  return client;
}
export let api = makeClient();

interface Answer {
  data?: unknown;
  error?: unknown;
  response: Response;
}

/**
 * Every item of a listing, page after page (the API answers `limit` at a time, and a status
 * filter may leave a page short): `page(cursor)` asks for one page.
 */
export async function itemsOf<T>(page: (cursor: string | undefined) => Promise<Answer>): Promise<T[]> {
  const items: T[] = [];
  let cursor: string | undefined;
  do {
    const answer = await call<{ items: T[]; nextCursor?: string }>(page(cursor));
    items.push(...answer.items);
    cursor = answer.nextCursor;
  } while (cursor);
  return items;
}

/** A listing's query, 200 at a time, from `cursor` on. */
export const pageQuery = <Q extends object>(query: Q, cursor: string | undefined) => ({
  params: { query: { limit: '200', ...query, ...(cursor ? { cursor } : {}) } },
});

/** The answer's body, or an ApiProblem. The view types are the console's own reading of the answers. */
export async function call<T>(request: Promise<Answer>): Promise<T> {
  const { data, error, response } = await request;
  if (response.ok) return data as T;
  const problem = (error ?? {}) as { type?: string; title?: string; detail?: string; errors?: { path: string; message: string }[] };
  if (response.status === 401) session.set(undefined);
  throw new ApiProblem(
    response.status,
    problem.type ?? `urn:soft-env:problem:http-${response.status}`,
    problem.title ?? response.statusText,
    problem.detail ?? '',
    problem.errors ?? [],
  );
}

/** A CSV answer (Accept: text/csv), saved as a file. */
export async function downloadCsv(path: string, fileName: string): Promise<void> {
  const token = session.get()?.token;
  const response = await fetch(`${config.apiUrl}${path}`, {
    headers: { accept: 'text/csv', ...(token ? { authorization: `Bearer ${token}` } : {}) },
  });
  if (!response.ok) throw new ApiProblem(response.status, 'urn:soft-env:problem:csv', response.statusText, await response.text());
  const url = URL.createObjectURL(await response.blob());
  const link = Object.assign(document.createElement('a'), { href: url, download: fileName });
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
