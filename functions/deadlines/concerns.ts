/**
 * Each concern's answers to the deadline workflow, declared once: is a matter still open at a
 * stage (`check`), and how its watch is timed again when a year's calendar changes (`retime`).
 * One entry for each timed concern of the registry (shared/concerns.ts), no more: its type says so.
 */
import type { Concern } from '#shared/alerts/alert-types';
import type { TimedConcern } from '#shared/concerns';
import type { MatterCheck, MatterRetime } from '#shared/outbox/deadline-checks';
import { checkInspectionMatter } from '../inspections/deadline-check.ts';
import { retimeInspectionMatter } from '../inspections/retime.ts';
import { checkComplaintMatter } from '../complaints/deadline-check.ts';
import { retimeComplaintMatter } from '../complaints/retime.ts';
import { checkPledgeMatter } from '../pledges/deadline-check.ts';
import { retimePledgeMatter } from '../pledges/retime.ts';
import { checkAppointmentMatter } from '../appointments/deadline-check.ts';
import { checkApplicationMatter } from '../applications/deadline-check.ts';
import { retimeApplicationMatter } from '../applications/retime.ts';
import { checkAssistanceMatter } from '../assistance/deadline-check.ts';
import { retimeAssistanceMatter } from '../assistance/retime.ts';
import { checkAccountabilityMatter } from '../accountability/deadline-check.ts';
import { retimeAccountabilityMatter } from '../accountability/retime.ts';

interface DeadlineAnswers {
  check: MatterCheck;
  retime?: MatterRetime;
}

/** Looked up by the concern a matter names (any alerting concern: one that is not timed has no entry). */
export const timedConcerns: Partial<Record<Concern, DeadlineAnswers>> = {
  inspections: { check: checkInspectionMatter, retime: retimeInspectionMatter },
  complaints: { check: checkComplaintMatter, retime: retimeComplaintMatter },
  pledges: { check: checkPledgeMatter, retime: retimePledgeMatter },
  // An appointment's limit counts calendar hours, which no calendar change moves.
  appointments: { check: checkAppointmentMatter },
  applications: { check: checkApplicationMatter, retime: retimeApplicationMatter },
  assistance: { check: checkAssistanceMatter, retime: retimeAssistanceMatter },
  accountability: { check: checkAccountabilityMatter, retime: retimeAccountabilityMatter },
} satisfies Record<TimedConcern, DeadlineAnswers>;
