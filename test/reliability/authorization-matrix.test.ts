/**
 * The authorization matrix, generated from the route declarations: every route, tried by every
 * kind of caller (nobody, each role, a department or an enterprise that the records are not
 * theirs, a token naming no department, a token with no known role). No caller gets a 2xx it
 * is not entitled to, nobody reaches another's records (BOLA), nothing answers 5xx, and every
 * refusal is problem+json.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { localDate } from '#shared/time/clock';
import type { Role } from '#shared/http/auth';
import {
  buildWorld,
  CALLER_KINDS,
  declaredRoutes,
  freshAddress,
  pathOf,
  samples,
  send,
  type Answer,
  type CallerKind,
  type World,
} from './support.ts';

/** The role a kind of caller holds. */
const ROLE_OF: Partial<Record<CallerKind, Role>> = {
  department: 'department',
  'other-department': 'department',
  'soft-env-office': 'soft-env-office',
  supervisor: 'supervisor',
  'park-office': 'park-office',
  'service-centre': 'service-centre',
  enterprise: 'enterprise',
  'other-enterprise': 'enterprise',
  'department-without-dept': 'department',
};

/** Routes on one department's or enterprise's records: the other department or enterprise gets no 2xx. */
const OWNED_RECORDS = new Set([
  'getInspection',
  'recordVisit',
  'recordOutcome',
  'findingsRegister',
  'getComplaint',
  'acknowledge',
  'delayNotice',
  'resolve',
  'putHandlers',
  'declareAbsence',
  'reviewPledge',
  'getCard',
  'refuseEntry',
  'getAppointment',
  'confirmAppointment',
  'getApplication',
  'acceptApplication',
  'supplyApplicationMaterials',
  'applicationDelayNotice',
  'decideApplication',
  'rateApplication',
  'getAssistedCase',
  'acceptTask',
  'returnTask',
  'completeTask',
  'getFinding',
  'respondToFinding',
  'getCase',
  'appealCase',
]);
/** Of those, the ones where the other department is answered (its own part, checked by what it shows). */
const OWN_PART_FOR_OTHER_DEPARTMENT = new Set(['getCard', 'findingsRegister']);

/** What must never show in an answer to the given kinds of caller. */
function secretsFor(world: World, kind: CallerKind): string[] {
  const secrets: string[] = [];
  const sees = (...kinds: CallerKind[]) => kinds.includes(kind);
  if (!sees('soft-env-office', 'supervisor')) secrets.push(world.complaintContact);
  if (!sees('department', 'soft-env-office', 'supervisor')) secrets.push(world.complaintId);
  if (!sees('department', 'soft-env-office', 'supervisor', 'enterprise')) secrets.push(world.inspectionId, world.applicationId);
  if (!sees('department', 'soft-env-office', 'supervisor', 'enterprise', 'park-office')) secrets.push(world.receiptNo);
  // An assisted case: the centre, the office, supervisors, its enterprise, the department holding its task.
  if (!sees('service-centre', 'department', 'soft-env-office', 'supervisor', 'enterprise')) secrets.push(world.assistedCaseProject);
  // A covert finding before disclosure, and the retaliation watch's flags, are the supervisors' and the office's alone.
  if (!sees('soft-env-office', 'supervisor')) secrets.push(world.covertFindingId, world.flagId);
  return secrets;
}

let world: World;
const answers: { route: string; kind: CallerKind; answer: Answer }[] = [];

beforeAll(async () => {
  world = await buildWorld();
}, 120_000);

describe('the authorization matrix over every declared route', () => {
  it('has a sample request for every declared route', () => {
    const known = samples(world);
    expect(declaredRoutes.filter(({ name }) => !known[name]).map(({ name }) => name)).toEqual([]);
  });

  it("gives no unauthorized 2xx, no other party's records, no 5xx, and problem+json refusals", async () => {
    const today = localDate(new Date());
    const known = samples(world);
    const failures: string[] = [];
    // Those who may not act go first, so the records are still in the state a real attacker meets.
    const order = [...CALLER_KINDS].sort(
      (a, b) =>
        Number(a === 'department' || a === 'soft-env-office' || a === 'supervisor') -
        Number(b === 'department' || b === 'soft-env-office' || b === 'supervisor'),
    );
    for (const { name, route } of declaredRoutes) {
      const sample = known[name]!(today);
      for (const kind of order) {
        const token = kind === 'anonymous' ? undefined : world.tokens[kind];
        const answer = await send(route.method, pathOf(route, sample.params, sample.query), {
          token,
          from: freshAddress(),
          ...(route.method === 'GET' ? {} : { json: sample.json ?? {} }),
        });
        answers.push({ route: name, kind, answer });
        const where = `${route.method} ${route.path} as ${kind}: ${answer.status} ${answer.text.slice(0, 200)}`;
        const ok = answer.status >= 200 && answer.status < 300;
        if (answer.status >= 500) failures.push(`5xx: ${where}`);
        if (answer.status >= 400 && !answer.contentType.startsWith('application/problem+json')) failures.push(`not problem+json: ${where}`);
        if (answer.headers['x-content-type-options'] !== 'nosniff') failures.push(`no nosniff: ${where}`);
        if (token && answer.headers['cache-control'] !== 'no-store') failures.push(`authenticated answer without no-store: ${where}`);
        if (route.roles !== 'public') {
          const role = ROLE_OF[kind];
          const entitled = role !== undefined && route.roles.includes(role) && kind !== 'department-without-dept';
          if (!entitled && ok) failures.push(`unauthorized 2xx: ${where}`);
          if (kind === 'anonymous' && answer.status !== 401) failures.push(`anonymous not 401: ${where}`);
          if (!entitled && kind !== 'anonymous' && answer.status !== 403 && answer.status !== 401)
            failures.push(`not refused 403: ${where}`);
        }
        const isOther = kind === 'other-department' || kind === 'other-enterprise';
        if (isOther && ok && OWNED_RECORDS.has(name) && !(kind === 'other-department' && OWN_PART_FOR_OTHER_DEPARTMENT.has(name))) {
          failures.push(`BOLA: ${where}`);
        }
        if (ok) {
          for (const secret of secretsFor(world, kind)) if (answer.text.includes(secret)) failures.push(`shows ${secret}: ${where}`);
        }
      }
    }
    expect(failures).toEqual([]);
    // The matrix really ran: every route by every kind of caller, and the entitled got through somewhere.
    expect(answers).toHaveLength(declaredRoutes.length * CALLER_KINDS.length);
    expect(answers.filter(({ answer }) => answer.status < 300).length).toBeGreaterThan(declaredRoutes.length);
  }, 180_000);
});
