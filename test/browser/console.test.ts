/**
 * The web console in a real browser, as each kind of person uses it: a citizen complains and
 * follows the complaint, an enterprise refuses a charge, a clerk answers a complaint, the office
 * approves an inspection and sees an alert arrive live, the public sees the quarter's ranking.
 * Each asserts what the person sees, what the API then holds, and that the page logged no error.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { call, runtime, tokenFor } from '../support/http.ts';
import { newCreditCode, newDeptId, newCode, uniqueSuffix } from '../support/data.ts';
import { fitsTheScreen, launchBrowser, openPage } from '../support/browser.ts';
import { addDays, localDate } from '#shared/time/clock';
import { createHash } from 'node:crypto';
import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { db, tableName } from '#shared/data/db';
import { keys } from '#shared/data/table';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const office = () => tokenFor({ roles: ['soft-env-office'] });

async function newDepartment(name: string): Promise<string> {
  const deptId = newDeptId('web');
  const response = await call('PUT', `/departments/${deptId}`, { token: await office(), json: { name } });
  expect(response.status).toBe(201);
  return deptId;
}

/** The park office issues the enterprise's fee card (企业付费登记卡). */
async function issueCard(enterpriseId: string, enterpriseName: string): Promise<void> {
  const issued = await call('POST', '/fee-cards', {
    token: await tokenFor({ roles: ['park-office'] }),
    json: { enterpriseId, enterpriseName },
  });
  expect(issued.status).toBe(201);
}

/** A department with a published fee item and an enterprise with a card and one recorded charge. */
async function chargedEnterprise() {
  const deptName = `市场监管所-${uniqueSuffix()}`;
  const deptId = await newDepartment(deptName);
  const code = newCode('WEB');
  await call('PUT', `/fee-items/${code}`, {
    token: await office(),
    json: { unit: deptId, name: '计量器具检定费', legalBasis: '计量法第九条', standard: { kind: 'range', min: 5000, max: 20000 } },
  });
  const ent = newCreditCode();
  await issueCard(ent, '闽江纺织有限公司');
  const clerk = await tokenFor({ roles: ['department'], dept: deptId });
  const entry = await call('POST', `/fee-cards/${ent}/entries`, {
    token: clerk,
    json: { feeItemCode: code, amount: 12000, collector: '王丽', collectedAt: new Date().toISOString(), receiptNo: `R-${uniqueSuffix()}` },
  });
  expect(entry.status).toBe(201);
  return { deptId, deptName, ent, code, clerk };
}

