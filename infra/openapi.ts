/**
 * The OpenAPI document, generated from the same route declarations as the CDK API and the local
 * gateway (served locally at GET /openapi.json; `npm run openapi` prints it).
 */
import * as z from 'zod/mini';
import { isPublic, type RouteSpec } from '#shared/http/routes';
import { concerns } from './concerns.ts';

interface JsonSchema { properties?: Record<string, unknown>; required?: string[] }
const schemaOf = (schema: z.ZodMiniType) => z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as JsonSchema;

const problem = { description: 'A problem (RFC 9457)', content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } } };

function operation(route: RouteSpec, concern: string) {
  const params = route.params ? schemaOf(route.params) : undefined;
  const query = route.query ? schemaOf(route.query) : undefined;
  const parameters = [
    ...Object.entries(params?.properties ?? {}).map(([name, schema]) => ({ name, in: 'path', required: true, schema })),
    ...Object.entries(query?.properties ?? {}).map(([name, schema]) => ({ name, in: 'query', required: (query?.required ?? []).includes(name), schema })),
    ...(route.creates ? [{ name: 'Idempotency-Key', in: 'header', required: false, schema: { type: 'string', maxLength: 255 } }] : []),
  ];
  const roles = isPublic(route) ? 'public' : (route.roles as readonly string[]).join(', ');
  return {
    summary: route.summary,
    description: `Who: ${roles}.${route.optionalAuth ? ' A bearer token, if sent, is verified and recorded.' : ''}${route.throttle ? ` Throttled at ${route.throttle.rateLimit} requests a second (burst ${route.throttle.burstLimit}).` : ''}${route.perClient ? ` At most ${route.perClient.requests} requests per ${route.perClient.windowSeconds} s from one client address (429 with Retry-After).` : ''}`,
    tags: [concern],
    ...(isPublic(route) ? { security: [] } : {}),
    ...(parameters.length ? { parameters } : {}),
    ...(route.body ? { requestBody: { required: !route.bodyOptional, content: { 'application/json': { schema: schemaOf(route.body) } } } } : {}),
    responses: {
      [route.method === 'POST' && route.creates ? '201' : '200']: { description: 'Done', content: { 'application/json': { schema: {} } } },
      400: problem, 401: problem, 403: problem, 404: problem, 409: problem, 413: problem, 415: problem, 422: problem, 429: problem,
    },
  };
}

export function openApiDocument() {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const concern of concerns) {
    for (const route of Object.values(concern.api.routes)) {
      paths[route.path] ??= {};
      paths[route.path]![route.method.toLowerCase()] = operation(route, concern.name);
    }
  }
  return {
    openapi: '3.1.0',
    info: { title: 'soft-env', version: '1.0.0', description: 'A county\'s business-environment rules: fee cards, inspections, complaints, pledges, evaluations.' },
    security: [{ bearer: [] }],
    paths,
    components: {
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } },
      schemas: {
        Problem: {
          type: 'object', required: ['type', 'title', 'status', 'detail'],
          properties: {
            type: { type: 'string' }, title: { type: 'string' }, status: { type: 'integer' }, detail: { type: 'string' },
            errors: { type: 'array', items: { type: 'object', properties: { path: { type: 'string' }, message: { type: 'string' } } } },
          },
        },
      },
    },
  };
}

if (process.argv[1] && import.meta.url === new URL(`file://${process.argv[1]}`).href) console.log(JSON.stringify(openApiDocument(), null, 2));
