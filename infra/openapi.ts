/**
 * The OpenAPI document, generated from the same route declarations as the CDK API and the local
 * gateway: each route's parameters, body and success response (its zod schemas), and the problem
 * types it can answer with. Served as a static file at /openapi.json and browsable at /docs
 * (infra/docs.ts: the local gateway, and in AWS the console's site, deployed at synth time);
 * `npm run openapi` prints it. It is not an API route: no Lambda imports this module.
 */
import * as z from 'zod/mini';
import { isPublic, type RouteSpec } from '#shared/http/routes';
import { ROLES } from '#shared/http/auth';
import { PROBLEM_TYPE_PREFIX, PROBLEM_TYPES } from '#shared/http/problem-types';
import { concerns } from './concerns.ts';

interface JsonSchema {
  properties?: Record<string, unknown>;
  required?: string[];
  $schema?: string;
}
const schemaOf = (schema: z.ZodMiniType, io: 'input' | 'output' = 'input') => {
  const { $schema: _dialect, ...rest } = z.toJSONSchema(schema, { io, unrepresentable: 'any' }) as JsonSchema;
  return rest as JsonSchema;
};

const STATUS_TITLES: Record<number, string> = {
  400: 'Invalid request',
  401: 'Not signed in',
  403: 'Not allowed for your role',
  404: 'Not found',
  409: 'Conflict with the current state',
  413: 'Request body too large',
  415: 'Unsupported media type',
  422: 'A rule of the work plan forbids it',
  429: 'Too many requests',
};

