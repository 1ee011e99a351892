/**
 * The console's reading of the API's answers, derived from the OpenAPI document (schema.d.ts,
 * generated from the routes' response schemas), so a field is declared once, on the server.
 */
import type { operations } from './schema';

type JsonOf<Response> = Response extends { content: { 'application/json': infer Body } } ? Body : never;
/** What an operation answers with success (its JSON body). */
type Answer<Operation extends keyof operations> = JsonOf<
  operations[Operation]['responses'] extends { 200: infer Ok }
    ? Ok
    : operations[Operation]['responses'] extends { 201: infer Created }
      ? Created
      : never
>;
type ItemOf<Operation extends keyof operations> = Answer<Operation> extends { items: (infer Item)[] } ? Item : never;

export interface Page<T> {
  items: T[];
  nextCursor?: string;
}
export type Department = ItemOf<'listDepartments'>;
export type FeeItem = ItemOf<'listFeeItems'>;
export type Standard = FeeItem['standard'];
export type FeeCard = Answer<'getCard'>;
export type FeeEntry = FeeCard['entries'][number];
export type Pledge = ItemOf<'listPledges'>;
export type Evaluation = Answer<'evaluation'>;
export type EvaluationRow = Evaluation['departments'][number];
export type Filed = Answer<'fileComplaint'>;
export type Tracked = Answer<'trackComplaint'>;
/** A complaint as a department, the office or a supervisor sees it. */
export type Complaint = Extract<ItemOf<'listComplaints'>, { routedTo: string }>;
/** A complaint as the enterprise that made it sees it (GET /complaints with its token). */
export type OwnComplaint = Exclude<ItemOf<'listComplaints'>, { routedTo: string }>;
export type Inspection = ItemOf<'listInspections'>;
export type Alert = ItemOf<'listAlerts'>;
export type FeeAudit = Answer<'feeAudit'>;
export type CalendarYear = Answer<'getCalendar'>;
export type ApprovalItem = ItemOf<'listItems'>;
export type Application = ItemOf<'listApplications'>;
export type Appointment = ItemOf<'listAppointments'>;
/** An assisted case (帮办) whole, or as a department sees it; its tasks; a case in a list. */
export type AssistedCase = Answer<'getAssistedCase'>;
export type AssistedTask = AssistedCase['tasks'][number];
export type CaseSummary = ItemOf<'listAssistedCases'>;
export type SupervisionFinding = ItemOf<'listFindings'>;
export type AccountabilityCase = ItemOf<'listCases'>;
export type Flag = ItemOf<'listFlags'>;
export type Notice = ItemOf<'listNotices'>;
