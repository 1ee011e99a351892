/**
 * A department must exist (issue 10, defect 11): a token naming a department the county has not
 * registered files nothing, and a request naming an unregistered department is a 400 naming the
 * field (a lookup, not a rule of the work plan).
 */
import { describe, expect, it } from 'vitest';
import { addDays, localDate } from '#shared/time/clock';
import { handler as pledges } from '../../functions/pledges/handler.ts';
import { pledgeRoutes } from '../../functions/pledges/routes.ts';
import { handler as inspections } from '../../functions/inspections/handler.ts';
import { inspectionRoutes } from '../../functions/inspections/routes.ts';
import { handler as feeCards } from '../../functions/fee-cards/handler.ts';
import { feeCardRoutes } from '../../functions/fee-cards/routes.ts';
import { invoke } from '../support/invoke.ts';
import { registeredDept } from '../support/registry.ts';
import { newCode, newCreditCode, newDeptId } from '../support/data.ts';

const office = { roles: ['soft-env-office'], sub: 'office' };
const clerk = (dept: string) => ({ roles: ['department'], dept, sub: `clerk@${dept}` });
const today = () => localDate(new Date());
const pledge = { title: 'Answer within a day', description: 'Published in the hall.', dueDate: addDays(today(), 20) };
const inspection = (enterpriseId: string) => ({
  enterpriseId,
  plannedDate: addDays(today(), 1),
  category: 'safety',
  reason: 'Boiler check',
  legalBasis: 'Safety Law art. 1',
  inspectors: ['Li Ming'],
});

describe('a department token for an unregistered department', () => {
  it('files no pledge and no inspection (403), and nothing is stored', async () => {
    const ghost = newDeptId('ghost');
    const enterpriseId = newCreditCode();
    const pledged = await invoke(pledges, pledgeRoutes.routes.makePledge, { json: pledge, caller: clerk(ghost) });
    expect(pledged).toMatchObject({
      status: 403,
      contentType: 'application/problem+json',
      body: { type: 'urn:soft-env:problem:forbidden' },
    });
    expect(pledged.body.detail).toContain(ghost);
    const filed = await invoke(inspections, inspectionRoutes.routes.fileInspection, {
      json: inspection(enterpriseId),
      caller: clerk(ghost),
    });
    expect(filed).toMatchObject({ status: 403, contentType: 'application/problem+json', body: { type: 'urn:soft-env:problem:forbidden' } });
    expect((await invoke(pledges, pledgeRoutes.routes.listPledges, { query: { dept: ghost } })).body.items).toEqual([]);
    expect(
      (await invoke(inspections, inspectionRoutes.routes.listInspections, { query: { enterpriseId }, caller: office })).body.items,
    ).toEqual([]);
  });

  it('is let in once the office registers the department', async () => {
    const dept = await registeredDept('real');
    expect((await invoke(pledges, pledgeRoutes.routes.makePledge, { json: pledge, caller: clerk(dept) })).status).toBe(201);
    expect(
      (await invoke(inspections, inspectionRoutes.routes.fileInspection, { json: inspection(newCreditCode()), caller: clerk(dept) }))
        .status,
    ).toBe(201);
  });
});

describe('a fee item for an unregistered unit', () => {
  it('is a 400 naming body.unit, not a rule violation', async () => {
    const published = await invoke(feeCards, feeCardRoutes.routes.putFeeItem, {
      params: { code: newCode() },
      caller: office,
      json: {
        unit: newDeptId('ghost'),
        name: 'Verification',
        legalBasis: 'Metrology Law art. 9',
        standard: { kind: 'fixed', amount: 1000 },
      },
    });
    expect(published).toMatchObject({
      status: 400,
      contentType: 'application/problem+json',
      body: { type: 'urn:soft-env:problem:invalid-request', errors: [{ path: 'body.unit' }] },
    });
  });
});
