/** The complaint operations: intake, handling within limits, the verdict; rules in rules.ts, intake in intake.ts. */
import { addDays, localDate, startOfLocalDate, toLocalIso } from '#shared/time/clock';
import { hasRole, isDepartmentCaller, isEnterpriseCaller, seesAll, type Caller, type DepartmentCaller } from '#shared/http/auth';
import { timelineToDueDate, workingDaysElapsed, workingTimeAfter } from '#shared/outbox/calendar-store';
import { countIn, logHandled } from '#shared/domain/evaluation';
import { stopDeadlineEffect } from '#shared/outbox/effects';
import { acknowledgementMatter, openComplaint, resolutionMatter, trackingHash, type Complaint, type ComplaintIntake } from './intake.ts';
import { delayNoticeRule } from './rules.ts';
import { getRoster, putAbsence, putRoster, withCover } from '#shared/domain/roster-store';
import { absenceDateErrors, nextPost, type Handler } from '#shared/domain/roster';
import { getDepartment, requireNamedDepartment, requireOwnDepartment } from '../registry/service.ts';
import * as store from './store.ts';
import { complainantView, departmentView, publicView, supervisorView } from './views.ts';
import type { DelayNoticeInput } from '#shared/domain/delay-notice';
import { delayNoticeWrites } from '#shared/outbox/delay-notice-store';
import { Conflict, InvalidInput, NotAllowed, NotFound, RuleViolation } from '#shared/domain/errors';
import type { Deps } from '#shared/domain/deps';

export async function fileComplaint(
  input: Omit<ComplaintIntake, 'source' | 'complainant' | 'subject'> & { contact?: string },
  caller: Caller | undefined,
  deps: Deps,
) {
  await requireNamedDepartment(input.againstDept, 'againstDept');
  const { contact, ...matter } = input;
  const complainant = {
    ...(caller ? { sub: caller.sub } : {}),
    ...(caller?.ent ? { enterpriseId: caller.ent } : {}),
    ...(contact ? { contact } : {}),
  };
  const { complaint, trackingCode } = await openComplaint(
    {
      ...matter,
      source: 'public',
      ...(Object.keys(complainant).length ? { complainant } : {}),
    },
    deps,
  );
  return {
    id: complaint.id,
    trackingCode,
    status: complaint.status,
    receivedAt: complaint.receivedAt,
    answerDueBy: toLocalIso(new Date(complaint.deadlines.resolution.timeline.deadline)),
  };
}

export async function track(code: string) {
  // A malformed code and an unknown one get the same answer.
  const id = /^[A-Za-z0-9_-]{16,100}$/.test(code) ? await store.complaintIdForTrackingHash(trackingHash(code)) : undefined;
  const complaint = id ? await store.getComplaint(id) : undefined;
  if (!complaint) throw new NotFound('No complaint has this tracking code.');
  return publicView(complaint);
}

const isOpen = (complaint: Complaint) => complaint.status === 'received' || complaint.status === 'acknowledged';

/**
 * 外出告知 / AB岗: an open complaint shows, as its `assignment`, who answers for it today. The
 * holder stays on record and the cover is worked out from the roster's absences by date, rather
 * than by moving every open matter when an absence is declared: an absence may be declared weeks
 * ahead and ends by itself, and nothing is written to the matters, so the roster stays the one
 * record of who is away and the matters cannot disagree with it.
 */
function withTodaysHolders<T extends Complaint>(complaints: T[], now: Date): Promise<T[]> {
  return withCover(
    complaints,
    localDate(now),
    (complaint) => (complaint.assignment && isOpen(complaint) ? { dept: complaint.againstDept, holder: complaint.assignment } : undefined),
    (complaint, assignment) => ({ ...complaint, assignment }),
  );
}

/** A complaint the caller may see: the office and supervisors all; a department its own, department-routed ones. */
async function complaintInScope(id: string, caller: Caller, now: Date) {
  const stored = await store.getComplaint(id);
  if (!stored) throw new NotFound();
  const [complaint] = (await withTodaysHolders([stored], now)) as [typeof stored];
  if (seesAll(caller)) return { complaint, view: supervisorView(complaint) };
  if (hasRole(caller, 'department') && complaint.againstDept === caller.dept && complaint.routedTo === 'department') {
    return { complaint, view: departmentView(complaint) };
  }
  throw new NotFound();
}

export const viewComplaint = async (id: string, caller: Caller, now: Date) => (await complaintInScope(id, caller, now)).view;

