/** The demo's pledges: judged by the office last quarter; today, open, in progress and measured ones. */
import { addDays } from '#shared/time/clock';
import type { Client } from './client.ts';

export async function pastPledges({ call, tokens }: Client, today: string) {
  const housing = await tokens.dept('housing');
  // Pledges judged by the office: housing broke one, market regulation kept one.
  const broken = await call('POST', '/pledges', housing, {
    title: '施工许可五个工作日办结',
    description: '法定时限十个工作日，承诺压缩一半。',
    dueDate: addDays(today, 20),
    serviceCode: 'construction-permit',
    statutoryLimitDays: 10,
    pledgedLimitDays: 5,
  });
  await call('POST', `/pledges/${broken.id}/reviews`, tokens.office, { verdict: 'broken', evidence: '抽查二十件，七件超过五个工作日。' });
  const kept = await call('POST', '/pledges', await tokens.dept('market-regulation'), {
    title: '营业执照一个工作日办结',
    description: '法定时限三个工作日。',
    dueDate: addDays(today, 20),
    serviceCode: 'business-licence',
    statutoryLimitDays: 3,
    pledgedLimitDays: 1,
  });
  await call('POST', `/pledges/${kept.id}/reviews`, tokens.office, { verdict: 'kept', evidence: '抽查四十件，全部当日办结。' });
}

export async function todaysPledges({ call, tokens }: Client, today: string) {
  const market = await tokens.dept('market-regulation');
  // Pledges: open, in progress, and a measured one.
  await call('POST', '/pledges', market, {
    title: '投诉半个工作日内受理',
    description: '在县报和政务网公开。',
    dueDate: addDays(today, 90),
    serviceCode: 'complaint-acknowledgement',
    statutoryLimitDays: 1,
    pledgedLimitDays: 0.5,
  });
  const progress = await call('POST', '/pledges', await tokens.dept('approvals'), {
    title: '企业开办一日办结',
    description: '法定时限三个工作日。',
    dueDate: addDays(today, 60),
    serviceCode: 'business-start',
    statutoryLimitDays: 3,
    pledgedLimitDays: 1,
  });
  await call('POST', `/pledges/${progress.id}/reviews`, await tokens.dept('approvals'), {
    verdict: 'in-progress',
    evidence: '本月已办结一百二十件，平均零点八个工作日。',
  });
  await call('POST', '/pledges', await tokens.dept('taxation'), {
    title: '发票申领两小时内办结',
    description: '窗口与网上同步。',
    dueDate: addDays(today, 45),
  });
}
