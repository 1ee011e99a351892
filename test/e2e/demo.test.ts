/**
 * `npm start -- --demo` fills a fresh DATA_DIR with a believable county through the API, then
 * serves it: what a newcomer sees is there.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clientFor } from '../support/http.ts';
import { fillDemo } from '../../scripts/demo.ts';

const root = path.resolve(import.meta.dirname, '../..');
const dataDir = mkdtempSync(path.join(tmpdir(), 'soft-env-demo-'));
let child: ChildProcess;
let output = '';
let client: Awaited<ReturnType<typeof clientFor>>;

beforeAll(async () => {
  child = spawn(path.join(root, 'node_modules/.bin/tsx'), ['infra/local/main.ts', '--demo'], {
    cwd: root,
    env: { ...process.env, PORT: '0', DATA_DIR: dataDir, POWERTOOLS_LOG_LEVEL: 'ERROR' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  const deadline = Date.now() + 280_000;
  while (!/soft-env is running at (\S+)/.test(output)) {
    if (child.exitCode !== null || Date.now() > deadline) throw new Error(`npm start -- --demo did not start:\n${output}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  client = await clientFor({ url: /soft-env is running at (\S+)/.exec(output)![1]!, dataDir });
}, 300_000);

afterAll(async () => {
  if (child.exitCode === null) {
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 15_000))]);
  }
  rmSync(dataDir, { recursive: true, force: true });
});

const previousQuarter = () => {
  const local = new Date(Date.now() + 8 * 3_600_000);
  const quarter = Math.floor(local.getUTCMonth() / 3);
  return quarter === 0 ? `${local.getUTCFullYear() - 1}-Q4` : `${local.getUTCFullYear()}-Q${quarter}`;
};

describe('the demo county', () => {
  it('says what it fills, then each step of starting', () => {
    expect(output).toContain('Demo: filling the previous quarter...');
    expect(output).toContain('Demo: filling today...');
    const java = /Java \d+ found\./.exec(output.slice(output.lastIndexOf('Starting: checking the data folder, the port and Java')))?.[0];
    expect(java).toBeDefined();
    const steps = [
      java!,
      'Starting DynamoDB Local',
      'Synthesizing the CDK app',
      'Loading the handlers',
      'Starting the deadline state machine',
      'Starting the stream worker',
      'Starting the API on',
      'soft-env is running at',
    ];
    const positions = steps.map((step) => output.lastIndexOf(step));
    expect(
      positions.every((position) => position >= 0),
      output,
    ).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
  });

  it('has a dozen departments with Chinese names, and their published fees', async () => {
    const departments = await client.call('GET', '/departments?limit=100');
    expect(departments.body.items).toHaveLength(12);
    expect(departments.body.items).toContainEqual(expect.objectContaining({ deptId: 'market-regulation', name: '市场监督管理局' }));
    const fees = await client.call('GET', '/fee-items?unit=market-regulation');
    expect(fees.body.items.map((item: { name: string }) => item.name)).toEqual(
      expect.arrayContaining(['计量器具检定费', '特种设备检验费']),
    );
  });

  it('has enterprises with cards and entries, one refused, and rejected attempts in the audit', async () => {
    const office = await client.tokenFor({ roles: ['soft-env-office'] });
    const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
    const audit = await client.call('GET', `/fee-audit?from=${today.slice(0, 8)}01&to=${today}`, { token: office });
    expect(audit.status).toBe(200);
    const totals = audit.body.totals.byUnit as { unit: string; entries: number; refused: number; rejectedAttempts: number }[];
    expect(totals.reduce((sum, unit) => sum + unit.entries, 0)).toBeGreaterThanOrEqual(4);
    expect(totals.find((unit) => unit.unit === 'health')?.refused).toBe(1);
    expect(totals.find((unit) => unit.unit === 'market-regulation')?.rejectedAttempts).toBe(1);
    const refusedCard = audit.body.items.find((item: { kind: string }) => item.kind === 'refusal');
    const card = await client.call('GET', `/fee-cards/${refusedCard.enterpriseId}`, { token: office });
    expect(card.body.chain.valid).toBe(true);
    expect(card.body.entries.filter((entry: { refused: boolean }) => entry.refused)).toHaveLength(1);
  });

  it('has an inspection waiting for approval, complaints in every state, pledges kept and broken', async () => {
    const office = await client.tokenFor({ roles: ['soft-env-office'] });
    const pending = await client.call('GET', '/inspections?status=pending-approval', { token: office });
    expect(pending.body.items).toHaveLength(1);
    expect(Number(pending.body.items[0].plannedDate.slice(8, 10))).toBeGreaterThanOrEqual(26);
    const complaints = await client.call('GET', '/complaints?limit=100', { token: office });
    const statuses = new Set(complaints.body.items.map((complaint: { status: string }) => complaint.status));
    expect([...statuses].sort()).toEqual(['acknowledged', 'closed', 'received', 'resolved']);
    expect(complaints.body.items.some((complaint: { delayNotice?: unknown }) => complaint.delayNotice)).toBe(true);
    const pledges = await client.call('GET', '/pledges?limit=100');
    const pledgeStatuses = pledges.body.items.map((pledge: { status: string }) => pledge.status);
    expect(pledgeStatuses).toEqual(expect.arrayContaining(['kept', 'broken', 'open', 'in-progress']));
  });

  it("has a past quarter's evaluation with the last placed named", async () => {
    const evaluation = await client.call('GET', `/evaluations/${previousQuarter()}`);
    expect(evaluation.status).toBe(200);
    expect(evaluation.body.departments).toHaveLength(12);
    expect(evaluation.body.lastPlaced).toEqual([{ deptId: 'housing', name: '住房和城乡建设局' }]);
    const housing = evaluation.body.departments.find((row: { deptId: string }) => row.deptId === 'housing');
    expect(housing.figures).toMatchObject({ complaintsSubstantiated: 2, brokenPledges: 1, refusedFeeEntries: 1, rejectedFeeAttempts: 1 });
    expect(housing.score).toBeLessThan(100);
  });

  it('has the service centre at work: approval items, applications in every state (one decided and rated), appointments', async () => {
    const items = await client.call('GET', '/approval-items');
    expect(items.body.items.map((item: { code: string }) => item.code)).toEqual(expect.arrayContaining(['SP-001', 'SP-002', 'SP-003']));
    expect(items.body.items.find((item: { code: string }) => item.code === 'SP-003').performance).toMatchObject({ decided: 1, onTime: 1 });
    const office = await client.tokenFor({ roles: ['soft-env-office'] });
    const applications = (await client.call('GET', '/applications?limit=100', { token: office })).body.items;
    expect(new Set(applications.map((application: { status: string }) => application.status))).toEqual(
      new Set(['received', 'incomplete', 'accepted', 'decided']),
    );
    expect(applications.find((application: { status: string }) => application.status === 'decided').rating).toMatchObject({ score: 5 });
    const appointments = (await client.call('GET', '/appointments?limit=100', { token: office })).body.items;
    expect(appointments.map((appointment: { status: string }) => appointment.status).sort()).toEqual(['confirmed', 'requested']);
  });

  it('has an assisted project (帮办) with tasks in every state, a joint meeting with its minutes and an application filed for it', async () => {
    const centre = await client.tokenFor({ roles: ['service-centre'] });
    const [listed] = (await client.call('GET', '/assisted-cases', { token: centre })).body.items;
    expect(listed).toMatchObject({ project: '年产五万台农机装配线', status: 'open', steward: { sub: 'centre-wu' } });
    const project = (await client.call('GET', `/assisted-cases/${listed.id}`, { token: centre })).body;
    expect(new Set(project.tasks.map((task: { status: string }) => task.status))).toEqual(
      new Set(['assigned', 'accepted', 'returned', 'handed-on', 'completed']),
    );
    expect(project.meetings).toEqual([
      expect.objectContaining({ chair: '刘副县长', minutes: expect.objectContaining({ absent: ['human-resources'] }) }),
    ]);
    expect(project.applications).toEqual([expect.objectContaining({ status: 'received', dept: 'approvals' })]);
    const supervisor = await client.tokenFor({ roles: ['supervisor'] });
    const missed = (await client.call('GET', '/alerts?concern=assistance&limit=50', { token: supervisor })).body.items;
    expect(missed).toContainEqual(expect.objectContaining({ kind: 'meeting-missed', department: 'human-resources' }));
  });

  it("has supervision findings (one covert, hidden from its department), a decided and appealed case with its public notice, the last placed's plan, a reviewed retaliation flag", async () => {
    const supervisor = await client.tokenFor({ roles: ['supervisor'] });
    const findings = (await client.call('GET', '/supervision-findings?limit=50', { token: supervisor })).body.items;
    expect(findings.map((finding: { dept: string; method: string }) => `${finding.dept}:${finding.method}`).sort()).toEqual([
      'emergency:covert',
      'housing:open',
      'natural-resources:covert',
    ]);
    const hidden = findings.find((finding: { dept: string }) => finding.dept === 'natural-resources');
    const asDept = await client.tokenFor({ roles: ['department'], dept: 'natural-resources' });
    expect((await client.call('GET', `/supervision-findings/${hidden.id}`, { token: asDept })).status).toBe(404);
    const cases = (await client.call('GET', '/accountability-cases?dept=housing', { token: supervisor })).body.items;
    expect(cases).toEqual([
      expect.objectContaining({
        status: 'appeal-decided',
        decision: expect.objectContaining({ outcome: 'sanctioned', by: 'supervisor-zhao' }),
        appeal: expect.objectContaining({ reason: '当班人员为临时顶岗，未经窗口培训。' }),
        appealDecision: expect.objectContaining({ upheld: true, by: 'supervisor-qian' }),
        withdrawn: false,
      }),
    ]);
    const notices = (await client.call('GET', '/accountability-notices')).body.items;
    expect(notices).toEqual([expect.objectContaining({ dept: 'housing', clause: '三.1.2', measure: 'admonishment-talk' })]);
    expect(JSON.stringify(notices)).not.toContain('刘某');
    const flags = (await client.call('GET', '/retaliation-flags?dept=market-regulation', { token: supervisor })).body.items;
    expect(flags).toEqual([expect.objectContaining({ status: 'dismissed', act: expect.objectContaining({ type: 'fee-entry-recorded' }) })]);
    // The previous quarter's last placed filed its plan: a second one is refused, and no other department may file one.
    const plan = {
      causes: '再次提交。',
      measures: '再次提交。',
      dueDate: new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10),
    };
    const housing = await client.tokenFor({ roles: ['department'], dept: 'housing' });
    const again = await client.call('POST', `/evaluations/${previousQuarter()}/rectification`, { token: housing, json: plan });
    expect([again.status, again.body.type]).toEqual([409, 'urn:soft-env:problem:rectification-filed']);
    const transport = await client.tokenFor({ roles: ['department'], dept: 'transport' });
    const notLast = await client.call('POST', `/evaluations/${previousQuarter()}/rectification`, { token: transport, json: plan });
    expect([notLast.status, notLast.body.type]).toEqual([422, 'urn:soft-env:problem:not-last-placed']);
  });

  it('fills only a fresh DATA_DIR', async () => {
    await expect(fillDemo(dataDir, () => undefined)).rejects.toThrow('already holds data');
  });
});