/** A problem response for one status: the problem types it may carry, each with an example. */
function problemResponse(status: number) {
  const types = Object.entries(PROBLEM_TYPES).filter(([, problem]) => problem.status === status);
  const examples = Object.fromEntries(
    types.map(([slug, problem]) => [
      slug,
      {
        summary: problem.meaning,
        value: {
          type: PROBLEM_TYPE_PREFIX + slug,
          title: STATUS_TITLES[status],
          status,
          detail: problem.meaning,
          ...(status === 400 ? { errors: [{ path: 'body.amount', message: 'Invalid input: expected int, received string' }] } : {}),
        },
      },
    ]),
  );
  return {
    description: `${STATUS_TITLES[status]}. Problem types: ${types.map(([slug]) => `\`${slug}\``).join(', ')}.`,
    content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' }, examples } },
  };
}

/** The statuses a route can answer with besides its success. */
function problemStatuses(route: RouteSpec): number[] {
  const writes = route.method !== 'GET';
  return [
    ...(route.params || route.query || route.body ? [400] : []),
    ...(isPublic(route) ? [] : [401, 403]),
    ...(route.params ? [404] : []),
    ...(writes ? [409] : []),
    ...(route.body ? [413, 415] : []),
    ...(writes ? [422] : []),
    429,
  ];
}

function successResponse(route: RouteSpec) {
  const schema = route.response ? schemaOf(route.response, 'output') : {};
  const content = {
    'application/json': { schema },
    ...(route.csv
      ? {
          'text/csv': {
            schema: {
              type: 'string',
              description:
                'Sent with Accept: text/csv: UTF-8 with a byte order mark (Excel opens the Chinese correctly), a header row in Chinese and English.',
            },
          },
        }
      : {}),
  };
  if (route.method === 'PUT') return { 200: { description: 'Stored', content }, 201: { description: 'Created (a new record)', content } };
  if (route.method === 'POST' && route.creates) return { 201: { description: 'Created', content } };
  return { 200: { description: 'OK', content } };
}

function operation(name: string, route: RouteSpec, concern: string) {
  const params = route.params ? schemaOf(route.params) : undefined;
  const query = route.query ? schemaOf(route.query) : undefined;
  const parameters = [
    ...Object.entries(params?.properties ?? {}).map(([param, schema]) => ({ name: param, in: 'path', required: true, schema })),
    ...Object.entries(query?.properties ?? {}).map(([param, schema]) => ({
      name: param,
      in: 'query',
      required: (query?.required ?? []).includes(param),
      schema,
    })),
    ...(route.creates
      ? [
          {
            name: 'Idempotency-Key',
            in: 'header',
            required: false,
            description: 'Makes a retry safe: the same key and body get the first answer.',
            schema: { type: 'string', maxLength: 255 },
          },
        ]
      : []),
  ];
  const roles = isPublic(route) ? 'public' : (route.roles as readonly string[]).join(', ');
  return {
    operationId: name,
    summary: route.summary,
    description: `Who: ${roles}.${route.optionalAuth ? ' A bearer token, if sent, is verified and recorded.' : ''}${route.throttle ? ` Throttled at ${route.throttle.rateLimit} requests a second (burst ${route.throttle.burstLimit}).` : ''}${route.perClient ? ` At most ${route.perClient.requests} requests per ${route.perClient.windowSeconds} s from one client address (429 with Retry-After).` : ''}`,
    tags: [concern],
    ...(isPublic(route) ? { security: [] } : {}),
    ...(parameters.length ? { parameters } : {}),
    ...(route.body
      ? { requestBody: { required: !route.bodyOptional, content: { 'application/json': { schema: schemaOf(route.body) } } } }
      : {}),
    responses: {
      ...successResponse(route),
      ...Object.fromEntries(problemStatuses(route).map((status) => [String(status), problemResponse(status)])),
    },
  };
}

const TAG_DESCRIPTIONS: Record<string, string> = {
  registry: 'Departments, the county calendar of working days, alerts and the health check.',
  'fee-cards': "The published fee list, enterprises' fee registration cards (企业付费登记卡) and the audit.",
  inspections: 'Inspections and the quiet production days (企业宁静生产日): filing, approval, the visit at the door, findings.',
  complaints: 'Complaints (责任追究): intake, tracking, A/B/C posts, delay notices, answers and verdicts.',
  pledges: 'Public pledges (公开承诺) and looking back (回头看).',
  evaluations: 'The quarterly evaluation of the departments (督查评议).',
  approvals: "The investment service centre's catalogue of approval items (审批事项), each with its real record.",
  applications:
    'Applications (办件) under the approval items: acceptance (受理) or the one-time notice (一次性告知), time limits, delay notices, decisions, ratings (好差评).',
  accountability:
    'Accountability (责任追究): supervision findings (明查暗访), cases, sanctions, appeals, public notices (通报) and the retaliation watch (打击报复).',
};

let built: ReturnType<typeof build> | undefined;
/** The document (built once per process). */
export const openApiDocument = () => (built ??= build());

function build() {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const concern of concerns) {
    for (const [name, route] of Object.entries(concern.api.routes)) {
      const pathItem = (paths[route.path] ??= {});
      pathItem[route.method.toLowerCase()] = operation(name, route, concern.name);
    }
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'soft-env',
      version: '1.0.0',
      description:
        "A county's business-environment rules: fee cards, inspections, complaints, pledges, evaluations. " +
        'Errors are RFC 9457 problem details; `type` is `urn:soft-env:problem:` followed by the rule or condition, listed under each status. ' +
        'This document is a static file at `/openapi.json` (browsable at `/docs`), built from the same route declarations as the API.',
      license: { name: "Proprietary: the county's own", identifier: 'LicenseRef-county' },
    },
    servers: [{ url: '/', description: "The API's own origin" }],
    tags: concerns.map((concern) => ({ name: concern.name, description: TAG_DESCRIPTIONS[concern.name] ?? concern.name })),
    security: [{ bearer: [] }],
    paths,
    components: {
      securitySchemes: {
        bearer: {
          type: 'http',
          scheme: 'bearer',
          bearerFormat: 'JWT',
          description: `The ID token (Cognito in AWS; \`npm run token\` locally). Its \`roles\` claim holds any of: ${ROLES.join(', ')}; \`dept\` names the department (role department), \`ent\` the enterprise (role enterprise).`,
        },
      },
      schemas: {
        Problem: {
          type: 'object',
          required: ['type', 'title', 'status', 'detail'],
          properties: {
            type: {
              type: 'string',
              description: 'The rule or condition',
              examples: Object.keys(PROBLEM_TYPES).map((slug) => PROBLEM_TYPE_PREFIX + slug),
            },
            title: { type: 'string' },
            status: { type: 'integer' },
            detail: { type: 'string' },
            errors: { type: 'array', items: { type: 'object', properties: { path: { type: 'string' }, message: { type: 'string' } } } },
            correlationId: { type: 'string', description: 'On a 500: quote it when reporting' },
          },
        },
      },
    },
  };
}

if (process.argv[1] && import.meta.url === new URL(`file://${process.argv[1]}`).href)
  console.log(JSON.stringify(openApiDocument(), null, 2));
