/**
 * The one middleware stack every HTTP Lambda uses: structured logs with a correlation id,
 * problem+json errors, route lookup, role checks from verified token claims, JSON content
 * type and body size limits, zod validation at the edge and Idempotency-Key handling.
 * A handler only wires its concern's routes to its operations.
 */
import middy from '@middy/core';
import { Logger } from '@aws-lambda-powertools/logger';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import type { APIGatewayProxyEventV2WithJWTAuthorizer, APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import { callerFromClaims, type Caller, type Role } from './auth.ts';
import {
  BadRequestError,
  ForbiddenError,
  HttpProblem,
  type FieldError,
  NotFoundError,
  PayloadTooLargeError,
  problemOf,
  TooManyRequestsError,
  UnauthorizedError,
  UnsupportedMediaTypeError,
} from './errors.ts';
import { DomainError } from '../domain/errors.ts';
import { takeClientQuota } from './client-limit.ts';
import { clientAddress } from './client-address.ts';
import {
  routeKey,
  type BodyOf,
  type CallerOf,
  type ConcernRoutes,
  type ParamsOf,
  type QueryOf,
  type RouteSet,
  type RouteSpec,
} from './routes.ts';
import { toFieldErrors } from './validation.ts';
import type { IdempotentRunner } from './idempotency.ts';
import { systemClock, type Clock } from '../time/clock.ts';
import { config } from '../config.ts';
import { Reply, type Answer } from './reply.ts';
import { newId } from '../data/ids.ts';
import type { Deps } from '../domain/deps.ts';

type JwtContext = APIGatewayProxyEventV2WithJWTAuthorizer['requestContext'];
/** An HTTP API event (payload 2.0): the JWT authorizer's context is there only on a route that has one. */
export type HttpEvent = Omit<APIGatewayProxyEventV2WithJWTAuthorizer, 'requestContext'> & {
  requestContext: Omit<JwtContext, 'authorizer'> & Partial<Pick<JwtContext, 'authorizer'>>;
};
export type HttpResult = APIGatewayProxyStructuredResultV2;

/**
 * An event as it may arrive: API Gateway always sends headers, a request context and, on a route
 * with an authorizer, its JWT, but events from the local gateway, the tests and the fuzz may lack
 * them, and the checks that read them keep such an event a 4xx.
 */
interface ArrivingEvent {
  headers?: Record<string, string | undefined>;
  requestContext?: ArrivingContext;
}
interface ArrivingContext {
  requestId?: string;
  authorizer?: { jwt?: { claims?: Record<string, unknown> } };
}

export const MAX_BODY_BYTES = 64 * 1024;

export interface Request<R extends RouteSpec> {
  caller: CallerOf<R>;
  params: ParamsOf<R>;
  query: QueryOf<R>;
  body: BodyOf<R>;
  now: Date;
  /** The instant and the id source a service operation is given (shared/domain/deps.ts). */
  deps: Deps;
  requestId: string;
  /** The Accept header ('' when absent): routes that also answer text/csv read it. */
  accept: string;
}

/**
 * An operation returns its body, sent as JSON with the route's status (201 on a route that
 * `creates`, 200 on the others), or a `Reply`.
 */
export type Operations<R extends RouteSet> = { [K in keyof R]: (request: Request<R[K]>) => Promise<unknown> };

export function problemResult(problem: HttpProblem, extra: Record<string, unknown> = {}): HttpResult {
  return {
    statusCode: problem.status,
    headers: {
      'content-type': 'application/problem+json',
      ...(problem instanceof TooManyRequestsError ? { 'retry-after': String(problem.retryAfterSeconds) } : {}),
    },
    body: JSON.stringify({
      type: problem.type,
      title: problem.title,
      status: problem.status,
      detail: problem.detail,
      ...(problem.errors ? { errors: problem.errors } : {}),
      ...extra,
    }),
  };
}

function answerResult(reply: Answer): HttpResult {
  if (reply.text !== undefined) return { statusCode: reply.status, headers: { ...reply.headers }, body: reply.text };
  return {
    statusCode: reply.status,
    headers: { ...(reply.body === undefined ? {} : { 'content-type': 'application/json' }), ...reply.headers },
    ...(reply.body === undefined ? {} : { body: JSON.stringify(reply.body) }),
  };
}

function header(event: ArrivingEvent, name: string): string | undefined {
  return event.headers?.[name] ?? Object.entries(event.headers ?? {}).find(([key]) => key.toLowerCase() === name)?.[1];
}

/**
 * Every answer says its content type is to be believed (nosniff); an answer to a request that
 * carried a token, or to a protected route, is not to be kept by any cache (no-store).
 */
function withSecurityHeaders(request: { event: HttpEvent; response: HttpResult | null | undefined }): void {
  if (!request.response) return;
  const arriving: ArrivingEvent = request.event;
  const protectedRoute = !!arriving.requestContext?.authorizer?.jwt;
  const authenticated = protectedRoute || header(request.event, 'authorization') !== undefined;
  request.response.headers = {
    ...request.response.headers,
    'x-content-type-options': 'nosniff',
    ...(authenticated ? { 'cache-control': 'no-store' } : {}),
  };
}

/** Verifies a bearer token in the handler (public routes that record a token when given). */
export type TokenVerifier = (authorization: string) => Promise<Record<string, unknown>>;

/** Who may call: 401 without verified claims, 403 without an allowed role (and its scope claim). */
export async function authorize(route: RouteSpec, event: HttpEvent, verifyToken?: TokenVerifier): Promise<Caller | undefined> {
  if (route.roles === 'public') {
    const authorization = header(event, 'authorization');
    if (!route.optionalAuth || !authorization || !verifyToken) return undefined;
    return callerFromClaims(await verifyToken(authorization), config.ROLES_CLAIM);
  }
  const context: ArrivingContext = event.requestContext;
  const caller = callerFromClaims(context.authorizer?.jwt?.claims, config.ROLES_CLAIM);
  if (!caller) throw new UnauthorizedError();
  const allowed = route.roles.filter((role) => caller.roles.includes(role));
  if (allowed.length === 0) throw new ForbiddenError(`This needs one of the roles: ${route.roles.join(', ')}.`);
  const scoped = (role: Role) => (role === 'department' ? !!caller.dept : role === 'enterprise' ? !!caller.ent : true);
  if (!allowed.some(scoped)) throw new ForbiddenError('Your token names no department or enterprise for your role.');
  return caller;
}

function parseBody(route: RouteSpec, event: HttpEvent): unknown {
  if (!route.body) return undefined;
  if (route.bodyOptional && (event.body === undefined || event.body === '')) return {};
  const contentType = header(event, 'content-type') ?? '';
  if (!/^application\/(?:[\w.+-]+\+)?json\s*(?:;|$)/i.test(contentType)) throw new UnsupportedMediaTypeError();
  const raw = event.body === undefined ? '' : event.isBase64Encoded ? Buffer.from(event.body, 'base64').toString('utf8') : event.body;
  if (Buffer.byteLength(raw, 'utf8') > MAX_BODY_BYTES) throw new PayloadTooLargeError(MAX_BODY_BYTES);
  if (raw.trim() === '') throw new BadRequestError('The request needs a JSON body.');
  try {
    return JSON.parse(raw);
  } catch {
    throw new BadRequestError('The body is not valid JSON.');
  }
}

function decodeParams(params: Record<string, string | undefined> | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(params ?? {})) if (value !== undefined) out[key] = value;
  return out;
}

