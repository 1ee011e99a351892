/**
 * The single table's records: every key format, every list an index holds and every Query, in
 * one place (its key attributes and indexes, and how a Query reads a pattern: table-schema.ts,
 * re-exported here). The CDK table construct, the local runtime (through the synthesized
 * template) and every store read it from here.
 *
 * | record            | pk                          | sk                         | gsi1pk / gsi1sk                              |
 * | ----------------- | --------------------------- | -------------------------- | -------------------------------------------- |
 * | department        | DEPT#<deptId>               | PROFILE                    | DEPARTMENTS / <deptId>                       |
 * | fee item          | FEEITEM#<code>              | ITEM                       | FEEITEMS#<unit> / <code>                     |
 * |                   |                             |                            | gsi2: FEEITEMS / <unit>#<code>               |
 * | fee item revision | FEEITEM#<code>              | REVISION#<inForceFrom instant>#<revision>  | (the one in force at a collection) |
 * | fee card          | CARD#<enterpriseId>         | CARD                       |                                              |
 * | fee entry         | CARD#<enterpriseId>         | ENTRY#<seq>                | FEEAUDIT#<month> / <instant>#ENTRY#...       |
 * |                   |                             |                            | gsi2: CARDENTRIES#<enterpriseId>#<unit> / ENTRY#<seq> |
 * | entry refusal     | CARD#<enterpriseId>         | REFUSAL#<seq>              | FEEAUDIT#<month> / <instant>#REFUSAL#...     |
 * | receipt number    | RECEIPT#<deptId>#<receipt>  | RECEIPT                    |                                              |
 * | rejected attempt  | REJECTED#<id>               | ATTEMPT                    | FEEAUDIT#<month> / <instant>#REJECTED#<id>   |
 * | fee totals        | FEETOTALS#<month>           | <date>#<kind>#<unit>#<item>|                                              |
 * | complaint         | COMPLAINT#<id>              | COMPLAINT                  | COMPLAINTS#<deptId> / <instant>#<id>         |
 * |                   |                             |                            | gsi2: COMPLAINTS / <instant>#<id>            |
 * |                   |                             |                            | gsi3 (an enterprise's): COMPLAINTS#ENT#<ent> / <instant>#<id> |
 * | tracking code     | TRACK#<sha256 of the code>  | TRACK                      |                                              |
 * | handler roster    | DEPT#<deptId>               | HANDLERS                   |                                              |
 * | declared absence  | DEPT#<deptId>               | ABSENCE#<to>#<handler>#<id>| (read with the roster: one Query)            |
 * | alert             | ALERT#<id>                  | ALERT                      | ALERTS / <instant>#<id>                      |
 * | idempotency       | IDEMPOTENCY#<concern>       | <hash of key>              |                                              |
 * | client quota      | QUOTA#<route>#<client hash> | <window start instant>     | (expires by TTL)                             |
 * | outbox effect     | OUTBOX#<id>                 | EFFECT                     | (the stream hands it to the effects function)|
 * |                   |                             |                            | a deadline start: gsi3: WATCHES / <escalateAt>#<id> |
 * | calendar year     | CALENDAR#<year>             | CALENDAR                   |                                              |
 * | calendar marker   | CALENDAR#<year>             | UNPUBLISHED-ALERTED        | (the office was told the year is unpublished)|
 * | inspection        | INSPECTION#<id>             | INSPECTION                 | INSPECTIONS#DEPT#<dept> / <date>#<id>        |
 * |                   |                             |                            | gsi2: INSPECTIONS#ENT#<ent> / <date>#<id>    |
 * |                   |                             |                            | gsi3: INSPECTIONS / <date>#<id>              |
 * | decision          | INSPECTION#<id>             | DECISION                   |                                              |
 * | visit             | INSPECTION#<id>             | VISIT#<instant>#<visitId>  |                                              |
 * | unlawful visit day| INSPECTION#<id>             | UNLAWFUL-VISIT#<date>      | (first report's complaint; repeats counted)  |
 * | routine count     | ROUTINE#<ent>#<dept>#<year> | COUNT                      |                                              |
 * | finding           | FINDINGS#<ent>              | <date>#<inspectionId>#<n>  |                                              |
 * | pledge            | PLEDGE#<id>                 | PLEDGE                     | PLEDGES#<dept> / <dueDate>#<id>              |
 * |                   |                             |                            | gsi2: PLEDGES / <dueDate>#<id>               |
 * | evaluation count  | EVAL#<quarter>              | DEPT#<deptId>              |                                              |
 * | handled matter    | MEASURE#<dept>#<service>    | <instant>#<matterId>       |                                              |
 * | approval item     | APPROVALITEM#<code>         | ITEM                       | APPROVALITEMS#<dept> / <code>                |
 * |                   |                             |                            | gsi2: APPROVALITEMS / <dept>#<code>          |
 * | appointment       | APPOINTMENT#<id>            | APPOINTMENT                | APPOINTMENTS#DEPT#<dept> / <instant>#<id>    |
 * |                   |                             |                            | gsi2: APPOINTMENTS#ENT#<ent> / <instant>#<id>|
 * |                   |                             |                            | gsi3: APPOINTMENTS / <instant>#<id>          |
 * | application       | APPLICATION#<id>            | APPLICATION                | APPLICATIONS#DEPT#<dept> / <instant>#<id>    |
 * |                   |                             |                            | gsi2: APPLICATIONS#ENT#<ent> / <instant>#<id>|
 * |                   |                             |                            | gsi3: APPLICATIONS / <instant>#<id>          |
 * | assisted case     | ASSISTEDCASE#<id>           | CASE                       | gsi2: ASSISTEDCASES#ENT#<ent> / <instant>#<id> |
 * |                   |                             |                            | gsi3: ASSISTEDCASES / <instant>#<id>         |
 * | its task (交办)   | ASSISTEDCASE#<id>           | TASK#<taskId>              | (a case's tasks: one partition)              |
 * | its meeting (会办)| ASSISTEDCASE#<id>           | MEETING#<meetingId>        |                                              |
 * | its application   | ASSISTEDCASE#<id>           | APPLICATION#<applicationId>| (the link to the application filed, 代办)    |
 * | its department    | ASSISTEDCASE#<id>           | DEPT#<deptId>              | ASSISTEDCASES#DEPT#<dept> / <instant>#<id>   |
 * | supervision finding | SFINDING#<id>             | SFINDING                   | gsi2: SFINDINGS / <instant>#<id>             |
 * |                   |                             |                            | once shown: SFINDINGS#DEPT#<dept> / <instant>#<id> |
 * | accountability case | CASE#<id>                 | CASE                       | CASES#DEPT#<dept> / <instant>#<id>; gsi2: CASES / <instant>#<id> |
 * | case source claim | CASESOURCE#<type>#<id>      | CLAIM                      | (a source is in at most one case)            |
 * | public notice     | NOTICE#<caseId>             | NOTICE                     | gsi2: NOTICES / <instant>#<caseId>           |
 * | retaliation watch | RETWATCH#<dept>#<ent>       | WATCH                      | (read with one GetItem by a watched act)     |
 * | retaliation flag  | RETFLAG#<id>                | FLAG                       | RETFLAGS#DEPT#<dept>, RETFLAGS#ENT#<ent>, RETFLAGS / <instant>#<id> |
 * | rectification plan| RECTIFICATION#<quarter>#<dept> | PLAN                    |                                              |
 * | quarter closing   | EVALCLOSE#<quarter>         | CLOSE                      | (the last placed named at the quarter's close)|
 *
 * <month> and <date> are China Standard Time; <instant> is UTC ISO 8601, so keys sort by time.
 */
