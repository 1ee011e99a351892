/** The demo's service centre: approval items, applications in every state, appointments asked at any hour. */
import { addDays } from '#shared/time/clock';
import type { Client } from './client.ts';
import { ENTERPRISES } from './county.ts';

export /** The service centre's approval items (审批事项): pledged limits at most two thirds of the statutory ones. */
const APPROVAL_ITEMS = [
  {
    code: 'SP-001',
    dept: 'approvals',
    name: '企业设立登记',
    legalBasis: '《市场主体登记管理条例》第十九条',
    statutoryDays: 3,
    pledgedDays: 1,
    materials: ['登记申请书', '公司章程', '住所使用证明', '法定代表人身份证明'],
  },
  {
    code: 'SP-002',
    dept: 'approvals',
    name: '建设工程规划许可',
    legalBasis: '《城乡规划法》第四十条',
    statutoryDays: 20,
    pledgedDays: 10,
    materials: ['申请表', '建设工程设计方案', '土地权属证明'],
  },
  {
    code: 'SP-003',
    dept: 'market-regulation',
    name: '食品经营许可',
    legalBasis: '《食品经营许可和备案管理办法》',
    statutoryDays: 10,
    pledgedDays: 5,
    materials: ['申请书', '营业执照', '场所平面图', '食品安全管理制度'],
  },
] as const;

export async function todaysServiceCentre({ call, tokens }: Client, today: string) {
  const [textiles, tea, machinery, food] = ENTERPRISES;
  const market = await tokens.dept('market-regulation');
  // The service centre: approval items, applications in every state, appointments asked at any hour.
  for (const { code, ...item } of APPROVAL_ITEMS) await call('PUT', `/approval-items/${code}`, tokens.office, item);
  const [licence, planning, foodLicence] = APPROVAL_ITEMS;
  const apply = async (enterpriseId: string, item: (typeof APPROVAL_ITEMS)[number], materials: readonly string[] = item.materials) =>
    call('POST', '/applications', await tokens.ent(enterpriseId), { itemCode: item.code, materials });
  const window = await tokens.dept('approvals');
  await apply(textiles.id, licence); // awaiting acceptance
  const incomplete = await apply(tea.id, planning, planning.materials.slice(0, 2));
  await call('POST', `/applications/${incomplete.id}/acceptance`, window, { accepted: false, missing: ['土地权属证明'] });
  const accepted = await apply(machinery.id, planning);
  await call('POST', `/applications/${accepted.id}/acceptance`, window, { accepted: true });
  const decided = await apply(food.id, foodLicence);
  await call('POST', `/applications/${decided.id}/acceptance`, market, { accepted: true });
  await call('POST', `/applications/${decided.id}/decision`, market, { decision: 'approved', reason: '材料齐全，现场核查符合要求。' });
  await call('POST', `/applications/${decided.id}/rating`, await tokens.ent(food.id), { score: 5, comment: '一次办成，没有跑腿。' });
  const tomorrow = addDays(today, 1);
  await call('POST', '/appointments', await tokens.ent(food.id), {
    dept: 'market-regulation',
    topic: '食品经营许可现场核查',
    requestedAt: `${tomorrow}T09:00:00+08:00`,
    contact: '138-0000-0004',
  });
  const confirmed = await call('POST', '/appointments', await tokens.ent(textiles.id), {
    dept: 'approvals',
    topic: '企业设立登记材料预审',
    requestedAt: `${tomorrow}T14:00:00+08:00`,
  });
  await call('POST', `/appointments/${confirmed.id}/confirmation`, window, {
    at: `${tomorrow}T14:30:00+08:00`,
    place: '投资服务中心 3号窗口',
    staff: ['张伟'],
  });
}
