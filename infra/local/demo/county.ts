/** The demo county: its departments and enterprises. */
import { completeCreditCode } from '#shared/domain/credit-code';
import type { Client } from './client.ts';

export const DEPARTMENTS: [string, string][] = [
  ['market-regulation', '市场监督管理局'],
  ['taxation', '税务局'],
  ['natural-resources', '自然资源局'],
  ['housing', '住房和城乡建设局'],
  ['ecology', '生态环境局'],
  ['emergency', '应急管理局'],
  ['human-resources', '人力资源和社会保障局'],
  ['health', '卫生健康局'],
  ['transport', '交通运输局'],
  ['fire-rescue', '消防救援大队'],
  ['approvals', '行政审批局'],
  ['agriculture', '农业农村局'],
];

/** A valid unified social credit code from a seed (the check character computed). */
function creditCode(seed: number): string {
  const body = `91350100MA${String(seed).padStart(7, '0')}`.slice(0, 17);
  return completeCreditCode(body);
}

export const ENTERPRISES = [
  { id: creditCode(3210001), name: '闽江纺织有限公司' },
  { id: creditCode(3210002), name: '青山茶业股份有限公司' },
  { id: creditCode(3210003), name: '海峡精密机械有限公司' },
  { id: creditCode(3210004), name: '云岭食品加工厂' },
] as const;

/** The departments, registered with the office. */
export async function registerDepartments({ call, tokens }: Client) {
  for (const [deptId, name] of DEPARTMENTS) await call('PUT', `/departments/${deptId}`, tokens.office, { name });
}

/** The handlers (posts) of four departments. */
export async function registerHandlers({ call, tokens }: Client) {
  for (const deptId of ['market-regulation', 'housing', 'taxation', 'approvals']) {
    await call('PUT', `/departments/${deptId}/handlers`, await tokens.dept(deptId), {
      handlers: [
        { id: 'zhang', name: '张伟', available: true },
        { id: 'wang', name: '王芳', available: true },
        { id: 'li', name: '李娜', available: true },
      ],
    });
  }
}
