/**
 * The single table's schema: key attributes, index names and every key format, in one place.
 * The CDK table construct, the local runtime (through the synthesized template) and every
 * repository read it from here.
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
 *
 * <month> and <date> are China Standard Time; <instant> is UTC ISO 8601, so keys sort by time.
 */
export const TABLE = {
  partitionKey: 'pk',
  sortKey: 'sk',
  /** TTL attribute (idempotency records and client quotas expire). */
  ttlAttribute: 'expiration',
  indexes: {
    /** Lists by parent, time or owner: every listing is a Query on it. */
    byParent: { name: 'gsi1', partitionKey: 'gsi1pk', sortKey: 'gsi1sk' },
    /** A second listing of the same records (e.g. inspections by enterprise). */
    bySecondParent: { name: 'gsi2', partitionKey: 'gsi2pk', sortKey: 'gsi2sk' },
    /** A third listing (e.g. every inspection, by date, for the office). */
    byThirdParent: { name: 'gsi3', partitionKey: 'gsi3pk', sortKey: 'gsi3sk' },
  },
} as const;

const pad = (n: number): string => String(n).padStart(8, '0');

export const keys = {
  department: (deptId: string) => ({ pk: `DEPT#${deptId}`, sk: 'PROFILE' }),
  departmentsIndex: (deptId: string) => ({ gsi1pk: 'DEPARTMENTS', gsi1sk: deptId }),
  departmentsPartition: 'DEPARTMENTS',

  feeItem: (code: string) => ({ pk: `FEEITEM#${code}`, sk: 'ITEM' }),
  // One unit's fee list is its own partition; the whole list is a second index.
  feeItemsIndex: (unit: string, code: string) => ({ gsi1pk: `FEEITEMS#${unit}`, gsi1sk: code, gsi2pk: 'FEEITEMS', gsi2sk: `${unit}#${code}` }),
  feeItemsOfUnit: (unit: string) => `FEEITEMS#${unit}`,
  // Every revision is kept: a collection is checked against the one in force when it was made.
  feeItemRevision: (code: string, inForceFrom: string, revision: number) => ({ pk: `FEEITEM#${code}`, sk: `REVISION#${inForceFrom}#${pad(revision)}` }),
  feeItemRevisionSkPrefix: 'REVISION#',
  allFeeItems: 'FEEITEMS',

  approvalItem: (code: string) => ({ pk: `APPROVALITEM#${code}`, sk: 'ITEM' }),
  approvalItemsIndex: (dept: string, code: string) => ({ gsi1pk: `APPROVALITEMS#${dept}`, gsi1sk: code, gsi2pk: 'APPROVALITEMS', gsi2sk: `${dept}#${code}` }),
  approvalItemsOfDept: (dept: string) => `APPROVALITEMS#${dept}`,
  allApprovalItems: 'APPROVALITEMS',

  application: (id: string) => ({ pk: `APPLICATION#${id}`, sk: 'APPLICATION' }),
  applicationIndexes: (dept: string, enterpriseId: string, instant: string, id: string) => ({
    gsi1pk: `APPLICATIONS#DEPT#${dept}`, gsi1sk: `${instant}#${id}`,
    gsi2pk: `APPLICATIONS#ENT#${enterpriseId}`, gsi2sk: `${instant}#${id}`,
    gsi3pk: 'APPLICATIONS', gsi3sk: `${instant}#${id}`,
  }),
  applicationsByDept: (dept: string) => `APPLICATIONS#DEPT#${dept}`,
  applicationsByEnterprise: (enterpriseId: string) => `APPLICATIONS#ENT#${enterpriseId}`,
  allApplications: 'APPLICATIONS',

  card: (enterpriseId: string) => ({ pk: `CARD#${enterpriseId}`, sk: 'CARD' }),
  cardPartition: (enterpriseId: string) => `CARD#${enterpriseId}`,
  entrySk: (seq: number) => `ENTRY#${pad(seq)}`,
  entrySkPrefix: 'ENTRY#',
  // One unit's entries on a card, in order: the department's own view of the card, paged.
  unitEntriesIndex: (enterpriseId: string, unit: string, seq: number) => ({ gsi2pk: `CARDENTRIES#${enterpriseId}#${unit}`, gsi2sk: `ENTRY#${pad(seq)}` }),
  unitEntriesOfCard: (enterpriseId: string, unit: string) => `CARDENTRIES#${enterpriseId}#${unit}`,
  refusalSk: (seq: number) => `REFUSAL#${pad(seq)}`,
  refusalSkPrefix: 'REFUSAL#',
  entryIdOf: (seq: number) => pad(seq),
  receipt: (deptId: string, receiptNo: string) => ({ pk: `RECEIPT#${deptId}#${receiptNo}`, sk: 'RECEIPT' }),
  rejectedAttempt: (id: string) => ({ pk: `REJECTED#${id}`, sk: 'ATTEMPT' }),
  feeAuditPartition: (month: string) => `FEEAUDIT#${month}`,
  feeAuditIndex: (month: string, instant: string, kind: string, id: string) => ({
    gsi1pk: `FEEAUDIT#${month}`,
    gsi1sk: `${instant}#${kind}#${id}`,
  }),
  feeTotals: (month: string, date: string, kind: string, unit: string, item: string) => ({
    pk: `FEETOTALS#${month}`,
    sk: `${date}#${kind}#${unit}#${item}`,
  }),
  feeTotalsPartition: (month: string) => `FEETOTALS#${month}`,

  complaint: (id: string) => ({ pk: `COMPLAINT#${id}`, sk: 'COMPLAINT' }),
  /** By department, all, and (when an enterprise complained) by that enterprise. */
  complaintsIndex: (deptId: string, instant: string, id: string, enterpriseId?: string) => ({
    gsi1pk: `COMPLAINTS#${deptId}`, gsi1sk: `${instant}#${id}`, gsi2pk: 'COMPLAINTS', gsi2sk: `${instant}#${id}`,
    ...(enterpriseId ? { gsi3pk: `COMPLAINTS#ENT#${enterpriseId}`, gsi3sk: `${instant}#${id}` } : {}),
  }),
  complaintsByDept: (deptId: string) => `COMPLAINTS#${deptId}`,
  complaintsByEnterprise: (enterpriseId: string) => `COMPLAINTS#ENT#${enterpriseId}`,
  allComplaints: 'COMPLAINTS',
  tracking: (codeHash: string) => ({ pk: `TRACK#${codeHash}`, sk: 'TRACK' }),
  roster: (deptId: string) => ({ pk: `DEPT#${deptId}`, sk: 'HANDLERS' }),
  /**
   * A declared absence (外出告知) sits beside the roster, not in it, so a roster PUT cannot erase
   * it; sorted by its last day, so the roster's Query reads only those not over yet.
   */
  absence: (deptId: string, to: string, handlerId: string, id: string) => ({ pk: `DEPT#${deptId}`, sk: `ABSENCE#${to}#${handlerId}#${id}` }),
  absencesEndingFrom: (date: string) => `ABSENCE#${date}`,
  departmentPartition: (deptId: string) => `DEPT#${deptId}`,

  alert: (id: string) => ({ pk: `ALERT#${id}`, sk: 'ALERT' }),
  alertsIndex: (instant: string, id: string) => ({ gsi1pk: 'ALERTS', gsi1sk: `${instant}#${id}` }),
  alertsPartition: 'ALERTS',

  idempotencyPartition: (concern: string) => `IDEMPOTENCY#${concern}`,
  clientQuota: (route: string, clientHash: string, windowStart: string) => ({ pk: `QUOTA#${route}#${clientHash}`, sk: windowStart }),
  outbox: (id: string) => ({ pk: `OUTBOX#${id}`, sk: 'EFFECT' }),
  outboxPrefix: 'OUTBOX#',

  calendar: (year: number) => ({ pk: `CALENDAR#${year}`, sk: 'CALENDAR' }),
  calendarUnpublishedAlerted: (year: number) => ({ pk: `CALENDAR#${year}`, sk: 'UNPUBLISHED-ALERTED' }),
  // Every deadline started, until its escalation: found again when a year's calendar changes.
  watchIndex: (escalateAt: string, id: string) => ({ gsi3pk: 'WATCHES', gsi3sk: `${escalateAt}#${id}` }),
  watchesPartition: 'WATCHES',

  inspection: (id: string) => ({ pk: `INSPECTION#${id}`, sk: 'INSPECTION' }),
  inspectionPartition: (id: string) => `INSPECTION#${id}`,
  inspectionIndexes: (dept: string, enterpriseId: string, plannedDate: string, id: string) => ({
    gsi1pk: `INSPECTIONS#DEPT#${dept}`, gsi1sk: `${plannedDate}#${id}`,
    gsi2pk: `INSPECTIONS#ENT#${enterpriseId}`, gsi2sk: `${plannedDate}#${id}`,
    gsi3pk: 'INSPECTIONS', gsi3sk: `${plannedDate}#${id}`,
  }),
  inspectionsByDept: (dept: string) => `INSPECTIONS#DEPT#${dept}`,
  inspectionsByEnterprise: (enterpriseId: string) => `INSPECTIONS#ENT#${enterpriseId}`,
  allInspections: 'INSPECTIONS',
  decision: (inspectionId: string) => ({ pk: `INSPECTION#${inspectionId}`, sk: 'DECISION' }),
  visit: (inspectionId: string, instant: string, visitId: string) => ({ pk: `INSPECTION#${inspectionId}`, sk: `VISIT#${instant}#${visitId}` }),
  visitSkPrefix: 'VISIT#',
  /** One unlawful visit a China day per inspection is one event: its complaint and alert are made once. */
  unlawfulVisitDay: (inspectionId: string, date: string) => ({ pk: `INSPECTION#${inspectionId}`, sk: `UNLAWFUL-VISIT#${date}` }),
  routineCount: (enterpriseId: string, dept: string, year: string) => ({ pk: `ROUTINE#${enterpriseId}#${dept}#${year}`, sk: 'COUNT' }),
  findingsPartition: (enterpriseId: string) => `FINDINGS#${enterpriseId}`,
  pledge: (id: string) => ({ pk: `PLEDGE#${id}`, sk: 'PLEDGE' }),
  pledgeIndexes: (dept: string, dueDate: string, id: string) => ({
    gsi1pk: `PLEDGES#${dept}`, gsi1sk: `${dueDate}#${id}`, gsi2pk: 'PLEDGES', gsi2sk: `${dueDate}#${id}`,
  }),
  pledgesByDept: (dept: string) => `PLEDGES#${dept}`,
  allPledges: 'PLEDGES',
  evaluationPartition: (quarter: string) => `EVAL#${quarter}`,
  evaluation: (quarter: string, dept: string) => ({ pk: `EVAL#${quarter}`, sk: `DEPT#${dept}` }),
  measurePartition: (dept: string, service: string) => `MEASURE#${dept}#${service}`,
  measure: (dept: string, service: string, instant: string, matterId: string) => ({ pk: `MEASURE#${dept}#${service}`, sk: `${instant}#${matterId}` }),
  appointment: (id: string) => ({ pk: `APPOINTMENT#${id}`, sk: 'APPOINTMENT' }),
  /** By department, by enterprise and all, each newest first by when the request was received. */
  appointmentIndexes: (dept: string, enterpriseId: string, receivedAt: string, id: string) => ({
    gsi1pk: `APPOINTMENTS#DEPT#${dept}`, gsi1sk: `${receivedAt}#${id}`,
    gsi2pk: `APPOINTMENTS#ENT#${enterpriseId}`, gsi2sk: `${receivedAt}#${id}`,
    gsi3pk: 'APPOINTMENTS', gsi3sk: `${receivedAt}#${id}`,
  }),
  appointmentsByDept: (dept: string) => `APPOINTMENTS#DEPT#${dept}`,
  appointmentsByEnterprise: (enterpriseId: string) => `APPOINTMENTS#ENT#${enterpriseId}`,
  allAppointments: 'APPOINTMENTS',
  finding: (enterpriseId: string, date: string, inspectionId: string, n: number) => ({ pk: `FINDINGS#${enterpriseId}`, sk: `${date}#${inspectionId}#${n}` }),
} as const;
