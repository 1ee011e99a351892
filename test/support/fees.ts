/** Setting up fee-card scenarios through the real handlers. */
import { handler as registry } from '../../functions/registry/handler.ts';
import { registryRoutes } from '../../functions/registry/routes.ts';
import { handler as feeCards } from '../../functions/fee-cards/handler.ts';
import { feeCardRoutes } from '../../functions/fee-cards/routes.ts';
import { addDays, localDate } from '#shared/time/clock';
import { newCode, newCreditCode, newDeptId } from './data.ts';
import { invoke } from './invoke.ts';

export const routes = feeCardRoutes.routes;
export { feeCards };
export const office = { roles: ['soft-env-office'], sub: 'office-clerk' };
export const park = { roles: ['park-office'], sub: 'park-clerk' };
export const supervisor = { roles: ['supervisor'], sub: 'supervisor-1' };
export const departmentCaller = (dept: string) => ({ roles: ['department'], dept, sub: `clerk@${dept}` });
export const enterpriseCaller = (ent: string) => ({ roles: ['enterprise'], ent, sub: `owner@${ent}` });

/** Dates relative to the clock: the scenario's fee list is in force from PUBLISHED_ON, collections are on COLLECTION_DAY. */
export const today = () => localDate(new Date());
export const PUBLISHED_ON = addDays(today(), -60);
export const COLLECTION_DAY = addDays(today(), -10);
export const COLLECTION_MONTH = COLLECTION_DAY.slice(0, 7);

/** A department with one published range fee item (in force since PUBLISHED_ON), and an enterprise with a card. */
export async function feeScenario(standard: object = { kind: 'range', min: 5000, max: 20000 }) {
  const dept = newDeptId('unit');
  const code = newCode();
  const enterpriseId = newCreditCode();
  await invoke(registry, registryRoutes.routes.putDepartment, { params: { deptId: dept }, json: { name: `Unit ${dept}` }, caller: office });
  const item = await invoke(feeCards, routes.putFeeItem, {
    params: { code },
    caller: office,
    json: { unit: dept, name: 'Verification of weights', legalBasis: 'Metrology Law art. 9', standard, validFrom: PUBLISHED_ON },
  });
  if (item.status !== 201) throw new Error(`fee item not published: ${JSON.stringify(item.body)}`);
  const card = await invoke(feeCards, routes.issueCard, { json: { enterpriseId, enterpriseName: 'Minjiang Textiles' }, caller: park });
  if (card.status !== 201) throw new Error(`card not issued: ${JSON.stringify(card.body)}`);
  return { dept, code, enterpriseId };
}

let receipt = 0;
export const collection = (code: string, amount = 12000, extra: object = {}) => ({
  feeItemCode: code,
  amount,
  collector: 'Wang Li',
  collectedAt: `${COLLECTION_DAY}T10:00:00+08:00`,
  receiptNo: `R-${Date.now()}-${(receipt += 1)}`,
  ...extra,
});
