/**
 * What the reliability suite shares: every declared route, the kinds of caller, a client that
 * can speak from any loopback address (the per-client limit counts by address), and a small
 * world of records (two departments, two enterprises, a card with an entry, an inspection, a
 * complaint, a pledge) that each route's sample request points at.
 */
import { request as httpRequest } from 'node:http';
import { concerns } from '../../infra/concerns.ts';
import type { RouteSpec } from '#shared/http/routes';
import { addDays, localDate } from '#shared/time/clock';
import { newCreditCode, newDeptId, uniqueSuffix } from '../support/data.ts';
import { requestParts, runtime, tokenFor } from '../support/http.ts';

export interface DeclaredRoute {
  concern: string;
  name: string;
  route: RouteSpec;
}

/** Every route, from the same declarations the gateway, the CDK API and OpenAPI are built from. */
export const declaredRoutes: DeclaredRoute[] = concerns.flatMap((concern) =>
  Object.entries(concern.api.routes).map(([name, route]) => ({ concern: concern.name, name, route })),
);

export interface Answer {
  status: number;
  contentType: string;
  headers: Record<string, string | string[] | undefined>;
  text: string;
  body: any;
}

export interface Send {
  token?: string;
  json?: unknown;
  body?: string;
  headers?: Record<string, string>;
  /** The loopback address the request comes from (127.x.y.z). */
  from?: string;
}

/** One HTTP request to the running local runtime. */
export function send(method: string, path: string, options: Send = {}, base = runtime.url): Promise<Answer> {
  const url = new URL(path, base);
  const { headers, body } = requestParts(options);
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      {
        host: url.hostname,
        port: url.port,
        path: `${url.pathname}${url.search}`,
        method,
        headers,
        localAddress: options.from ?? '127.0.0.1',
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          const contentType = res.headers['content-type'] ?? '';
          let parsed: unknown = text;
          if (text && contentType.includes('json')) {
            try {
              parsed = JSON.parse(text);
            } catch {
              parsed = text;
            }
          }
          resolve({ status: res.statusCode ?? 0, contentType, headers: res.headers, text, body: parsed });
        });
      },
    );
    req.on('error', reject);
    if (body !== undefined) req.write(body);
    req.end();
  });
}

/** A loopback address of its own for each use, so per-client limits of one test do not touch another's. */
let nextAddress = Math.floor(Math.random() * 200);
export const freshAddress = (): string => {
  nextAddress += 1;
  return `127.${10 + ((nextAddress >> 16) % 200)}.${(nextAddress >> 8) & 255}.${nextAddress & 255 || 1}`;
};

/** The kinds of caller the matrix tries on every route. */
export const CALLER_KINDS = [
  'anonymous',
  'department',
  'other-department',
  'soft-env-office',
  'supervisor',
  'park-office',
  'service-centre',
  'enterprise',
  'other-enterprise',
  'department-without-dept',
  'no-known-role',
] as const;
export type CallerKind = (typeof CALLER_KINDS)[number];

export interface World {
  deptA: string;
  deptB: string;
  entA: string;
  entB: string;
  feeItemCode: string;
  receiptNo: string;
  entryId: string;
  approvalItemCode: string;
  inspectionId: string;
  complaintId: string;
  complaintContact: string;
  trackingCode: string;
  pledgeId: string;
  appointmentId: string;
  applicationId: string;
  /** An assisted case of entA (帮办), with a task of deptA and a meeting held an hour ago; its project names nobody else's. */
  assistedCaseId: string;
  assistedCaseProject: string;
  taskId: string;
  meetingId: string;
  /** Accountability: a covert finding not yet disclosed, an open one, a case, a retaliation flag. */
  covertFindingId: string;
  openFindingId: string;
  caseId: string;
  flagId: string;
  tokens: Record<Exclude<CallerKind, 'anonymous'>, string>;
}

function expectOk(answer: Answer, what: string): Answer {
  if (answer.status >= 300) throw new Error(`setting up ${what}: ${answer.status} ${answer.text}`);
  return answer;
}

/** The next month's 27th: after the 25th, so an inspection then waits for the office's decision. */
export function afterThe25th(today: string): string {
  const [year, month] = today.split('-').map(Number) as [number, number];
  const next = month === 12 ? `${year + 1}-01` : `${year}-${String(month + 1).padStart(2, '0')}`;
  return `${next}-27`;
}

