/**
 * Route declarations: each concern declares its routes once (method, path, roles, schemas).
 * The CDK HTTP API, the local gateway and the OpenAPI document are all generated from them.
 */
import type * as z from 'zod/mini';
import type { Caller, DepartmentCaller, EnterpriseCaller, Role } from './auth.ts';

export type Method = 'GET' | 'PUT' | 'POST' | 'DELETE';

export interface RouteSpec {
  method: Method;
  path: string;
  /** Roles allowed, or 'public' (no token needed). */
  roles: readonly Role[] | 'public';
  summary: string;
  params?: z.ZodMiniType;
  query?: z.ZodMiniType;
  body?: z.ZodMiniType;
  /** What a success answers (JSON): documented in the OpenAPI document, checked against real answers by the tests. */
  response?: z.ZodMiniType;
  /** Also answers text/csv when the request sends Accept: text/csv. */
  csv?: boolean;
  /** A POST that creates something: an Idempotency-Key header makes retries safe. */
  creates?: boolean;
  /** The body may be left out (then it is validated as {}). */
  bodyOptional?: boolean;
  /** A public route that verifies and records a bearer token when one is given. */
  optionalAuth?: boolean;
  /** Requests per second and burst for this route, tighter than the API's: one bucket shared by all callers. */
  throttle?: { rateLimit: number; burstLimit: number };
  /** At most this many requests from one client address per window (answered 429 with Retry-After). */
  perClient?: { requests: number; windowSeconds: number };
}

export type RouteSet = Record<string, RouteSpec>;

/** A concern's route declarations, with the Lambda (concern) that serves them. */
export interface ConcernRoutes<R extends RouteSet = RouteSet> {
  concern: string;
  routes: R;
}

export const defineRoutes = <const R extends RouteSet>(concern: string, routes: R): ConcernRoutes<R> => ({ concern, routes });

export const routeKey = (route: Pick<RouteSpec, 'method' | 'path'>): string => `${route.method} ${route.path}`;

export const isPublic = (route: RouteSpec): boolean => route.roles === 'public';

type Infer<S> = S extends z.ZodMiniType ? z.infer<S> : undefined;
export type ParamsOf<R extends RouteSpec> = Infer<R['params']>;
export type QueryOf<R extends RouteSpec> = Infer<R['query']>;
export type BodyOf<R extends RouteSpec> = Infer<R['body']>;

/**
 * Who calls a route, from its declared roles (the middleware checks them before the handler
 * runs): anyone on a public route, a verified caller on the others, a caller with its
 * department on a route only departments may call, with its enterprise on one only enterprises may.
 */
export type CallerOf<R extends RouteSpec> = R['roles'] extends 'public'
  ? Caller | undefined
  : R['roles'] extends readonly 'department'[]
    ? DepartmentCaller
    : R['roles'] extends readonly 'enterprise'[]
      ? EnterpriseCaller
      : Caller;