export async function listComplaints(query: { dept?: string; status?: string; limit: number; cursor?: string }, caller: Caller, now: Date) {
  if (seesAll(caller)) {
    const page = await store.complaintsPage(
      query.dept ? { by: 'department', dept: query.dept, departmentRoutedOnly: false } : { by: 'all' },
      query.status,
      query.limit,
      query.cursor,
    );
    return { items: (await withTodaysHolders(page.items, now)).map(supervisorView), nextCursor: page.nextCursor };
  }
  if (isDepartmentCaller(caller)) {
    const page = await store.complaintsPage(
      { by: 'department', dept: caller.dept, departmentRoutedOnly: true },
      query.status,
      query.limit,
      query.cursor,
    );
    return { items: (await withTodaysHolders(page.items, now)).map(departmentView), nextCursor: page.nextCursor };
  }
  // An enterprise: the complaints it made, as their tracking page shows them (no one's identity).
  if (!isEnterpriseCaller(caller)) throw new NotAllowed("An enterprise's token must carry its credit code (ent).");
  const page = await store.complaintsPage(
    { by: 'enterprise', enterpriseId: caller.ent, againstDept: query.dept },
    query.status,
    query.limit,
    query.cursor,
  );
  return { items: page.items.map(complainantView), nextCursor: page.nextCursor };
}

export async function setHandlers(deptId: string, handlers: Handler[], caller: Caller, { now }: Deps) {
  if (!seesAll(caller) && caller.dept !== deptId) throw new NotFound();
  if (!(await getDepartment(deptId))) throw new NotFound(`There is no registered department ${deptId}.`);
  await putRoster(deptId, handlers, caller.sub, now);
  return { deptId, handlers, posts: handlers.map((handler, index) => ({ post: String.fromCharCode(65 + index), ...handler })) };
}

/**
 * 外出告知: a post of the caller's own department says it is away on these dates. Kept beside the
 * roster (a roster PUT does not erase it); open matters and new ones go to the next post then.
 */
export async function declareAbsence(
  deptId: string,
  handlerId: string,
  input: { from: string; to: string; reason: string },
  caller: DepartmentCaller,
  { now, newId }: Deps,
) {
  const own = await requireOwnDepartment(caller);
  if (own !== deptId) throw new NotFound();
  const today = localDate(now);
  const roster = await getRoster(deptId, today);
  const handler = roster.find((candidate) => candidate.id === handlerId);
  if (!handler) throw new NotFound(`There is no post ${handlerId} on the roster of ${deptId}; see PUT /departments/${deptId}/handlers.`);
  const errors = absenceDateErrors(input, today);
  if (errors.length) throw new InvalidInput("The absence's dates are not sane for a 外出告知.", errors);
  const absence = { deptId, handlerId, ...input, declaredBy: caller.sub, declaredAt: toLocalIso(now) };
  await putAbsence(absence, newId());
  const withAbsence = roster.map((candidate) =>
    candidate.id === handlerId ? { ...candidate, absences: [...(candidate.absences ?? []), input] } : candidate,
  );
  const {
    post,
    handlerId: coverId,
    handlerName,
  } = nextPost(withAbsence, { after: handlerId, on: input.from > today ? input.from : today });
  return { ...absence, handlerName: handler.name, coveredBy: { post, handlerId: coverId, handlerName } };
}

/** A department's own complaint in a state that still takes this step, or the right error. */
async function ownOpenComplaint(id: string, caller: DepartmentCaller, step: string, now: Date) {
  const { complaint } = await complaintInScope(id, caller, now);
  if (complaint.status === 'resolved' || complaint.status === 'closed') {
    throw new Conflict('complaint-not-open', `This complaint is ${complaint.status}; it can no longer be ${step}.`);
  }
  return complaint;
}

const changed = () => new Conflict('complaint-changed', 'The complaint changed meanwhile; reload it and try again.');

/** 首问负责制: whoever acknowledges first stays on record as the owner. */
export async function acknowledge(id: string, caller: DepartmentCaller, { now, newId }: Deps) {
  const complaint = await ownOpenComplaint(id, caller, 'acknowledged', now);
  if (complaint.status !== 'received') throw new Conflict('already-acknowledged', 'This complaint was already acknowledged.');
  const at = toLocalIso(now);
  const owner = { sub: caller.sub, post: complaint.assignment?.post ?? 'head', at };
  const inTime = !complaint.deadlines.acknowledgement || now.getTime() <= Date.parse(complaint.deadlines.acknowledgement.timeline.deadline);
  const ok = await store.updateComplaint(
    complaint,
    { status: 'acknowledged', owner },
    [
      { at, event: 'acknowledged', public: true, text: 'The department has taken the complaint on.' },
      {
        at,
        event: 'owner',
        public: false,
        text: `Acknowledged by ${caller.sub} at post ${owner.post}: the owner of the matter from now on.`,
      },
    ],
    [
      countIn(complaint.againstDept, now, { handled: 1, handledInTime: inTime ? 1 : 0 }),
      logHandled(
        complaint.againstDept,
        'complaint-acknowledgement',
        complaint.id,
        now,
        await workingDaysElapsed(new Date(complaint.receivedAt), now),
      ),
      ...(complaint.deadlines.acknowledgement
        ? [stopDeadlineEffect(acknowledgementMatter(complaint, complaint.deadlines.acknowledgement.version), 'acknowledged', newId(), now)]
        : []),
    ],
  );
  if (!ok) throw changed();
  return departmentView({ ...complaint, status: 'acknowledged', owner, version: complaint.version + 1 });
}

