/**
 * Accountability (责任追究) in a real browser: a supervisor records a covert finding that its
 * department cannot see until disclosed, the department answers it; a case is decided on the
 * sanction ladder, the department appeals it, and the public page shows the notice without a name.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { call, runtime, tokenFor } from '../support/http.ts';
import { newDeptId, uniqueSuffix } from '../support/data.ts';
import { launchBrowser, openPage } from '../support/browser.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe('the accountability workbench', () => {
  it('a covert finding stays hidden from its department until disclosed; a decided case is appealed and publicly noticed without a name', async () => {
    const deptName = `县自然资源局-${uniqueSuffix()}`;
    const deptId = newDeptId('web');
    const office = await tokenFor({ roles: ['soft-env-office'] });
    expect((await call('PUT', `/departments/${deptId}`, { token: office, json: { name: deptName } })).status).toBe(201);
    const supervisorToken = await tokenFor({ roles: ['supervisor'], sub: `supervisor-${uniqueSuffix()}` });
    const clerkToken = await tokenFor({ roles: ['department'], dept: deptId });
    const covertText = `暗访:窗口人员上班时间玩手机,群众等候四十分钟-${uniqueSuffix()}`;

    const supervisor = await openPage(browser);
    await supervisor.page.goto(`${runtime.url}/console#access_token=${supervisorToken}`);
    const findings = supervisor.page.locator('section[aria-labelledby="acc-findings-title"]');
    await findings.getByText('记录发现').first().click();
    await findings.getByLabel('部门').selectOption({ label: deptName });
    await findings.getByLabel('方式').selectOption({ label: '暗访' });
    await findings.getByLabel('地点').fill('政务服务中心2号窗口');
    await findings.getByLabel('问责条款(第三部分)').selectOption({ value: '三.1.6' });
    await findings.getByLabel('情况').fill(covertText);
    await findings.getByRole('button', { name: '记录发现' }).click();
    const card = supervisor.page.locator('li.queue-item', { hasText: covertText });
    await expect.poll(() => card.textContent()).toContain('暗访,未向部门公开');

    // The department's console does not show it.
    const clerk = await openPage(browser);
    await clerk.page.goto(`${runtime.url}/console#access_token=${clerkToken}`);
    await expect.poll(() => clerk.page.locator('section[aria-labelledby="acc-my-findings-title"]').textContent()).toContain('暂无');
    expect(await clerk.page.content()).not.toContain(covertText);

    await card.getByRole('button', { name: '向部门公开' }).click();
    await expect.poll(() => card.textContent()).toContain('回复期限');
    await clerk.page.reload();
    const shown = clerk.page.locator('li.queue-item', { hasText: covertText });
    await shown.getByLabel('情况说明').fill('已对当班人员批评教育。');
    await shown.getByLabel('整改措施').fill('窗口实行AB岗,主任每日巡查。');
    await shown.getByRole('button', { name: '提交回复' }).click();
    await expect.poll(() => shown.textContent()).toContain('已对当班人员批评教育。');

    // A case from the finding, decided on the ladder in the workbench.
    const finding = (await call('GET', `/supervision-findings?dept=${deptId}`, { token: supervisorToken })).body.items[0];
    const opened = await call('POST', '/accountability-cases', {
      token: supervisorToken,
      json: {
        dept: deptId,
        clause: '三.1.6',
        summary: `窗口作风问题-${uniqueSuffix()}`,
        sources: [{ type: 'supervision-finding', id: finding.id }],
      },
    });
    expect(opened.status).toBe(201);
    await supervisor.page.reload();
    const caseCard = supervisor.page.locator('li.queue-item', { hasText: opened.body.summary });
    await caseCard.getByLabel('结论').selectOption({ label: '予以问责' });
    await caseCard.getByLabel('问责方式').selectOption({ label: '诫勉谈话' });
    await caseCard.getByRole('button', { name: '作出决定' }).click();
    // The ladder's personal measures name a person: the API's refusal is shown, then the person is given.
    await expect.poll(() => caseCard.textContent()).toContain('填写内容有误');
    // The invalid field is named by its label, not by the API's path.
    expect(await caseCard.locator('.problem li').textContent()).toMatch(/^责任人\(诫勉谈话及以上必填\): /);
    await supervisor.screenshot('accountability-refused');
    await caseCard.getByLabel('责任人(诫勉谈话及以上必填)').fill('李某');
    await caseCard.getByRole('button', { name: '作出决定' }).click();
    await expect.poll(() => caseCard.textContent()).toContain('已决定');
    await supervisor.screenshot('accountability-workbench');

    await clerk.page.reload();
    const myCase = clerk.page.locator('section[aria-labelledby="acc-my-cases-title"] li.queue-item', { hasText: opened.body.summary });
    await myCase.getByLabel('申诉理由').fill('该窗口当日系临时顶岗人员。');
    await myCase.getByRole('button', { name: '提出申诉' }).click();
    await expect.poll(() => myCase.textContent()).toContain('申诉中');
    await clerk.screenshot('accountability-department');

    const visitor = await openPage(browser);
    await visitor.page.goto(`${runtime.url}/`);
    const notices = visitor.page.locator('section[aria-labelledby="acc-notices-title"]');
    await expect.poll(() => notices.textContent()).toContain(deptName);
    expect(await notices.textContent()).toContain('诫勉谈话');
    expect(await notices.textContent()).not.toContain('李某');
    // The ranking says why the score fell: the deduction of the shown finding and the sanction.
    const ranked = visitor.page.locator('tr', { hasText: deptName });
    await expect.poll(() => ranked.textContent()).toMatch(/−\d+$/);
    await visitor.screenshot('accountability-notices');
    // The supervisor's page met one refusal, the 400 it showed; nothing else.
    expect(supervisor.errors.filter((error) => !/\b400\b/.test(error))).toEqual([]);
    expect(supervisor.errors.filter((error) => error.startsWith('400 '))).toEqual([
      expect.stringContaining(`/accountability-cases/${opened.body.id}/decision`),
    ]);
    expect(visitor.errors).toEqual([]);
    // The clerk's page met the API's 404s only where none were expected: none at all.
    expect(clerk.errors).toEqual([]);
  }, 120_000);
});
