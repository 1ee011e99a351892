/**
 * Each concern's answers to the deadline workflow, declared once: is a matter still open at a
 * stage (`check`), and how its watch is timed again when a year's calendar changes (`retime`).
 */
import type { Concern } from '#shared/alerts/alert-types';
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

export const timedConcerns: Partial<Record<Concern, { check: MatterCheck; retime?: MatterRetime }>> = {
  inspections: { check: checkInspectionMatter, retime: retimeInspectionMatter },
  complaints: { check: checkComplaintMatter, retime: retimeComplaintMatter },
  pledges: { check: checkPledgeMatter, retime: retimePledgeMatter },
  // An appointment's limit counts calendar hours, which no calendar change moves.
  appointments: { check: checkAppointmentMatter },
  applications: { check: checkApplicationMatter, retime: retimeApplicationMatter },
  assistance: { check: checkAssistanceMatter, retime: retimeAssistanceMatter },
  accountability: { check: checkAccountabilityMatter },
};
