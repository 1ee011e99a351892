/**
 * The inspections concern's table access. Filing, deciding and recording outcomes are
 * transactions with their conditions, so two clerks cannot both decide and a capped count
 * cannot be passed.
 */
import * as z from 'zod/mini';
import { getRecord, queryAll, queryAny, queryPage, tableName, type PageRequest } from '#shared/data/db';
import { newRecord, put, putOne, refused, tryWriteAll, updateOne, updateWrite, versionedUpdate, type Write } from '#shared/data/db';
import { keys, lists, patterns, type Scope } from '#shared/data/table';
import { logHandled } from '#shared/domain/evaluation';
import { decoderOf, stored, timelineCodec } from '#shared/data/codecs';
import type { Timeline } from '#shared/time/calendar';
import type { Finding, InspectionCategory, InspectionStatus } from './rules.ts';
import { inspectionFields } from './records.ts';

/** Approvals are the soft-environment office's matters: their handling is logged under its id. */
export const APPROVING_OFFICE = 'soft-env-office';

export interface Decision {
  decision: 'approve' | 'reject';
  comment: string;
  decidedAt: string;
  decidedBy: string;
}

export interface Inspection {
  id: string;
  enterpriseId: string;
  department: string;
  plannedDate: string;
  category: InspectionCategory;
  reason: string;
  legalBasis: string;
  inspectors: string[];
  status: InspectionStatus;
  filedAt: string;
  filedBy: string;
  version: number;
  /** The office's decision watched: its limit, and the version of its watch (absent: 1; a changed calendar restarts it). */
  approval?: { limitDays: number; timeline: Timeline; version?: number };
  decision?: Decision;
  outcome?: { findings: Finding[]; recordedAt: string; recordedBy: string };
  /** When its approval lapsed (status `lapsed`). */
  lapsedAt?: string;
}

/** What a department files to plan an inspection. */
export type InspectionRequest = Pick<Inspection, 'enterpriseId' | 'plannedDate' | 'category' | 'reason' | 'legalBasis' | 'inspectors'>;

export interface Visit {
  visitId: string;
  inspectionId: string;
  at: string;
  allowed: boolean;
  reason: string;
  recordedBy: string;
  inspectorsPresent?: string[];
  note?: string;
  complaintId?: string;
  repeatOf?: string;
}

const findingCodec: z.ZodMiniType<Finding> = z.object({
  description: z.string(),
  severity: z.enum(['minor', 'serious']),
  fine: z.number(),
});

const decodeInspection = decoderOf<Inspection>(
  z.object({
    ...inspectionFields(stored),
    approval: z.optional(z.object({ limitDays: z.number(), timeline: timelineCodec, version: z.optional(z.number()) })),
    decision: z.optional(
      z.object({ decision: z.enum(['approve', 'reject']), comment: z.string(), decidedAt: z.string(), decidedBy: z.string() }),
    ),
    outcome: z.optional(z.object({ findings: z.array(findingCodec), recordedAt: z.string(), recordedBy: z.string() })),
    lapsedAt: z.optional(z.string()),
  }),
);

const decodeVisit = decoderOf<Visit>(
  z.object({
    visitId: z.string(),
    inspectionId: z.string(),
    at: z.string(),
    allowed: z.boolean(),
    reason: z.string(),
    recordedBy: z.string(),
    inspectorsPresent: z.optional(z.array(z.string())),
    note: z.optional(z.string()),
    complaintId: z.optional(z.string()),
    repeatOf: z.optional(z.string()),
  }),
);

/** A finding in the enterprise's register. */
export type RegisteredFinding = Finding & { enterpriseId: string; department: string; inspectionId: string; date: string };
const decodeFinding = decoderOf<RegisteredFinding>(
  z.object({
    description: z.string(),
    severity: z.enum(['minor', 'serious']),
    fine: z.number(),
    enterpriseId: z.string(),
    department: z.string(),
    inspectionId: z.string(),
    date: z.string(),
  }),
);

const unlawfulVisitDayCodec = z.object({ complaintId: z.string(), reports: z.number() });

/**
 * Stores a new inspection; a routine one also takes one of the year's routine places, and the
 * write fails with 'cap-reached' when none is left.
 */
