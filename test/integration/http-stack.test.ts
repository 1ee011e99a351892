/**
 * The shared middleware stack, through a real handler against DynamoDB Local: every refusal
 * is problem+json with the right status, and a refused request writes nothing.
 */
import { describe, expect, it } from 'vitest';
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { handler } from '../../functions/registry/handler.ts';
import { registryRoutes } from '../../functions/registry/routes.ts';
import { db, tableName } from '#shared/data/db';
import { keys } from '#shared/data/table';
import { newDeptId } from '../support/data.ts';
import { invoke } from '../support/invoke.ts';

const { putDepartment, listDepartments, health } = registryRoutes.routes;
const office = { roles: ['soft-env-office'] };
const stored = async (deptId: string) => (await db.send(new GetCommand({ TableName: tableName, Key: keys.department(deptId) }))).Item;

describe('the HTTP middleware stack', () => {
  it('registers a department (201), renames it (200) and lists it', async () => {
    const deptId = newDeptId();
    const created = await invoke(handler, putDepartment, { params: { deptId }, json: { name: 'Tax Bureau' }, caller: office });
    expect(created).toMatchObject({ status: 201, contentType: 'application/json', body: { deptId, name: 'Tax Bureau' } });
    const renamed = await invoke(handler, putDepartment, { params: { deptId }, json: { name: 'County Tax Bureau' }, caller: office });
    expect(renamed).toMatchObject({ status: 200, body: { deptId, name: 'County Tax Bureau', registeredAt: created.body.registeredAt } });
    expect(await stored(deptId)).toMatchObject({ name: 'County Tax Bureau', gsi1pk: 'DEPARTMENTS', gsi1sk: deptId });
  });

  it('pages a listing with limit and an opaque cursor', async () => {
    const ids = [newDeptId('page'), newDeptId('page'), newDeptId('page')];
    for (const deptId of ids) await invoke(handler, putDepartment, { params: { deptId }, json: { name: deptId }, caller: office });
    const seen: string[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const page = await invoke(handler, listDepartments, { query: { limit: '2', ...(cursor ? { cursor } : {}) } });
      expect(page.status).toBe(200);
      expect(page.body.items.length).toBeLessThanOrEqual(2);
      seen.push(...page.body.items.map((d: { deptId: string }) => d.deptId));
      cursor = page.body.nextCursor;
      pages += 1;
    } while (cursor && pages < 1000);
    expect(seen).toEqual(expect.arrayContaining(ids));
    expect(new Set(seen).size).toBe(seen.length);
  });

  it('answers 401 without claims and 403 for a wrong role, writing nothing', async () => {
    const deptId = newDeptId();
    const anonymous = await invoke(handler, putDepartment, { params: { deptId }, json: { name: 'x' } });
    expect(anonymous).toMatchObject({
      status: 401,
      contentType: 'application/problem+json',
      body: { status: 401, title: 'Not signed in' },
    });
    const wrongRole = await invoke(handler, putDepartment, {
      params: { deptId },
      json: { name: 'x' },
      caller: { roles: ['department'], dept: 'tax' },
    });
    expect(wrongRole).toMatchObject({
      status: 403,
      contentType: 'application/problem+json',
      body: { type: 'urn:soft-env:problem:forbidden' },
    });
    expect(await stored(deptId)).toBeUndefined();
    const noScope = await invoke(handler, putDepartment, {
      params: { deptId },
      json: { name: 'x' },
      caller: { roles: ['soft-env-office', 'department'] },
    });
    // The office role suffices; the department role without its department claim adds nothing.
    // 201, not 200: the refused requests before it registered nothing under this id.
    expect(noScope.status).toBe(201);
    expect(await stored(deptId)).toMatchObject({ name: 'x' });
  });

  it('names every failing field, including unknown ones (400)', async () => {
    const result = await invoke(handler, putDepartment, {
      params: { deptId: 'Bad Id' },
      json: { name: '', colour: 'red' },
      caller: office,
    });
    expect(result.status).toBe(400);
    expect(result.contentType).toBe('application/problem+json');
    expect(result.body.errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ path: 'path.deptId' }),
        expect.objectContaining({ path: 'body.name' }),
        { path: 'body.colour', message: 'Unknown field' },
      ]),
    );
  });

  it('refuses malformed JSON (400), a wrong content type (415) and a body over 64 KiB (413)', async () => {
    const deptId = newDeptId();
    const malformed = await invoke(handler, putDepartment, {
      params: { deptId },
      body: '{"name": ',
      headers: { 'content-type': 'application/json' },
      caller: office,
    });
    expect(malformed).toMatchObject({ status: 400, body: { detail: 'The body is not valid JSON.' } });
    const wrongType = await invoke(handler, putDepartment, {
      params: { deptId },
      body: 'name=x',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      caller: office,
    });
    expect(wrongType).toMatchObject({ status: 415, contentType: 'application/problem+json' });
    const huge = await invoke(handler, putDepartment, { params: { deptId }, json: { name: 'x'.repeat(70 * 1024) }, caller: office });
    expect(huge).toMatchObject({ status: 413, contentType: 'application/problem+json' });
    expect(await stored(deptId)).toBeUndefined();
  });

  it('refuses a cursor it did not issue (400, not 500)', async () => {
    const result = await invoke(handler, listDepartments, { query: { cursor: 'not-a-cursor' } });
    expect(result).toMatchObject({ status: 400, body: { errors: [{ path: 'query.cursor' }] } });
  });

  it('reports health with the clock the handlers use', async () => {
    const result = await invoke(handler, health);
    expect(result.status).toBe(200);
    expect(result.body.status).toBe('ok');
    expect(Math.abs(Date.parse(result.body.now) - Date.now())).toBeLessThan(60_000);
    expect(result.body.now).toMatch(/\+08:00$/);
  });
});