export async function buildWorld(): Promise<World> {
  const deptA = newDeptId('rel-a');
  const deptB = newDeptId('rel-b');
  const entA = newCreditCode();
  const entB = newCreditCode();
  const tokens: World['tokens'] = {
    department: await tokenFor({ roles: ['department'], dept: deptA, sub: `clerk-${deptA}` }),
    'other-department': await tokenFor({ roles: ['department'], dept: deptB, sub: `clerk-${deptB}` }),
    'soft-env-office': await tokenFor({ roles: ['soft-env-office'], sub: 'office-rel' }),
    supervisor: await tokenFor({ roles: ['supervisor'], sub: 'supervisor-rel' }),
    'park-office': await tokenFor({ roles: ['park-office'], sub: 'park-rel' }),
    'service-centre': await tokenFor({ roles: ['service-centre'], sub: 'centre-rel' }),
    enterprise: await tokenFor({ roles: ['enterprise'], ent: entA, sub: `owner-${entA}` }),
    'other-enterprise': await tokenFor({ roles: ['enterprise'], ent: entB, sub: `owner-${entB}` }),
    'department-without-dept': await tokenFor({ roles: ['department'], sub: 'clerk-nowhere' }),
    'no-known-role': await tokenFor({ roles: ['citizen'], sub: 'somebody' }),
  };
  const office = tokens['soft-env-office'];
  const from = freshAddress();
  for (const dept of [deptA, deptB]) {
    expectOk(await send('PUT', `/departments/${dept}`, { token: office, json: { name: `Bureau ${dept}` }, from }), 'a department');
    expectOk(
      await send('PUT', `/departments/${dept}/handlers`, {
        token: office,
        json: { handlers: [{ id: 'zhang', name: 'Zhang Wei', available: true }] },
        from,
      }),
      'a roster',
    );
  }
  const feeItemCode = `REL-${uniqueSuffix()}`;
  expectOk(
    await send('PUT', `/fee-items/${feeItemCode}`, {
      // In force since yesterday, so the world's entry an hour ago was collected under it.
      token: office,
      from,
      json: {
        unit: deptA,
        name: 'Verification',
        legalBasis: 'Metrology Law art. 9',
        standard: { kind: 'range', min: 1000, max: 50000 },
        validFrom: addDays(localDate(new Date()), -1),
      },
    }),
    'a fee item',
  );
  const approvalItemCode = `REL-${uniqueSuffix()}`;
  expectOk(
    await send('PUT', `/approval-items/${approvalItemCode}`, {
      token: office,
      from,
      json: {
        dept: deptA,
        name: 'Business licence',
        legalBasis: 'Registration Regulations art. 19',
        statutoryDays: 15,
        pledgedDays: 10,
        materials: ['application form'],
      },
    }),
    'an approval item',
  );
  for (const ent of [entA, entB]) {
    expectOk(
      await send('POST', '/fee-cards', {
        token: tokens['park-office'],
        json: { enterpriseId: ent, enterpriseName: `Enterprise ${ent}` },
        from,
      }),
      'a card',
    );
  }
  const receiptNo = `RCPT-${uniqueSuffix()}`;
  const entry = expectOk(
    await send('POST', `/fee-cards/${entA}/entries`, {
      token: tokens.department,
      from,
      json: { feeItemCode, amount: 12000, collector: 'Wang Li', collectedAt: new Date(Date.now() - 3_600_000).toISOString(), receiptNo },
    }),
    'a fee entry',
  );
  const today = localDate(new Date());
  const fileInspection = () =>
    send('POST', '/inspections', {
      token: tokens.department,
      from,
      json: {
        enterpriseId: entA,
        plannedDate: afterThe25th(today),
        category: 'safety',
        reason: 'Boiler check',
        legalBasis: 'Safety Law art. 1',
        inspectors: ['Li Ming'],
      },
    });
  const inspection = expectOk(await fileInspection(), 'an inspection');
  const complaintContact = `contact-${uniqueSuffix()}`;
  const complaint = expectOk(
    await send('POST', '/complaints', {
      from,
      json: { againstDept: deptA, category: 'inaction', description: 'No answer for three weeks.', contact: complaintContact },
    }),
    'a complaint',
  );
  const pledge = expectOk(
    await send('POST', '/pledges', {
      token: tokens.department,
      from,
      json: { title: 'Answer within a day', description: 'Published.', dueDate: addDays(today, 30) },
    }),
    'a pledge',
  );
  const appointment = expectOk(
    await send('POST', '/appointments', {
      token: tokens.enterprise,
      from,
      json: { dept: deptA, topic: 'On-site check for a food licence', requestedAt: new Date(Date.now() + 30 * 3_600_000).toISOString() },
    }),
    'an appointment',
  );
  const application = expectOk(
    await send('POST', '/applications', {
      token: tokens.enterprise,
      from,
      json: { itemCode: approvalItemCode, materials: ['application form'] },
    }),
    'an application',
  );
  const centre = tokens['service-centre'];
  const caseProject = `Project ${uniqueSuffix()}`;
  const assisted = expectOk(
    await send('POST', '/assisted-cases', { token: centre, from, json: { enterpriseId: entA, project: caseProject, mandateRef: 'WT-1' } }),
    'an assisted case',
  );
  const task = expectOk(
    await send('POST', `/assisted-cases/${assisted.body.id}/tasks`, {
      token: centre,
      from,
      json: { dept: deptA, what: 'Confirm the plot', limitDays: 5 },
    }),
    'a task',
  );
  const meeting = expectOk(
    await send('POST', `/assisted-cases/${assisted.body.id}/meetings`, {
      token: centre,
      from,
      json: { at: new Date(Date.now() - 3_600_000).toISOString(), chair: 'Liu', depts: [deptA, deptB] },
    }),
    'a meeting',
  );
  const supervisor = tokens.supervisor;
  const finding = (method: string) =>
    send('POST', '/supervision-findings', {
      token: supervisor,
      from,
      json: {
        dept: deptA,
        method,
        observedAt: new Date(Date.now() - 3_600_000).toISOString(),
        place: 'Window 3',
        clause: '三.1.2',
        description: 'Sent away twice.',
      },
    });
  const covertFinding = expectOk(await finding('covert'), 'a covert finding');
  const openFinding = expectOk(await finding('open'), 'an open finding');
  const accountabilityCase = expectOk(
    await send('POST', '/accountability-cases', {
      token: supervisor,
      from,
      json: { dept: deptA, clause: '三.1.5', summary: 'A pledge not honoured.', sources: [{ type: 'pledge', id: pledge.body.id }] },
    }),
    'an accountability case',
  );
  // Enterprise A complains signed in about department A, which then files an inspection on it: a retaliation flag.
  expectOk(
    await send('POST', '/complaints', {
      token: tokens.enterprise,
      from,
      json: { againstDept: deptA, category: 'abusive-enforcement', description: 'Shouted at our staff.' },
    }),
    'a signed-in complaint',
  );
  expectOk(await fileInspection(), 'a watched inspection');
  const flags = expectOk(await send('GET', `/retaliation-flags?dept=${deptA}`, { token: supervisor, from }), 'the flags');
  return {
    assistedCaseId: assisted.body.id,
    assistedCaseProject: caseProject,
    taskId: task.body.id,
    meetingId: meeting.body.id,
    covertFindingId: covertFinding.body.id,
    openFindingId: openFinding.body.id,
    caseId: accountabilityCase.body.id,
    flagId: flags.body.items[0].id,
    appointmentId: appointment.body.id,
    applicationId: application.body.id,
    deptA,
    deptB,
    entA,
    entB,
    feeItemCode,
    receiptNo,
    entryId: entry.body.entryId,
    approvalItemCode,
    inspectionId: inspection.body.id,
    complaintId: complaint.body.id,
    complaintContact,
    trackingCode: complaint.body.trackingCode,
    pledgeId: pledge.body.id,
    tokens,
  };
}

