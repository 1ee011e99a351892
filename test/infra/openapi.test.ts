/**
 * The OpenAPI document comes from the same declarations as the API: every route, its roles, its
 * schemas, its success response and its problem types. Redocly lints it; real answers validate
 * against it; /docs shows it.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { openApiDocument } from '../../infra/openapi.ts';
import { concerns } from '../../infra/concerns.ts';
import { isPublic } from '#shared/http/routes';
import { PROBLEM_TYPES } from '#shared/http/problem-types';
import { call, tokenFor } from '../support/http.ts';
import { newCode, newCreditCode, newDeptId } from '../support/data.ts';

const root = path.resolve(import.meta.dirname, '../..');
const document = openApiDocument() as any;

/** Validates a real answer against the document's schema for that operation and status. */
const ajv = new Ajv2020({ strict: false, allErrors: true });
function expectDocumented(method: string, pathTemplate: string, response: { status: number; body: unknown }) {
  const operation = document.paths[pathTemplate]?.[method.toLowerCase()];
  expect(operation, `${method} ${pathTemplate} is documented`).toBeDefined();
  const schema = operation.responses[String(response.status)]?.content?.['application/json']?.schema;
  expect(schema, `${method} ${pathTemplate} documents status ${response.status}`).toBeDefined();
  const validate = ajv.compile(schema);
  const valid = validate(response.body);
  expect(valid ? [] : validate.errors, `${method} ${pathTemplate} answer matches its schema`).toEqual([]);
}

