/**
 * The accountability operations: supervision findings (明查暗访), cases with their decision and
 * appeal, public notices (通报) and the review of retaliation flags. Rules in rules.ts, table
 * access in store.ts, clock and ids injected.
 */
import { toLocalIso } from '#shared/time/clock';
import { deadlineTimeline, workingTimeAfter } from '#shared/outbox/calendar-store';
import { hasRole, isDepartmentCaller, type Caller, type DepartmentCaller } from '#shared/http/auth';
import type { Matter } from '#shared/outbox/matters';
import { startDeadlineEffect, stopDeadlineEffect } from '#shared/outbox/effects';
import { countIn, countInQuarter, quarterOf } from '#shared/domain/evaluation';
import { Conflict, InvalidInput, NotFound, RuleViolation, type Violation } from '#shared/domain/errors';
import type { Deps } from '#shared/domain/deps';
import { writeAll, type Write } from '#shared/data/db';
import { requireNamedDepartment } from '../registry/service.ts';
import {
  appealWindowClosed,
  decisionErrors,
  heaviest,
  isNoticed,
  LIMITS,
  sameDecider,
  sanctionCounts,
  type Clause,
  type FindingMethod,
  type Outcome,
  type SanctionInput,
  type SourceType,
} from './rules.ts';
import * as store from './store.ts';

// Timed matters ---------------------------------------------------------------------------------

export const findingResponseMatter = (finding: Pick<store.Finding, 'id' | 'dept'>, version: number): Matter => ({
  concern: 'accountability',
  kind: 'finding-response',
  id: finding.id,
  version,
  department: finding.dept,
});

export const investigationMatter = (record: Pick<store.AccountabilityCase, 'id' | 'dept' | 'deadline'>): Matter => ({
  concern: 'accountability',
  kind: 'investigation',
  id: record.id,
  version: record.deadline.version,
  department: record.dept,
});

// Findings --------------------------------------------------------------------------------------

export interface FindingInput {
  dept: string;
  method: FindingMethod;
  observedAt: string;
  place: string;
  clause: Clause;
  description: string;
  post?: string | undefined;
}

/** Shown to the department: its response limit starts, and the finding counts in the quarter's evaluation. */
async function showWrites(finding: Pick<store.Finding, 'id' | 'dept'>, version: number, { now, newId }: Deps) {
  const timeline = await deadlineTimeline(now, LIMITS.findingResponseDays, 'accountability');
  return {
    deadline: { timeline, version },
    writes: [
      startDeadlineEffect(findingResponseMatter(finding, version), timeline, newId(), now),
      countIn(finding.dept, now, { supervisionFindings: 1 }),
    ] as Write[],
  };
}

export async function recordFinding(input: FindingInput, caller: Caller, deps: Deps) {
  await requireNamedDepartment(input.dept, 'dept');
  if (Date.parse(input.observedAt) > deps.now.getTime())
    throw new InvalidInput('A finding records what was observed: observedAt is not in the future.', [
      { field: 'observedAt', message: 'In the future' },
    ]);
  const id = deps.newId();
  const at = toLocalIso(deps.now);
  const base = {
    id,
    ...input,
    observedAt: toLocalIso(new Date(input.observedAt)),
    status: 'recorded' as const,
    recordedAt: at,
    recordedBy: caller.sub,
    overdue: false,
    version: 1,
  };
  // An open check is shown at once; a covert one only when a supervisor discloses it.
  const shown = input.method === 'open' ? await showWrites(base, 1, deps) : undefined;
  const finding: store.Finding = { ...base, ...(shown ? { shownAt: at, deadline: shown.deadline } : {}) };
  await writeAll([store.newFindingWrite(finding), ...(shown?.writes ?? [])]);
  return findingView(finding, caller);
}

/** What the caller may see of a finding: everything for the supervisors and the office; the department its own once shown. */
async function readableFinding(id: string, caller: Caller): Promise<store.Finding> {
  const finding = await store.getFinding(id);
  if (!finding) throw new NotFound();
  if (hasRole(caller, 'supervisor') || hasRole(caller, 'soft-env-office')) return finding;
  // A covert finding does not exist for its department until it is disclosed.
  if (isDepartmentCaller(caller) && finding.dept === caller.dept && finding.shownAt) return finding;
  throw new NotFound();
}

