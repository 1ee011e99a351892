/** The demo's fee cards: the fee list, a card per enterprise, charges recorded, refused and over the standard. */
import { sampleFeeItem } from '#functions/fee-cards/responses';
import { addDays } from '#shared/time/clock';
import type { Client } from './client.ts';
import { ENTERPRISES } from './county.ts';

export const FEE_ITEMS: { code: string; unit: string; name: string; legalBasis: string; standard: object }[] = [
  sampleFeeItem,
  {
    code: 'SJ-002',
    unit: 'market-regulation',
    name: '特种设备检验费',
    legalBasis: '《特种设备安全法》第五十条',
    standard: { kind: 'range', min: 30000, max: 120000 },
  },
  {
    code: 'ZR-001',
    unit: 'natural-resources',
    name: '不动产登记费',
    legalBasis: '《不动产登记暂行条例》',
    standard: { kind: 'fixed', amount: 55000 },
  },
  {
    code: 'ZJ-001',
    unit: 'housing',
    name: '城市道路占用费',
    legalBasis: '《城市道路管理条例》第三十七条',
    standard: { kind: 'range', min: 10000, max: 80000 },
  },
  {
    code: 'ST-001',
    unit: 'ecology',
    name: '排污许可证工本费',
    legalBasis: '《排污许可管理条例》',
    standard: { kind: 'fixed', amount: 1000 },
  },
  {
    code: 'JT-001',
    unit: 'transport',
    name: '道路运输证工本费',
    legalBasis: '《道路运输条例》',
    standard: { kind: 'fixed', amount: 1500 },
  },
  {
    code: 'XF-001',
    unit: 'fire-rescue',
    name: '消防设施检测费',
    legalBasis: '《消防法》第三十四条',
    standard: { kind: 'range', min: 20000, max: 60000 },
  },
  {
    code: 'WJ-001',
    unit: 'health',
    name: '公共场所卫生检测费',
    legalBasis: '《公共场所卫生管理条例》',
    standard: { kind: 'range', min: 8000, max: 30000 },
  },
];

/** The fee list, in force from a month ago. */
export async function publishFeeItems({ call, tokens }: Client, today: string) {
  for (const { code, ...item } of FEE_ITEMS)
    await call('PUT', `/fee-items/${code}`, tokens.office, { ...item, validFrom: addDays(today, -30) });
}

export async function issueCards({ call, tokens }: Client) {
  for (const enterprise of ENTERPRISES)
    await call('POST', '/fee-cards', tokens.park, { enterpriseId: enterprise.id, enterpriseName: enterprise.name });
}

/** The previous quarter: a charge refused by the enterprise, one over the standard. */
export async function pastCharges({ tokens, refuseCharge, recordCharge }: Client, today: string) {
  const [textiles, tea] = ENTERPRISES;
  const collectedAt = `${today}T09:30:00+08:00`;
  const housing = await tokens.dept('housing');
  const charged = await recordCharge(housing, tea.id, {
    feeItemCode: 'ZJ-001',
    amount: 60000,
    collector: '刘强',
    collectedAt,
    receiptNo: 'ZJ-2023-0017',
  });
  await refuseCharge(tea.id, charged.entryId, '施工已结束，道路未占用，仍被收取占道费。');
  await recordCharge(housing, textiles.id, {
    feeItemCode: 'ZJ-001',
    amount: 95000,
    collector: '刘强',
    collectedAt,
    receiptNo: 'ZJ-2023-0018',
  }).catch(() => undefined); // over the standard: refused and kept for the audit
}

/** Today: entries, one refused by the enterprise, one attempt over the standard. */
export async function todaysCharges({ tokens, refuseCharge, recordCharge }: Client, now: string) {
  const [textiles, tea, machinery, food] = ENTERPRISES;
  const market = await tokens.dept('market-regulation');
  const fire = await tokens.dept('fire-rescue');
  const collectedAt = now;
  await recordCharge(market, textiles.id, { feeItemCode: 'SJ-001', amount: 12000, collector: '王丽', collectedAt, receiptNo: 'SJ-0001' });
  await recordCharge(market, textiles.id, { feeItemCode: 'SJ-002', amount: 45000, collector: '王丽', collectedAt, receiptNo: 'SJ-0002' });
  await recordCharge(fire, machinery.id, { feeItemCode: 'XF-001', amount: 30000, collector: '郑凯', collectedAt, receiptNo: 'XF-0101' });
  const disputed = await recordCharge(await tokens.dept('health'), food.id, {
    feeItemCode: 'WJ-001',
    amount: 26000,
    collector: '孙悦',
    collectedAt,
    receiptNo: 'WJ-0033',
  });
  await refuseCharge(food.id, disputed.entryId, '检测未实际开展，只收费未出具报告。');
  await recordCharge(market, tea.id, { feeItemCode: 'SJ-001', amount: 50000, collector: '王丽', collectedAt, receiptNo: 'SJ-0003' }).catch(
    () => undefined,
  );
}