import { TABLE, type AccessPattern, type IndexName } from './table-schema.ts';

export { TABLE, PARTITION_VALUE, keyCondition } from './table-schema.ts';
export type { IndexName, SortCondition, AccessPattern } from './table-schema.ts';

/**
 * A list held by an index: the partition a record joins with `entry(sortValue)`, read back by the
 * pattern built on it. Writer and reader share this one declaration, so they cannot disagree on
 * the index or the partition.
 */
const list = (index: IndexName, partition: string) => ({
  index,
  partition,
  entry: (sortValue: string): Record<string, string> => ({
    [TABLE.indexes[index].partitionKey]: partition,
    [TABLE.indexes[index].sortKey]: sortValue,
  }),
});

type List = ReturnType<typeof list>;

/** Whose records a listing reads: one department's, one enterprise's, or the whole county's. */
export type Scope = { by: 'department'; dept: string } | { by: 'enterprise'; enterpriseId: string } | { by: 'all' };

/**
 * An entity listed three ways: its record joins all three lists (`entries`); a listing reads the one of its scope (`of`).
 * `kind` names the partitions, <kind>#DEPT#<dept>, <kind>#ENT#<enterpriseId> and <kind>, on the indexes `on` gives.
 * Each list is in time order: its sort key is <date or instant>#<id>. A record with no enterprise (a citizen's
 * complaint) is in the other two.
 */
