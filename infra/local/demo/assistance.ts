/** The demo's assistance centre: an assisted project with its tasks, a joint meeting and an application under the mandate. */
import type { Client } from './client.ts';

/**
 * The assistance centre (帮办服务中心): an investor's project with tasks in every state (assigned,
 * accepted, returned, handed on, completed), a joint meeting with its minutes (one department
 * stayed away), and an application filed under the enterprise's mandate (代办).
 */
export async function assistedProject(
  { call, tokens }: Pick<Client, 'call' | 'tokens'>,
  enterpriseId: string,
  now: string,
  itemCode: string,
) {
  const centre = tokens.centre;
  const project = await call('POST', '/assisted-cases', centre, {
    enterpriseId,
    project: '年产五万台农机装配线',
    mandateRef: 'WT-2026-017',
  });
  const task = (dept: string, what: string, limitDays: number) =>
    call('POST', `/assisted-cases/${project.id}/tasks`, centre, { dept, what, limitDays });
  const path = (taskId: string | undefined, step: string) => `/assisted-cases/${project.id}/tasks/${taskId}/${step}`;
  const land = await task('natural-resources', '核实项目用地规划条件', 5);
  await call('POST', path(land.id, 'acceptance'), await tokens.dept('natural-resources'), {});
  await call('POST', path(land.id, 'completion'), await tokens.dept('natural-resources'), { result: '用地规划条件已核实，符合工业用地。' });
  const ecology = await task('ecology', '环评审批前置咨询', 5);
  await call('POST', path(ecology.id, 'acceptance'), await tokens.dept('ecology'), {});
  const safety = await task('emergency', '消防设计审查', 3);
  await call('POST', path(safety.id, 'return'), await tokens.dept('emergency'), { reason: '消防设计审查属消防救援大队职责。' });
  await call('POST', `/assisted-cases/${project.id}/tasks`, centre, {
    dept: 'fire-rescue',
    what: '消防设计审查',
    limitDays: 5,
    handsOn: safety.id,
  });
  const road = await task('housing', '确认厂区道路接口', 3);
  await call('POST', path(road.id, 'return'), await tokens.dept('housing'), { reason: '道路接口由交通运输局负责，请改派。' });
  const meeting = await call('POST', `/assisted-cases/${project.id}/meetings`, centre, {
    at: new Date(Date.parse(now) - 2 * 3_600_000).toISOString(),
    chair: '刘副县长',
    depts: ['natural-resources', 'transport', 'human-resources'],
  });
  await call('POST', `/assisted-cases/${project.id}/meetings/${meeting.id}/minutes`, centre, {
    attended: ['natural-resources', 'transport'],
    decisions: [{ dept: 'transport', what: '厂区道路接口并入县道改造方案', limitDays: 10 }],
  });
  await call('POST', `/assisted-cases/${project.id}/applications`, centre, { itemCode, materials: ['营业执照', '项目备案证明'] });
}
