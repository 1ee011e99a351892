/**
 * The application operations (办件): filing, acceptance or the one-time notice, materials, the
 * delay notice, the decision and the rating. The rules are in rules.ts; the roster in #shared/roster.
 */
import { addDays, localDate, startOfLocalDate, toLocalIso } from '#shared/time/clock';
import { hasRole, isDepartmentCaller, isEnterpriseCaller, mayRead, seesAll } from '#shared/http/auth';
import type { Caller, DepartmentCaller, EnterpriseCaller } from '#shared/http/auth';
import type { DelayNoticeInput } from '#shared/domain/delay-notice';
import type { Deps } from '#shared/domain/deps';
import { watchedActWrites } from '../accountability/watch.ts';
import { delayNoticeWrites } from '#shared/outbox/delay-notice-store';
import { Conflict, InvalidInput, NotAllowed, NotFound, refusal, type Violation } from '#shared/domain/errors';
import { timelineAt, timelineToDueDate, workingDaysFor } from '#shared/outbox/calendar-store';
import { workingDaysBetween } from '#shared/time/calendar';
import { countIn } from '#shared/domain/evaluation';
import { startDeadlineEffect, stopDeadlineEffect } from '#shared/outbox/effects';
import { raiseAlert } from '#shared/outbox/raise-alert';
import { alertWords } from '#shared/alerts/alert-text';
import { applicationDescribed } from './described.ts';
import { getRoster, withCover } from '#shared/domain/roster-store';
import { nextPost } from '#shared/domain/roster';
import { requireOwnDepartment } from '../registry/service.ts';
import { getItem, itemRecordWrite } from '../approvals/store.ts';
import {
  APPLICATION_DECISION_WORDS,
  applicationDelayRule,
  applicationTiming,
  decisionRecord,
  oneTimeNoticeRule,
  ratingAlertsOffice,
  ratingRule,
} from './rules.ts';
import * as store from './store.ts';
import { decisionMatter, type Application, type TimelineEvent } from './store.ts';

const refuse = (violation: Violation | undefined) => {
  if (violation) throw refusal(violation);
};
const changed = () => new Conflict('application-changed', 'The application changed meanwhile; reload it and try again.');

/** What each reader in scope sees: the whole record (the enterprise too sees who owns its matter, 首问负责). */
export const view = (application: Application) => application;

/** The catalogue's approval item an application names; 400 naming the field when there is none. */
export async function catalogueItem(itemCode: string) {
  const item = await getItem(itemCode);
  if (!item)
    throw new InvalidInput(`No approval item ${itemCode} is in the catalogue; see GET /approval-items.`, [
      { field: 'itemCode', message: 'Not an approval item' },
    ]);
  return item;
}

export async function fileApplication(
  input: { itemCode: string; enterpriseId?: string; materials: string[] },
  caller: Caller,
  { now, newId }: Deps,
) {
  const item = await catalogueItem(input.itemCode);
  let enterpriseId: string;
  let filedBy: Application['filedBy'];
  if (hasRole(caller, 'enterprise')) {
    if (!isEnterpriseCaller(caller)) throw new NotAllowed('Your token names no enterprise.');
    if (input.enterpriseId && input.enterpriseId !== caller.ent) throw new NotAllowed('An enterprise files its own applications only.');
    enterpriseId = caller.ent;
    filedBy = { sub: caller.sub, role: 'enterprise' };
  } else {
    if (!isDepartmentCaller(caller)) throw new NotAllowed('Your token names no department.');
    const dept = await requireOwnDepartment(caller);
    if (item.dept !== dept)
      throw new NotAllowed(`Item ${item.code} belongs to ${item.dept}: a department files at its window for its own items only.`);
    if (!input.enterpriseId)
      throw new InvalidInput('A clerk at the window names the enterprise it files for.', [
        { field: 'enterpriseId', message: 'Required when a department files' },
      ]);
    enterpriseId = input.enterpriseId;
    filedBy = { sub: caller.sub, role: 'department' };
  }
  const application = await newApplication(item, enterpriseId, input.materials, filedBy, { now, newId });
  await store.insertApplication(application);
  return view(application);
}

/**
 * A new application, received: held by the item's department's first available post (AB岗); a
 * clerk at the window owns it from the start (首问负责). The assistance centre files one for an
 * enterprise under its mandate (代办) the same way (functions/assistance), writing it with its own records.
 */
