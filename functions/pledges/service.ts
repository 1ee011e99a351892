/** The pledge operations: rules in rules.ts, table access in store.ts, clock and ids injected. */
import { alertWords } from '#shared/alerts/alert-text';
import { departmentName } from '#shared/domain/names';
import { addDays, localDate, toLocalIso } from '#shared/time/clock';
import { hasRole, type Caller, type DepartmentCaller } from '#shared/http/auth';
import type { Alert } from '#shared/alerts/alerts';
import { alertWrites } from '#shared/outbox/raise-alert';
import { timelineToDueDate } from '#shared/outbox/calendar-store';
import { latestEscalation, LONGEST_WATCH_DAYS } from '#shared/time/calendar';
import type { Matter } from '#shared/outbox/matters';
import { startDeadlineEffect, stopDeadlineEffect } from '#shared/outbox/effects';
import { countInQuarter, MEASURED_SERVICES, quarterOf, type MeasuredService } from '#shared/domain/evaluation';
import { afterReview, brokenCount, excuseRule, measure, type PledgeVerdict } from './rules.ts';
import { twoThirdsRule } from '../approvals/rules.ts';
import * as store from './store.ts';
import type { PledgeTerms } from './records.ts';
import { requireOwnDepartment } from '../registry/service.ts';
import { Conflict, InvalidInput, NotFound, RuleViolation } from '#shared/domain/errors';
import type { Deps } from '#shared/domain/deps';

export const dueDateMatter = (pledge: Pick<store.Pledge, 'id' | 'department' | 'deadline'>): Matter => ({
  concern: 'pledges',
  kind: 'due-date',
  id: pledge.id,
  version: pledge.deadline.version ?? 1,
  department: pledge.department,
});

export async function makePledge(input: PledgeTerms, caller: DepartmentCaller, { now, newId }: Deps) {
  const department = await requireOwnDepartment(caller);
  if (input.dueDate <= localDate(now))
    throw new InvalidInput('A pledge is due after today.', [{ field: 'dueDate', message: 'Not after today' }]);
  if (input.statutoryLimitDays !== undefined && input.pledgedLimitDays !== undefined) {
    const violation = twoThirdsRule(input.statutoryLimitDays, input.pledgedLimitDays);
    if (violation) throw new RuleViolation(violation);
  }
  // One execution watches a pledge to its escalation, a working day after the due date, and
  // it runs at most a year: the due date leaves room for the longest holiday (checked first, so a
  // date far ahead costs no calendar reads).
  const lastDueDate = addDays(localDate(now), LONGEST_WATCH_DAYS - 15);
  const tooFar = () =>
    new InvalidInput(
      `A pledge is watched from today until a working day after its due date, for at most ${LONGEST_WATCH_DAYS} days: give a due date by ${lastDueDate}.`,
      [{ field: 'dueDate', message: `Too far ahead: at most ${lastDueDate}` }],
    );
  if (input.dueDate > lastDueDate) throw tooFar();
  // Due by the end of its due date (or of the next working day); warned at two thirds of the working time there.
  const timeline = await timelineToDueDate(now, input.dueDate, 'pledges');
  if (Date.parse(timeline.escalateAt) > latestEscalation(now).getTime()) throw tooFar();
  const pledge: store.Pledge = {
    id: newId(),
    department,
    ...input,
    status: 'open',
    final: false,
    overdue: false,
    createdAt: toLocalIso(now),
    createdBy: caller.sub,
    version: 1,
    deadline: { timeline },
    reviews: [],
  };
  await store.createPledge(pledge, [startDeadlineEffect(dueDateMatter(pledge), timeline, newId(), now)]);
  return withMeasure(pledge, now);
}

const isMeasured = (code: string | undefined): code is MeasuredService => (MEASURED_SERVICES as readonly string[]).includes(code ?? '');

/** A pledge about a limit the system measures, shown beside the share of real cases within it. */
async function withMeasure(pledge: store.Pledge, now: Date) {
  if (!isMeasured(pledge.serviceCode) || pledge.pledgedLimitDays === undefined) return pledge;
  const end = Math.min(now.getTime(), Date.parse(pledge.deadline.timeline.deadline));
  const cases = await store.handledCases(
    pledge.department,
    pledge.serviceCode,
    new Date(pledge.createdAt).toISOString(),
    new Date(end).toISOString(),
  );
  return {
    ...pledge,
    measured: { service: pledge.serviceCode, pledgedLimitDays: pledge.pledgedLimitDays, ...measure(cases, pledge.pledgedLimitDays) },
  };
}

export async function viewPledge(id: string, now: Date) {
  const pledge = await store.getPledge(id);
  if (!pledge) throw new NotFound();
  return withMeasure(pledge, now);
}

export async function listPledges(query: { dept?: string; status?: string; limit: number; cursor?: string }) {
  return store.pledgesPage(query.dept, query.status, query.limit, query.cursor);
}

export async function review(id: string, input: { verdict: PledgeVerdict; evidence: string }, caller: Caller, { now, newId }: Deps) {
  const pledge = await store.getPledge(id);
  const byOffice = hasRole(caller, 'soft-env-office');
  if (!pledge || (!byOffice && pledge.department !== caller.dept)) throw new NotFound();
  if (pledge.final)
    throw new Conflict('review-final', `The soft-environment office already judged this pledge ${pledge.status}; its verdict is final.`);
  const notExcusable = excuseRule(input.verdict, byOffice);
  if (notExcusable) throw new RuleViolation(notExcusable);
  const { status, final } = afterReview(input.verdict, byOffice);
  const reviewRecord: store.Review = { ...input, at: toLocalIso(now), by: caller.sub, byOffice };
  const broken = brokenCount(pledge, status, quarterOf(now));
  const newlyBroken = status === 'broken' && pledge.status !== 'broken';
  const dept = newlyBroken ? await departmentName(pledge.department) : '';
  const alert: Alert | undefined = newlyBroken
    ? {
        id: newId(),
        at: toLocalIso(now),
        severity: 'breach',
        concern: 'pledges',
        department: pledge.department,
        kind: 'pledge-broken',
        ...alertWords(
          { zh: `公开承诺未兑现：${dept}`, en: `A public pledge of ${dept} was not honoured` },
          {
            zh: `${dept}的公开承诺「${pledge.title}」（${pledge.dueDate}到期）经${byOffice ? '软环境办' : '该部门自己'}认定未兑现：${input.evidence}`,
            en: `${dept}'s pledge "${pledge.title}" (due ${pledge.dueDate}) was judged broken ${byOffice ? 'by the soft-environment office' : 'by the department itself'}: ${input.evidence}`,
          },
        ),
        subject: { type: 'pledge', id: pledge.id },
      }
    : undefined;
  // Only the office's verdict is final: the due date is watched until it is given.
  const set: Partial<store.Pledge> = { status, final, ...(broken.set ? { brokenCountedIn: broken.set.quarter } : {}) };
  const ok = await store.updatePledge(pledge, set, reviewRecord, [
    ...broken.writes.map(({ quarter, delta }) => countInQuarter(pledge.department, quarter, { brokenPledges: delta })),
    ...(alert ? alertWrites(alert, { now, newId }) : []),
    ...(final ? [stopDeadlineEffect(dueDateMatter(pledge), `judged ${status} by the office`, newId(), now)] : []),
  ]);
  if (!ok) throw new Conflict('pledge-changed', 'The pledge changed meanwhile; reload it and try again.');
  return withMeasure({ ...pledge, ...set, version: pledge.version + 1, reviews: [...pledge.reviews, reviewRecord] }, now);
}