describe('the web console', () => {
  it('a citizen files a complaint through the form and follows it on its tracking page', async () => {
    const name = `县住建局-${uniqueSuffix()}`;
    const deptId = await newDepartment(name);
    // More departments than one page of /departments (50) sort before it: the pages still name it.
    const token = await office();
    const before = uniqueSuffix();
    for (let i = 0; i < 55; i += 1) await call('PUT', `/departments/a-${before}-${i}`, { token, json: { name: `局${i}` } });
    const { page, errors, screenshot } = await openPage(browser, { mobile: true });
    await page.goto(`${runtime.url}/complain`);
    await page.getByLabel('被投诉部门').selectOption({ label: name });
    await page.getByLabel('投诉类别').selectOption({ label: '不作为、慢作为' });
    await page.getByLabel('事情经过').fill('施工许可申请提交两周无人受理。');
    await page.getByLabel('发生时间(选填)').fill(`${addDays(localDate(new Date()), -1)}T09:30`);
    await page.getByLabel('联系方式(选填,仅监督人员可见)').fill('13800000000');
    await screenshot('complain-form');
    // On a phone the form fits the screen: no select or field runs off its right edge.
    expect(await fitsTheScreen(page)).toBe(true);
    await page.getByRole('button', { name: '提交投诉' }).click();

    const code = (await page.locator('.tracking-code').textContent())!.trim();
    expect(code.length).toBeGreaterThan(16);
    await screenshot('complain-filed');
    const tracked = await call('GET', `/complaints/track/${encodeURIComponent(code)}`);
    expect(tracked.status).toBe(200);
    expect(tracked.body.againstDept).toBe(deptId);
    // What the supervisors see: the time it happened (China time) and the contact, as the citizen gave them.
    const forSupervisors = await call('GET', `/complaints?dept=${deptId}`, { token: await tokenFor({ roles: ['supervisor'] }) });
    const [filed] = forSupervisors.body.items;
    expect(filed.complainant).toMatchObject({ contact: '13800000000' });
    expect(new Date(filed.occurredAt).toISOString()).toBe(new Date(`${addDays(localDate(new Date()), -1)}T09:30:00+08:00`).toISOString());

    await page.getByRole('link', { name: '查看办理进度' }).click();
    await page.waitForURL(`**/track/${encodeURIComponent(code)}`);
    await expect.poll(() => page.locator('.status-line').textContent()).toContain('已收到');
    const text = await page.locator('.tracked').textContent();
    expect(text).toContain(name);
    expect(text).toContain('收到投诉');
    expect(text).not.toContain('13800000000'); // no identities on the public page
    await screenshot('track');
    expect(errors).toEqual([]);
  });

  it("an enterprise signs in, refuses a charge on its fee card and sees its complaints, no one else's", async () => {
    const { ent, deptId, deptName, clerk } = await chargedEnterprise();
    // Earlier, signed in, it complained about the same department, which has since answered; another enterprise complained too.
    const complain = async (enterpriseId: string, description: string) =>
      (
        await call('POST', '/complaints', {
          token: await tokenFor({ roles: ['enterprise'], ent: enterpriseId }),
          json: { againstDept: deptId, category: 'inaction', description },
        })
      ).body as { id: string };
    const earlier = await complain(ent, '营业执照变更申请已等待三周。');
    await complain(newCreditCode(), '别家企业的投诉,不应出现。');
    expect((await call('POST', `/complaints/${earlier.id}/acknowledgement`, { token: clerk, json: {} })).status).toBe(200);
    expect(
      (await call('POST', `/complaints/${earlier.id}/resolution`, { token: clerk, json: { summary: '已于今日办结变更登记。' } })).status,
    ).toBe(200);
    const { page, errors, screenshot } = await openPage(browser);
    await page.goto(`${runtime.url}/local/sign-in`);
    await page.getByLabel('身份 Role').selectOption('enterprise');
    await page.getByLabel(/统一社会信用代码/).fill(ent);
    await page.getByRole('button', { name: '登录 Sign in' }).click();
    await page.waitForURL('**/console');

    const entry = page.locator('li.entry', { hasText: '计量器具检定费' });
    await expect.poll(() => entry.textContent()).toContain('¥120.00');
    expect(await page.locator('#card-title + *').textContent()).toContain('闽江纺织有限公司');
    expect(await page.locator('section', { hasText: '登记链校验' }).textContent()).toContain('完整,未被篡改');
    await entry.getByRole('button', { name: '拒缴 / 异议' }).click();
    await entry.getByLabel('问题类别').selectOption('fee-without-service');
    await entry.getByLabel('拒缴理由').fill('未提供检定服务即收费。');
    await entry.getByRole('button', { name: '提交拒缴' }).click();

    await expect.poll(() => entry.textContent()).toContain('已拒缴');
    // Its complaints, from the API: the refusal just made (newest first) and the earlier one with the department's answer.
    const mine = page.locator('ul.own-complaints > li');
    await expect.poll(() => mine.count()).toBe(2);
    const [refusal, answered] = [await mine.nth(0).textContent(), await mine.nth(1).textContent()];
    expect(refusal).toContain('未提供检定服务即收费。');
    expect(refusal).toContain(deptName);
    expect(refusal).toContain('已收到');
    expect(answered).toContain('营业执照变更申请已等待三周。');
    expect(answered).toContain('已答复');
    expect(answered).toContain('已于今日办结变更登记。');
    expect(await page.locator('section[aria-labelledby="my-complaints-title"]').textContent()).not.toContain('别家企业的投诉');
    await screenshot('enterprise-console');
    const card = await call('GET', `/fee-cards/${ent}`, { token: await tokenFor({ roles: ['enterprise'], ent }) });
    expect(card.body.entries[0].refused).toBe(true);
    expect(errors).toEqual([]);
  });

  it('a clerk takes on a complaint and answers it, and the complainant sees the answer', async () => {
    const deptName = `县人社局-${uniqueSuffix()}`;
    const deptId = await newDepartment(deptName);
    const filed = await call('POST', '/complaints', {
      json: { againstDept: deptId, category: 'inaction', description: '社保转移申请一个月未办理。', contact: 'secret@example.com' },
    });
    expect(filed.status).toBe(201);
    const clerk = await tokenFor({ roles: ['department'], dept: deptId });
    const dueDate = addDays(localDate(new Date()), 30);
    const pledge = await call('POST', '/pledges', {
      token: clerk,
      json: { title: '社保转移三日办结', description: '材料齐全三个工作日内办结。', dueDate },
    });
    expect(pledge.status).toBe(201);
    const { page, errors, screenshot } = await openPage(browser);
    await page.goto(`${runtime.url}/console#access_token=${clerk}`);

    // The department's own pledges name it by its name.
    const pledgeRow = page.locator('#my-pledges-title').locator('..').locator('tr', { hasText: '社保转移三日办结' });
    await expect.poll(() => pledgeRow.textContent()).toContain(deptName);
    expect(await pledgeRow.textContent()).not.toContain(deptId);
    // The clerk's identity line names the department, not its id.
    await expect.poll(() => page.locator('.who').textContent()).toContain(`部门 · ${deptName}`);
    expect(await page.locator('.who').textContent()).not.toContain(deptId);
    const item = page.locator('li.queue-item', { hasText: '社保转移申请一个月未办理。' });
    await expect.poll(() => item.textContent()).toContain('剩余时间');
    expect(await item.textContent()).not.toContain('secret@example.com');
    await item.getByRole('button', { name: '受理' }).click();
    await expect.poll(() => item.textContent()).toContain('已受理');
    // Before filing an inspection the clerk sees the quiet-day rule for the date and kind chosen.
    const today = localDate(new Date());
    const tenthNextMonth = new Date(Date.UTC(Number(today.slice(0, 4)), Number(today.slice(5, 7)), 10)).toISOString().slice(0, 10);
    await page.getByLabel('计划日期').fill(tenthNextMonth);
    await page.getByLabel('检查类别').selectOption({ label: '日常检查' });
    expect(await page.locator('#quiet-day').textContent()).toContain('不得开展日常检查');
    await page.getByLabel('检查类别').selectOption({ label: '安全生产检查' });
    expect(await page.locator('#quiet-day').textContent()).toContain('安全生产检查可以进行');
    await item.getByLabel('答复内容').fill('已于今日办结社保转移手续,并电话告知。');
    await screenshot('department-console');
    await item.getByRole('button', { name: '答复', exact: true }).click();
    await expect.poll(() => item.count()).toBe(0); // answered: out of the queue

    const tracked = await call('GET', `/complaints/track/${encodeURIComponent(filed.body.trackingCode)}`);
    expect(tracked.body.status).toBe('resolved');
    expect(tracked.body.answer.summary).toBe('已于今日办结社保转移手续,并电话告知。');
    expect(errors).toEqual([]);
  });

  it('the office approves an inspection and sees an alert arrive without reloading', async () => {
    const deptName = `县应急局-${uniqueSuffix()}`;
    const deptId = await newDepartment(deptName);
    const ent = newCreditCode();
    // The 28th of next month: after the quiet days, so it waits for the office's approval.
    const today = localDate(new Date());
    const next = new Date(Date.UTC(Number(today.slice(0, 4)), Number(today.slice(5, 7)), 28));
    const plannedDate = next.toISOString().slice(0, 10);
    await issueCard(ent, '福州安达机械厂');
    const clerk = await tokenFor({ roles: ['department'], dept: deptId });
    const filed = await call('POST', '/inspections', {
      token: clerk,
      json: { enterpriseId: ent, plannedDate, category: 'routine', reason: '年度安全检查', legalBasis: '安全生产法', inspectors: ['李明'] },
    });
    expect(filed.body.status).toBe('pending-approval');

    // An application the window accepted, now past its pledged deadline (as if the days had gone by).
    const itemName = `建设工程规划许可-${uniqueSuffix()}`;
    const itemCode = newCode('SC');
    const item = {
      dept: deptId,
      name: itemName,
      legalBasis: '城乡规划法第四十条',
      statutoryDays: 20,
      pledgedDays: 10,
      materials: ['申请表'],
    };
    expect((await call('PUT', `/approval-items/${itemCode}`, { token: await office(), json: item })).status).toBe(201);
    const applied = await call('POST', '/applications', {
      token: await tokenFor({ roles: ['enterprise'], ent }),
      json: { itemCode, materials: ['申请表'] },
    });
    expect((await call('POST', `/applications/${applied.body.id}/acceptance`, { token: clerk, json: { accepted: true } })).status).toBe(
      200,
    );
    const twoDaysAgo = new Date(Date.now() - 2 * 86_400_000).toISOString();
    await db.send(
      new UpdateCommand({
        TableName: tableName,
        Key: keys.application(applied.body.id),
        UpdateExpression: 'SET deadline = :past',
        ExpressionAttributeValues: { ':past': twoDaysAgo },
      }),
    );

    const { page, errors, screenshot } = await openPage(browser);
    await page.goto(`${runtime.url}/console#access_token=${await office()}`);
    const overdue = page.locator('#near-title').locator('..').locator('li', { hasText: itemName });
    await expect.poll(() => overdue.textContent()).toContain('已超时');
    expect(await overdue.textContent()).toContain(`办件 ${itemName}`);
    const approval = page.locator('li.queue-item', { hasText: ent });
    await expect.poll(() => approval.textContent()).toContain('审批时限');
    await approval.getByLabel('批准', { exact: true }).check();
    await approval.getByLabel('审批意见').fill('同意,月末检查。');
    await approval.getByRole('button', { name: '提交' }).click();
    await expect.poll(() => approval.count()).toBe(0);
    expect((await call('GET', `/inspections/${filed.body.id}`, { token: clerk })).body.status).toBe('approved');

    // Inspectors at the door before the planned day: not allowed, and the supervisors are alerted.
    const alerts = page.locator('ul.alerts');
    expect(await alerts.textContent()).not.toContain(deptName);
    await page.evaluate(() => {
      (globalThis as any).notReloaded = true;
    });
    // The enterprise's console shows the approved inspection with its check-in code (扫码入企), opening the visit check.
    const door = await openPage(browser, { mobile: true });
    await door.page.goto(`${runtime.url}/console?visit=${filed.body.id}#access_token=${await tokenFor({ roles: ['enterprise'], ent })}`);
    const inspection = door.page.locator('li.inspection', { hasText: plannedDate });
    await expect.poll(() => inspection.textContent()).toContain('已批准');
    expect(await inspection.locator('svg.qr path').getAttribute('d')).toMatch(/^M\d+ \d+h1v1h-1z/);
    await inspection.getByRole('button', { name: '核验本次入企' }).click();
    await expect.poll(() => inspection.textContent()).toContain('不允许入企,已通知监督人员');
    await door.screenshot('enterprise-check-in');
    expect(door.errors).toEqual([]);
    await expect.poll(() => alerts.textContent(), { timeout: 15_000 }).toContain(deptName);
    // Read as a supervisor reads it: Chinese first, the department and the enterprise by name, no ids.
    const arrived = alerts.locator('li', { hasText: deptName });
    expect(await arrived.locator('strong').textContent()).toBe(
      `${deptName}检查人员未经许可进入企业：福州安达机械厂 · Inspectors of ${deptName} at an enterprise without permission`,
    );
    expect(await arrived.textContent()).toContain('超时');
    expect(await arrived.textContent()).toMatch(/不应进行：该检查计划于\d{4}-\d{2}-\d{2}进行，不是今天/);
    expect(await arrived.textContent()).not.toContain(ent);
    expect(await arrived.textContent()).not.toContain(filed.body.id);
    expect(await page.evaluate(() => (globalThis as any).notReloaded)).toBe(true);
    await screenshot('office-console');
    expect(errors).toEqual([]);
  });

  it('at the service centre an enterprise applies, supplies what the one-time notice names, and rates the decision; an appointment is confirmed', async () => {
    const deptName = `县行政审批局-${uniqueSuffix()}`;
    const deptId = await newDepartment(deptName);
    const itemCode = newCode('SC');
    const item = {
      dept: deptId,
      name: `食品经营许可-${uniqueSuffix()}`,
      legalBasis: '食品经营许可和备案管理办法',
      statutoryDays: 15,
      pledgedDays: 10,
    };
    const put = await call('PUT', `/approval-items/${itemCode}`, {
      token: await office(),
      json: { ...item, materials: ['申请书', '营业执照', '场所平面图'] },
    });
    expect(put.status).toBe(201);
    const ent = newCreditCode();
    await issueCard(ent, '闽侯食品有限公司');
    const enterpriseUrl = `${runtime.url}/console#access_token=${await tokenFor({ roles: ['enterprise'], ent })}`;
    const windowUrl = `${runtime.url}/console#access_token=${await tokenFor({ roles: ['department'], dept: deptId })}`;
    // Each signs in once; a reload keeps the session (sessionStorage) and reads the API again. The enterprise is on a phone.
    const enterprise = await openPage(browser, { mobile: true });
    const clerk = await openPage(browser);

    // The enterprise applies: the item's materials are named, and it leaves one out.
    await enterprise.page.goto(enterpriseUrl);
    const mine = enterprise.page.locator('#my-applications-title').locator('..');
    await expect.poll(() => mine.locator('#app-item option', { hasText: item.name }).count()).toBe(1);
    await mine.locator('#app-item').selectOption(itemCode);
    expect(await mine.locator('.rule').textContent()).toContain('申请书、营业执照、场所平面图');
    await mine.getByLabel('提交的材料(每行一项)').fill('申请书\n营业执照');
    await mine.getByRole('button', { name: '提交申请' }).click();
    const own = mine.locator('li.application', { hasText: item.name });
    await expect.poll(() => own.textContent()).toContain('待受理');

    // The window names everything missing at once (一次性告知).
    await clerk.page.goto(windowUrl);
    const windowSection = clerk.page.locator('#window-title').locator('..');
    // A walk-in enterprise is filed for at the counter (窗口代办), for the department's own item.
    const walkIn = newCreditCode();
    await windowSection.locator('summary', { hasText: '窗口代办' }).click();
    await expect.poll(() => windowSection.locator('#window-item option', { hasText: item.name }).count()).toBe(1);
    await windowSection.getByLabel('审批事项').selectOption(itemCode);
    await windowSection.getByLabel('统一社会信用代码').fill(walkIn);
    await windowSection.getByLabel('提交的材料(每行一项)').fill('申请书');
    await windowSection.getByRole('button', { name: '提交申请' }).click();
    await expect.poll(() => windowSection.locator('li.queue-item', { hasText: walkIn }).textContent()).toContain('待受理');
    const atWindow = windowSection.locator('li.queue-item', { hasText: ent });
    await expect.poll(() => atWindow.textContent()).toContain('已提交材料: 申请书、营业执照');
    await atWindow.locator('summary', { hasText: '一次性告知' }).click();
    await atWindow.getByLabel('缺少的材料(每行一项,一次告知全部)').fill('场所平面图');
    await atWindow.getByRole('button', { name: '一次性告知补正' }).click();
    await expect.poll(() => atWindow.textContent()).toContain('待补正');
    expect(await atWindow.textContent()).toContain('一次性告知: 场所平面图');

    // The enterprise supplies it; the window accepts (the clock starts) and decides in time.
    await enterprise.page.reload();
    await expect.poll(() => own.textContent()).toContain('一次性告知: 场所平面图');
    await own.getByLabel('补正的材料(每行一项)').fill('场所平面图');
    await own.getByRole('button', { name: '补正材料' }).click();
    await expect.poll(() => own.textContent()).toContain('待受理');
    await clerk.page.reload();
    await atWindow.getByRole('button', { name: '受理', exact: true }).click();
    await expect.poll(() => atWindow.textContent()).toContain('剩余时间');
    expect(await atWindow.textContent()).toContain('承诺办结时限');
    // It will be late: the delay notice (滞后反馈告知) names a date after the pledged deadline, within the statutory limit.
    const accepted = (await call('GET', '/applications', { token: await tokenFor({ roles: ['enterprise'], ent }) })).body.items[0];
    const expectedBy = addDays(localDate(new Date(accepted.deadline)), 1);
    await atWindow.locator('summary', { hasText: '滞后反馈告知' }).click();
    await atWindow.getByLabel('理由').fill('需现场核查,等待卫生检测报告。');
    await atWindow.getByLabel('预计办结日期').fill(expectedBy);
    await atWindow.getByRole('button', { name: '滞后反馈告知' }).click();
    await expect.poll(() => atWindow.textContent()).toContain(`滞后反馈告知: 需现场核查,等待卫生检测报告。 (${expectedBy})`);
    await clerk.screenshot('department-window');
    await atWindow.getByLabel('办理结果').selectOption({ label: '准予许可' });
    await atWindow.getByLabel('办理意见').fill('材料齐全,准予许可。');
    await atWindow.getByRole('button', { name: '办结', exact: true }).click();
    await expect.poll(() => atWindow.count()).toBe(0);

    // The enterprise sees the decision, on time, and rates it (好差评).
    await enterprise.page.reload();
    await expect.poll(() => own.textContent()).toContain('准予许可');
    expect(await own.textContent()).toContain('按时办结');
    await own.getByLabel('评分(1 至 5 分)').selectOption('5');
    await own.getByRole('button', { name: '提交评价' }).click();
    await expect.poll(() => own.textContent()).toContain('已评价: ★★★★★ (5/5)');
    const [stored] = (await call('GET', '/applications', { token: await tokenFor({ roles: ['enterprise'], ent }) })).body.items;
    expect(stored).toMatchObject({ status: 'decided', materials: ['申请书', '营业执照', '场所平面图'], rating: { score: 5 } });
    expect(stored.decision).toMatchObject({ decision: 'approved', reason: '材料齐全,准予许可。', onTime: true });
    expect(stored.delayNotice).toMatchObject({ reason: '需现场核查,等待卫生检测报告。', expectedBy });
    const windowList = (await call('GET', '/applications', { token: await tokenFor({ roles: ['department'], dept: deptId }) })).body.items;
    expect(windowList).toContainEqual(
      expect.objectContaining({
        enterpriseId: walkIn,
        itemCode,
        status: 'received',
        materials: ['申请书'],
        filedBy: expect.objectContaining({ role: 'department' }),
      }),
    );

    // An appointment asked for at any hour is confirmed by the department within the day.
    const tomorrow = addDays(localDate(new Date()), 1);
    const appointments = enterprise.page.locator('#appointments-title').locator('..');
    await appointments.getByLabel('部门').selectOption({ label: deptName });
    await appointments.getByLabel('预约事项').fill('食品经营许可现场核查');
    await appointments.getByLabel('希望时间').fill(`${tomorrow}T09:00`);
    await appointments.getByRole('button', { name: '预约', exact: true }).click();
    await expect.poll(() => appointments.locator('li', { hasText: '食品经营许可现场核查' }).textContent()).toContain('待确认');
    await clerk.page.reload();
    const toConfirm = clerk.page.locator('#appointment-queue-title').locator('..').locator('li.queue-item', { hasText: ent });
    await toConfirm.getByLabel('服务时间').fill(`${tomorrow}T09:30`);
    await toConfirm.getByLabel('地点').fill('投资服务中心 3号窗口');
    await toConfirm.getByLabel('工作人员(每行一人)').fill('李明');
    await toConfirm.getByRole('button', { name: '确认预约' }).click();
    await expect.poll(() => toConfirm.count()).toBe(0);
    await enterprise.page.reload();
    const confirmed = appointments.locator('li', { hasText: '食品经营许可现场核查' });
    await expect.poll(() => confirmed.textContent()).toContain('已确认');
    expect(await confirmed.textContent()).toContain('投资服务中心 3号窗口');
    expect(await fitsTheScreen(enterprise.page)).toBe(true);
    await enterprise.screenshot('enterprise-service-centre');

    // The public sees the item with its limits and its real record.
    await enterprise.page.goto(`${runtime.url}/`);
    const publicRow = enterprise.page.locator('#approval-items-title').locator('..').locator('tr', { hasText: item.name });
    await expect.poll(() => publicRow.textContent()).toContain('10 / 15 个工作日');
    expect(await publicRow.locator('td').nth(4).textContent()).toBe('100%');
    expect(enterprise.errors).toEqual([]);
    expect(clerk.errors).toEqual([]);
  });

  it("the public page shows the quarter's ranking as a chart and a table, the last placed named", async () => {
    const clean = await newDepartment(`县税务局-${uniqueSuffix()}`);
    const { deptId: penalised, ent, code, clerk } = await chargedEnterprise();
    // Two charges over the standard: rejected attempts cost the department points.
    for (const amount of [90000, 95000]) {
      const rejected = await call('POST', `/fee-cards/${ent}/entries`, {
        token: clerk,
        json: { feeItemCode: code, amount, collector: '王丽', collectedAt: new Date().toISOString(), receiptNo: `R-${uniqueSuffix()}` },
      });
      expect(rejected.status).toBe(422);
    }
    const today = localDate(new Date());
    const quarter = `${today.slice(0, 4)}-Q${Math.floor((Number(today.slice(5, 7)) - 1) / 3) + 1}`;
    const evaluation = (await call('GET', `/evaluations/${quarter}`)).body;
    const row = (id: string) => evaluation.departments.find((d: any) => d.deptId === id);
    expect(row(penalised).score).toBeLessThan(row(clean).score);
    expect(evaluation.lastPlaced.length).toBeGreaterThan(0);

    const { page, errors, screenshot } = await openPage(browser);
    await page.goto(`${runtime.url}/`);
    const section = page.locator('section', { has: page.locator('#evaluation-title') });
    await expect.poll(() => section.locator('.chart svg').count()).toBe(1);
    const chartText = await section.locator('.chart svg').textContent();
    expect(chartText).toContain(row(penalised).name);
    expect(chartText).toContain(String(row(penalised).score));
    const tableRow = section.locator('tr', { hasText: row(penalised).name });
    expect(await tableRow.locator('td').nth(2).textContent()).toBe(String(row(penalised).score));
    const note = await section.locator('.last-placed').textContent();
    for (const last of evaluation.lastPlaced) expect(note).toContain(last.name);
    expect(await page.locator('#fees-title').textContent()).toContain('收费目录');
    expect(await page.locator('#pledges-title').textContent()).toContain('公开承诺');
    await screenshot('public');
    // English is one click away.
    await page.getByRole('button', { name: 'English' }).click();
    expect(await page.locator('#evaluation-title').textContent()).toContain('Quarterly evaluation');
    expect(errors).toEqual([]);
  });
  it('in AWS, signs in through the managed login with an authorization code and PKCE', async () => {
    const idToken = await tokenFor({ roles: ['supervisor'], sub: '督查组 张华' });
    const { page, errors } = await openPage(browser);
    const login = 'https://login.soft-env.test/oauth2';
    // config.json as the deployment writes it, and the user pool's endpoints, stood in for by the test.
    await page.route('**/config.json', (route) =>
      route.fulfill({
        json: { apiUrl: '', oauth: { authorizeUrl: `${login}/authorize`, tokenUrl: `${login}/token`, clientId: 'console-client' } },
      }),
    );
    let challenge = '';
    await page.route(`${login}/authorize**`, (route) => {
      const query = new URL(route.request().url()).searchParams;
      expect(query.get('response_type')).toBe('code');
      expect(query.get('code_challenge_method')).toBe('S256');
      challenge = query.get('code_challenge')!;
      return route.fulfill({
        status: 302,
        headers: { location: `${query.get('redirect_uri')}?code=the-code&state=${query.get('state')}` },
      });
    });
    let exchanged: URLSearchParams | undefined;
    await page.route(`${login}/token`, (route) => {
      if (route.request().method() === 'OPTIONS')
        return route.fulfill({
          status: 204,
          headers: { 'access-control-allow-origin': '*', 'access-control-allow-headers': 'content-type' },
        });
      exchanged = new URLSearchParams(route.request().postData()!);
      // The verifier proves the code was asked for by this page.
      const proof = createHash('sha256').update(exchanged.get('code_verifier')!).digest('base64url');
      return route.fulfill(
        proof === challenge
          ? { json: { id_token: idToken, token_type: 'Bearer' }, headers: { 'access-control-allow-origin': '*' } }
          : { status: 400, json: { error: 'invalid_grant' } },
      );
    });
    await page.goto(`${runtime.url}/console`);
    await page.getByRole('main').getByRole('button', { name: '登录' }).click();
    await expect
      .poll(() =>
        page
          .locator('.who')
          .textContent()
          .catch(() => ''),
      )
      .toContain('监督人员');
    expect(exchanged?.get('code')).toBe('the-code');
    expect(exchanged?.get('client_id')).toBe('console-client');
    expect(page.url()).toBe(`${runtime.url}/console`); // the code is gone from the address bar
    expect(await page.locator('#alerts-title').textContent()).toContain('实时预警');
    expect(errors).toEqual([]);
  });
});