export async function newApplication(
  item: { code: string; name: string; dept: string; statutoryDays: number; pledgedDays: number },
  enterpriseId: string,
  materials: string[],
  filedBy: Application['filedBy'],
  { now, newId }: Deps,
): Promise<Application> {
  const at = toLocalIso(now);
  const assignedTo = store.postOf(nextPost(await getRoster(item.dept), { on: localDate(now) }));
  const where = { department: ' at the window', enterprise: ' online', 'service-centre': ' from the assistance centre (代办)' }[
    filedBy.role
  ];
  const events: TimelineEvent[] = [
    { at, event: 'received', text: `Application received${where}; post ${assignedTo.post} (${assignedTo.handlerName}) holds it.` },
  ];
  // 首问负责: the clerk at the window is the first to handle it.
  const owner = filedBy.role === 'department' ? { sub: filedBy.sub, at } : undefined;
  if (owner) events.push({ at, event: 'owner', text: `${filedBy.sub} took it in at the window: the owner of the matter from now on.` });
  return {
    id: newId(),
    itemCode: item.code,
    itemName: item.name,
    dept: item.dept,
    enterpriseId,
    materials,
    status: 'received',
    receivedAt: at,
    filedBy,
    version: 1,
    limits: { statutoryDays: item.statutoryDays, pledgedDays: item.pledgedDays },
    assignedTo,
    ...(owner ? { owner } : {}),
    timeline: events,
  };
}

/** An application the caller may see: the office and supervisors all; a department its own items'; an enterprise its own. */
async function applicationInScope(id: string, caller: Caller): Promise<Application> {
  const application = await store.getApplication(id);
  if (!application || !mayRead(caller, application)) throw new NotFound();
  return application;
}

/** An application the caller acts on as its department, or as its enterprise: another's is 404 whatever else the caller may see. */
async function ownApplication(id: string, isOwn: (application: Application) => boolean): Promise<Application> {
  const application = await store.getApplication(id);
  if (!application || !isOwn(application)) throw new NotFound();
  return application;
}
const departmentsApplication = (id: string, caller: DepartmentCaller) =>
  ownApplication(id, (application) => application.dept === caller.dept);
const enterprisesApplication = (id: string, caller: EnterpriseCaller) =>
  ownApplication(id, (application) => application.enterpriseId === caller.ent);

/**
 * 外出告知 / AB岗: an open application shows, as `assignedTo`, the post that answers for it today:
 * its holder, or the next available post while the holder is away (worked out by date, as for
 * complaints: nothing is written, so the work returns when the absence ends).
 */
const withTodaysPosts = (applications: Application[], now: Date) =>
  withCover(
    applications,
    localDate(now),
    (application) => (application.status === 'decided' ? undefined : { dept: application.dept, holder: application.assignedTo }),
    (application, assignedTo) => ({ ...application, assignedTo }),
  );

export const viewApplication = async (id: string, caller: Caller, now: Date) => {
  const [application] = await withTodaysPosts([await applicationInScope(id, caller)], now);
  return view(application as Application);
};

export async function listApplications(
  query: { status?: string; dept?: string; limit: number; cursor?: string },
  caller: Caller,
  now: Date,
) {
  let listing: store.ApplicationListing;
  if (seesAll(caller)) listing = query.dept ? { by: 'department', dept: query.dept } : { by: 'all' };
  else if (isDepartmentCaller(caller)) {
    if (query.dept && query.dept !== caller.dept) return { items: [] };
    listing = { by: 'department', dept: caller.dept };
  } else if (isEnterpriseCaller(caller)) listing = { by: 'enterprise', enterpriseId: caller.ent };
  else return { items: [] };
  const page = await store.applicationsPage(listing, query);
  return { items: (await withTodaysPosts(page.items, now)).map(view), ...(page.nextCursor ? { nextCursor: page.nextCursor } : {}) };
}

/** 首问负责: the first clerk who handles the application stays its owner. */
function ownership(application: Application, caller: Caller, at: string): { set: Partial<Application>; events: TimelineEvent[] } {
  if (application.owner) return { set: {}, events: [] };
  return {
    set: { owner: { sub: caller.sub, at } },
    events: [{ at, event: 'owner', text: `${caller.sub} handled it first: the owner of the matter from now on.` }],
  };
}

