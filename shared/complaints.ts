/**
 * Complaint intake shared by every concern: the public route and the complaints the system
 * opens itself (a refused fee, a visit that was not allowed) make the same record, stored
 * where the complaints concern finds it.
 */
import { keys } from './table.ts';

export const COMPLAINT_CATEGORIES = [
  'shirking', 'inaction', 'five-difficulties', 'broken-pledge', 'open-government', 'abolished-approval',
  'delayed-approval', 'fee-without-service', 'tie-in-charge', 'forced-intermediary', 'abusive-enforcement',
  'seized-property', 'petty-corruption', 'arbitrary-fine', 'quiet-day-violation', 'unregistered-fee', 'levy', 'other',
] as const;
export type ComplaintCategory = (typeof COMPLAINT_CATEGORIES)[number];

/** Money and integrity matters go to the supervisors and the office, not to the department complained about. */
const SUPERVISOR_CATEGORIES: readonly ComplaintCategory[] = [
  'petty-corruption', 'tie-in-charge', 'levy', 'fee-without-service', 'arbitrary-fine', 'unregistered-fee',
];

export type ComplaintRoute = 'supervisors' | 'department';
export const routeComplaint = (category: ComplaintCategory): ComplaintRoute =>
  SUPERVISOR_CATEGORIES.includes(category) ? 'supervisors' : 'department';

export interface ComplaintIntake {
  againstDept: string;
  category: ComplaintCategory;
  description: string;
  /** Who opened it: the public route, or a concern on the complainant's behalf. */
  source: 'public' | 'fee-refusal' | 'inspection-visit';
  occurredAt?: string;
  /** Never shown to the department complained about. */
  complainant?: { sub?: string; enterpriseId?: string; contact?: string };
  subject?: { type: string; id: string };
}

/** The stored complaint record, ready for a conditional Put. */
export function complaintItem(intake: ComplaintIntake, id: string, now: Date): Record<string, unknown> {
  const receivedAt = now.toISOString();
  return {
    ...keys.complaint(id),
    ...keys.complaintsIndex(intake.againstDept, receivedAt, id),
    type: 'complaint',
    id,
    ...intake,
    routedTo: routeComplaint(intake.category),
    status: 'received',
    receivedAt,
    version: 1,
  };
}
