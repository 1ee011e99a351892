/** The demo's complaints: closed with verdicts last quarter; today, one in every state and one for the supervisors. */
import { addDays } from '#shared/time/clock';
import type { Client } from './client.ts';

/** Closed with a verdict: housing's substantiated, taxation's not. */
export async function pastComplaints({ call, tokens }: Client) {
  for (const [dept, finding, description] of [
    ['housing', 'substantiated', '施工许可材料已齐全，窗口仍要求补交与审批无关的证明。'],
    ['housing', 'substantiated', '三次来电无人回复，超过承诺时限。'],
    ['taxation', 'unsubstantiated', '发票领用等待时间较长。'],
  ] as const) {
    const filed = await call('POST', '/complaints', undefined, { againstDept: dept, category: 'inaction', description, contact: '匿名' });
    const clerk = await tokens.dept(dept);
    await call('POST', `/complaints/${filed.id}/acknowledgement`, clerk);
    await call('POST', `/complaints/${filed.id}/resolution`, clerk, { summary: '已核实情况并当面答复企业。' });
    await call('POST', `/complaints/${filed.id}/verdict`, tokens.supervisor, {
      finding,
      action: finding === 'substantiated' ? '通报批评，责令限期整改。' : '答复及时，不予追责。',
    });
  }
}

export async function todaysComplaints({ call, tokens }: Client, today: string) {
  const market = await tokens.dept('market-regulation');
  // Complaints in every state: received, acknowledged (with a delay notice), answered, closed; and one for the supervisors.
  const file = (againstDept: string, category: string, description: string) =>
    call('POST', '/complaints', undefined, { againstDept, category, description, contact: '企业联系人 138-0000-0000' });
  await file('approvals', 'inaction', '营业执照变更提交五天，系统仍显示待受理。');
  const delayed = await file('market-regulation', 'five-difficulties', '办理食品经营许可被要求多次往返补材料。');
  await call('POST', `/complaints/${delayed.id}/acknowledgement`, market);
  await call('POST', `/complaints/${delayed.id}/delay-notice`, market, { reason: '需调取原审批档案核对。', expectedBy: addDays(today, 4) });
  const answered = await file('market-regulation', 'inaction', '计量器具检定申请三周无人处理。');
  await call('POST', `/complaints/${answered.id}/acknowledgement`, market);
  await call('POST', `/complaints/${answered.id}/resolution`, market, { summary: '已上门完成检定，证书可到窗口领取。' });
  const closed = await file('transport', 'inaction', '道路运输证换证窗口长期无人。');
  const transport = await tokens.dept('transport');
  await call('POST', `/complaints/${closed.id}/acknowledgement`, transport);
  await call('POST', `/complaints/${closed.id}/resolution`, transport, { summary: '已调整窗口排班，增设预约。' });
  await call('POST', `/complaints/${closed.id}/verdict`, tokens.supervisor, { finding: 'substantiated', action: '约谈窗口负责人。' });
  await file('ecology', 'tie-in-charge', '办理排污许可时被要求购买指定公司的检测服务。');
}
