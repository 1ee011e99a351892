/** The demo's accountability (责任追究): findings, a decided and appealed case with its notice, the last placed's plan, and the retaliation watch at work. */
import { addDays } from '#shared/time/clock';
import type { Client } from './client.ts';
import { ENTERPRISES } from './county.ts';

/**
 * Accountability (责任追究) today: findings of open and covert checks (one covert still hidden from
 * its department), a case decided with sanctions and so publicly noticed, appealed by its department
 * and upheld by another supervisor, the rectification plan of the previous quarter's last placed
 * (末位整改), and the retaliation watch at work: an enterprise complains, the department it named then
 * charges it, a supervisor reviews the flag.
 */
export async function accountability({ call, tokens, recordCharge }: Client, now: string, previousQuarter: string) {
  const [, tea] = ENTERPRISES;
  const observedAt = new Date(Date.parse(now) - 2 * 3_600_000).toISOString();
  const finding = (dept: string, method: 'open' | 'covert', clause: string, place: string, description: string) =>
    call('POST', '/supervision-findings', tokens.supervisor, { dept, method, observedAt, place, clause, description });
  const open = await finding('housing', 'open', '三.1.2', '政务服务中心住建窗口', '施工许可申请材料齐全，窗口以“领导不在”为由两次拒收。');
  await call('POST', `/supervision-findings/${open.id}/response`, await tokens.dept('housing'), {
    statement: '当班人员未执行首问负责制，已批评教育。',
    rectification: '窗口实行AB岗，分管领导每日抽查收件记录。',
  });
  await finding('natural-resources', 'covert', '三.1.6', '不动产登记大厅', '暗访：取号后等候五十分钟，窗口人员离岗未告知。');
  const disclosed = await finding('emergency', 'covert', '三.3.1', '某化工企业现场', '暗访：执法人员对企业负责人态度粗暴，当场训斥。');
  await call('POST', `/supervision-findings/${disclosed.id}/disclosure`, tokens.supervisor, {});
  const decided = await call('POST', '/accountability-cases', tokens.supervisor, {
    dept: 'housing',
    clause: '三.1.2',
    summary: '住建窗口两次拒收齐全材料，推诿扯皮。',
    sources: [{ type: 'supervision-finding', id: open.id }],
  });
  await call('POST', `/accountability-cases/${decided.id}/decision`, tokens.supervisor, {
    outcome: 'sanctioned',
    sanctions: [{ measure: 'circulated-criticism' }, { measure: 'admonishment-talk', person: '刘某', note: '窗口负责人' }],
  });
  await call('POST', `/accountability-cases/${decided.id}/appeal`, await tokens.dept('housing'), {
    reason: '当班人员为临时顶岗，未经窗口培训。',
  });
  await call('POST', `/accountability-cases/${decided.id}/appeal-decision`, tokens.secondSupervisor, {
    upheld: true,
    reason: '顶岗安排属科室管理职责，处理维持。',
  });
  // Housing was placed last in the previous quarter (末位): it files its rectification plan.
  await call('POST', `/evaluations/${previousQuarter}/rectification`, await tokens.dept('housing'), {
    causes: '窗口首问负责制落实不到位，投诉办理超时。',
    measures: '窗口实行AB岗，分管领导每日抽查收件记录，投诉三个工作日内答复。',
    dueDate: addDays(now.slice(0, 10), 30),
  });
  // The retaliation watch: 青山茶业 complains about the market regulator, which then charges it.
  await call('POST', '/complaints', await tokens.ent(tea.id), {
    againstDept: 'market-regulation',
    category: 'abusive-enforcement',
    description: '检查人员要求我司购买指定的计量器具。',
  });
  await recordCharge(await tokens.dept('market-regulation'), tea.id, {
    feeItemCode: 'SJ-001',
    amount: 12000,
    collector: '王丽',
    collectedAt: now,
    receiptNo: 'SJ-0004',
  });
  const flags = (await call('GET', '/retaliation-flags?dept=market-regulation&status=open', tokens.supervisor)) as unknown as {
    items: { id: string }[];
  };
  for (const flag of flags.items)
    await call('POST', `/retaliation-flags/${flag.id}/review`, tokens.supervisor, {
      outcome: 'dismissed',
      reason: '年度例行计量检定，投诉前已排期，收费符合标准。',
    });
}
