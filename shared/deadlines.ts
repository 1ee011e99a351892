/**
 * Timed matters (限时办结制): each starts one execution of the deadline state machine, named
 * after the matter and its version so a retried request cannot start a second; closing the
 * matter stops it. The execution waits, asks the matter's concern whether it is still open,
 * and publishes warning, breach and escalation alerts.
 */
import { ExecutionAlreadyExists, ExecutionDoesNotExist, SFNClient, StartExecutionCommand, StopExecutionCommand } from '@aws-sdk/client-sfn';
import { config } from './config.ts';
import type { Concern, Severity } from './alerts.ts';
import type { Timeline } from './calendar.ts';

export const sfnClient = new SFNClient({});

/** What an execution watches: enough to find the matter again and to address its alerts. */
export interface Matter {
  concern: Concern;
  /** Which timed step of the matter (e.g. approval, acknowledgement, resolution, due-date). */
  kind: string;
  id: string;
  version: number;
  department: string;
}

export type Stage = 'warning' | 'breach' | 'escalation';
export const STAGE_SEVERITY: Record<Stage, Severity> = { warning: 'warning', breach: 'breach', escalation: 'escalation' };

export interface DeadlineInput { matter: Matter; timeline: Timeline }

export function executionName(matter: Matter): string {
  return `${matter.concern}-${matter.kind}-${matter.id}-v${matter.version}`.replace(/[^A-Za-z0-9_-]/g, '_').slice(0, 80);
}

function stateMachineArn(): string {
  if (!config.DEADLINE_STATE_MACHINE_ARN) throw new Error('DEADLINE_STATE_MACHINE_ARN is not configured for this function');
  return config.DEADLINE_STATE_MACHINE_ARN;
}

export function executionArn(matter: Matter): string {
  return `${stateMachineArn().replace(':stateMachine:', ':execution:')}:${executionName(matter)}`;
}

/** Starts watching a matter; a retry with the same matter and timeline is a no-op. */
export async function startDeadline(matter: Matter, timeline: Timeline): Promise<void> {
  const input: DeadlineInput = { matter, timeline };
  try {
    await sfnClient.send(new StartExecutionCommand({ stateMachineArn: stateMachineArn(), name: executionName(matter), input: JSON.stringify(input) }));
  } catch (error) {
    // Same name, different input or already closed: that version of the matter is watched already.
    if (error instanceof ExecutionAlreadyExists) return;
    throw error;
  }
}

/** Stops watching a matter that closed. */
export async function stopDeadline(matter: Matter, cause: string): Promise<void> {
  try {
    await sfnClient.send(new StopExecutionCommand({ executionArn: executionArn(matter), cause: cause.slice(0, 256) }));
  } catch (error) {
    if (error instanceof ExecutionDoesNotExist) return;
    throw error;
  }
}
