/** The inspection operations: rules from rules.ts, table access from store.ts, clock and ids injected. */
import { addDays, localDate, startOfLocalDate, toLocalIso } from '#shared/time/clock';
import { config } from '#shared/config';
import { hasRole, isDepartmentCaller, isEnterpriseCaller, mayRead, seesAll } from '#shared/http/auth';
import type { Caller, DepartmentCaller, EnterpriseCaller } from '#shared/http/auth';
import type { Alert } from '#shared/alerts/alerts';
import { alertWrites, raiseAlert } from '#shared/outbox/raise-alert';
import { alertWords, shortRef } from '#shared/alerts/alert-text';
import { inspectionDescribed } from './described.ts';
import { prepareComplaint } from '../complaints/intake.ts';
import { deadlineTimeline, workingDaysElapsed } from '#shared/outbox/calendar-store';
import type { Matter } from '#shared/outbox/matters';
import { startDeadlineEffect, stopDeadlineEffect } from '#shared/outbox/effects';
import {
  approvalTimelineWithin,
  firstMinorViolationRule,
  INSPECTION_STATUS_WORDS,
  oneYearBefore,
  quietDayRule,
  routineCapViolation,
  visitVerdict,
  type Finding,
} from './rules.ts';
import * as store from './store.ts';
import { requireOwnDepartment } from '../registry/service.ts';
import { Conflict, InvalidInput, NotFound, RuleViolation } from '#shared/domain/errors';
import type { Deps } from '#shared/domain/deps';
import { watchedActWrites } from '../accountability/watch.ts';

export const approvalLimitDays = (): number => config.APPROVAL_LIMIT_DAYS ?? 1;
export const routineCap = (): number => config.ROUTINE_INSPECTIONS_PER_YEAR ?? 2;

export const approvalMatter = (inspection: Pick<store.Inspection, 'id' | 'department' | 'approval'>): Matter => ({
  concern: 'inspections',
  kind: 'approval',
  id: inspection.id,
  version: inspection.approval?.version ?? 1,
  department: inspection.department,
});

export async function fileInspection(
  input: store.InspectionRequest,
  caller: DepartmentCaller,
  { now, newId }: Deps,
): Promise<store.Inspection> {
  const department = await requireOwnDepartment(caller);
  const today = localDate(now);
  if (input.plannedDate < today) {
    throw new InvalidInput('An inspection cannot be planned in the past.', [{ field: 'plannedDate', message: `Before today (${today})` }]);
  }
  const outcome = quietDayRule(input.plannedDate, input.category);
  if ('violation' in outcome) throw new RuleViolation(outcome.violation);

  const inspection: store.Inspection = {
    id: newId(),
    ...input,
    department,
    status: outcome.status,
    filedAt: toLocalIso(now),
    filedBy: caller.sub,
    version: 1,
  };
  // After the 25th the office's decision is watched; a quiet-day exception is reported to it.
  const alongside = [];
  if (outcome.status === 'pending-approval') {
    const limitDays = approvalLimitDays();
    const plannedDayEnd = startOfLocalDate(addDays(input.plannedDate, 1));
    inspection.approval = {
      limitDays,
      timeline: approvalTimelineWithin(await deadlineTimeline(now, limitDays, 'inspections'), now, plannedDayEnd),
    };
    alongside.push(startDeadlineEffect(approvalMatter(inspection), inspection.approval.timeline, newId(), now));
  } else {
    const what = await inspectionDescribed(inspection);
    alongside.push(
      ...raiseAlert(
        {
          severity: 'info',
          concern: 'inspections',
          department: inspection.department,
          kind: 'quiet-day-exception-filed',
          ...alertWords(
            { zh: `宁静生产日报备检查：${what.dept}`, en: `An inspection filed for a quiet production day by ${what.dept}` },
            {
              zh: `${what.zh}在宁静生产日进行，已报备。事由：${inspection.reason}`,
              en: `A ${what.en} (a quiet production day) was filed: ${inspection.reason}`,
            },
          ),
          subject: { type: 'inspection', id: inspection.id },
        },
        { now, newId },
      ),
    );
  }
  // The retaliation watch: one read, and a flag in this transaction if the enterprise complained of the department.
  alongside.push(
    ...(await watchedActWrites(
      { type: 'inspection-filed', id: inspection.id, dept: department, enterpriseId: input.enterpriseId },
      { now, newId },
    )),
  );
  const cap = input.category === 'routine' ? routineCap() : undefined;
  if ((await store.createInspection(inspection, cap, alongside)) === 'cap-reached') {
    const violation = routineCapViolation(cap as number, input.plannedDate.slice(0, 4));
    throw new RuleViolation(violation);
  }
  return inspection;
}