/** The department does not learn who recorded a finding. */
export const findingView = (finding: store.Finding, caller: Caller) => {
  const { recordedBy, deadline, version: _version, ...rest } = finding;
  const due = deadline ? { responseDueBy: toLocalIso(new Date(deadline.timeline.deadline)) } : {};
  return hasRole(caller, 'supervisor') || hasRole(caller, 'soft-env-office') ? { ...rest, ...due, recordedBy } : { ...rest, ...due };
};

export const viewFinding = async (id: string, caller: Caller) => findingView(await readableFinding(id, caller), caller);

export async function listFindings(query: { dept?: string; status?: string; limit: number; cursor?: string }, caller: Caller) {
  const seesAll = hasRole(caller, 'supervisor') || hasRole(caller, 'soft-env-office');
  const page = await store.findingsPage(query, seesAll ? undefined : caller.dept);
  return { ...page, items: page.items.map((finding) => findingView(finding, caller)) };
}

export async function discloseFinding(id: string, deps: Deps, caller: Caller) {
  const finding = await store.getFinding(id);
  if (!finding) throw new NotFound();
  if (finding.shownAt) throw new Conflict('finding-shown', 'This finding is already shown to its department.');
  const at = toLocalIso(deps.now);
  const shown = await showWrites(finding, 1, deps);
  const set = { shownAt: at, deadline: shown.deadline, ...store.shownEntry(finding) };
  if (!(await store.updateFinding(finding, { set, unset: ['shownAt'] }, shown.writes)))
    throw new Conflict('finding-changed', 'The finding changed meanwhile; reload it and try again.');
  return findingView({ ...finding, shownAt: at, deadline: shown.deadline, version: finding.version + 1 }, caller);
}

export async function respondToFinding(
  id: string,
  input: { statement: string; rectification: string },
  caller: DepartmentCaller,
  deps: Deps,
) {
  const finding = await readableFinding(id, caller);
  if (finding.status === 'responded') throw new Conflict('already-responded', 'The department answers a finding once.');
  const response = { ...input, at: toLocalIso(deps.now) };
  const stop = finding.deadline
    ? [stopDeadlineEffect(findingResponseMatter(finding, finding.deadline.version), 'the department responded', deps.newId(), deps.now)]
    : [];
  if (!(await store.updateFinding(finding, { set: { status: 'responded', response }, onlyIf: { status: ['recorded'] } }, stop)))
    throw new Conflict('already-responded', 'The department answers a finding once.');
  return findingView({ ...finding, status: 'responded', response, version: finding.version + 1 }, caller);
}

// Cases -----------------------------------------------------------------------------------------

export interface CaseInput {
  dept: string;
  clause: Clause;
  summary: string;
  sources: { type: SourceType; id: string }[];
}

const sourceNotFound = (missing: { type: string; id: string }[]): Violation => ({
  rule: 'source-not-found',
  title: 'A source of the case does not exist',
  detail: `No such ${missing.map((source) => `${source.type} ${source.id}`).join(', ')}: a case is opened from records that exist.`,
});
const sourceOfAnotherDepartment = (wrong: { type: string; id: string }[], dept: string): Violation => ({
  rule: 'source-of-another-department',
  title: 'A source of the case concerns another department',
  detail: `${wrong.map((source) => `The ${source.type} ${source.id}`).join(', ')} does not concern ${dept}.`,
});

/** The case, its sources claimed (each in at most one case) and its investigation watched, for one transaction. */
async function prepareCase(input: CaseInput, caller: Caller, deps: Deps, knownSources: Write[] = []) {
  const id = deps.newId();
  const timeline = await deadlineTimeline(deps.now, LIMITS.investigationDays, 'accountability');
  const record: store.AccountabilityCase = {
    id,
    ...input,
    status: 'investigating',
    openedAt: toLocalIso(deps.now),
    openedBy: caller.sub,
    withdrawn: false,
    version: 1,
    deadline: { timeline, version: 1 },
  };
  return {
    record,
    writes: [
      ...knownSources,
      ...input.sources.map((source) => store.sourceClaim(source.type, source.id, id)),
      store.newCaseWrite(record),
      startDeadlineEffect(investigationMatter(record), timeline, deps.newId(), deps.now),
    ],
  };
}

export const caseView = (record: store.AccountabilityCase) => {
  const { version: _version, deadline, ...rest } = record;
  return { ...rest, investigationDueBy: toLocalIso(new Date(deadline.timeline.deadline)) };
};

