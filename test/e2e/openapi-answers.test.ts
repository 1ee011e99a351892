/**
 * The OpenAPI document against the running system: the local runtime serves it and /docs shows
 * it, and what real calls answer validates against its schemas. (The document itself:
 * test/infra/openapi.test.ts.)
 */
import { describe, expect, it } from 'vitest';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { openApiDocument } from '../../infra/openapi.ts';
import { call, tokenFor } from '../support/http.ts';
import { newCode, newCreditCode, newDeptId } from '../support/data.ts';

const document = openApiDocument() as any;

const ajv = new Ajv2020({ strict: false, allErrors: true });

/** Validates a real answer against the document's schema for that operation and status. */
function expectDocumented(method: string, pathTemplate: string, response: { status: number; body: unknown }) {
  const operation = document.paths[pathTemplate]?.[method.toLowerCase()];
  expect(operation, `${method} ${pathTemplate} is documented`).toBeDefined();
  const schema = operation.responses[String(response.status)]?.content?.['application/json']?.schema;
  expect(schema, `${method} ${pathTemplate} documents status ${response.status}`).toBeDefined();
  const validate = ajv.compile(schema);
  const valid = validate(response.body);
  expect(valid ? [] : validate.errors, `${method} ${pathTemplate} answer matches its schema`).toEqual([]);
}

describe('the OpenAPI document and the running system', () => {
  it('is served by the local runtime at /openapi.json (a static file, as in AWS, built from the same declarations) and browsable at /docs', async () => {
    const served = await call('GET', '/openapi.json');
    expect(served.status).toBe(200);
    expect(served.contentType).toContain('application/json');
    expect(served.body).toEqual(document);
    // A file, not an API operation: no Lambda builds it.
    expect(document.paths).not.toHaveProperty('/openapi.json');

    const page = await call('GET', '/docs');
    expect(page.status).toBe(200);
    expect(page.contentType).toContain('text/html');
    expect(page.body).toContain('<script src="/docs/swagger-ui-bundle.js">');
    const viewer = await call('GET', '/docs/swagger-ui-bundle.js');
    expect(viewer.status).toBe(200);
    expect(viewer.contentType).toContain('javascript');
    expect(viewer.body.length).toBeGreaterThan(100_000);
    expect((await call('GET', '/docs/init.js')).body).toContain("url: '/openapi.json'");
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
    expectDocumented(
      'PUT',
      '/departments/{deptId}',
      await call('PUT', `/departments/${dept}`, { token: office, json: { name: '市场监管局 Market Regulation' } }),
    );
    expectDocumented('GET', '/departments', await call('GET', '/departments?limit=5'));
    expectDocumented(
      'PUT',
      '/fee-items/{code}',
      await call('PUT', `/fee-items/${code}`, {
        token: office,
        json: {
          unit: dept,
          name: '计量器具检定 Verification',
          legalBasis: '计量法 第九条',
          standard: { kind: 'range', min: 5000, max: 20000 },
        },
      }),
    );
    expectDocumented('GET', '/fee-items', await call('GET', `/fee-items?unit=${dept}`));
    expectDocumented(
      'POST',
      '/fee-cards',
      await call('POST', '/fee-cards', { token: park, json: { enterpriseId: ent, enterpriseName: '闽江纺织 Minjiang Textiles' } }),
    );
    const entry = await call('POST', `/fee-cards/${ent}/entries`, {
      token: clerk,
      json: { feeItemCode: code, amount: 12000, collector: '王丽', collectedAt: new Date().toISOString(), receiptNo: `R-${code}` },
    });
    expectDocumented('POST', '/fee-cards/{enterpriseId}/entries', entry);
    const refusal = await call('POST', `/fee-cards/${ent}/entries/${entry.body.entryId}/refusal`, {
      token: owner,
      json: { reason: '未提供服务 No service' },
    });
    expectDocumented('POST', '/fee-cards/{enterpriseId}/entries/{entryId}/refusal', refusal);
    expectDocumented('GET', '/fee-cards/{enterpriseId}', await call('GET', `/fee-cards/${ent}`, { token: owner }));
    expectDocumented('GET', '/fee-cards/{enterpriseId}', await call('GET', `/fee-cards/${ent}`, { token: clerk }));
    expectDocumented('GET', '/fee-audit', await call('GET', `/fee-audit?from=${today.slice(0, 8)}01&to=${today}`, { token: supervisor }));

    const filed = await call('POST', '/complaints', {
      json: { againstDept: dept, category: 'inaction', description: '三周无人答复 Three weeks without an answer', contact: '陈杰' },
    });
    expectDocumented('POST', '/complaints', filed);
    expectDocumented('GET', '/complaints/track/{trackingCode}', await call('GET', `/complaints/track/${filed.body.trackingCode}`));
    expectDocumented(
      'PUT',
      '/departments/{deptId}/handlers',
      await call('PUT', `/departments/${dept}/handlers`, {
        token: clerk,
        json: { handlers: [{ id: 'zhang', name: '张伟', available: true }] },
      }),
    );
    expectDocumented(
      'POST',
      '/complaints/{id}/acknowledgement',
      await call('POST', `/complaints/${filed.body.id}/acknowledgement`, { token: clerk }),
    );
    expectDocumented('GET', '/complaints', await call('GET', `/complaints?dept=${dept}`, { token: office }));
    expectDocumented('GET', '/complaints/{id}', await call('GET', `/complaints/${filed.body.id}`, { token: supervisor }));
    expectDocumented(
      'POST',
      '/complaints/{id}/resolution',
      await call('POST', `/complaints/${filed.body.id}/resolution`, { token: clerk, json: { summary: '已处理 Done' } }),
    );
    expectDocumented(
      'POST',
      '/complaints/{id}/verdict',
      await call('POST', `/complaints/${filed.body.id}/verdict`, {
        token: supervisor,
        json: { finding: 'substantiated', action: '通报 Warned' },
      }),
    );

    const due = new Date(Date.now() + 90 * 86_400_000).toISOString().slice(0, 10);
    const pledge = await call('POST', '/pledges', {
      token: clerk,
      json: {
        title: '半日受理 Half a day',
        description: '县报公开',
        dueDate: due,
        serviceCode: 'complaint-acknowledgement',
        statutoryLimitDays: 1,
        pledgedLimitDays: 0.5,
      },
    });
    expectDocumented('POST', '/pledges', pledge);
    expectDocumented(
      'POST',
      '/pledges/{id}/reviews',
      await call('POST', `/pledges/${pledge.body.id}/reviews`, { token: office, json: { verdict: 'kept', evidence: '抽查 Sampled' } }),
    );
    expectDocumented('GET', '/pledges/{id}', await call('GET', `/pledges/${pledge.body.id}`));
    expectDocumented('GET', '/pledges', await call('GET', `/pledges?dept=${dept}`));

    const inspection = await call('POST', '/inspections', {
      token: clerk,
      json: {
        enterpriseId: ent,
        plannedDate: due,
        category: 'safety',
        reason: '安全检查 Safety',
        legalBasis: '安全生产法',
        inspectors: ['李明'],
      },
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
