/** The accountability concern's table access: findings, cases, notices, the retaliation watch and its flags. */
import * as z from 'zod/mini';
import {
  getRecord,
  getRecords,
  newRecord,
  put,
  queryPage,
  tableName,
  updateVersioned,
  type Key,
  type VersionedChange,
  type Write,
} from '#shared/data/db';
import { keys, lists, patterns, type Scope } from '#shared/data/table';
import { decodeFlag, type Flag } from './watch-store.ts';

import { decoderOf, stored, timelineCodec } from '#shared/data/codecs';
import { Conflict } from '#shared/domain/errors';
import { caseFields, findingFields, noticeFields, sanctionFields } from './records.ts';
import { OUTCOMES, type SourceType } from './rules.ts';

export { flagWrite, getWatch, watchWrite, type Flag, type Watch } from './watch-store.ts';

const deadlineCodec = z.object({ timeline: timelineCodec, version: z.number() });

const findingCodec = z.object({
  ...findingFields(stored),
  recordedBy: z.string(),
  version: z.number(),
  deadline: z.optional(deadlineCodec),
});
export type Finding = z.infer<typeof findingCodec>;
const decodeFinding = decoderOf(findingCodec);

const caseCodec = z.object({
  ...caseFields(stored),
  openedBy: z.string(),
  version: z.number(),
  deadline: deadlineCodec,
  decision: z.optional(
    z.object({
      outcome: z.enum(OUTCOMES),
      sanctions: z.array(z.object(sanctionFields)),
      at: z.string(),
      appealBy: z.string(),
      by: z.string(),
      /** The quarter whose evaluation counts the sanctions (taken back from there when withdrawn). */
      countedIn: z.string(),
    }),
  ),
  appeal: z.optional(z.object({ reason: z.string(), at: z.string(), by: z.string() })),
  appealDecision: z.optional(z.object({ upheld: z.boolean(), reason: z.string(), at: z.string(), by: z.string() })),
});
export type AccountabilityCase = z.infer<typeof caseCodec>;
const decodeCase = decoderOf(caseCodec);

const noticeCodec = z.object(noticeFields(stored));
export type Notice = z.infer<typeof noticeCodec>;

// Findings ------------------------------------------------------------------------------------

/** A finding's entry in its department's list: only once it is shown to the department. */
export const shownEntry = (finding: Pick<Finding, 'dept' | 'recordedAt' | 'id'>) =>
  lists.supervisionFindingsOfDepartment(finding.dept).entry(`${new Date(finding.recordedAt).toISOString()}#${finding.id}`);

export function newFindingWrite(finding: Finding): Write {
  const sortValue = `${new Date(finding.recordedAt).toISOString()}#${finding.id}`;
  return newRecord(
    'supervision-finding',
    {
      ...keys.supervisionFinding(finding.id),
      ...lists.allSupervisionFindings.entry(sortValue),
      ...(finding.shownAt ? shownEntry(finding) : {}),
    },
    finding,
  );
}

export const getFinding = (id: string) => getRecord(keys.supervisionFinding(id), decodeFinding);

/** A change to a finding at its version; false when it changed meanwhile. */
export const updateFinding = (finding: Pick<Finding, 'id' | 'version'>, change: VersionedChange, alongside: Write[] = []) =>
  updateVersioned(keys.supervisionFinding(finding.id), finding.version, change, alongside);

export function findingsPage(query: { dept?: string; status?: string; limit: number; cursor?: string }, shownTo?: string) {
  // A department reads only its own list, which holds only the findings shown to it: a covert one is never read.
  const pattern = shownTo ? patterns.supervisionFindingsOfDepartment(shownTo) : patterns.allSupervisionFindings();
  const filter = { status: query.status, ...(shownTo ? {} : { dept: query.dept }) };
  return queryPage(pattern, { limit: query.limit, cursor: query.cursor, filter }, decodeFinding);
}

// Cases ---------------------------------------------------------------------------------------

/** Claims a source for a case: a source is in at most one case (409 otherwise). */
export const sourceClaim = (type: SourceType, id: string, caseId: string): Write =>
  put(
    { ...keys.caseSourceClaim(type, id), type: 'case-source-claim', caseId },
    { ifNew: true, ifFailed: () => new Conflict('source-in-case', `The ${type} ${id} is a source of another case already.`) },
  );