/** 受理 starts the clock; or the one-time notice (一次性告知) of everything missing. */
export async function acceptOrNotify(
  id: string,
  input: { accepted: boolean; missing?: string[] },
  caller: DepartmentCaller,
  { now, newId }: Deps,
) {
  const application = await departmentsApplication(id, caller);
  const at = toLocalIso(now);
  const owned = ownership(application, caller, at);
  // The retaliation watch is read for every acceptance, so a notice answers in the same time whether watched or not.
  const watched = await watchedActWrites(
    { type: 'one-time-notice', id: application.id, dept: application.dept, enterpriseId: application.enterpriseId },
    { now, newId },
  );
  if (input.accepted) {
    if (input.missing?.length)
      throw new InvalidInput('An acceptance names nothing missing; to ask for materials, send accepted: false.', [
        { field: 'missing', message: 'Only with accepted: false' },
      ]);
    if (application.status !== 'received')
      throw new Conflict('not-awaiting-acceptance', `Its status is ${application.status}; only a received application is accepted.`);
    const timeline = await timelineAt(applicationTiming(now, application.limits), 'applications', now);
    const accepted = {
      status: 'accepted' as const,
      acceptedAt: at,
      deadline: toLocalIso(new Date(timeline.deadline)),
      statutoryDeadline: toLocalIso(new Date(timeline.escalateAt)),
      watch: { version: 1, timeline },
      ...owned.set,
    };
    const ok = await store.updateApplication(
      application,
      accepted,
      [
        ...owned.events,
        {
          at,
          event: 'accepted',
          text: `Accepted (受理): a decision is due by ${accepted.deadline} (${application.limits.pledgedDays} working days pledged), at the latest by ${accepted.statutoryDeadline}.`,
        },
      ],
      [startDeadlineEffect(decisionMatter(application, 1), timeline, newId(), now)],
    );
    if (!ok) throw changed();
    return view({ ...application, ...accepted, version: application.version + 1 });
  }
  const missing = input.missing ?? [];
  refuse(oneTimeNoticeRule({ status: application.status, noticeGiven: !!application.notice, missing }));
  const notice = { missing, at, by: caller.sub };
  const ok = await store.updateApplication(
    application,
    { status: 'incomplete', notice, ...owned.set },
    [...owned.events, { at, event: 'one-time-notice', text: `One-time notice (一次性告知) of everything missing: ${missing.join('; ')}.` }],
    watched,
  );
  if (!ok) throw changed();
  return view({ ...application, status: 'incomplete', notice, ...owned.set, version: application.version + 1 });
}

export async function supplyMaterials(id: string, input: { materials: string[] }, caller: EnterpriseCaller, { now }: Deps) {
  const application = await enterprisesApplication(id, caller);
  if (application.status !== 'incomplete')
    throw new Conflict('not-awaiting-materials', `Its status is ${application.status}; materials are supplied after a one-time notice.`);
  const at = toLocalIso(now);
  const materials = [...new Set([...application.materials, ...input.materials])];
  const ok = await store.updateApplication(application, { status: 'received', materials }, [
    { at, event: 'materials', text: `Materials supplied: ${input.materials.join('; ')}. Awaiting acceptance again.` },
  ]);
  if (!ok) throw changed();
  return view({ ...application, status: 'received', materials, version: application.version + 1 });
}

/** 滞后反馈告知: once, before the deadline; the new date may not pass the statutory limit, where the escalation stays. */
export async function giveDelayNotice(id: string, input: DelayNoticeInput, caller: DepartmentCaller, { now, newId }: Deps) {
  const application = await departmentsApplication(id, caller);
  const watch = application.watch;
  const deadline = watch ? new Date(watch.timeline.deadline) : now;
  const statutoryEnd = application.statutoryDeadline ? new Date(application.statutoryDeadline) : now;
  const check = (expectedBy: Date) =>
    refuse(
      applicationDelayRule({
        status: application.status,
        now,
        deadline,
        statutoryEnd,
        expectedBy,
        alreadyGiven: !!application.delayNotice,
      }),
    );
  // A date weeks past the statutory limit is refused before its years' calendars are read.
  if (!watch || input.expectedBy > addDays(localDate(statutoryEnd), 14)) check(startOfLocalDate(input.expectedBy));
  // Due by the end of the date given (or of the next working day), but never past the statutory
  // limit: a date on the statutory limit's own day means by that limit. The escalation stays at
  // the statutory limit (no working time after the deadline when they coincide).
  const endOfDate = new Date((await timelineToDueDate(now, input.expectedBy, 'applications')).deadline);
  const newDeadline = input.expectedBy <= localDate(statutoryEnd) && endOfDate > statutoryEnd ? statutoryEnd : endOfDate;
  check(newDeadline);
  const isWorkingDay = await workingDaysFor(now, statutoryEnd);
  const timeline = await timelineAt(
    {
      start: now.toISOString(),
      limitDays: workingDaysBetween(now, newDeadline, isWorkingDay),
      escalationDays: workingDaysBetween(newDeadline, statutoryEnd, isWorkingDay),
    },
    'applications',
    now,
  );
  const at = toLocalIso(now);
  const owned = ownership(application, caller, at);
  const delayNotice = { reason: input.reason, expectedBy: input.expectedBy, at };
  const next = {
    delayNotice,
    deadline: toLocalIso(new Date(timeline.deadline)),
    watch: { version: (watch?.version ?? 1) + 1, timeline },
    ...owned.set,
  };
  const ok = await store.updateApplication(
    application,
    next,
    [...owned.events, { at, event: 'delay-notice', text: `The decision will be late: ${input.reason} Now due by ${next.deadline}.` }],
    delayNoticeWrites(
      application.dept,
      decisionMatter(application, watch?.version ?? 1),
      decisionMatter(application, next.watch.version),
      timeline,
      { now, newId },
    ),
  );
  if (!ok) throw changed();
  return view({ ...application, ...next, version: application.version + 1 });
}