/** 滞后反馈告知制: before the limit passes, once, tell the complainant why and by when. */
export async function giveDelayNotice(id: string, input: DelayNoticeInput, caller: DepartmentCaller, { now, newId }: Deps) {
  const complaint = await ownOpenComplaint(id, caller, 'delayed', now);
  const current = complaint.deadlines.resolution;
  const originalDeadline = new Date(current.originalDeadline ?? current.timeline.deadline);
  const latestAllowed = await workingTimeAfter(originalDeadline, complaint.limits.resolveDays);
  const check = (expectedByEnd: Date) => {
    const violation = delayNoticeRule({
      now,
      deadline: new Date(current.timeline.deadline),
      latestAllowed,
      expectedByEnd,
      alreadyGiven: !!complaint.delayNotice,
    });
    if (violation) throw new RuleViolation(violation);
  };
  // A date weeks past the latest allowed is refused before its years' calendars are read.
  if (input.expectedBy > addDays(localDate(latestAllowed), 14)) check(startOfLocalDate(input.expectedBy));
  // Due by the end of the date given (or of the next working day), timed like every limit.
  const timeline = await timelineToDueDate(now, input.expectedBy, 'complaints');
  check(new Date(timeline.deadline));
  const at = toLocalIso(now);
  const delayNotice = { reason: input.reason, expectedBy: input.expectedBy, at };
  const resolution = { version: current.version + 1, originalDeadline: originalDeadline.toISOString(), timeline };
  const ok = await store.updateComplaint(
    complaint,
    { delayNotice, deadlines: { ...complaint.deadlines, resolution } },
    [{ at, event: 'delay-notice', public: true, text: `The answer will be late: ${input.reason} Expected by ${input.expectedBy}.` }],
    delayNoticeWrites(
      complaint.againstDept,
      resolutionMatter(complaint, current.version),
      resolutionMatter(complaint, resolution.version),
      resolution.timeline,
      { now, newId },
    ),
  );
  if (!ok) throw changed();
  return departmentView({ ...complaint, delayNotice, deadlines: { ...complaint.deadlines, resolution }, version: complaint.version + 1 });
}

export async function resolve(id: string, input: { summary: string }, caller: DepartmentCaller, { now, newId }: Deps) {
  const complaint = await ownOpenComplaint(id, caller, 'resolved', now);
  const at = toLocalIso(now);
  const resolution = { summary: input.summary, at, by: caller.sub };
  const inTime = now.getTime() <= Date.parse(complaint.deadlines.resolution.timeline.deadline);
  const ok = await store.updateComplaint(
    complaint,
    { status: 'resolved', resolution },
    [{ at, event: 'resolved', public: true, text: `The department's answer: ${input.summary}` }],
    [
      countIn(complaint.againstDept, now, { handled: 1, handledInTime: inTime ? 1 : 0 }),
      logHandled(
        complaint.againstDept,
        'complaint-resolution',
        complaint.id,
        now,
        await workingDaysElapsed(new Date(complaint.receivedAt), now),
      ),
      ...stopAll(complaint, 'resolved', newId, now),
    ],
  );
  if (!ok) throw changed();
  return departmentView({ ...complaint, status: 'resolved', resolution, version: complaint.version + 1 });
}

/** The supervisors' verdict: whether the complaint was substantiated, and what is done about it. */
type VerdictInput = Pick<NonNullable<Complaint['verdict']>, 'finding' | 'action'>;

export async function giveVerdict(id: string, input: VerdictInput, caller: Caller, { now, newId }: Deps) {
  const complaint = await store.getComplaint(id);
  if (!complaint) throw new NotFound();
  if (complaint.status === 'closed') throw new Conflict('complaint-closed', 'This complaint already has its verdict.');
  const at = toLocalIso(now);
  const verdict = { ...input, at, by: caller.sub };
  const ok = await store.updateComplaint(
    complaint,
    { status: 'closed', verdict },
    [{ at, event: 'closed', public: true, text: `Verdict: ${input.finding}. ${input.action}` }],
    [
      ...(input.finding === 'substantiated' ? [countIn(complaint.againstDept, now, { complaintsSubstantiated: 1 })] : []),
      ...stopAll(complaint, 'closed', newId, now),
    ],
  );
  if (!ok) throw changed();
  return supervisorView({ ...complaint, status: 'closed', verdict, version: complaint.version + 1 });
}

/** The watches a complaint still has open, to stop as it closes. */
function stopAll(complaint: Complaint, cause: string, newId: () => string, now: Date) {
  const stops = [];
  if (complaint.deadlines.acknowledgement && complaint.status === 'received') {
    stops.push(stopDeadlineEffect(acknowledgementMatter(complaint, complaint.deadlines.acknowledgement.version), cause, newId(), now));
  }
  if (
    complaint.status === 'received' ||
    complaint.status === 'acknowledged' ||
    (complaint.routedTo === 'supervisors' && complaint.status !== 'closed')
  ) {
    stops.push(stopDeadlineEffect(resolutionMatter(complaint, complaint.deadlines.resolution.version), cause, newId(), now));
  }
  return stops;
}
