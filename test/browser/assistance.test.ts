/**
 * The assistance centre (帮办服务中心) in a real browser: the centre's clerk, on a phone, opens a
 * project, hands a task to a department and sees it on the board by department with its working
 * days left, records a joint meeting's minutes; the departments take their tasks on, complete or
 * return them; the enterprise, on a phone, follows its project. Each asserts what the person sees
 * and what the API then holds.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { call, runtime, tokenFor } from '../support/http.ts';
import { newCreditCode, newDeptId, uniqueSuffix } from '../support/data.ts';
import { fitsTheScreen, launchBrowser, openPage } from '../support/browser.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

async function newDepartment(name: string): Promise<string> {
  const deptId = newDeptId('web');
  const response = await call('PUT', `/departments/${deptId}`, { token: await tokenFor({ roles: ['soft-env-office'] }), json: { name } });
  expect(response.status).toBe(201);
  return deptId;
}

describe('the assistance centre in the console', () => {
  it('the centre takes a project on, hands tasks out and records a meeting; departments act; the enterprise follows it', async () => {
    const landName = `县自然资源局-${uniqueSuffix()}`;
    const buildName = `县住建局-${uniqueSuffix()}`;
    const [land, build] = [await newDepartment(landName), await newDepartment(buildName)];
    const ent = newCreditCode();
    // The enterprise has its fee card (企业付费登记卡), as every enterprise in the park does.
    const card = await call('POST', '/fee-cards', {
      token: await tokenFor({ roles: ['park-office'] }),
      json: { enterpriseId: ent, enterpriseName: '闽侯冷链物流有限公司' },
    });
    expect(card.status).toBe(201);
    const project = `冷链物流仓库-${uniqueSuffix()}`;
    const centreToken = await tokenFor({ roles: ['service-centre'], sub: 'wang-centre' });

    // The centre's clerk, on a phone, opens the case: the steward (首问负责).
    const centre = await openPage(browser, { mobile: true });
    await centre.page.goto(`${runtime.url}/console#access_token=${centreToken}`);
    const opening = centre.page.locator('#assist-open-title').locator('..');
    await opening.getByLabel('统一社会信用代码').fill(ent);
    await opening.getByLabel('项目名称').fill(project);
    await opening.getByLabel('代办委托书编号(可选)').fill('WT-2026-031');
    await opening.getByRole('button', { name: '项目立案' }).click();
    const cases = centre.page.locator('#assist-cases-title').locator('..');
    const caseCard = cases.locator('li.queue-item', { hasText: project });
    await expect.poll(() => caseCard.textContent()).toContain('首问负责人: wang-centre');
    expect(await caseCard.textContent()).toContain('代办委托书 WT-2026-031');

    // 交办: a task to the land bureau, five working days.
    await caseCard.locator('summary', { hasText: '交办' }).click();
    await caseCard.getByLabel('部门').first().selectOption({ label: landName });
    await caseCard.getByLabel('任务内容').fill('核实项目用地规划条件');
    await caseCard.getByLabel('时限(工作日)').fill('5');
    await caseCard.getByRole('button', { name: '交办', exact: true }).click();
    const board = centre.page.locator('#task-board-title').locator('..');
    const column = board.locator('.board-column', { hasText: landName });
    await expect.poll(() => column.textContent()).toContain('核实项目用地规划条件');
    expect(await column.textContent()).toMatch(/剩余时间 \d+(\.\d)? 个工作日/);
    expect(await column.textContent()).toContain('已交办');
    const [caseId] = (await call('GET', '/assisted-cases', { token: centreToken })).body.items
      .filter((item: { project: string }) => item.project === project)
      .map((item: { id: string }) => item.id);

    // A joint meeting held an hour ago: its minutes name who came, and a decision for the housing bureau.
    const meeting = await call('POST', `/assisted-cases/${caseId}/meetings`, {
      token: centreToken,
      json: { at: new Date(Date.now() - 3_600_000).toISOString(), chair: '刘副县长', depts: [land, build] },
    });
    expect(meeting.status).toBe(201);
    await centre.page.reload();
    const meetingLine = caseCard.locator('ul.meetings li');
    await meetingLine.locator('summary', { hasText: '录入会议纪要' }).click();
    await meetingLine.getByLabel(landName).check();
    await meetingLine.getByLabel('会议决定(每行:部门代码 工作日 事项)').fill(`${build} 3 并联审查施工图`);
    await meetingLine.getByRole('button', { name: '录入会议纪要' }).click();
    await expect.poll(() => meetingLine.textContent()).toContain(`缺席部门: ${buildName}`);
    expect(await fitsTheScreen(centre.page)).toBe(true);
    await centre.screenshot('assistance-workbench');

    // The land bureau takes its task on and completes it.
    const landClerk = await openPage(browser);
    await landClerk.page.goto(`${runtime.url}/console#access_token=${await tokenFor({ roles: ['department'], dept: land })}`);
    const landQueue = landClerk.page.locator('#task-queue-title').locator('..');
    const landTask = landQueue.locator('li.queue-item', { hasText: '核实项目用地规划条件' });
    await expect.poll(() => landTask.textContent()).toContain(project);
    await landTask.getByRole('button', { name: '接收' }).click();
    await expect.poll(() => landTask.textContent()).toContain('已接收');
    await landTask.getByLabel('完成情况').fill('用地规划条件已核实,符合仓储用地。');
    await landTask.getByRole('button', { name: '完成任务' }).click();
    await expect.poll(() => landTask.count()).toBe(0);

    // The housing bureau returns its task, with the reason, before taking it on.
    const buildClerk = await openPage(browser);
    await buildClerk.page.goto(`${runtime.url}/console#access_token=${await tokenFor({ roles: ['department'], dept: build })}`);
    const buildTask = buildClerk.page.locator('#task-queue-title').locator('..').locator('li.queue-item', { hasText: '并联审查施工图' });
    await buildTask.locator('summary', { hasText: '退回' }).click();
    await buildTask.getByLabel('退回理由').fill('施工图审查由审批局负责。');
    await buildTask.getByRole('button', { name: '退回' }).click();
    await expect.poll(() => buildTask.count()).toBe(0);
    // It sees nothing of the case but its own task.
    const seen = (await call('GET', `/assisted-cases/${caseId}`, { token: await tokenFor({ roles: ['department'], dept: build }) })).body;
    expect(seen.tasks.map((task: { what: string }) => task.what)).toEqual(['并联审查施工图']);
    expect(seen.meetings).toBeUndefined();

    // The centre sees it returned, with a working day to hand it on.
    await centre.page.reload();
    const returned = board.locator('.board-column', { hasText: buildName });
    await expect.poll(() => returned.textContent()).toContain('已退回');
    expect(await returned.textContent()).toContain('改派期限');

    // The enterprise, on a phone, follows its project: the tasks and their state, the meeting, the story.
    const enterprise = await openPage(browser, { mobile: true });
    await enterprise.page.goto(`${runtime.url}/console#access_token=${await tokenFor({ roles: ['enterprise'], ent })}`);
    const mine = enterprise.page.locator('#my-projects-title').locator('..').locator('li.queue-item', { hasText: project });
    await expect.poll(() => mine.textContent()).toContain('核实项目用地规划条件');
    const text = await mine.textContent();
    expect(text).toContain('已完成');
    expect(text).toContain('按时');
    expect(text).toContain('已退回');
    expect(text).toContain('刘副县长');
    await mine.locator('summary', { hasText: '办理过程' }).click();
    expect(await mine.locator('ol.timeline').textContent()).toContain('项目立案');
    expect(await mine.locator('summary', { hasText: '录入会议纪要' }).count()).toBe(0);
    expect(await fitsTheScreen(enterprise.page)).toBe(true);
    await enterprise.screenshot('assistance-enterprise');

    const stored = (await call('GET', `/assisted-cases/${caseId}`, { token: centreToken })).body;
    expect(stored.tasks.map((task: { status: string }) => task.status)).toEqual(['completed', 'returned']);
    for (const page of [centre, landClerk, buildClerk, enterprise]) expect(page.errors).toEqual([]);
  });
});