export async function createInspection(
  inspection: Inspection,
  routineCap: number | undefined,
  alongside: Write[] = [],
): Promise<'created' | 'cap-reached'> {
  const year = inspection.plannedDate.slice(0, 4);
  const { department: dept, enterpriseId, plannedDate: at, id } = inspection;
  const indexes = lists.inspections.entries({ dept, enterpriseId, at, id });
  const refusal = await tryWriteAll<'cap-reached'>([
    newRecord('inspection', { ...keys.inspection(inspection.id), ...indexes }, inspection),
    ...(routineCap === undefined
      ? []
      : [
          updateWrite(
            keys.routineCount(inspection.enterpriseId, inspection.department, year),
            { add: { count: 1 }, below: { count: routineCap } },
            // The year's routine count at its cap: no place is left.
            refused('cap-reached'),
          ),
        ]),
    ...alongside,
  ]);
  return refusal ?? 'created';
}

export const getInspection = (id: string): Promise<Inspection | undefined> => getRecord(keys.inspection(id), decodeInspection);

export async function inspectionVisits(id: string): Promise<Visit[]> {
  return queryAll(patterns.visitsOfInspection(id), decodeVisit);
}

/** Records the decision; exactly one decision wins, and only on a pending inspection. */
export async function recordDecision(
  inspection: Inspection,
  decision: Decision,
  workingDaysTaken: number,
  decidedAt: Date,
  alongside: Write[],
): Promise<'decided' | 'not-pending'> {
  const status: InspectionStatus = decision.decision === 'approve' ? 'approved' : 'rejected';
  const refusal = await tryWriteAll<'not-pending'>([
    { ...whilePending(inspection, { status, decision }), ifFailed: refused('not-pending') },
    // A decision recorded already: not pending either.
    newRecord('inspection-decision', keys.decision(inspection.id), { inspectionId: inspection.id, ...decision }, refused('not-pending')),
    // The office's own handling time, for a pledge it makes about approvals.
    logHandled(APPROVING_OFFICE, 'inspection-approval', inspection.id, decidedAt, workingDaysTaken),
    ...alongside,
    ...(status === 'rejected' && inspection.category === 'routine' ? [releaseRoutinePlace(inspection)] : []),
  ]);
  return refusal ?? 'decided';
}

/** A lawful visit: its record alone (an unlawful one is recordUnlawfulVisit's, with what it sets off). */
export async function recordVisit(visit: Visit): Promise<void> {
  await putOne(visitWrite(visit));
}

const visitWrite = (visit: Visit) =>
  newRecord('inspection-visit', keys.visit(visit.inspectionId, new Date(visit.at).toISOString(), visit.visitId), visit);

/**
 * An unlawful visit, reported: the first report of the China day writes the day's event with its
 * complaint and alert (`alongside`); a repeat that day is recorded as a visit and counted on the
 * day's event, and makes no second complaint, alert or evaluation count.
 */
export async function recordUnlawfulVisit(
  visit: Visit,
  date: string,
  alongside: Write[],
): Promise<{ first: true } | { first: false; complaintId: string; reports: number }> {
  const visitItem = visitWrite(visit);
  const refusal = await tryWriteAll<'reported-today'>([
    newRecord(
      'unlawful-visit-day',
      keys.unlawfulVisitDay(visit.inspectionId, date),
      { complaintId: visit.complaintId, firstReportedAt: visit.at, reports: 1 },
      refused('reported-today'),
    ),
    visitItem,
    ...alongside,
  ]);
  if (refusal === undefined) return { first: true };
  // Reported already today: this report is evidence on the same event.
  const counted = await updateOne(keys.unlawfulVisitDay(visit.inspectionId, date), {
    add: { reports: 1 },
    set: { lastReportedAt: visit.at },
  });
  const { complaintId, reports } = unlawfulVisitDayCodec.parse(counted);
  await putOne({ ...visitItem, Put: { ...visitItem.Put, Item: { ...visitItem.Put.Item, complaintId, repeatOf: complaintId } } });
  return { first: false, complaintId, reports };
}

/**
 * The approval was not given by the end of the planned day: the inspection lapses (if still
 * pending, at this version) and a routine one gives its place under the yearly cap back.
 */
export async function lapseApproval(inspection: Inspection, at: string): Promise<'lapsed' | 'not-pending'> {
  const refusal = await tryWriteAll<'not-pending'>([
    { ...whilePending(inspection, { status: 'lapsed', lapsedAt: at }), ifFailed: refused('not-pending') },
    ...(inspection.category === 'routine' ? [releaseRoutinePlace(inspection)] : []),
  ]);
  return refusal ?? 'lapsed';
}