export async function openCase(input: CaseInput, caller: Caller, deps: Deps) {
  await requireNamedDepartment(input.dept, 'dept');
  const keysSeen = new Set<string>();
  input.sources.forEach((source, index) => {
    const key = `${source.type}#${source.id}`;
    if (keysSeen.has(key)) throw new InvalidInput('A source is named once.', [{ field: `sources.${index}`, message: 'Named twice' }]);
    keysSeen.add(key);
  });
  const found = await store.sourcesFound(input.sources);
  const missing = input.sources.filter((source) => !found.has(store.sourcePartition(source.type, source.id)));
  if (missing.length) throw new RuleViolation(sourceNotFound(missing));
  const wrong = input.sources.filter((source) => {
    const dept = found.get(store.sourcePartition(source.type, source.id));
    return dept !== undefined && dept !== 'none' && dept !== input.dept;
  });
  if (wrong.length) throw new RuleViolation(sourceOfAnotherDepartment(wrong, input.dept));
  const { record, writes } = await prepareCase(input, caller, deps);
  await writeAll(writes);
  return caseView(record);
}

async function readableCase(id: string, caller: Caller): Promise<store.AccountabilityCase> {
  const record = await store.getCase(id);
  if (!record) throw new NotFound();
  if (hasRole(caller, 'supervisor') || hasRole(caller, 'soft-env-office')) return record;
  if (isDepartmentCaller(caller) && record.dept === caller.dept) return record;
  throw new NotFound();
}

/**
 * The department sees its case without the retaliation flags among its sources: it must never
 * learn that it was watched, nor whom the watch was for.
 */
const forCaller = (record: store.AccountabilityCase, caller: Caller) =>
  hasRole(caller, 'supervisor') || hasRole(caller, 'soft-env-office')
    ? caseView(record)
    : caseView({ ...record, sources: record.sources.filter((source) => source.type !== 'retaliation-flag') });

export const viewCase = async (id: string, caller: Caller) => forCaller(await readableCase(id, caller), caller);

export async function listCases(query: { dept?: string; status?: string; limit: number; cursor?: string }, caller: Caller) {
  const seesAll = hasRole(caller, 'supervisor') || hasRole(caller, 'soft-env-office');
  const page = await store.casesPage(query, seesAll ? undefined : caller.dept);
  return { ...page, items: page.items.map((record) => forCaller(record, caller)) };
}

const changed = () => new Conflict('case-changed', 'The case changed meanwhile; reload it and try again.');

export async function decideCase(id: string, input: { outcome: Outcome; sanctions: SanctionInput[] }, caller: Caller, deps: Deps) {
  const record = await store.getCase(id);
  if (!record) throw new NotFound();
  if (record.status !== 'investigating') throw new Conflict('case-decided', 'A case is decided once.');
  const errors = decisionErrors(input.outcome, input.sanctions);
  if (errors.length) throw new InvalidInput('The decision does not fit its outcome; see errors.', errors);
  const at = toLocalIso(deps.now);
  const quarter = quarterOf(deps.now);
  const sanctions = input.sanctions.map((s) => ({
    measure: s.measure,
    ...(s.person ? { person: s.person } : {}),
    ...(s.note ? { note: s.note } : {}),
  }));
  const appealBy = toLocalIso(await workingTimeAfter(deps.now, LIMITS.appealDays));
  const decision = { outcome: input.outcome, sanctions, at, appealBy, by: caller.sub, countedIn: quarter };
  const measures = sanctions.map((s) => s.measure);
  const top = heaviest(measures);
  const alongside: Write[] = [
    stopDeadlineEffect(investigationMatter(record), 'the case was decided', deps.newId(), deps.now),
    ...(measures.length ? [countInQuarter(record.dept, quarter, sanctionCounts(measures))] : []),
    ...(top && isNoticed(measures)
      ? [store.noticeWrite({ caseId: record.id, dept: record.dept, clause: record.clause, measure: top, decidedAt: at })]
      : []),
  ];
  if (!(await store.updateCase(record, { set: { status: 'decided', decision }, onlyIf: { status: ['investigating'] } }, alongside)))
    throw changed();
  return caseView({ ...record, status: 'decided', decision, version: record.version + 1 });
}