const scopedLists = (
  kind: string,
  on: Record<Scope['by'], IndexName> = { department: 'ownerLists', enterprise: 'countyLists', all: 'datedLists' },
  departmentPartition = (dept: string) => `${kind}#DEPT#${dept}`,
) => {
  const ofDepartment = (dept: string) => list(on.department, departmentPartition(dept));
  const ofEnterprise = (enterpriseId: string) => list(on.enterprise, `${kind}#ENT#${enterpriseId}`);
  const all = list(on.all, kind);
  return {
    ofDepartment,
    ofEnterprise,
    all,
    of: (scope: Scope): List =>
      scope.by === 'department' ? ofDepartment(scope.dept) : scope.by === 'enterprise' ? ofEnterprise(scope.enterpriseId) : all,
    entries: (record: { dept: string; enterpriseId?: string | undefined; at: string; id: string }) => {
      const sortValue = `${record.at}#${record.id}`;
      return {
        ...ofDepartment(record.dept).entry(sortValue),
        ...(record.enterpriseId ? ofEnterprise(record.enterpriseId).entry(sortValue) : {}),
        ...all.entry(sortValue),
      };
    },
  };
};

/**
 * A catalogue (the fee list 收费目录, the approval items): each owner's items by code, and the
 * county's by owner, then code. An item joins both (`entries`).
 */
const catalogue = (kind: string) => {
  const ofOwner = (owner: string) => list('ownerLists', `${kind}#${owner}`);
  const all = list('countyLists', kind);
  return { ofOwner, all, entries: (owner: string, code: string) => ({ ...ofOwner(owner).entry(code), ...all.entry(`${owner}#${code}`) }) };
};