export interface HttpHandlerOptions<R extends RouteSet> {
  concern: ConcernRoutes<R>;
  operations: Operations<R>;
  clock?: Clock;
  /** Needed by concerns with optionalAuth routes (kept out of the others' bundles). */
  verifyToken?: TokenVerifier;
  /** Needed by concerns with routes that create (`idempotency` of ./idempotency.ts; kept out of the others' bundles). */
  idempotency?: (concern: string) => IdempotentRunner;
}

export function createHttpHandler<R extends RouteSet>({
  concern,
  operations,
  clock = systemClock,
  verifyToken,
  idempotency,
}: HttpHandlerOptions<R>) {
  const needsVerifier = Object.values(concern.routes).some((route) => route.optionalAuth);
  if (needsVerifier && !verifyToken) throw new Error(`${concern.concern} has routes with optional tokens but no token verifier`);
  const creates = Object.values(concern.routes).some((route) => route.creates);
  if (creates && !idempotency) throw new Error(`${concern.concern} has routes that create but no idempotency`);
  const idempotent = creates ? idempotency?.(concern.concern) : undefined;
  const logger = new Logger({ serviceName: concern.concern });
  const byKey = new Map<string, [string, RouteSpec]>(
    Object.entries(concern.routes).map(([name, route]) => [routeKey(route), [name, route]]),
  );

  async function dispatch(event: HttpEvent, context: Context): Promise<HttpResult> {
    const found = byKey.get(event.routeKey);
    if (!found) throw new NotFoundError('There is no such route.');
    const [name, route] = found;
    if (route.perClient) {
      const retryAfter = await takeClientQuota(
        `${concern.concern}.${name}`,
        clientAddress(event.headers, event.requestContext.http.sourceIp),
        route.perClient,
      );
      if (retryAfter !== undefined) throw new TooManyRequestsError(retryAfter);
    }
    const caller = await authorize(route, event, verifyToken);
    const rawBody = parseBody(route, event);
    const errors: FieldError[] = [];
    const check = (schema: RouteSpec['params'], value: unknown, part: string): unknown => {
      if (!schema) return undefined;
      const result = schema.safeParse(value);
      if (result.success) return result.data;
      errors.push(...toFieldErrors(result.error, part));
      return undefined;
    };
    const now = clock();
    const request = {
      caller,
      params: check(route.params, decodeParams(event.pathParameters), 'path'),
      query: check(route.query, decodeParams(event.queryStringParameters), 'query'),
      body: check(route.body, rawBody, 'body'),
      now,
      deps: { now, newId },
      requestId: event.requestContext.requestId,
      accept: header(event, 'accept') ?? '',
    };
    if (errors.length) throw new BadRequestError('The request has invalid fields; see errors.', errors);
    const operation = operations[name] as (request: unknown) => Promise<unknown>;
    const run = async (): Promise<HttpResult> => {
      try {
        const result = await operation(request);
        return answerResult(result instanceof Reply ? result.answer : { status: route.creates ? 201 : 200, body: result });
      } catch (error) {
        const problem = error instanceof DomainError ? problemOf(error, request) : error;
        if (problem instanceof HttpProblem && problem.status < 500) return problemResult(problem);
        throw error;
      }
    };
    const key = header(event, 'idempotency-key');
    if (!route.creates || !idempotent || key === undefined) return run();
    if (key.length < 1 || key.length > 255)
      throw new BadRequestError('Idempotency-Key must be 1 to 255 characters.', [{ path: 'Idempotency-Key', message: 'Invalid length' }]);
    return idempotent(
      { routeKey: event.routeKey, sub: caller?.sub ?? 'anonymous', key, payload: { params: request.params, body: request.body }, run },
      context,
    );
  }

  return (
    middy<HttpEvent, HttpResult>()
      // First in, so its after/onError run last, on whatever response the others made.
      .use({ after: withSecurityHeaders, onError: withSecurityHeaders })
      .use(injectLambdaContext(logger, { resetKeys: true }))
      .use({
        before: (request) => {
          const event = request.event as HttpEvent;
          const arriving: ArrivingEvent = event;
          logger.appendKeys({ correlationId: arriving.requestContext?.requestId, route: event.routeKey });
        },
        onError: (request) => {
          const error: unknown = request.error;
          const correlationId = (request.event as ArrivingEvent).requestContext?.requestId;
          if (error instanceof HttpProblem && error.status < 500) {
            logger.info('request refused', { status: error.status, type: error.type });
            request.response = problemResult(error);
            return;
          }
          logger.error('unhandled error', error as Error);
          request.response = problemResult(
            new HttpProblem(
              500,
              'internal',
              'Internal error',
              `Something went wrong on our side. Quote correlation id ${correlationId} when you report it.`,
            ),
            { correlationId },
          );
        },
      })
      .handler(dispatch)
  );
}