export async function appealCase(id: string, input: { reason: string }, caller: DepartmentCaller, deps: Deps) {
  const record = await readableCase(id, caller);
  if (record.status === 'investigating' || !record.decision)
    throw new Conflict('case-not-decided', 'A case is appealed after its decision.');
  if (record.status !== 'decided') throw new Conflict('already-appealed', 'A decision is appealed once.');
  if (record.decision.outcome !== 'sanctioned') throw new Conflict('nothing-to-appeal', 'A case not substantiated has nothing to appeal.');
  const closed = appealWindowClosed(deps.now, new Date(record.decision.appealBy));
  if (closed) throw new RuleViolation(closed);
  const appeal = { ...input, at: toLocalIso(deps.now), by: caller.sub };
  if (!(await store.updateCase(record, { set: { status: 'appealed', appeal }, onlyIf: { status: ['decided'] } }))) throw changed();
  return forCaller({ ...record, status: 'appealed', appeal, version: record.version + 1 }, caller);
}

export async function decideAppeal(id: string, input: { upheld: boolean; reason: string }, caller: Caller, deps: Deps) {
  const record = await store.getCase(id);
  if (!record) throw new NotFound();
  if (record.status !== 'appealed' || !record.decision)
    throw new Conflict('not-appealed', 'Only an appealed case awaits an appeal decision, once.');
  const same = sameDecider(record.decision.by, caller.sub);
  if (same) throw new RuleViolation(same);
  const appealDecision = { ...input, at: toLocalIso(deps.now), by: caller.sub };
  const measures = record.decision.sanctions.map((s) => s.measure);
  // Withdrawn on appeal: taken back from the quarter it was counted in, and out of the public notices.
  const withdrawal: Write[] = input.upheld
    ? []
    : [
        ...(measures.length ? [countInQuarter(record.dept, record.decision.countedIn, sanctionCounts(measures, -1))] : []),
        store.noticeDelete(record.id),
      ];
  const set = { status: 'appeal-decided', appealDecision, withdrawn: !input.upheld };
  if (!(await store.updateCase(record, { set, onlyIf: { status: ['appealed'] } }, withdrawal))) throw changed();
  return caseView({ ...record, status: 'appeal-decided', appealDecision, withdrawn: !input.upheld, version: record.version + 1 });
}

// Notices ---------------------------------------------------------------------------------------

export const listNotices = (query: { limit: number; cursor?: string }) => store.noticesPage(query.limit, query.cursor);

// Retaliation flags -----------------------------------------------------------------------------

const flagView = (flag: store.Flag) => {
  const { version: _version, ...rest } = flag;
  return rest;
};

export async function viewFlag(id: string) {
  const flag = await store.getFlag(id);
  if (!flag) throw new NotFound();
  return flagView(flag);
}

export async function listFlags(query: { dept?: string; enterpriseId?: string; status?: string; limit: number; cursor?: string }) {
  const page = await store.flagsPage(query);
  return { ...page, items: page.items.map(flagView) };
}

/** A retaliation (打击报复) is conduct in enforcement: by default the case is under 三.3.1 (刁难当事人). */
export const RETALIATION_CLAUSE: Clause = '三.3.1';

export async function reviewFlag(
  id: string,
  input: { outcome: 'dismissed' | 'case-opened'; reason: string; clause?: Clause | undefined },
  caller: Caller,
  deps: Deps,
) {
  const flag = await store.getFlag(id);
  if (!flag) throw new NotFound();
  if (flag.status !== 'open') throw new Conflict('flag-reviewed', 'A flag is reviewed once.');
  const at = toLocalIso(deps.now);
  const opened =
    input.outcome === 'case-opened'
      ? await prepareCase(
          {
            dept: flag.dept,
            clause: input.clause ?? RETALIATION_CLAUSE,
            summary: input.reason,
            sources: [{ type: 'retaliation-flag', id: flag.id }],
          },
          caller,
          deps,
        )
      : undefined;
  const review = { outcome: input.outcome, reason: input.reason, at, by: caller.sub, ...(opened ? { caseId: opened.record.id } : {}) };
  if (!(await store.updateFlag(flag, { set: { status: input.outcome, review } }, opened?.writes ?? [])))
    throw new Conflict('flag-reviewed', 'A flag is reviewed once.');
  return { ...flagView({ ...flag, status: input.outcome, review }), ...(opened ? { caseId: opened.record.id } : {}) };
}
