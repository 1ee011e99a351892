/**
 * `npm run demo` (and `npm start -- --demo`): fills a fresh DATA_DIR with a believable county,
 * through the API itself (the local runtime's gateway and handlers, with local tokens), so
 * every rule, counter, deadline and alert is what real use would leave.
 *
 * Two passes: one with the handlers' clock in the previous quarter (its evaluation has
 * something to rank), then one today. Every date is relative to today.
 */
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { completeCreditCode } from '#shared/domain/credit-code';
import { sampleFeeItem } from '../functions/fee-cards/responses.ts';
import { startRuntimeProcess } from '../infra/local/child.ts';
import { loadOrCreateKeys, signToken, type TokenClaims } from '../infra/local/signing.ts';

const DEPARTMENTS: [string, string][] = [
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

const FEE_ITEMS: { code: string; unit: string; name: string; legalBasis: string; standard: object }[] = [
  sampleFeeItem,
  {
    code: 'SJ-002',
    unit: 'market-regulation',
    name: '特种设备检验费',
    legalBasis: '《特种设备安全法》第五十条',
    standard: { kind: 'range', min: 30000, max: 120000 },
  },
  {
    code: 'ZR-001',
    unit: 'natural-resources',
    name: '不动产登记费',
    legalBasis: '《不动产登记暂行条例》',
    standard: { kind: 'fixed', amount: 55000 },
  },
  {
    code: 'ZJ-001',
    unit: 'housing',
    name: '城市道路占用费',
    legalBasis: '《城市道路管理条例》第三十七条',
    standard: { kind: 'range', min: 10000, max: 80000 },
  },
  {
    code: 'ST-001',
    unit: 'ecology',
    name: '排污许可证工本费',
    legalBasis: '《排污许可管理条例》',
    standard: { kind: 'fixed', amount: 1000 },
  },
  {
    code: 'JT-001',
    unit: 'transport',
    name: '道路运输证工本费',
    legalBasis: '《道路运输条例》',
    standard: { kind: 'fixed', amount: 1500 },
  },
  {
    code: 'XF-001',
    unit: 'fire-rescue',
    name: '消防设施检测费',
    legalBasis: '《消防法》第三十四条',
    standard: { kind: 'range', min: 20000, max: 60000 },
  },
  {
    code: 'WJ-001',
    unit: 'health',
    name: '公共场所卫生检测费',
    legalBasis: '《公共场所卫生管理条例》',
    standard: { kind: 'range', min: 8000, max: 30000 },
  },
];

/** The service centre's approval items (审批事项): pledged limits at most two thirds of the statutory ones. */
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

/** A valid unified social credit code from a seed (the check character computed). */
function creditCode(seed: number): string {
  const body = `91350100MA${String(seed).padStart(7, '0')}`.slice(0, 17);
  return completeCreditCode(body);
}

const ENTERPRISES = [
  { id: creditCode(3210001), name: '闽江纺织有限公司' },
  { id: creditCode(3210002), name: '青山茶业股份有限公司' },
  { id: creditCode(3210003), name: '海峡精密机械有限公司' },
  { id: creditCode(3210004), name: '云岭食品加工厂' },
] as const;

const addDays = (date: string, days: number) => new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The fields the demo reads back (ids, the clock) are strings. */
type Call = (method: string, route: string, token?: string, json?: unknown) => Promise<Record<string, string>>;

async function clientFor(url: string, dataDir: string) {
  const keys = await loadOrCreateKeys(dataDir);
  const token = (claims: TokenClaims) => signToken(keys, claims);
  const call: Call = async (method, route, bearer, json) => {
    for (;;) {
      const response = await fetch(`${url}${route}`, {
        method,
        headers: {
          ...(bearer ? { authorization: `Bearer ${bearer}` } : {}),
          ...(json === undefined ? {} : { 'content-type': 'application/json' }),
        },
        ...(json === undefined ? {} : { body: JSON.stringify(json) }),
      });
      // Complaint intake is throttled: wait and ask again.
      if (response.status === 429) {
        await sleep(500);
        continue;
      }
      const body = (await response.json().catch(() => ({}))) as Record<string, string>;
      if (response.status >= 400) throw new Error(`demo: ${method} ${route} answered ${response.status}: ${JSON.stringify(body)}`);
      return body;
    }
  };
  const tokens = {
    office: await token({ sub: 'office-chen', roles: ['soft-env-office'] }),
    park: await token({ sub: 'park-lin', roles: ['park-office'] }),
    supervisor: await token({ sub: 'supervisor-zhao', roles: ['supervisor'] }),
    centre: await token({ sub: 'centre-wu', roles: ['service-centre'] }),
    dept: (dept: string) => token({ sub: `clerk@${dept}`, roles: ['department'], dept }),
    ent: (ent: string) => token({ sub: `owner@${ent}`, roles: ['enterprise'], ent }),
  };
  /** The enterprise refuses a charge it got no service for (拒缴): a complaint and an alert follow. */
  const refuseCharge = async (enterpriseId: string, entryId: string | undefined, reason: string) =>
    call('POST', `/fee-cards/${enterpriseId}/entries/${entryId}/refusal`, await tokens.ent(enterpriseId), {
      reason,
      category: 'fee-without-service',
    });
  /** A department records a charge on an enterprise's card (登记收费). */
  const recordCharge = (token: string, enterpriseId: string, charge: object) =>
    call('POST', `/fee-cards/${enterpriseId}/entries`, token, charge);
  return { call, tokens, refuseCharge, recordCharge };
}

type Client = Awaited<ReturnType<typeof clientFor>>;

/** The previous quarter: the county as it was, so its evaluation ranks something. */
async function pastQuarter({ call, tokens, refuseCharge, recordCharge }: Client) {
  const today = ((await call('GET', '/health')).now as string).slice(0, 10);
  for (const [deptId, name] of DEPARTMENTS) await call('PUT', `/departments/${deptId}`, tokens.office, { name });
  for (const { code, ...item } of FEE_ITEMS)
    await call('PUT', `/fee-items/${code}`, tokens.office, { ...item, validFrom: addDays(today, -30) });
  for (const deptId of ['market-regulation', 'housing', 'taxation', 'approvals']) {
    await call('PUT', `/departments/${deptId}/handlers`, await tokens.dept(deptId), {
      handlers: [
        { id: 'zhang', name: '张伟', available: true },
        { id: 'wang', name: '王芳', available: true },
        { id: 'li', name: '李娜', available: true },
      ],
    });
  }
  for (const enterprise of ENTERPRISES)
    await call('POST', '/fee-cards', tokens.park, { enterpriseId: enterprise.id, enterpriseName: enterprise.name });

  const [textiles, tea] = ENTERPRISES;
  const collectedAt = `${today}T09:30:00+08:00`;
  const housing = await tokens.dept('housing');
  const charged = await recordCharge(housing, tea.id, {
    feeItemCode: 'ZJ-001',
    amount: 60000,
    collector: '刘强',
    collectedAt,
    receiptNo: 'ZJ-2023-0017',
  });
  await refuseCharge(tea.id, charged.entryId, '施工已结束，道路未占用，仍被收取占道费。');
  await recordCharge(housing, textiles.id, {
    feeItemCode: 'ZJ-001',
    amount: 95000,
    collector: '刘强',
    collectedAt,
    receiptNo: 'ZJ-2023-0018',
  }).catch(() => undefined); // over the standard: refused and kept for the audit

  // Complaints closed with a verdict: housing's substantiated, taxation's not.
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

/** Today: a fee list in use, a refused charge, complaints in every state, pledges, an inspection awaiting approval, the service centre at work. */
async function thisQuarter({ call, tokens, refuseCharge, recordCharge }: Client) {
  const now = (await call('GET', '/health')).now as string;
  const today = now.slice(0, 10);
  const [textiles, tea, machinery, food] = ENTERPRISES;
  const market = await tokens.dept('market-regulation');
  const fire = await tokens.dept('fire-rescue');
  const collectedAt = now;

  // Fee cards: entries, one refused by the enterprise, one attempt over the standard.
  await recordCharge(market, textiles.id, { feeItemCode: 'SJ-001', amount: 12000, collector: '王丽', collectedAt, receiptNo: 'SJ-0001' });
  await recordCharge(market, textiles.id, { feeItemCode: 'SJ-002', amount: 45000, collector: '王丽', collectedAt, receiptNo: 'SJ-0002' });
  await recordCharge(fire, machinery.id, { feeItemCode: 'XF-001', amount: 30000, collector: '郑凯', collectedAt, receiptNo: 'XF-0101' });
  const disputed = await recordCharge(await tokens.dept('health'), food.id, {
    feeItemCode: 'WJ-001',
    amount: 26000,
    collector: '孙悦',
    collectedAt,
    receiptNo: 'WJ-0033',
  });
  await refuseCharge(food.id, disputed.entryId, '检测未实际开展，只收费未出具报告。');
  await recordCharge(market, tea.id, { feeItemCode: 'SJ-001', amount: 50000, collector: '王丽', collectedAt, receiptNo: 'SJ-0003' }).catch(
    () => undefined,
  );

  // An inspection after the 25th waits for the office's approval; a safety check on a quiet day is filed at once.
  let planned = addDays(today, 1);
  while (Number(planned.slice(8, 10)) < 26) planned = addDays(planned, 1);
  await call('POST', '/inspections', market, {
    enterpriseId: textiles.id,
    plannedDate: planned,
    category: 'routine',
    reason: '年度计量器具监督检查',
    legalBasis: '《计量法》第十八条',
    inspectors: ['李明', '陈静'],
  });
  let quiet = addDays(today, 1);
  while (Number(quiet.slice(8, 10)) > 25) quiet = addDays(quiet, 1);
  await call('POST', '/inspections', fire, {
    enterpriseId: machinery.id,
    plannedDate: quiet,
    category: 'safety',
    reason: '锅炉房消防设施安全检查',
    legalBasis: '《消防法》第五十三条',
    inspectors: ['郑凯'],
  });

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

  await assistedProject({ call, tokens }, machinery.id, now, licence.code);
  await accountability({ call, tokens, refuseCharge, recordCharge }, now);
}

/**
 * The assistance centre (帮办服务中心): an investor's project with tasks in every state (assigned,
 * accepted, returned, handed on, completed), a joint meeting with its minutes (one department
 * stayed away), and an application filed under the enterprise's mandate (代办).
 */
async function assistedProject({ call, tokens }: Pick<Client, 'call' | 'tokens'>, enterpriseId: string, now: string, itemCode: string) {
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

/**
 * Accountability (责任追究) today: findings of open and covert checks (one covert still hidden from
 * its department), a case decided with sanctions and so publicly noticed, and the retaliation watch
 * at work: an enterprise complains, the department it named then charges it, a supervisor reviews the flag.
 */
async function accountability({ call, tokens, recordCharge }: Client, now: string) {
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

/** The first instant of the previous quarter plus three weeks, 10:00 China time. */
function inPreviousQuarter(now = new Date()): string {
  const local = new Date(now.getTime() + 8 * 3_600_000);
  const quarterStartMonth = Math.floor(local.getUTCMonth() / 3) * 3;
  const start = new Date(Date.UTC(local.getUTCFullYear(), quarterStartMonth - 3, 22));
  return `${start.toISOString().slice(0, 10)}T10:00:00+08:00`;
}

/** Whether DATA_DIR already holds a county (the demo fills only a fresh one). */
export const hasData = (dataDir: string) =>
  existsSync(path.join(dataDir, 'dynamodb')) && readdirSync(path.join(dataDir, 'dynamodb')).length > 0;

export async function fillDemo(dataDir: string, say: (line: string) => void = console.log): Promise<void> {
  if (hasData(dataDir))
    throw new Error(`${dataDir} already holds data: the demo fills a fresh DATA_DIR (e.g. DATA_DIR=.demo npm run demo).`);
  const passes: [string, Record<string, string>, (client: Client) => Promise<void>][] = [
    ['the previous quarter', { CLOCK_START: inPreviousQuarter() }, pastQuarter],
    ['today', {}, thisQuarter],
  ];
  for (const [label, env, fill] of passes) {
    say(`Demo: filling ${label}...`);
    const runtime = await startRuntimeProcess(env, { dataDir });
    try {
      await fill(await clientFor(runtime.info.url, dataDir));
      await sleep(1500); // the stream worker delivers the last alerts and starts the last deadlines
    } finally {
      await runtime.stop();
    }
  }
  say(
    `Demo: ${DEPARTMENTS.length} departments, ${FEE_ITEMS.length} fee items, ${ENTERPRISES.length} enterprises with cards, complaints, pledges, inspections, ${APPROVAL_ITEMS.length} approval items with applications and appointments, an assisted project with its tasks and a joint meeting, supervision findings, a decided accountability case and a reviewed retaliation flag are in ${dataDir}.`,
  );
}

if (process.argv[1] && import.meta.url === new URL(`file://${process.argv[1]}`).href) {
  const dataDir = path.resolve(process.env.DATA_DIR ?? '.data');
  try {
    await fillDemo(dataDir);
    console.log(`Now: DATA_DIR=${process.env.DATA_DIR ?? '.data'} npm start`);
  } catch (error) {
    console.error((error as Error).message);
    process.exit(1);
  }
}