/** An inspection the caller may see, or 404. */
async function inspectionInScope(id: string, caller: Caller): Promise<store.Inspection> {
  const inspection = await store.getInspection(id);
  if (!inspection || !mayRead(caller, { dept: inspection.department, enterpriseId: inspection.enterpriseId })) throw new NotFound();
  return inspection;
}

export async function viewInspection(id: string, caller: Caller) {
  const inspection = await inspectionInScope(id, caller);
  const visits = await store.inspectionVisits(id);
  // Who at the enterprise reported a visit is for the enterprise and the supervisors, not the department inspected.
  const identityShown = seesAll(caller) || (hasRole(caller, 'enterprise') && inspection.enterpriseId === caller.ent);
  return { ...inspection, visits: identityShown ? visits : visits.map(({ recordedBy: _recordedBy, ...visit }) => visit) };
}

export async function listInspections(
  query: { enterpriseId?: string; dept?: string; status?: string; month?: string; limit: number; cursor?: string },
  caller: Caller,
) {
  let listing: store.InspectionListing;
  if (seesAll(caller)) {
    listing = query.enterpriseId
      ? { by: 'enterprise', enterpriseId: query.enterpriseId }
      : query.dept
        ? { by: 'department', dept: query.dept }
        : { by: 'all' };
  } else if (isDepartmentCaller(caller)) {
    listing = { by: 'department', dept: caller.dept };
  } else if (isEnterpriseCaller(caller)) {
    listing = { by: 'enterprise', enterpriseId: caller.ent };
    if (query.enterpriseId && query.enterpriseId !== caller.ent) return { items: [], nextCursor: undefined };
  } else {
    return { items: [], nextCursor: undefined };
  }
  return store.inspectionsPage(listing, query);
}

export async function decide(id: string, input: { decision: 'approve' | 'reject'; comment: string }, caller: Caller, { now, newId }: Deps) {
  const inspection = await store.getInspection(id);
  if (!inspection) throw new NotFound();
  if (inspection.status !== 'pending-approval')
    throw new Conflict('not-pending', `This inspection is ${inspection.status}; only one awaiting approval can be decided.`);
  const today = localDate(now);
  if (today > inspection.plannedDate) {
    throw new RuleViolation({
      rule: 'planned-date-passed',
      title: 'The planned date has passed',
      detail: `The inspection was planned for ${inspection.plannedDate}; a decision on ${today} comes too late. The department must file it again.`,
    });
  }
  const decision: store.Decision = { ...input, decidedAt: toLocalIso(now), decidedBy: caller.sub };
  const workingDaysTaken = await workingDaysElapsed(new Date(inspection.filedAt), now);
  const stopWatch = stopDeadlineEffect(approvalMatter(inspection), `decided: ${input.decision}`, newId(), now);
  if ((await store.recordDecision(inspection, decision, workingDaysTaken, now, [stopWatch])) === 'not-pending') {
    throw new Conflict('not-pending', 'Another decision on this inspection was recorded first.');
  }
  return { ...inspection, status: input.decision === 'approve' ? 'approved' : 'rejected', decision, version: inspection.version + 1 };
}