/** The lists on the indexes. */
export const lists = {
  departments: list('ownerLists', 'DEPARTMENTS'),
  // One unit's fee list is its own partition; the whole list is a second index.
  feeItems: catalogue('FEEITEMS'),
  approvalItems: catalogue('APPROVALITEMS'),
  feeAuditOfMonth: (month: string) => list('ownerLists', `FEEAUDIT#${month}`),
  // The first scoped list, laid out before the others: its department partition has no DEPT#.
  complaints: scopedLists(
    'COMPLAINTS',
    { department: 'ownerLists', enterprise: 'datedLists', all: 'countyLists' },
    (dept) => `COMPLAINTS#${dept}`,
  ),
  alerts: list('ownerLists', 'ALERTS'),
  // Every deadline started, until its escalation: found again when a year's calendar changes.
  watches: list('datedLists', 'WATCHES'),
  inspections: scopedLists('INSPECTIONS'),
  pledgesOfDepartment: (dept: string) => list('ownerLists', `PLEDGES#${dept}`),
  allPledges: list('countyLists', 'PLEDGES'),
  applications: scopedLists('APPLICATIONS'),
  appointments: scopedLists('APPOINTMENTS'),
  // Assisted cases: an enterprise's, the county's, and a department's (those where it holds a task, by the case's opening).
  assistedCasesOfEnterprise: (enterpriseId: string) => list('countyLists', `ASSISTEDCASES#ENT#${enterpriseId}`),
  allAssistedCases: list('datedLists', 'ASSISTEDCASES'),
  assistedCasesOfDepartment: (dept: string) => list('ownerLists', `ASSISTEDCASES#DEPT#${dept}`),
  // One unit's entries on a card, in order: the department's own view of the card, paged.
  unitEntriesOfCard: (enterpriseId: string, unit: string) => list('countyLists', `CARDENTRIES#${enterpriseId}#${unit}`),
  // Accountability: a department's list of findings holds only those shown to it (a covert one joins it on disclosure).
  supervisionFindingsOfDepartment: (dept: string) => list('ownerLists', `SFINDINGS#DEPT#${dept}`),
  allSupervisionFindings: list('countyLists', 'SFINDINGS'),
  casesOfDepartment: (dept: string) => list('ownerLists', `CASES#DEPT#${dept}`),
  allCases: list('countyLists', 'CASES'),
  notices: list('countyLists', 'NOTICES'),
  retaliationFlags: scopedLists('RETFLAGS'),
};

const pad = (n: number): string => String(n).padStart(8, '0');

