/**
 * The local twin of API Gateway's HTTP API: the same route declarations, each request turned
 * into the API Gateway v2 event its Lambda receives, bearer tokens verified as the JWT
 * authorizer would, and the Lambda's result written back.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { randomUUID } from 'node:crypto';
import type { APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import type { HttpEvent } from '#shared/http/handler';
import { isPublic, routeKey, type RouteSpec } from '#shared/http/routes';
import type { ConcernDefinition } from '../concerns.ts';
import { claimsForEvent, verifyToken, type LocalKeys } from './signing.ts';
import { docsFileFor } from '../docs.ts';
import { serveConsole } from './console.ts';

export type LambdaHandler = (event: HttpEvent, context: Context) => Promise<APIGatewayProxyStructuredResultV2>;

/** API Gateway's token-bucket throttling: `rateLimit` per second, up to `burstLimit` at once. */
export class TokenBucket {
  private tokens: number;
  private refilledAt = Date.now();
  constructor(private readonly limits: { rateLimit: number; burstLimit: number }) {
    this.tokens = limits.burstLimit;
  }
  take(): boolean {
    const now = Date.now();
    this.tokens = Math.min(this.limits.burstLimit, this.tokens + ((now - this.refilledAt) / 1000) * this.limits.rateLimit);
    this.refilledAt = now;
    if (this.tokens < 1) return false;
    this.tokens -= 1;
    return true;
  }
  /** Whole seconds until a token is back (a Retry-After). */
  secondsToNext(): number {
    return Math.max(1, Math.ceil((1 - this.tokens) / this.limits.rateLimit));
  }
}

interface CompiledRoute {
  route: RouteSpec;
  key: string;
  pattern: RegExp;
  names: string[];
  handler: LambdaHandler;
  concern: string;
  bucket?: TokenBucket;
}

/** Where the local issuer publishes its public key (as Cognito does under the issuer URL). */
export const JWKS_PATH = '/.well-known/jwks.json';

/** API Gateway's own limit is 10 MB; anything over 1 MiB is refused here before the Lambda. */
const GATEWAY_MAX_BODY = 1024 * 1024;

export function compileRoutes(concerns: readonly ConcernDefinition[], handlers: Record<string, LambdaHandler>): CompiledRoute[] {
  return concerns
    .flatMap((concern) =>
      Object.values(concern.api.routes).map((route) => {
        const names: string[] = [];
        const source = route.path.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{(\w+)\}/g, (_match, name: string) => {
          names.push(name);
          return '([^/]+)';
        });
        const handler = handlers[concern.name];
        if (!handler) throw new Error(`No handler loaded for concern ${concern.name}`);
        return {
          route,
          key: routeKey(route),
          pattern: new RegExp(`^${source}$`),
          names,
          handler,
          concern: concern.name,
          ...(route.throttle ? { bucket: new TokenBucket(route.throttle) } : {}),
        };
      }),
    )
    .sort((a, b) => a.names.length - b.names.length); // static segments win over parameters, as in API Gateway
}

/** Headers on every answer the gateway gives itself (the Lambdas set their own the same way). */
const OWN_HEADERS = { 'x-content-type-options': 'nosniff' } as const;

function problem(res: ServerResponse, status: number, title: string, detail: string, headers: Record<string, string> = {}) {
  res.writeHead(status, { 'content-type': 'application/problem+json', ...OWN_HEADERS, ...headers });
  res.end(JSON.stringify({ type: `urn:soft-env:problem:${title.toLowerCase().replace(/\W+/g, '-')}`, title, status, detail }));
}

async function readBody(req: IncomingMessage): Promise<Buffer | 'too-large'> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > GATEWAY_MAX_BODY) return 'too-large';
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

export interface EventInput {
  routeKey: string;
  method: string;
  path: string;
  rawQueryString?: string;
  headers?: Record<string, string>;
  query?: Record<string, string>;
  params?: Record<string, string>;
  body?: string;
  /** Verified claims, as the JWT authorizer passes them; none for a public route. */
  claims?: Record<string, string | number | boolean>;
  requestId?: string;
  sourceIp?: string;
  protocol?: string;
}

/** The API Gateway (HTTP API, payload 2.0) event a Lambda receives for a request. */
export function toLambdaEvent(input: EventInput): HttpEvent {
  const now = new Date();
  const headers = input.headers ?? {};
  const event: HttpEvent = {
    version: '2.0',
    routeKey: input.routeKey,
    rawPath: input.path,
    rawQueryString: input.rawQueryString ?? new URLSearchParams(input.query ?? {}).toString(),
    headers,
    ...(input.query && Object.keys(input.query).length ? { queryStringParameters: input.query } : {}),
    ...(input.params ? { pathParameters: input.params } : {}),
    ...(input.body !== undefined ? { body: input.body } : {}),
    isBase64Encoded: false,
    requestContext: {
      accountId: '000000000000',
      apiId: 'local',
      domainName: headers.host ?? 'localhost',
      domainPrefix: 'local',
      http: {
        method: input.method,
        path: input.path,
        protocol: input.protocol ?? 'HTTP/1.1',
        sourceIp: input.sourceIp ?? '127.0.0.1',
        userAgent: headers['user-agent'] ?? '',
      },
      requestId: input.requestId ?? randomUUID(),
      routeKey: input.routeKey,
      stage: '$default',
      time: now.toISOString(),
      timeEpoch: now.getTime(),
      ...(input.claims ? { authorizer: { principalId: '', integrationLatency: 0, jwt: { claims: input.claims, scopes: [] } } } : {}),
    },
  };
  return event;
}

