/** The OpenAPI document comes from the same declarations as the API: every route, its roles, its schemas. */
import { describe, expect, it } from 'vitest';
import { openApiDocument } from '../../infra/openapi.ts';
import { concerns } from '../../infra/concerns.ts';
import { isPublic } from '#shared/http/routes';
import { call } from '../support/http.ts';

describe('the OpenAPI document', () => {
  const document = openApiDocument() as any;

  it('describes every declared route, public ones without security, and the bodies\' required fields', () => {
    const routes = concerns.flatMap((concern) => Object.values(concern.api.routes));
    const documented = Object.entries(document.paths).flatMap(([path, methods]) => Object.keys(methods as object).map((method) => `${method.toUpperCase()} ${path}`));
    expect(documented.sort()).toEqual(routes.map((route) => `${route.method} ${route.path}`).sort());
    for (const route of routes) {
      const operation = document.paths[route.path][route.method.toLowerCase()];
      if (isPublic(route)) expect(operation.security).toEqual([]);
      else expect(operation.security).toBeUndefined();
    }
    const entry = document.paths['/fee-cards/{enterpriseId}/entries'].post;
    expect(entry.requestBody.content['application/json'].schema.required).toEqual(['feeItemCode', 'amount', 'collector', 'collectedAt', 'receiptNo']);
    expect(entry.parameters).toContainEqual(expect.objectContaining({ name: 'Idempotency-Key', in: 'header' }));
    expect(entry.parameters).toContainEqual(expect.objectContaining({ name: 'enterpriseId', in: 'path', required: true }));
  });

  it('is served by the local runtime', async () => {
    const served = await call('GET', '/openapi.json');
    expect(served.status).toBe(200);
    expect(Object.keys(served.body.paths)).toEqual(Object.keys(document.paths));
  });
});