export async function recordVisit(
  id: string,
  input: { inspectorsPresent?: string[]; note?: string },
  caller: EnterpriseCaller,
  { now, newId }: Deps,
) {
  const inspection = await store.getInspection(id);
  if (!inspection || inspection.enterpriseId !== caller.ent) throw new NotFound();
  const { reasonZh, ...verdict } = visitVerdict(inspection, localDate(now));
  const visit: store.Visit = { visitId: newId(), inspectionId: id, at: toLocalIso(now), ...verdict, recordedBy: caller.sub, ...input };
  if (verdict.allowed) {
    await store.recordVisit(visit);
    return visit;
  }
  const complaint = await prepareComplaint(
    {
      againstDept: inspection.department,
      category: 'quiet-day-violation',
      source: 'inspection-visit',
      occurredAt: visit.at,
      description: `Inspectors of ${inspection.department} came to the enterprise for inspection ${id} when it was not allowed: ${verdict.reason}${input.note ? ` Note: ${input.note}` : ''}`,
      complainant: { sub: caller.sub, enterpriseId: inspection.enterpriseId },
      subject: { type: 'inspection', id },
    },
    { now, newId },
    { visitsNotAllowed: 1 },
  );
  const complaintId = complaint.complaint.id;
  visit.complaintId = complaintId;
  const what = await inspectionDescribed(inspection);
  const alert: Alert = {
    id: newId(),
    at: visit.at,
    severity: 'breach',
    concern: 'inspections',
    department: inspection.department,
    kind: 'visit-not-allowed',
    ...alertWords(
      {
        zh: `${what.dept}检查人员未经许可进入企业：${what.enterprise}`,
        en: `Inspectors of ${what.dept} at an enterprise without permission`,
      },
      {
        zh: `${what.enterprise}报告${what.dept}的检查人员上门实施${what.zh}（${INSPECTION_STATUS_WORDS[inspection.status][0]}），不应进行：${reasonZh}已据此立案投诉（编号 ${shortRef(complaintId)}）。`,
        en: `${what.enterprise} reports inspectors of ${what.dept} at its door for a ${what.en} (${inspection.status}): ${verdict.reason} A complaint (ref. ${shortRef(complaintId)}) is open.`,
      },
    ),
    subject: { type: 'inspection', id },
  };
  const recorded = await store.recordUnlawfulVisit(visit, localDate(now), [...complaint.writes, ...alertWrites(alert, { now, newId })]);
  if (recorded.first) return { ...visit, complaint: { id: complaintId, trackingCode: complaint.trackingCode } };
  // Reported already today: one event, its complaint and alert already made; this report is kept on it.
  return {
    ...visit,
    complaintId: recorded.complaintId,
    repeatOf: recorded.complaintId,
    reportsToday: recorded.reports,
    complaint: { id: recorded.complaintId },
  };
}

export async function recordOutcome(id: string, input: { findings: Finding[] }, caller: DepartmentCaller, { now, newId }: Deps) {
  const inspection = await store.getInspection(id);
  if (!inspection || inspection.department !== caller.dept) throw new NotFound();
  if (inspection.outcome) throw new Conflict('outcome-recorded', 'The outcome of this inspection is already recorded.');
  if (inspection.status !== 'approved' && inspection.status !== 'filed') {
    throw new Conflict(
      'not-allowed-to-take-place',
      `This inspection is ${inspection.status}; an outcome needs an approved or filed inspection.`,
    );
  }
  const today = localDate(now);
  if (today < inspection.plannedDate)
    throw new Conflict('not-held-yet', `The inspection is planned for ${inspection.plannedDate}; record its outcome after it took place.`);
  // The 12 months before the inspection where the violation was found, not before the day it is written down.
  const inspected = inspection.plannedDate;
  const hadMinor = await store.hadMinorFinding(inspection.enterpriseId, inspection.department, oneYearBefore(inspected), inspected);
  const violation = firstMinorViolationRule(input.findings, hadMinor);
  if (violation) throw new RuleViolation(violation);
  const outcome = { findings: input.findings, recordedAt: toLocalIso(now), recordedBy: caller.sub };
  // A fine is a watched act; the watch is read for every outcome, so an outcome answers in the same time either way.
  const watched = await watchedActWrites(
    { type: 'fine-recorded', id: inspection.id, dept: inspection.department, enterpriseId: inspection.enterpriseId },
    { now, newId },
  );
  const fined = input.findings.some((finding) => finding.fine > 0);
  if ((await store.recordOutcome(inspection, outcome, inspected, fined ? watched : [])) === 'conflict') {
    throw new Conflict('outcome-recorded', 'The inspection changed meanwhile; reload it and try again.');
  }
  return { ...inspection, status: 'completed', outcome, version: inspection.version + 1 };
}

export async function findingsRegister(enterpriseId: string, query: { limit: number; cursor?: string }, caller: Caller) {
  if (seesAll(caller) || (hasRole(caller, 'enterprise') && caller.ent === enterpriseId)) {
    return store.findingsPage(enterpriseId, undefined, query.limit, query.cursor);
  }
  // A department sees the findings it made itself.
  if (hasRole(caller, 'department')) return store.findingsPage(enterpriseId, caller.dept, query.limit, query.cursor);
  throw new NotFound();
}
