/** The catalogue of approval items (审批事项): kept by the office, public with its record. */
import { describe, expect, it } from 'vitest';
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { db, tableName } from '#shared/data/db';
import { keys } from '#shared/data/table';
import { newId } from '#shared/data/ids';
import { handler } from '../../functions/approvals/handler.ts';
import { approvalRoutes } from '../../functions/approvals/routes.ts';
import { handler as registry } from '../../functions/registry/handler.ts';
import { registryRoutes } from '../../functions/registry/routes.ts';
import { invoke } from '../support/invoke.ts';
import { newDeptId } from '../support/data.ts';

const routes = approvalRoutes.routes;
const office = { roles: ['soft-env-office'], sub: 'office-clerk' };
const newCode = () => `SC-${newId().slice(0, 12)}`;
const item = (dept: string, extra: object = {}) => ({
  dept,
  name: 'Construction project planning permit',
  legalBasis: 'Urban and Rural Planning Law, art. 40',
  statutoryDays: 20,
  pledgedDays: 13,
  materials: ['application form', 'site plan'],
  ...extra,
});

async function department() {
  const dept = newDeptId('planning');
  await invoke(registry, registryRoutes.routes.putDepartment, {
    params: { deptId: dept },
    json: { name: `Bureau ${dept}` },
    caller: office,
  });
  return dept;
}

describe('approval items', () => {
  it('the office adds an item; anyone reads it, with a record that starts empty', async () => {
    const dept = await department();
    const code = newCode();
    const put = await invoke(handler, routes.putItem, { params: { code }, json: item(dept), caller: office });
    expect(put).toMatchObject({
      status: 201,
      body: { code, dept, pledgedDays: 13, statutoryDays: 20, performance: { decided: 0, onTime: 0, medianWorkingDays: null } },
    });
    const revised = await invoke(handler, routes.putItem, { params: { code }, json: item(dept, { pledgedDays: 10 }), caller: office });
    expect(revised).toMatchObject({ status: 200, body: { pledgedDays: 10 } });
    expect(await invoke(handler, routes.getItem, { params: { code } })).toMatchObject({
      status: 200,
      body: { code, pledgedDays: 10, materials: ['application form', 'site plan'] },
    });
    const listed = await invoke(handler, routes.listItems, { query: { dept } });
    expect(listed.body.items.map((entry: { code: string }) => entry.code)).toEqual([code]);
  });

  it('refuses a pledge over two thirds of the statutory limit with 422, and stores nothing', async () => {
    const dept = await department();
    const code = newCode();
    const over = await invoke(handler, routes.putItem, { params: { code }, json: item(dept, { pledgedDays: 14 }), caller: office });
    expect(over).toMatchObject({ status: 422, body: { type: expect.stringContaining('two-thirds-rule') } });
    const { Item } = await db.send(new GetCommand({ TableName: tableName, Key: keys.approvalItem(code) }));
    expect(Item).toBeUndefined();
    expect((await invoke(handler, routes.getItem, { params: { code } })).status).toBe(404);
  });

  it('only the office keeps the catalogue, and only for a registered department', async () => {
    const dept = await department();
    const clerk = { roles: ['department'], dept, sub: `clerk@${dept}` };
    expect((await invoke(handler, routes.putItem, { params: { code: newCode() }, json: item(dept), caller: clerk })).status).toBe(403);
    const unknown = await invoke(handler, routes.putItem, {
      params: { code: newCode() },
      json: item(newDeptId('nowhere')),
      caller: office,
    });
    expect(unknown.status).toBe(400);
  });
});