/**
 * A pending inspection's approval timed again (a changed calendar): its watch's own version moves
 * on, the record's does not, so a decision read before the re-timing still wins. False if it was
 * decided or lapsed, or timed again already.
 */
export async function retimeApproval(
  inspection: Pick<Inspection, 'id'>,
  approval: NonNullable<Inspection['approval']> & { version: number },
  alongside: Write[],
): Promise<boolean> {
  const from = approval.version - 1;
  const retime: Write = {
    Update: {
      TableName: tableName,
      Key: keys.inspection(inspection.id),
      UpdateExpression: 'SET #approval = :approval',
      // A watch started before versions were kept is version 1.
      ConditionExpression: `#status = :pending AND ${from === 1 ? '(attribute_not_exists(#approval.#version) OR #approval.#version = :from)' : '#approval.#version = :from'}`,
      ExpressionAttributeNames: { '#status': 'status', '#approval': 'approval', '#version': 'version' },
      ExpressionAttributeValues: { ':approval': approval, ':pending': 'pending-approval', ':from': from },
    },
  };
  return (await tryWriteAll<'changed'>([{ ...retime, ifFailed: refused('changed') }, ...alongside])) === undefined;
}

/** A change of a pending inspection at its version (deciding it, its lapse). */
const whilePending = (inspection: Inspection, set: Record<string, unknown>) =>
  versionedUpdate(keys.inspection(inspection.id), inspection.version, { set, onlyIf: { status: ['pending-approval'] } });

/** Gives a routine inspection's place under the yearly cap back (rejected or lapsed). */
const releaseRoutinePlace = (inspection: Inspection): Write => ({
  Update: {
    TableName: tableName,
    Key: keys.routineCount(inspection.enterpriseId, inspection.department, inspection.plannedDate.slice(0, 4)),
    UpdateExpression: 'ADD #count :minusOne',
    ConditionExpression: '#count > :zero',
    ExpressionAttributeNames: { '#count': 'count' },
    ExpressionAttributeValues: { ':minusOne': -1, ':zero': 0 },
  },
  ifFailed: () => new Error(`routine count of inspection ${inspection.id} is inconsistent`),
});

/** Did the enterprise have a minor finding from this department between `from` and `to`? */
export async function hadMinorFinding(enterpriseId: string, department: string, from: string, to: string): Promise<boolean> {
  return queryAny(patterns.findingsOfEnterpriseBetween(enterpriseId, from, to), { filter: { department, severity: 'minor' } });
}

/** The outcome, once, on an inspection that may take place; each finding into the register. */
export async function recordOutcome(
  inspection: Inspection,
  outcome: NonNullable<Inspection['outcome']>,
  date: string,
  alongside: Write[] = [],
): Promise<'recorded' | 'conflict'> {
  const refusal = await tryWriteAll<'conflict'>([
    {
      ...versionedUpdate(keys.inspection(inspection.id), inspection.version, {
        set: { status: 'completed', outcome },
        onlyIf: { status: ['approved', 'filed'] },
        unset: ['outcome'],
      }),
      ifFailed: refused('conflict'),
    },
    ...outcome.findings.map((finding, index) =>
      put({
        ...keys.finding(inspection.enterpriseId, date, inspection.id, index + 1),
        type: 'finding',
        enterpriseId: inspection.enterpriseId,
        department: inspection.department,
        inspectionId: inspection.id,
        date,
        ...finding,
      }),
    ),
    ...alongside,
  ]);
  return refusal ?? 'recorded';
}

export async function findingsPage(enterpriseId: string, department: string | undefined, limit: number, cursor: string | undefined) {
  return queryPage(patterns.findingsOfEnterprise(enterpriseId), { limit, cursor, filter: { department } }, decodeFinding);
}

export type InspectionListing = Scope;

/** A page of inspections from the list that fits the listing; month and status narrow it. */
export async function inspectionsPage(
  listing: InspectionListing,
  query: { month?: string; status?: string; dept?: string; enterpriseId?: string } & PageRequest,
) {
  const pattern = patterns.inspections(listing, query.month);
  // What the chosen list does not already select by its key is filtered.
  const filter = {
    status: query.status,
    department: listing.by === 'department' ? undefined : query.dept,
    enterpriseId: listing.by === 'enterprise' ? undefined : query.enterpriseId,
  };
  return queryPage(pattern, { limit: query.limit, cursor: query.cursor, filter }, decodeInspection);
}