export const keys = {
  department: (deptId: string) => ({ pk: `DEPT#${deptId}`, sk: 'PROFILE' }),
  departmentsIndex: (deptId: string) => lists.departments.entry(deptId),

  feeItem: (code: string) => ({ pk: `FEEITEM#${code}`, sk: 'ITEM' }),
  // Every revision is kept: a collection is checked against the one in force when it was made.
  feeItemRevision: (code: string, inForceFrom: string, revision: number) => ({
    pk: `FEEITEM#${code}`,
    sk: `REVISION#${inForceFrom}#${pad(revision)}`,
  }),
  feeItemRevisionSkPrefix: 'REVISION#',

  approvalItem: (code: string) => ({ pk: `APPROVALITEM#${code}`, sk: 'ITEM' }),

  application: (id: string) => ({ pk: `APPLICATION#${id}`, sk: 'APPLICATION' }),

  card: (enterpriseId: string) => ({ pk: `CARD#${enterpriseId}`, sk: 'CARD' }),
  cardPartition: (enterpriseId: string) => `CARD#${enterpriseId}`,
  entrySk: (seq: number) => `ENTRY#${pad(seq)}`,
  entrySkPrefix: 'ENTRY#',
  unitEntriesIndex: (enterpriseId: string, unit: string, seq: number) =>
    lists.unitEntriesOfCard(enterpriseId, unit).entry(`ENTRY#${pad(seq)}`),
  refusalSk: (seq: number) => `REFUSAL#${pad(seq)}`,
  refusalSkPrefix: 'REFUSAL#',
  entryIdOf: (seq: number) => pad(seq),
  receipt: (deptId: string, receiptNo: string) => ({ pk: `RECEIPT#${deptId}#${receiptNo}`, sk: 'RECEIPT' }),
  rejectedAttempt: (id: string) => ({ pk: `REJECTED#${id}`, sk: 'ATTEMPT' }),
  feeAuditPartition: (month: string) => lists.feeAuditOfMonth(month).partition,
  /** An event of the fee audit, in the list of the month of its China date, ordered by its instant. */
  feeAuditIndex: (localDate: string, at: string, kind: string, id: string) =>
    lists.feeAuditOfMonth(localDate.slice(0, 7)).entry(`${new Date(at).toISOString()}#${kind}#${id}`),
  feeTotals: (month: string, date: string, kind: string, unit: string, item: string) => ({
    pk: `FEETOTALS#${month}`,
    sk: `${date}#${kind}#${unit}#${item}`,
  }),
  feeTotalsPartition: (month: string) => `FEETOTALS#${month}`,

  complaint: (id: string) => ({ pk: `COMPLAINT#${id}`, sk: 'COMPLAINT' }),
  tracking: (codeHash: string) => ({ pk: `TRACK#${codeHash}`, sk: 'TRACK' }),
  roster: (deptId: string) => ({ pk: `DEPT#${deptId}`, sk: 'HANDLERS' }),
  /**
   * A declared absence (外出告知) sits beside the roster, not in it, so a roster PUT cannot erase
   * it; sorted by its last day, so the roster's Query reads only those not over yet.
   */
  absence: (deptId: string, to: string, handlerId: string, id: string) => ({
    pk: `DEPT#${deptId}`,
    sk: `ABSENCE#${to}#${handlerId}#${id}`,
  }),
  absencesEndingFrom: (date: string) => `ABSENCE#${date}`,
  departmentPartition: (deptId: string) => `DEPT#${deptId}`,

  alert: (id: string) => ({ pk: `ALERT#${id}`, sk: 'ALERT' }),
  alertsIndex: (instant: string, id: string) => lists.alerts.entry(`${instant}#${id}`),

  idempotencyPartition: (concern: string) => `IDEMPOTENCY#${concern}`,
  clientQuota: (route: string, clientHash: string, windowStart: string) => ({ pk: `QUOTA#${route}#${clientHash}`, sk: windowStart }),
  outbox: (id: string) => ({ pk: `OUTBOX#${id}`, sk: 'EFFECT' }),
  outboxPrefix: 'OUTBOX#',

  calendar: (year: number) => ({ pk: `CALENDAR#${year}`, sk: 'CALENDAR' }),
  calendarUnpublishedAlerted: (year: number) => ({ pk: `CALENDAR#${year}`, sk: 'UNPUBLISHED-ALERTED' }),
  watchIndex: (escalateAt: string, id: string) => lists.watches.entry(`${escalateAt}#${id}`),

  inspection: (id: string) => ({ pk: `INSPECTION#${id}`, sk: 'INSPECTION' }),
  decision: (inspectionId: string) => ({ pk: `INSPECTION#${inspectionId}`, sk: 'DECISION' }),
  visit: (inspectionId: string, instant: string, visitId: string) => ({
    pk: `INSPECTION#${inspectionId}`,
    sk: `VISIT#${instant}#${visitId}`,
  }),
  /** One unlawful visit a China day per inspection is one event: its complaint and alert are made once. */
  unlawfulVisitDay: (inspectionId: string, date: string) => ({ pk: `INSPECTION#${inspectionId}`, sk: `UNLAWFUL-VISIT#${date}` }),
  routineCount: (enterpriseId: string, dept: string, year: string) => ({ pk: `ROUTINE#${enterpriseId}#${dept}#${year}`, sk: 'COUNT' }),
  pledge: (id: string) => ({ pk: `PLEDGE#${id}`, sk: 'PLEDGE' }),
  pledgeIndexes: (dept: string, dueDate: string, id: string) => ({
    ...lists.pledgesOfDepartment(dept).entry(`${dueDate}#${id}`),
    ...lists.allPledges.entry(`${dueDate}#${id}`),
  }),
  evaluation: (quarter: string, dept: string) => ({ pk: `EVAL#${quarter}`, sk: `DEPT#${dept}` }),
  measure: (dept: string, service: string, instant: string, matterId: string) => ({
    pk: `MEASURE#${dept}#${service}`,
    sk: `${instant}#${matterId}`,
  }),
  appointment: (id: string) => ({ pk: `APPOINTMENT#${id}`, sk: 'APPOINTMENT' }),
  assistedCase: (id: string) => ({ pk: `ASSISTEDCASE#${id}`, sk: 'CASE' }),
  caseTask: (caseId: string, taskId: string) => ({ pk: `ASSISTEDCASE#${caseId}`, sk: `TASK#${taskId}` }),
  caseMeeting: (caseId: string, meetingId: string) => ({ pk: `ASSISTEDCASE#${caseId}`, sk: `MEETING#${meetingId}` }),
  caseApplication: (caseId: string, applicationId: string) => ({ pk: `ASSISTEDCASE#${caseId}`, sk: `APPLICATION#${applicationId}` }),
  caseDepartment: (caseId: string, dept: string) => ({ pk: `ASSISTEDCASE#${caseId}`, sk: `DEPT#${dept}` }),
  finding: (enterpriseId: string, date: string, inspectionId: string, n: number) => ({
    pk: `FINDINGS#${enterpriseId}`,
    sk: `${date}#${inspectionId}#${n}`,
  }),
  supervisionFinding: (id: string) => ({ pk: `SFINDING#${id}`, sk: 'SFINDING' }),
  accountabilityCase: (id: string) => ({ pk: `CASE#${id}`, sk: 'CASE' }),
  caseSourceClaim: (type: string, id: string) => ({ pk: `CASESOURCE#${type}#${id}`, sk: 'CLAIM' }),
  notice: (caseId: string) => ({ pk: `NOTICE#${caseId}`, sk: 'NOTICE' }),
  retaliationWatch: (dept: string, enterpriseId: string) => ({ pk: `RETWATCH#${dept}#${enterpriseId}`, sk: 'WATCH' }),
  retaliationFlag: (id: string) => ({ pk: `RETFLAG#${id}`, sk: 'FLAG' }),
  rectification: (quarter: string, dept: string) => ({ pk: `RECTIFICATION#${quarter}#${dept}`, sk: 'PLAN' }),
  quarterClosing: (quarter: string) => ({ pk: `EVALCLOSE#${quarter}`, sk: 'CLOSE' }),
} as const;

