/** The console's reading of the API's answers: the fields it shows (../shared/api.md). */
export interface Page<T> {
  items: T[];
  nextCursor?: string;
}
export interface Department {
  deptId: string;
  name: string;
}
export type Standard = { kind: 'fixed'; amount: number } | { kind: 'range'; min: number; max: number };
export interface FeeItem {
  code: string;
  unit: string;
  name: string;
  legalBasis: string;
  standard: Standard;
}
export interface FeeEntry {
  entryId: string;
  unit: string;
  feeItemCode: string;
  feeItemName: string;
  amount: number;
  collector: string;
  collectedAt: string;
  receiptNo: string;
  refused?: boolean;
}
export interface FeeCard {
  enterpriseId: string;
  enterpriseName: string;
  chain: { valid: boolean; entries: number; problem?: string };
  entries: FeeEntry[];
  nextCursor?: string;
}
export interface Pledge {
  id: string;
  department: string;
  title: string;
  description: string;
  dueDate: string;
  status: string;
  overdue: boolean;
  final: boolean;
  statutoryLimitDays?: number;
  pledgedLimitDays?: number;
}
export interface EvaluationRow {
  deptId: string;
  name: string;
  score: number;
  rank: number;
  shareHandledInTime: number | null;
  figures: { complaintsReceived: number; complaintsSubstantiated: number; breaches: number; brokenPledges: number };
}
export interface Evaluation {
  quarter: string;
  departments: EvaluationRow[];
  lastPlaced: { deptId: string; name: string }[];
}
export interface Filed {
  id: string;
  trackingCode: string;
  status: string;
  answerDueBy: string;
}
export interface Tracked {
  status: string;
  category: string;
  againstDept: string;
  receivedAt: string;
  answerDueBy: string;
  delayNotice?: { reason: string; expectedBy: string; at: string };
  answer?: { summary: string; at: string };
  verdict?: { finding: string; action: string; at: string };
  timeline: { at: string; event: string; text: string }[];
}
/** A complaint as the enterprise that made it sees it (GET /complaints with its token). */
export interface OwnComplaint extends Tracked {
  id: string;
  description: string;
  source: string;
}
export interface Timeline {
  warnAt: string;
  deadline: string;
  escalateAt: string;
}
export interface Complaint {
  id: string;
  againstDept: string;
  category: string;
  description: string;
  status: string;
  receivedAt: string;
  routedTo: string;
  deadlines: { acknowledgement?: { timeline: Timeline }; resolution: { timeline: Timeline } };
  delayNotice?: { reason: string; expectedBy: string };
  resolution?: { summary: string };
  verdict?: { finding: string; action: string };
  complainant?: { enterpriseId?: string; contact?: string };
}
export interface Inspection {
  id: string;
  enterpriseId: string;
  department: string;
  plannedDate: string;
  category: string;
  reason: string;
  inspectors: string[];
  status: string;
  approval?: { timeline: Timeline };
}
export interface Alert {
  id: string;
  at: string;
  severity: string;
  concern: string;
  department: string;
  kind: string;
  title: string;
  detail: string;
  subject: { type: string; id: string };
}
export interface AuditTotals {
  unit: string;
  feeItemCode?: string;
  entries: number;
  amount: number;
  refused: number;
  refusedAmount: number;
  rejectedAttempts: number;
}
export interface FeeAudit {
  from: string;
  to: string;
  totals: { byUnit: AuditTotals[]; byUnitAndItem: AuditTotals[] };
  chains: { enterpriseId: string; valid: boolean; entries: number }[];
}
export interface CalendarYear {
  year: number;
  holidays: string[];
  workdays: string[];
  source: 'office' | 'official' | 'fallback-weekends';
}
