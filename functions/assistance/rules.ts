/**
 * The assistance centre's rules (帮办服务中心, work plan §二.3.二), pure: a task handed to a
 * department (交办) is accepted or sent back with a reason before it is taken on, and completed
 * once; a returned task is handed on within a working day; a joint meeting's minutes (会办) are
 * recorded once, after it was held; the centre files for the enterprise (代办) only under its
 * written mandate; a case closes only when no task is open.
 */
import type { Timing } from '#shared/time/calendar';
import type { Violation } from '#shared/domain/errors';

export const CASE_STATUSES = ['open', 'closed'] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];
export const CASE_STATUS_WORDS: Record<CaseStatus, readonly [zh: string, en: string]> = {
  open: ['办理中', 'Open'],
  closed: ['已办结', 'Closed'],
};

export const CASE_OUTCOMES = ['completed', 'unresolved'] as const;
export type CaseOutcome = (typeof CASE_OUTCOMES)[number];
export const CASE_OUTCOME_WORDS: Record<CaseOutcome, readonly [zh: string, en: string]> = {
  completed: ['已办成', 'Completed'],
  unresolved: ['未能办成', 'Unresolved'],
};

/**
 * A task's life: `assigned` (交办, its clock running), `accepted` (the department took it on),
 * `returned` (sent back before acceptance; the centre must hand it on), `handed-on` (the centre
 * gave it to a department again, as a new task), `completed`.
 */
export const TASK_STATUSES = ['assigned', 'accepted', 'returned', 'handed-on', 'completed'] as const;
export type TaskStatus = (typeof TASK_STATUSES)[number];
export const TASK_STATUS_WORDS: Record<TaskStatus, readonly [zh: string, en: string]> = {
  assigned: ['已交办', 'Assigned'],
  accepted: ['已接收', 'Accepted'],
  returned: ['已退回', 'Returned'],
  'handed-on': ['已改派', 'Handed on'],
  completed: ['已完成', 'Completed'],
};

/** The longest limit the centre gives a task, in working days. */
export const MAX_TASK_DAYS = 60;
/** The centre hands a returned task on within one working day. */
export const HAND_ON_DAYS = 1;

/** A task's watch: warning at two thirds of its limit, breach at the limit, escalation a working day later. */
export const taskTiming = (assignedAt: Date, limitDays: number): Timing => ({ start: assignedAt.toISOString(), limitDays });

/** The watch of a returned task: the centre hands it on within a working day. */
export const handOnTiming = (returnedAt: Date): Timing => ({ start: returnedAt.toISOString(), limitDays: HAND_ON_DAYS });

const taskState = (status: TaskStatus): Violation | undefined => {
  if (status === 'completed')
    return {
      state: true,
      rule: 'task-completed',
      title: 'The task is completed',
      detail: 'A task is completed once; nothing more is done to it.',
    };
  if (status === 'returned' || status === 'handed-on')
    return {
      state: true,
      rule: 'task-returned',
      title: 'The task was returned',
      detail: 'The department sent the task back; the centre hands it on as a new task.',
    };
  return undefined;
};

/** The department takes the task on: once, while it is assigned. */
export function acceptanceRule(status: TaskStatus): Violation | undefined {
  if (status === 'accepted')
    return { state: true, rule: 'task-accepted', title: 'The task was already accepted', detail: 'A task is accepted once.' };
  return taskState(status);
}

/** A department sends a task back, with its reason, only before it took it on (推诿 after acceptance is not allowed). */
export function returnRule(status: TaskStatus): Violation | undefined {
  if (status === 'accepted')
    return {
      state: true,
      rule: 'task-accepted',
      title: 'An accepted task cannot be returned',
      detail: 'The department took the task on; it may send a task back only before accepting it.',
    };
  return taskState(status);
}

/** Completion, once: of a task assigned or accepted (completing an assigned task takes it on). */
export const completionRule = (status: TaskStatus): Violation | undefined => taskState(status);

/** Only a returned task is handed on, once. */
export function handOnRule(status: TaskStatus): Violation | undefined {
  if (status === 'returned') return undefined;
  return {
    state: true,
    rule: 'task-not-returned',
    title: 'Only a returned task is handed on',
    detail: `The task named in handsOn is ${status}; only a task a department sent back is handed on, once.`,
  };
}

/** Nothing is added to a closed case. */
export function caseOpenRule(status: CaseStatus): Violation | undefined {
  if (status === 'open') return undefined;
  return {
    state: true,
    rule: 'case-closed',
    title: 'The case is closed',
    detail: 'A closed case takes no more tasks, meetings or applications.',
  };
}

/** Closure, once, with an outcome, when no task is open. */
export function closureRule(input: { status: CaseStatus; openTasks: number }): Violation | undefined {
  const closed = caseOpenRule(input.status);
  if (closed) return closed;
  if (input.openTasks > 0)
    return {
      state: true,
      rule: 'tasks-open',
      title: 'Tasks are still open',
      detail: `${input.openTasks} task(s) of the case are not completed (or, returned, not handed on); the case closes when none is open.`,
    };
  return undefined;
}

/** 代办 needs the enterprise's written mandate (委托书): the enterprise stays the applicant, the centre files for it. */
export function mandateRule(mandateRef: string | undefined): Violation | undefined {
  if (mandateRef) return undefined;
  return {
    rule: 'no-mandate',
    title: 'No written mandate from the enterprise',
    detail: 'The centre files for an enterprise only under its written mandate (代办委托书); the case records no mandateRef.',
  };
}

/** A meeting's minutes: once, and not before the meeting began. */
export function minutesRule(input: { recorded: boolean; at: Date; now: Date }): Violation | undefined {
  if (input.recorded)
    return {
      state: true,
      rule: 'minutes-recorded',
      title: 'The minutes were already recorded',
      detail: "A meeting's minutes are recorded once.",
    };
  if (input.now.getTime() < input.at.getTime())
    return {
      state: true,
      rule: 'meeting-not-held',
      title: 'The meeting has not been held yet',
      detail: 'Minutes are recorded once the meeting has begun.',
    };
  return undefined;
}

/** The invited departments that did not attend (each alerts the supervisors). */
export const absentees = (invited: readonly string[], attended: readonly string[]): string[] =>
  invited.filter((dept) => !attended.includes(dept));
