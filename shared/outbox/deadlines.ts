/**
 * Starting and stopping deadline executions (限时办结制). Only the effects function calls
 * these: a concern asks for them through the outbox (effects.ts), in the same transaction as
 * the matter it changes, so a matter and its watch can never disagree.
 */
import { ExecutionAlreadyExists, ExecutionDoesNotExist, SFNClient, StartExecutionCommand, StopExecutionCommand } from '@aws-sdk/client-sfn';
import { config } from '../config.ts';
import type { Timeline } from '../time/calendar.ts';
import { executionName, type Matter } from './matters.ts';

export const sfnClient = new SFNClient({});

export interface DeadlineInput {
  matter: Matter;
  timeline: Timeline;
}

function stateMachineArn(): string {
  if (!config.DEADLINE_STATE_MACHINE_ARN) throw new Error('DEADLINE_STATE_MACHINE_ARN is not configured for this function');
  return config.DEADLINE_STATE_MACHINE_ARN;
}

export function executionArn(matter: Matter): string {
  return `${stateMachineArn().replace(':stateMachine:', ':execution:')}:${executionName(matter)}`;
}

/**
 * A Wait state on a timestamp ignores its milliseconds (it fires at the whole second before), so
 * an instant with milliseconds is waited on from the next whole second: a stage never fires
 * before its instant.
 */
export const wholeSecondUp = (instant: string): string => new Date(Math.ceil(new Date(instant).getTime() / 1000) * 1000).toISOString();

/** Starts watching a matter; a retry with the same matter and timeline is a no-op. */
export async function startDeadline(matter: Matter, timeline: Timeline): Promise<void> {
  // The workflow waits on the three instants; what they were computed from stays with the matter.
  const input: DeadlineInput = {
    matter,
    timeline: {
      warnAt: wholeSecondUp(timeline.warnAt),
      deadline: wholeSecondUp(timeline.deadline),
      escalateAt: wholeSecondUp(timeline.escalateAt),
    },
  };
  try {
    await sfnClient.send(
      new StartExecutionCommand({ stateMachineArn: stateMachineArn(), name: executionName(matter), input: JSON.stringify(input) }),
    );
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