export function newCaseWrite(record: AccountabilityCase): Write {
  const sortValue = `${new Date(record.openedAt).toISOString()}#${record.id}`;
  return newRecord(
    'accountability-case',
    { ...keys.accountabilityCase(record.id), ...lists.casesOfDepartment(record.dept).entry(sortValue), ...lists.allCases.entry(sortValue) },
    record,
  );
}

export const getCase = (id: string) => getRecord(keys.accountabilityCase(id), decodeCase);

export const updateCase = (record: Pick<AccountabilityCase, 'id' | 'version'>, change: VersionedChange, alongside: Write[] = []) =>
  updateVersioned(keys.accountabilityCase(record.id), record.version, change, alongside);

export function casesPage(query: { dept?: string; status?: string; limit: number; cursor?: string }, ofDept?: string) {
  const dept = ofDept ?? query.dept;
  return queryPage(
    dept ? patterns.casesOfDepartment(dept) : patterns.allCases(),
    { limit: query.limit, cursor: query.cursor, filter: { status: query.status } },
    decodeCase,
  );
}

/** The department each kind of source names, as its record stores it. */
const sourceKey: Record<SourceType, (id: string) => Key> = {
  complaint: keys.complaint,
  'supervision-finding': keys.supervisionFinding,
  pledge: keys.pledge,
  alert: keys.alert,
  'retaliation-flag': keys.retaliationFlag,
};
const departmentOfSource = z.object({
  pk: z.string(),
  againstDept: z.optional(z.string()),
  dept: z.optional(z.string()),
  department: z.optional(z.string()),
});

/** The sources that exist, with the department each names (one BatchGetItem). */
export async function sourcesFound(sources: readonly { type: SourceType; id: string }[]): Promise<Map<string, string | undefined>> {
  const items = await getRecords(
    sources.map((source) => sourceKey[source.type](source.id)),
    (item) => departmentOfSource.parse(item),
  );
  return new Map(items.map((item) => [item.pk, item.againstDept ?? item.dept ?? item.department]));
}
export const sourcePartition = (type: SourceType, id: string): string => String(sourceKey[type](id).pk);

// Notices -------------------------------------------------------------------------------------

export const noticeWrite = (notice: Notice): Write =>
  put({
    ...keys.notice(notice.caseId),
    ...lists.notices.entry(`${new Date(notice.decidedAt).toISOString()}#${notice.caseId}`),
    type: 'notice',
    ...notice,
  });

/** A withdrawn sanction leaves the public notices. */
export const noticeDelete = (caseId: string): Write => ({ Delete: { TableName: tableName, Key: keys.notice(caseId) } });

export const noticesPage = (limit: number, cursor: string | undefined) =>
  queryPage(patterns.notices(), { limit, cursor }, decoderOf(noticeCodec));

// The retaliation watch's flags (the watch itself and a flag's writing: watch-store.ts) ---------

export const getFlag = (id: string) => getRecord(keys.retaliationFlag(id), decodeFlag);

/** A review of a flag still open, at its version; false when it was reviewed or changed meanwhile. */
export const updateFlag = (flag: Pick<Flag, 'id' | 'version'>, change: VersionedChange, alongside: Write[] = []) =>
  updateVersioned(keys.retaliationFlag(flag.id), flag.version, { ...change, onlyIf: { status: ['open'] } }, alongside);

export function flagsPage(query: { dept?: string; enterpriseId?: string; status?: string; limit: number; cursor?: string }) {
  const scope: Scope = query.dept
    ? { by: 'department', dept: query.dept }
    : query.enterpriseId
      ? { by: 'enterprise', enterpriseId: query.enterpriseId }
      : { by: 'all' };
  const filter = { status: query.status, ...(query.dept && query.enterpriseId ? { enterpriseId: query.enterpriseId } : {}) };
  return queryPage(patterns.retaliationFlags(scope), { limit: query.limit, cursor: query.cursor, filter }, decodeFlag);
}
