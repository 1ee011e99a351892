/** Invoking a handler directly with the API Gateway event the gateway would build. */
import { randomInt } from 'node:crypto';
import type { RouteSpec } from '#shared/http/routes';
import { routeKey } from '#shared/http/routes';
import { lambdaContext, toLambdaEvent, type LambdaHandler } from '../../infra/local/gateway.ts';

export interface InvokeInput {
  params?: Record<string, string>;
  query?: Record<string, string>;
  json?: unknown;
  body?: string;
  headers?: Record<string, string>;
  /**
   * The client's address; by default a fresh one per call from the benchmarking range, so tests
   * of rules do not share a per-client limit (test/reliability tests the limit itself).
   */
  sourceIp?: string;
  /** Verified claims; roles as API Gateway passes them. */
  caller?: { sub?: string; roles: string[]; dept?: string; ent?: string };
}

export async function invoke(handler: LambdaHandler, route: RouteSpec, input: InvokeInput = {}) {
  let path = route.path;
  for (const [name, value] of Object.entries(input.params ?? {})) path = path.replace(`{${name}}`, encodeURIComponent(value));
  const headers: Record<string, string> = { ...input.headers };
  let body = input.body;
  if (input.json !== undefined) {
    body = JSON.stringify(input.json);
    headers['content-type'] ??= 'application/json';
  }
  const claims = input.caller
    ? {
        sub: input.caller.sub ?? 'tester',
        roles: `[${input.caller.roles.join(' ')}]`,
        ...(input.caller.dept ? { dept: input.caller.dept } : {}),
        ...(input.caller.ent ? { ent: input.caller.ent } : {}),
      }
    : undefined;
  const event = toLambdaEvent({
    routeKey: routeKey(route),
    method: route.method,
    path,
    headers,
    query: input.query,
    params: input.params,
    body,
    claims,
    sourceIp: input.sourceIp ?? `198.18.${randomInt(256)}.${randomInt(1, 255)}`,
  });
  const result = await handler(event, lambdaContext('test', event.requestContext.requestId));
  const contentType = String(result.headers?.['content-type'] ?? '');
  return { status: result.statusCode, contentType, headers: result.headers ?? {}, body: result.body ? JSON.parse(result.body) : undefined };
}