/** A Lambda context for a local invocation with the given time limit. */
export function lambdaContext(concern: string, requestId: string, timeoutMs = 10_000): Context {
  const deadline = Date.now() + timeoutMs;
  return {
    callbackWaitsForEmptyEventLoop: false,
    functionName: `soft-env-${concern}`,
    functionVersion: '$LATEST',
    invokedFunctionArn: `arn:aws:lambda:local:000000000000:function:soft-env-${concern}`,
    memoryLimitInMB: '512',
    awsRequestId: requestId,
    logGroupName: `/aws/lambda/soft-env-${concern}`,
    logStreamName: 'local',
    getRemainingTimeInMillis: () => Math.max(0, deadline - Date.now()),
    /* eslint-disable @typescript-eslint/no-deprecated -- the Context type still lists the legacy callbacks */
    done: () => undefined,
    fail: () => undefined,
    succeed: () => undefined,
    /* eslint-enable @typescript-eslint/no-deprecated */
  };
}

export interface GatewayOptions {
  routes: CompiledRoute[];
  keys: LocalKeys;
  /** The web console's build (web/dist), served at the paths no API route has. */
  consoleDist?: string;
}

/** The client's address as API Gateway reports it: an IPv4 address without its IPv6-mapped prefix. */
export function sourceIpOf(req: IncomingMessage): string {
  return (req.socket.remoteAddress ?? '127.0.0.1').replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/i, '');
}

export function createGateway({ routes, keys, consoleDist }: GatewayOptions): Server {
  const throttled = (res: ServerResponse, bucket: TokenBucket) =>
    problem(res, 429, 'Too many requests', 'Too many requests; wait a moment and try again.', {
      'retry-after': String(bucket.secondsToNext()),
    });

  const answer = async (req: IncomingMessage, res: ServerResponse) => {
    try {
      const url = new URL(req.url ?? '/', 'http://localhost');
      const method = (req.method ?? 'GET').toUpperCase();
      // /docs: the API's reference (in AWS the console's site serves the same files).
      const docs = method === 'GET' ? docsFileFor(url.pathname) : undefined;
      if (docs) {
        res.writeHead(200, { 'content-type': docs.contentType, ...OWN_HEADERS });
        return res.end(docs.body());
      }
      if (method === 'GET' && url.pathname === JWKS_PATH) {
        res.writeHead(200, { 'content-type': 'application/json', ...OWN_HEADERS });
        return res.end(JSON.stringify({ keys: [keys.publicJwk] }));
      }
      let matched: { compiled: CompiledRoute; params: Record<string, string> } | undefined;
      for (const compiled of routes) {
        if (compiled.route.method !== method) continue;
        const match = compiled.pattern.exec(url.pathname);
        if (!match) continue;
        const params: Record<string, string> = {};
        try {
          compiled.names.forEach((name, index) => {
            params[name] = decodeURIComponent(match[index + 1] as string);
          });
        } catch {
          return problem(res, 400, 'Bad request', 'The path is not validly encoded.');
        }
        matched = { compiled, params };
        break;
      }
      if (!matched && consoleDist && (await serveConsole(req, res, url, { dist: consoleDist, keys }))) return;
      if (!matched) return problem(res, 404, 'Not found', `There is no route ${method} ${url.pathname}.`);
      const { compiled, params } = matched;
      if (compiled.bucket && !compiled.bucket.take()) return throttled(res, compiled.bucket);

      // The JWT authorizer: a protected route needs a valid token; a public one ignores it.
      let claims: Record<string, string | number | boolean> | undefined;
      const authorization = req.headers.authorization;
      if (!isPublic(compiled.route)) {
        const token = /^Bearer\s+(\S+)$/i.exec(authorization ?? '')?.[1];
        const payload = token ? await verifyToken(keys, token) : undefined;
        if (!payload) return problem(res, 401, 'Unauthorized', 'A valid bearer token is required.', { 'cache-control': 'no-store' });
        claims = claimsForEvent(payload);
      }

      const body = await readBody(req);
      if (body === 'too-large') return problem(res, 413, 'Payload too large', 'The request body is too large.');
      const headers: Record<string, string> = {};
      for (const [name, value] of Object.entries(req.headers)) {
        if (value !== undefined) headers[name.toLowerCase()] = Array.isArray(value) ? value.join(',') : value;
      }
      const query: Record<string, string> = {};
      for (const [name, value] of url.searchParams) query[name] = query[name] === undefined ? value : `${query[name]},${value}`;
      const requestId = randomUUID();
      const event = toLambdaEvent({
        routeKey: compiled.key,
        method,
        path: url.pathname,
        rawQueryString: url.search.slice(1),
        headers,
        query,
        params: compiled.names.length ? params : undefined,
        body: body.length ? body.toString('utf8') : undefined,
        claims,
        requestId,
        sourceIp: sourceIpOf(req),
        protocol: `HTTP/${req.httpVersion}`,
      });
      const context = lambdaContext(compiled.concern, requestId);
      const result = await compiled.handler(event, context);
      const responseHeaders: Record<string, string> = {};
      for (const [name, value] of Object.entries(result.headers ?? {})) responseHeaders[name] = String(value);
      responseHeaders['x-request-id'] = requestId;
      res.writeHead(result.statusCode ?? 200, responseHeaders);
      res.end(result.body === undefined ? undefined : result.isBase64Encoded ? Buffer.from(result.body, 'base64') : result.body);
    } catch (error) {
      console.error('local gateway error', error);
      if (!res.headersSent) problem(res, 500, 'Internal error', 'The local gateway failed; see its log.');
      else res.end();
    }
  };
  // A request that fails after its answer began (a broken socket) is closed, never left floating.
  return createServer((req, res) => {
    answer(req, res).catch(() => res.destroy());
  });
}
