/** Timed matters, as the deadline workflow sees them (no client here: see deadlines.ts). */
import * as z from 'zod/mini';
import { CONCERNS, type Concern, type Severity } from '../alerts/alert-types.ts';

/** What an execution watches: enough to find the matter again and to address its alerts. */
export interface Matter {
  concern: Concern;
  /** Which timed step of the matter (e.g. approval, acknowledgement, resolution, due-date). */
  kind: string;
  id: string;
  version: number;
  department: string;
}

export const matterCodec: z.ZodMiniType<Matter> = z.object({
  concern: z.enum(CONCERNS),
  kind: z.string(),
  id: z.string(),
  version: z.number(),
  department: z.string(),
});

export type Stage = 'warning' | 'breach' | 'escalation';
export const STAGE_SEVERITY: Record<Stage, Severity> = { warning: 'warning', breach: 'breach', escalation: 'escalation' };

/** Executions are named after the matter and its version, so a retry cannot start a second. */
export function executionName(matter: Matter): string {
  return `${matter.concern}-${matter.kind}-${matter.id}-v${matter.version}`.replace(/[^A-Za-z0-9_-]/g, '_').slice(0, 80);
}

/**
 * Limits kept by the office (inspection approvals), the supervisors (verdicts, investigations) or
 * the assistance centre (handing a returned task on), not by the department the matter names.
 */
export const notTheDepartmentsLimit = (matter: Matter): boolean =>
  (matter.concern === 'inspections' && matter.kind === 'approval') ||
  (matter.concern === 'complaints' && matter.kind === 'verdict') ||
  (matter.concern === 'assistance' && matter.kind === 'hand-on') ||
  (matter.concern === 'accountability' && matter.kind === 'investigation');