/** Reading a list on its index, optionally narrowed by its sort key and ordered newest first. */
const read = (on: { index: IndexName; partition: string }, more: Omit<AccessPattern, 'index' | 'partition'> = {}): AccessPattern => ({
  index: on.index,
  partition: on.partition,
  ...more,
});
/** The end of a range of sort keys that start with a date or instant: every key of the last day sorts before it. */
const through = (last: string): string => `${last}~`;

/** Every Query the code makes, by name. */
export const patterns = {
  departments: () => read(lists.departments),
  feeItemsOfUnit: (unit: string) => read(lists.feeItems.ofOwner(unit)),
  allFeeItems: () => read(lists.feeItems.all),
  approvalItemsOfDepartment: (dept: string) => read(lists.approvalItems.ofOwner(dept)),
  allApprovalItems: () => read(lists.approvalItems.all),
  /** Complaints, applications and appointments of a scope, newest received first. */
  complaints: (scope: Scope) => read(lists.complaints.of(scope), { newestFirst: true }),
  applications: (scope: Scope) => read(lists.applications.of(scope), { newestFirst: true }),
  appointments: (scope: Scope) => read(lists.appointments.of(scope), { newestFirst: true }),
  alerts: () => read(lists.alerts, { newestFirst: true }),
  /** Assisted cases newest opened first: an enterprise's, the county's, a department's. */
  assistedCases: (scope: Scope) =>
    read(
      scope.by === 'enterprise'
        ? lists.assistedCasesOfEnterprise(scope.enterpriseId)
        : scope.by === 'department'
          ? lists.assistedCasesOfDepartment(scope.dept)
          : lists.allAssistedCases,
      { newestFirst: true },
    ),
  /** The watches escalating at or after an instant. */
  watchesEscalatingFrom: (instant: string) => read(lists.watches, { sort: { atLeast: instant } }),
  /** Inspections of a scope by planned date; a month (YYYY-MM) narrows the list to the inspections planned in it. */
  inspections: (scope: Scope, month?: string) => read(lists.inspections.of(scope), month ? { sort: { beginsWith: month } } : {}),
  pledgesOfDepartment: (dept: string) => read(lists.pledgesOfDepartment(dept)),
  allPledges: () => read(lists.allPledges),
  /** Accountability: findings, cases and notices newest first; a department's findings are only those shown to it. */
  supervisionFindingsOfDepartment: (dept: string) => read(lists.supervisionFindingsOfDepartment(dept), { newestFirst: true }),
  allSupervisionFindings: () => read(lists.allSupervisionFindings, { newestFirst: true }),
  casesOfDepartment: (dept: string) => read(lists.casesOfDepartment(dept), { newestFirst: true }),
  allCases: () => read(lists.allCases, { newestFirst: true }),
  notices: () => read(lists.notices, { newestFirst: true }),
  retaliationFlags: (scope: Scope) => read(lists.retaliationFlags.of(scope), { newestFirst: true }),

  // Partitions of the table itself.
  visitsOfInspection: (inspectionId: string): AccessPattern => ({
    partition: `INSPECTION#${inspectionId}`,
    sort: { beginsWith: 'VISIT#' },
  }),
  findingsOfEnterprise: (enterpriseId: string): AccessPattern => ({ partition: `FINDINGS#${enterpriseId}`, newestFirst: true }),
  /** Findings dated from one China date through another. */
  findingsOfEnterpriseBetween: (enterpriseId: string, from: string, to: string): AccessPattern => ({
    partition: `FINDINGS#${enterpriseId}`,
    sort: { between: [from, through(to)] },
  }),
  evaluationOfQuarter: (quarter: string): AccessPattern => ({ partition: `EVAL#${quarter}` }),
  /** An assisted case with its tasks, meetings, applications and departments: its one partition. */
  assistedCaseRecords: (caseId: string): AccessPattern => ({ partition: keys.assistedCase(caseId).pk }),
  /** Handled matters of a measured service, completed from one instant through another. */
  handledMatters: (dept: string, service: string, from: string, to: string): AccessPattern => ({
    partition: `MEASURE#${dept}#${service}`,
    sort: { between: [from, through(to)] },
  }),
  /** A year's calendar as the office set it, and the marker of a year once used unpublished. */
  calendarYear: (year: number): AccessPattern => ({ partition: keys.calendar(year).pk }),
  /**
   * A department's roster with the absences declared beside it that are not over on a date
   * (every one without it): ABSENCE#<to>... sorts before HANDLERS, so one range reads both.
   */
  rosterWithAbsences: (deptId: string, on?: string): AccessPattern => ({
    partition: keys.departmentPartition(deptId),
    sort: { between: [keys.absencesEndingFrom(on ?? ''), keys.roster(deptId).sk] },
  }),
  /** A card's entries in chain order; one unit's own entries on it (an index). */
  entriesOfCard: (enterpriseId: string): AccessPattern => ({
    partition: keys.cardPartition(enterpriseId),
    sort: { beginsWith: keys.entrySkPrefix },
  }),
  unitEntriesOfCard: (enterpriseId: string, unit: string) => read(lists.unitEntriesOfCard(enterpriseId, unit)),
  /** A fee item's revisions in force from no later than an instant, the latest first. */
  feeItemRevisionsInForceAt: (code: string, at: string): AccessPattern => ({
    partition: keys.feeItem(code).pk,
    sort: { between: [keys.feeItemRevisionSkPrefix, `${keys.feeItemRevisionSkPrefix}${at}#~`] },
    newestFirst: true,
  }),
  /** A month's fee totals, dated from one China date through another. */
  feeTotalsBetween: (month: string, from: string, to: string): AccessPattern => ({
    partition: keys.feeTotalsPartition(month),
    sort: { between: [from, through(to)] },
  }),
  /** A month's fee audit events, from one instant through another. */
  feeAuditBetween: (month: string, fromInstant: string, toInstant: string) =>
    read(lists.feeAuditOfMonth(month), { sort: { between: [fromInstant, toInstant] } }),
} as const;
