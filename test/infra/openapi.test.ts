/**
 * The OpenAPI document comes from the same declarations as the API: every route, its roles, its
 * schemas, its success response and its problem types. Redocly lints it. (That real answers
 * validate against it, and /docs shows it: test/e2e/openapi-answers.test.ts.)
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
import { INTAKE_PER_CLIENT } from '../../functions/complaints/routes.ts';

const root = path.resolve(import.meta.dirname, '../..');
const document = openApiDocument() as any;

const ajv = new Ajv2020({ strict: false, allErrors: true });

describe('the OpenAPI document', () => {
  it("describes every declared route, public ones without security, and the bodies' required fields", () => {
    const routes = concerns.flatMap((concern) => Object.values(concern.api.routes));
    const documented = Object.entries(document.paths).flatMap(([route, methods]) =>
      Object.keys(methods as object).map((method) => `${method.toUpperCase()} ${route}`),
    );
    expect(documented.sort()).toEqual(routes.map((route) => `${route.method} ${route.path}`).sort());
    for (const route of routes) {
      const operation = document.paths[route.path][route.method.toLowerCase()];
      if (isPublic(route)) expect(operation.security).toEqual([]);
      else expect(operation.security).toBeUndefined();
    }
    // The security notes name every role a token may carry, the assistance centre's among them.
    expect(document.components.securitySchemes.bearer.description).toContain('service-centre');
    const entry = document.paths['/fee-cards/{enterpriseId}/entries'].post;
    expect(entry.requestBody.content['application/json'].schema.required).toEqual([
      'feeItemCode',
      'amount',
      'collector',
      'collectedAt',
      'receiptNo',
    ]);
    expect(entry.parameters).toContainEqual(expect.objectContaining({ name: 'Idempotency-Key', in: 'header' }));
    expect(entry.parameters).toContainEqual(expect.objectContaining({ name: 'enterpriseId', in: 'path', required: true }));
  });

  it('says from when a fee item is in force, and what the throttled 429 limits, from the constants the code runs on', () => {
    const body = document.paths['/fee-items/{code}'].put.requestBody.content['application/json'].schema;
    expect(body.properties.validFrom.description).toContain(
      "in force by whole local dates (China Standard Time): it takes effect from the first hour of this date, by default the day it is published, and a collection is checked against what is in force on the collection's date",
    );
    expect(body.properties.validTo.description).toBeUndefined();
    const throttled = document.paths['/complaints'].post.responses['429'].content['application/problem+json'].examples.throttled;
    expect(throttled.summary).toBe(
      `Too many requests: complaint intake takes at most ${INTAKE_PER_CLIENT.requests} complaints a minute from one client address (an IPv6 /64); Retry-After says in how many seconds to try again.`,
    );
    expect(INTAKE_PER_CLIENT.windowSeconds).toBe(60);
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
    const examples = Object.values(document.paths)
      .flatMap((methods) => Object.values(methods as Record<string, any>))
      .flatMap((operation) =>
        Object.entries(operation.responses)
          .filter(([status]) => status.startsWith('2'))
          .map(([, response]) => (response as any).content['application/json'].schema),
      )
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
    expect(entry['422'].content['application/problem+json'].examples['amount-outside-standard'].value).toMatchObject({
      type: 'urn:soft-env:problem:amount-outside-standard',
      status: 422,
    });
    expect(entry['409'].content['application/problem+json'].examples).toHaveProperty('duplicate-receipt');
    // A public read has no 401 or 403; a protected one has both.
    expect(Object.keys(document.paths['/fee-items'].get.responses)).not.toContain('401');
    expect(Object.keys(document.paths['/alerts'].get.responses)).toEqual(expect.arrayContaining(['401', '403']));
  });

  it('lists every problem type the code throws', () => {
    const sources = (dir: string): string[] =>
      readdirSync(dir).flatMap((name) => {
        const file = path.join(dir, name);
        return statSync(file).isDirectory() ? sources(file) : file.endsWith('.ts') ? [file] : [];
      });
    const thrown = new Set<string>();
    const patterns = [
      /RuleViolationError\(\s*'([a-z-]+)'/g,
      /\brule: '([a-z-]+)'/g,
      /ConflictError\([^;]*?,\s*'([a-z-]+)'\)/g,
      /\bConflict\(\s*'([a-z-]+)'/g,
    ];
    for (const file of [...sources(path.join(root, 'functions')), ...sources(path.join(root, 'shared'))]) {
      const text = readFileSync(file, 'utf8');
      for (const pattern of patterns) for (const match of text.matchAll(pattern)) thrown.add(match[1]!);
    }
    expect(thrown.size).toBeGreaterThan(20);
    expect(
      [...thrown].filter((slug) => !(slug in PROBLEM_TYPES)),
      'add these to shared/http/problem-types.ts',
    ).toEqual([]);
  });

  it("passes Redocly's lint with no error and no warning", () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'soft-env-openapi-')), 'openapi.json');
    writeFileSync(file, JSON.stringify(document));
    const lint = spawnSync(
      path.join(root, 'node_modules/.bin/redocly'),
      ['lint', file, '--config', path.join(root, 'redocly.yaml'), '--format', 'json'],
      {
        cwd: root,
        encoding: 'utf8',
        env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' },
      },
    );
    const report = JSON.parse(lint.stdout) as { totals: { errors: number; warnings: number }; problems: unknown[] };
    expect(report.problems).toEqual([]);
    expect(report.totals).toMatchObject({ errors: 0, warnings: 0 });
    expect(lint.status).toBe(0);
  });
});