describe('the OpenAPI document', () => {
  it('describes every declared route, public ones without security, and the bodies\' required fields', () => {
    const routes = concerns.flatMap((concern) => Object.values(concern.api.routes));
    const documented = Object.entries(document.paths).flatMap(([route, methods]) => Object.keys(methods as object).map((method) => `${method.toUpperCase()} ${route}`));
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

  it('gives every success a response schema of its own, and CSV where a route answers it', () => {
    for (const [route, methods] of Object.entries(document.paths)) {
      for (const [method, operation] of Object.entries(methods as Record<string, any>)) {
        const success = Object.entries(operation.responses).filter(([status]) => status.startsWith('2'));
        expect(success.length, `${method} ${route}`).toBe(method === 'put' ? 2 : 1);
        const schema = (success[0]![1] as any).content['application/json'].schema;
        expect(Object.keys(schema).length, `${method} ${route} has a response schema`).toBeGreaterThan(0);
        expect(schema.type ?? schema.anyOf, `${method} ${route} says what it answers`).toBeDefined();
      }
    }
    // The examples shown in /docs are answers the schema accepts.
    const examples = Object.values(document.paths).flatMap((methods) => Object.values(methods as Record<string, any>))
      .flatMap((operation) => Object.entries(operation.responses).filter(([status]) => status.startsWith('2')).map(([, response]) => (response as any).content['application/json'].schema))
      .flatMap((schema) => (schema.examples ?? []).map((example: unknown) => ({ schema, example })));
    expect(examples.length).toBeGreaterThanOrEqual(6);
    for (const { schema, example } of examples) {
      const validate = ajv.compile(schema);
      expect(validate(example) ? [] : validate.errors).toEqual([]);
    }
    expect(document.paths['/fee-audit'].get.responses['200'].content).toHaveProperty('text/csv');
    expect(document.paths['/evaluations/{quarter}'].get.responses['200'].content).toHaveProperty('text/csv');
    expect(document.paths['/fee-items'].get.responses['200'].content).not.toHaveProperty('text/csv');
  });

  it('names the rules in the problem types, with an example of each', () => {
    const entry = document.paths['/fee-cards/{enterpriseId}/entries'].post.responses;
    expect(entry['422'].description).toContain('`amount-outside-standard`');
    expect(entry['422'].content['application/problem+json'].examples['amount-outside-standard'].value)
      .toMatchObject({ type: 'urn:soft-env:problem:amount-outside-standard', status: 422 });
    expect(entry['409'].content['application/problem+json'].examples).toHaveProperty('duplicate-receipt');
    // A public read has no 401 or 403; a protected one has both.
    expect(Object.keys(document.paths['/fee-items'].get.responses)).not.toContain('401');
    expect(Object.keys(document.paths['/alerts'].get.responses)).toEqual(expect.arrayContaining(['401', '403']));
  });

  it('lists every problem type the code throws', () => {
    const sources = (dir: string): string[] => readdirSync(dir).flatMap((name) => {
      const file = path.join(dir, name);
      return statSync(file).isDirectory() ? sources(file) : file.endsWith('.ts') ? [file] : [];
    });
    const thrown = new Set<string>();
    const patterns = [/RuleViolationError\(\s*'([a-z-]+)'/g, /\brule: '([a-z-]+)'/g, /ConflictError\([^;]*?,\s*'([a-z-]+)'\)/g, /\bConflict\(\s*'([a-z-]+)'/g];
    for (const file of [...sources(path.join(root, 'functions')), ...sources(path.join(root, 'shared'))]) {
      const text = readFileSync(file, 'utf8');
      for (const pattern of patterns) for (const match of text.matchAll(pattern)) thrown.add(match[1]!);
    }
    expect(thrown.size).toBeGreaterThan(20);
    expect([...thrown].filter((slug) => !(slug in PROBLEM_TYPES)), 'add these to shared/http/problem-types.ts').toEqual([]);
  });

  it('passes Redocly\'s lint with no error and no warning', () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'soft-env-openapi-')), 'openapi.json');
    writeFileSync(file, JSON.stringify(document));
    const lint = spawnSync(path.join(root, 'node_modules/.bin/redocly'), ['lint', file, '--config', path.join(root, 'redocly.yaml'), '--format', 'json'], {
      cwd: root, encoding: 'utf8', env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' },
    });
    const report = JSON.parse(lint.stdout) as { totals: { errors: number; warnings: number }; problems: unknown[] };
    expect(report.problems).toEqual([]);
    expect(report.totals).toMatchObject({ errors: 0, warnings: 0 });
    expect(lint.status).toBe(0);
  });

  it('is served by the local runtime at /openapi.json (a public route, as in AWS) and browsable at /docs', async () => {
    const served = await call('GET', '/openapi.json');
    expect(served.status).toBe(200);
    expect(Object.keys(served.body.paths)).toEqual(Object.keys(document.paths));
    expectDocumented('GET', '/openapi.json', served);

    const page = await call('GET', '/docs');
    expect(page.status).toBe(200);
    expect(page.contentType).toContain('text/html');
    expect(page.body).toContain('<script src="/docs/swagger-ui-bundle.js">');
    const viewer = await call('GET', '/docs/swagger-ui-bundle.js');
    expect(viewer.status).toBe(200);
    expect(viewer.contentType).toContain('javascript');
    expect(viewer.body.length).toBeGreaterThan(100_000);
    expect((await call('GET', '/docs/init.js')).body).toContain("url: '/docs/openapi.json'");
    expect((await call('GET', '/docs/openapi.json')).body.paths).toEqual(served.body.paths);
  });

  it('describes what real calls answer', async () => {
    const office = await tokenFor({ roles: ['soft-env-office'] });
    const park = await tokenFor({ roles: ['park-office'] });
    const supervisor = await tokenFor({ roles: ['supervisor'] });
    const dept = newDeptId('docs');
    const clerk = await tokenFor({ roles: ['department'], dept });
    const ent = newCreditCode();
    const owner = await tokenFor({ roles: ['enterprise'], ent });
    const code = newCode();
    const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);

    expectDocumented('GET', '/health', await call('GET', '/health'));
    expectDocumented('PUT', '/departments/{deptId}', await call('PUT', `/departments/${dept}`, { token: office, json: { name: '市场监管局 Market Regulation' } }));
    expectDocumented('GET', '/departments', await call('GET', '/departments?limit=5'));
    expectDocumented('PUT', '/fee-items/{code}', await call('PUT', `/fee-items/${code}`, {
      token: office, json: { unit: dept, name: '计量器具检定 Verification', legalBasis: '计量法 第九条', standard: { kind: 'range', min: 5000, max: 20000 } },
    }));
    expectDocumented('GET', '/fee-items', await call('GET', `/fee-items?unit=${dept}`));
    expectDocumented('POST', '/fee-cards', await call('POST', '/fee-cards', { token: park, json: { enterpriseId: ent, enterpriseName: '闽江纺织 Minjiang Textiles' } }));
    const entry = await call('POST', `/fee-cards/${ent}/entries`, {
      token: clerk, json: { feeItemCode: code, amount: 12000, collector: '王丽', collectedAt: new Date().toISOString(), receiptNo: `R-${code}` },
    });
    expectDocumented('POST', '/fee-cards/{enterpriseId}/entries', entry);
    const refusal = await call('POST', `/fee-cards/${ent}/entries/${entry.body.entryId}/refusal`, { token: owner, json: { reason: '未提供服务 No service' } });
    expectDocumented('POST', '/fee-cards/{enterpriseId}/entries/{entryId}/refusal', refusal);
    expectDocumented('GET', '/fee-cards/{enterpriseId}', await call('GET', `/fee-cards/${ent}`, { token: owner }));
    expectDocumented('GET', '/fee-cards/{enterpriseId}', await call('GET', `/fee-cards/${ent}`, { token: clerk }));
    expectDocumented('GET', '/fee-audit', await call('GET', `/fee-audit?from=${today.slice(0, 8)}01&to=${today}`, { token: supervisor }));

    const filed = await call('POST', '/complaints', { json: { againstDept: dept, category: 'inaction', description: '三周无人答复 Three weeks without an answer', contact: '陈杰' } });
    expectDocumented('POST', '/complaints', filed);
    expectDocumented('GET', '/complaints/track/{trackingCode}', await call('GET', `/complaints/track/${filed.body.trackingCode}`));
    expectDocumented('PUT', '/departments/{deptId}/handlers', await call('PUT', `/departments/${dept}/handlers`, { token: clerk, json: { handlers: [{ id: 'zhang', name: '张伟', available: true }] } }));
    expectDocumented('POST', '/complaints/{id}/acknowledgement', await call('POST', `/complaints/${filed.body.id}/acknowledgement`, { token: clerk }));
    expectDocumented('GET', '/complaints', await call('GET', `/complaints?dept=${dept}`, { token: office }));
    expectDocumented('GET', '/complaints/{id}', await call('GET', `/complaints/${filed.body.id}`, { token: supervisor }));
    expectDocumented('POST', '/complaints/{id}/resolution', await call('POST', `/complaints/${filed.body.id}/resolution`, { token: clerk, json: { summary: '已处理 Done' } }));
    expectDocumented('POST', '/complaints/{id}/verdict', await call('POST', `/complaints/${filed.body.id}/verdict`, { token: supervisor, json: { finding: 'substantiated', action: '通报 Warned' } }));

    const due = new Date(Date.now() + 90 * 86_400_000).toISOString().slice(0, 10);
    const pledge = await call('POST', '/pledges', { token: clerk, json: { title: '半日受理 Half a day', description: '县报公开', dueDate: due, serviceCode: 'complaint-acknowledgement', statutoryLimitDays: 1, pledgedLimitDays: 0.5 } });
    expectDocumented('POST', '/pledges', pledge);
    expectDocumented('POST', '/pledges/{id}/reviews', await call('POST', `/pledges/${pledge.body.id}/reviews`, { token: office, json: { verdict: 'kept', evidence: '抽查 Sampled' } }));
    expectDocumented('GET', '/pledges/{id}', await call('GET', `/pledges/${pledge.body.id}`));
    expectDocumented('GET', '/pledges', await call('GET', `/pledges?dept=${dept}`));

    const inspection = await call('POST', '/inspections', {
      token: clerk, json: { enterpriseId: ent, plannedDate: due, category: 'safety', reason: '安全检查 Safety', legalBasis: '安全生产法', inspectors: ['李明'] },
    });
    expectDocumented('POST', '/inspections', inspection);
    expectDocumented('GET', '/inspections/{id}', await call('GET', `/inspections/${inspection.body.id}`, { token: owner }));
    expectDocumented('GET', '/inspections', await call('GET', `/inspections?dept=${dept}`, { token: office }));
    expectDocumented('POST', '/inspections/{id}/visits', await call('POST', `/inspections/${inspection.body.id}/visits`, { token: owner }));
    expectDocumented('GET', '/enterprises/{enterpriseId}/findings', await call('GET', `/enterprises/${ent}/findings`, { token: owner }));

    const quarter = `${today.slice(0, 4)}-Q${Math.floor((Number(today.slice(5, 7)) - 1) / 3) + 1}`;
    expectDocumented('GET', '/evaluations/{quarter}', await call('GET', `/evaluations/${quarter}`));
    expectDocumented('GET', '/calendar/{year}', await call('GET', `/calendar/${today.slice(0, 4)}`));
    expectDocumented('GET', '/alerts', await call('GET', '/alerts?limit=20', { token: supervisor }));
  });
});