/** The department's decision: approved or refused, and why. */
type DecisionInput = Pick<NonNullable<Application['decision']>, 'decision' | 'reason'>;

export async function decide(id: string, input: DecisionInput, caller: DepartmentCaller, { now, newId }: Deps) {
  const application = await departmentsApplication(id, caller);
  if (application.status !== 'accepted' || !application.watch || !application.acceptedAt) {
    throw new Conflict('not-accepted', `Its status is ${application.status}; only an accepted application is decided, once.`);
  }
  const acceptedAt = new Date(application.acceptedAt);
  const record = decisionRecord(acceptedAt, now, new Date(application.watch.timeline.deadline), await workingDaysFor(acceptedAt, now));
  const at = toLocalIso(now);
  const owned = ownership(application, caller, at);
  const decision = { ...input, at, by: caller.sub, ...record };
  const watched = await watchedActWrites(
    { type: 'application-refused', id: application.id, dept: application.dept, enterpriseId: application.enterpriseId },
    { now, newId },
  );
  const ok = await store.updateApplication(
    application,
    { status: 'decided', decision, ...owned.set },
    [
      ...owned.events,
      {
        at,
        event: 'decided',
        text: `${input.decision === 'approved' ? 'Approved' : 'Refused'}: ${input.reason} (${record.workingDays} working days, ${record.onTime ? 'on time' : 'late'}).`,
      },
    ],
    [
      stopDeadlineEffect(decisionMatter(application, application.watch.version), 'decided', newId(), now),
      itemRecordWrite(application.itemCode, record.onTime, record.workingDays),
      countIn(application.dept, now, { applicationsDecided: 1, applicationsOnTime: record.onTime ? 1 : 0 }),
      ...(input.decision === 'refused' ? watched : []),
    ],
  );
  if (!ok) throw changed();
  return view({ ...application, status: 'decided', decision, ...owned.set, version: application.version + 1 });
}

/** 好差评: once, after the decision; a poor rating (1 or 2) alerts the soft-environment office. */
export async function rate(id: string, input: { score: number; comment?: string }, caller: EnterpriseCaller, { now, newId }: Deps) {
  const application = await enterprisesApplication(id, caller);
  refuse(ratingRule({ status: application.status, alreadyRated: !!application.rating, score: input.score }));
  const at = toLocalIso(now);
  const rating = { score: input.score, ...(input.comment ? { comment: input.comment } : {}), at };
  const poor = ratingAlertsOffice(input.score);
  const alert = poor ? await poorRatingAlert(application, input, { now, newId }) : [];
  const ok = await store.updateApplication(
    application,
    { rating },
    [{ at, event: 'rated', text: `Rated ${input.score} of 5${input.comment ? `: ${input.comment}` : '.'}` }],
    [countIn(application.dept, now, { ratings: 1, ratingPoints: input.score, ...(poor ? { poorRatings: 1 } : {}) }), ...alert],
  );
  if (!ok) throw changed();
  return view({ ...application, rating, version: application.version + 1 });
}

/** A poor rating (1 or 2 of 5) reaches the soft-environment office. */
async function poorRatingAlert(application: store.Application, input: { score: number; comment?: string }, deps: Deps) {
  const what = await applicationDescribed(application);
  const decided = application.decision ? APPLICATION_DECISION_WORDS[application.decision.decision] : undefined;
  return raiseAlert(
    {
      severity: 'warning',
      concern: 'applications',
      department: application.dept,
      kind: 'poor-rating',
      ...alertWords(
        {
          zh: `差评（${input.score}/5）：${what.dept}「${application.itemName}」`,
          en: `A poor rating (${input.score}/5) for ${what.dept}: ${application.itemName}`,
        },
        {
          zh: `${what.enterprise}对${what.zh}${decided ? `（${decided[0]}）` : ''}评为${input.score}分（满分5分）${input.comment ? `：${input.comment}` : '。'}`,
          en: `${what.enterprise} rated the ${what.en}${decided ? ` (${decided[1].toLowerCase()})` : ''} ${input.score} of 5${input.comment ? `: ${input.comment}` : '.'}`,
        },
      ),
      subject: { type: 'application', id: application.id },
    },
    deps,
  );
}