export interface Sample {
  params?: Record<string, string>;
  query?: Record<string, string>;
  json?: unknown;
}

/**
 * A request each route's legitimate caller would send, on the world's records. The matrix test
 * fails when a declared route has none, so a new route cannot be left out.
 */
export function samples(world: World): Record<string, (today: string) => Sample> {
  return {
    health: () => ({}),
    putDepartment: () => ({ params: { deptId: world.deptA }, json: { name: 'Renamed bureau' } }),
    listDepartments: () => ({ query: { limit: '5' } }),
    putCalendar: (today) => ({ params: { year: String(Number(today.slice(0, 4)) + 5) }, json: { holidays: [], workdays: [] } }),
    getCalendar: (today) => ({ params: { year: today.slice(0, 4) } }),
    listAlerts: () => ({ query: { limit: '5' } }),
    putFeeItem: () => ({
      params: { code: world.feeItemCode },
      json: {
        unit: world.deptA,
        name: 'Verification',
        legalBasis: 'Metrology Law art. 9',
        standard: { kind: 'range', min: 1000, max: 50000 },
      },
    }),
    listFeeItems: () => ({ query: { unit: world.deptA } }),
    issueCard: () => ({ json: { enterpriseId: newCreditCode(), enterpriseName: 'New Co.' } }),
    getCard: () => ({ params: { enterpriseId: world.entA } }),
    recordEntry: () => ({
      params: { enterpriseId: world.entA },
      json: {
        feeItemCode: world.feeItemCode,
        amount: 15000,
        collector: 'Wang Li',
        collectedAt: new Date(Date.now() - 60_000).toISOString(),
        receiptNo: `R-${uniqueSuffix()}`,
      },
    }),
    refuseEntry: () => ({ params: { enterpriseId: world.entA, entryId: world.entryId }, json: { reason: 'No service was given.' } }),
    feeAudit: (today) => ({ query: { from: addDays(today, -30), to: today } }),
    fileInspection: (today) => ({
      json: {
        enterpriseId: world.entA,
        plannedDate: afterThe25th(today),
        category: 'safety',
        reason: 'Check',
        legalBasis: 'Safety Law art. 1',
        inspectors: ['Li Ming'],
      },
    }),
    listInspections: () => ({ query: { limit: '50' } }),
    getInspection: () => ({ params: { id: world.inspectionId } }),
    decideInspection: () => ({ params: { id: world.inspectionId }, json: { decision: 'approve', comment: 'Justified.' } }),
    recordVisit: () => ({ params: { id: world.inspectionId }, json: {} }),
    recordOutcome: () => ({ params: { id: world.inspectionId }, json: { findings: [] } }),
    findingsRegister: () => ({ params: { enterpriseId: world.entA } }),
    fileComplaint: () => ({ json: { againstDept: world.deptA, category: 'inaction', description: 'Still no answer.' } }),
    trackComplaint: () => ({ params: { trackingCode: world.trackingCode } }),
    listComplaints: () => ({ query: { limit: '200' } }),
    getComplaint: () => ({ params: { id: world.complaintId } }),
    putHandlers: () => ({ params: { deptId: world.deptA }, json: { handlers: [{ id: 'zhang', name: 'Zhang Wei', available: true }] } }),
    declareAbsence: (today) => ({
      params: { deptId: world.deptA, handlerId: 'zhang' },
      json: { from: today, to: addDays(today, 1), reason: 'Training at the city bureau.' },
    }),
    acknowledge: () => ({ params: { id: world.complaintId }, json: {} }),
    delayNotice: (today) => ({
      params: { id: world.complaintId },
      json: { reason: 'Files are at the archive.', expectedBy: addDays(today, 7) },
    }),
    resolve: () => ({ params: { id: world.complaintId }, json: { summary: 'Answered in writing.' } }),
    verdict: () => ({ params: { id: world.complaintId }, json: { finding: 'unsubstantiated', action: 'None needed.' } }),
    makePledge: (today) => ({ json: { title: 'Answer faster', description: 'Published.', dueDate: addDays(today, 20) } }),
    listPledges: () => ({ query: { dept: world.deptA } }),
    getPledge: () => ({ params: { id: world.pledgeId } }),
    reviewPledge: () => ({ params: { id: world.pledgeId }, json: { verdict: 'in-progress', evidence: 'Windows briefed.' } }),
    putItem: () => ({
      params: { code: world.approvalItemCode },
      json: {
        dept: world.deptA,
        name: 'Business licence',
        legalBasis: 'Registration Regulations art. 19',
        statutoryDays: 15,
        pledgedDays: 9,
        materials: ['application form'],
      },
    }),
    listItems: () => ({ query: { dept: world.deptA } }),
    getItem: () => ({ params: { code: world.approvalItemCode } }),
    requestAppointment: () => ({
      json: { dept: world.deptA, topic: 'A night-time check', requestedAt: new Date(Date.now() + 40 * 3_600_000).toISOString() },
    }),
    listAppointments: () => ({ query: { limit: '50' } }),
    getAppointment: () => ({ params: { id: world.appointmentId } }),
    confirmAppointment: () => ({
      params: { id: world.appointmentId },
      json: { at: new Date(Date.now() + 30 * 3_600_000).toISOString(), place: 'Service centre, window 3', staff: ['Li Ming'] },
    }),
    fileApplication: () => ({ json: { itemCode: world.approvalItemCode, enterpriseId: world.entA, materials: ['application form'] } }),
    listApplications: () => ({ query: { limit: '50' } }),
    getApplication: () => ({ params: { id: world.applicationId } }),
    acceptApplication: () => ({ params: { id: world.applicationId }, json: { accepted: true } }),
    supplyApplicationMaterials: () => ({ params: { id: world.applicationId }, json: { materials: ['lease'] } }),
    applicationDelayNotice: (today) => ({
      params: { id: world.applicationId },
      json: { reason: 'A site visit is needed.', expectedBy: addDays(today, 16) },
    }),
    decideApplication: () => ({ params: { id: world.applicationId }, json: { decision: 'approved', reason: 'Complete.' } }),
    rateApplication: () => ({ params: { id: world.applicationId }, json: { score: 4, comment: 'Quick.' } }),
    openAssistedCase: () => ({ json: { enterpriseId: world.entA, project: 'A second workshop', mandateRef: 'WT-2' } }),
    listAssistedCases: () => ({ query: { limit: '50' } }),
    getAssistedCase: () => ({ params: { id: world.assistedCaseId } }),
    assignTask: () => ({ params: { id: world.assistedCaseId }, json: { dept: world.deptA, what: 'Check the drains', limitDays: 3 } }),
    acceptTask: () => ({ params: { id: world.assistedCaseId, taskId: world.taskId }, json: {} }),
    returnTask: () => ({ params: { id: world.assistedCaseId, taskId: world.taskId }, json: { reason: 'Not ours.' } }),
    completeTask: () => ({ params: { id: world.assistedCaseId, taskId: world.taskId }, json: { result: 'Confirmed.' } }),
    scheduleMeeting: () => ({
      params: { id: world.assistedCaseId },
      json: { at: new Date(Date.now() + 48 * 3_600_000).toISOString(), chair: 'Liu', depts: [world.deptA] },
    }),
    recordMinutes: () => ({
      params: { id: world.assistedCaseId, meetingId: world.meetingId },
      json: { attended: [world.deptA], decisions: [{ dept: world.deptA, what: 'Move the gate', limitDays: 4 }] },
    }),
    fileCaseApplication: () => ({
      params: { id: world.assistedCaseId },
      json: { itemCode: world.approvalItemCode, materials: ['application form'] },
    }),
    closeAssistedCase: () => ({ params: { id: world.assistedCaseId }, json: { outcome: 'completed', summary: 'Done.' } }),
    recordFinding: () => ({
      json: {
        dept: world.deptA,
        method: 'open',
        observedAt: new Date(Date.now() - 60_000).toISOString(),
        place: 'Window 5',
        clause: '三.1.6',
        description: 'Nobody at the window for an hour.',
      },
    }),
    listFindings: () => ({ query: { limit: '50' } }),
    getFinding: () => ({ params: { id: world.covertFindingId } }),
    discloseFinding: () => ({ params: { id: world.covertFindingId }, json: {} }),
    respondToFinding: () => ({ params: { id: world.openFindingId }, json: { statement: 'Retrained.', rectification: 'A checklist.' } }),
    openCase: () => ({
      json: {
        dept: world.deptA,
        clause: '三.1.2',
        summary: 'Sent away twice.',
        sources: [{ type: 'supervision-finding', id: world.openFindingId }],
      },
    }),
    listCases: () => ({ query: { limit: '50' } }),
    getCase: () => ({ params: { id: world.caseId } }),
    decideCase: () => ({ params: { id: world.caseId }, json: { outcome: 'sanctioned', sanctions: [{ measure: 'criticism-education' }] } }),
    appealCase: () => ({ params: { id: world.caseId }, json: { reason: 'The delay was the applicant’s.' } }),
    decideAppeal: () => ({ params: { id: world.caseId }, json: { upheld: true, reason: 'The decision stands.' } }),
    listNotices: () => ({ query: { limit: '50' } }),
    fileRectification: (today) => ({
      params: { quarter: `${today.slice(0, 4)}-Q${Math.floor((Number(today.slice(5, 7)) - 1) / 3) + 1}` },
      json: { causes: 'Windows unstaffed at noon.', measures: 'A/B posts.', dueDate: addDays(today, 30) },
    }),
    listFlags: () => ({ query: { dept: world.deptA } }),
    getFlag: () => ({ params: { id: world.flagId } }),
    reviewFlag: () => ({ params: { id: world.flagId }, json: { outcome: 'dismissed', reason: 'A scheduled check.' } }),
    evaluation: (today) => ({ params: { quarter: `${today.slice(0, 4)}-Q${Math.floor((Number(today.slice(5, 7)) - 1) / 3) + 1}` } }),
  };
}

/** The route's path with its parameters filled in (encoded). */
export function pathOf(route: RouteSpec, params: Record<string, string> = {}, query: Record<string, string> = {}): string {
  let path = route.path;
  for (const [name, value] of Object.entries(params)) path = path.replace(`{${name}}`, encodeURIComponent(value));
  const search = new URLSearchParams(query).toString();
  return search ? `${path}?${search}` : path;
}
