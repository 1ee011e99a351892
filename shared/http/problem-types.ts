/**
 * Every problem type the API answers with (`urn:soft-env:problem:<slug>`), for the OpenAPI
 * document. The rules of the work plan are 422s named after the rule; conflicts with the
 * record's current state are 409s. A test checks that every slug thrown in the code is here.
 */
import { INTAKE_PER_CLIENT } from './intake-limit.ts';

interface ProblemType {
  status: number;
  meaning: string;
}
/** A rule of the work plan the request breaks. */
const rule = (meaning: string): ProblemType => ({ status: 422, meaning });
/** A conflict with the record's current state. */
const conflict = (meaning: string): ProblemType => ({ status: 409, meaning });

const perWindow = (seconds: number) => (seconds === 60 ? 'a minute' : `per ${seconds} s`);

export const PROBLEM_TYPES: Record<string, ProblemType> = {
  // The edge
  'invalid-request': { status: 400, meaning: 'A field is missing or malformed; `errors` names each one.' },
  unauthorized: { status: 401, meaning: 'No valid bearer token.' },
  forbidden: { status: 403, meaning: "The caller's role (or its department or enterprise claim) may not do this." },
  'not-found': { status: 404, meaning: "No such record, or not the caller's to see (the two cannot be told apart)." },
  'payload-too-large': { status: 413, meaning: 'The body is over 64 KiB.' },
  'unsupported-media-type': { status: 415, meaning: 'The body is not sent as application/json.' },
  throttled: {
    status: 429,
    meaning: `Too many requests: complaint intake takes at most ${INTAKE_PER_CLIENT.requests} complaints ${perWindow(INTAKE_PER_CLIENT.windowSeconds)} from one client address (an IPv6 /64); Retry-After says in how many seconds to try again.`,
  },
  'idempotency-key-reused': conflict('This Idempotency-Key was used with a different request.'),
  'idempotency-in-progress': conflict('A request with this Idempotency-Key is still running.'),
  // Fee cards (企业付费登记卡)
  'fee-item-not-published': rule('The fee item is not on the published fee list.'),
  'fee-item-of-another-unit': rule('A department may collect only its own published fees.'),
  'fee-item-not-valid-on-date': rule('The fee item was not in force on the collection date.'),
  'amount-outside-standard': rule("The amount does not meet the item's legal standard (fixed amount or range)."),
  'fee-item-unit-fixed': conflict("A fee item's code belongs to one unit for good."),
  'fee-item-busy': conflict('Others were revising the same fee item at that moment; retry the request.'),
  'card-exists': conflict('The enterprise already has a fee card.'),
  'card-busy': conflict("The card's chain is being written by others; retry."),
  'duplicate-receipt': conflict('A receipt number is unique per department.'),
  'already-refused': conflict('An entry is refused once.'),
  // Inspections (企业宁静生产日)
  'quiet-production-day': rule('No routine inspection on days 1 to 25 of the month (quiet production days).'),
  'routine-inspection-cap': rule('At most N routine inspections per enterprise, department and year.'),
  'planned-date-passed': rule('An inspection cannot be decided after its planned date.'),
  'first-minor-violation-no-fine': rule('A first minor violation is not fined (首次轻微违规不罚).'),
  'not-pending': conflict('Only an inspection awaiting approval can be decided, once.'),
  'outcome-recorded': conflict("An inspection's outcome is recorded once."),
  'not-allowed-to-take-place': conflict('An outcome needs an approved or filed inspection.'),
  'not-held-yet': conflict('The outcome is recorded after the planned date.'),
  // Complaints (责任追究, 滞后反馈告知制)
  'delay-notice-given': rule("The answer's limit can be moved once."),
  'limit-passed': rule('A delay notice comes before the limit passes.'),
  'delay-too-long': rule('A delay moves the limit by at most the original limit.'),
  'delay-not-later': rule('The new date must be after the current limit.'),
  'complaint-not-open': conflict('The complaint is past this step.'),
  'complaint-changed': conflict('The complaint changed meanwhile; reload and retry.'),
  'already-acknowledged': conflict('A complaint is acknowledged once.'),
  'complaint-closed': conflict('The complaint already has its verdict.'),
  // Pledges (公开承诺)
  'two-thirds-rule': rule('A pledged limit is at most two thirds of the statutory one.'),
  'review-final': conflict("The office's verdict on a pledge is final."),
  'excused-by-office-only': rule('Only the soft-environment office excuses a pledge (force majeure, 不可抗力), with its reason.'),
  'pledge-changed': conflict('The pledge changed meanwhile; reload and retry.'),
  // The investment service centre (投资服务中心)
  'one-time-notice-given': conflict('Everything missing is told in one notice (一次性告知); the department may not ask again.'),
  'not-awaiting-acceptance': conflict('The application is past acceptance.'),
  'nothing-missing': rule('A one-time notice names at least one missing material.'),
  'not-accepted': conflict('The application is not being processed.'),
  'past-statutory-limit': rule('A delay notice may not move the deadline past the statutory limit.'),
  'not-decided': conflict('An application is rated after its decision.'),
  'already-rated': conflict('An application is rated once.'),
  'score-out-of-range': rule('A rating is a whole number from 1 to 5.'),
  // 24-hour appointments (24小时预约服务)
  'already-confirmed': conflict('An appointment is confirmed once (time, place and staff).'),
  'appointment-changed': conflict('The appointment changed meanwhile; reload and retry.'),
  'not-awaiting-materials': conflict('Materials are supplied after a one-time notice, while the application is incomplete.'),
  'application-changed': conflict('The application changed meanwhile; reload and retry.'),
  'approval-item-missing': conflict('The approval item was withdrawn from the catalogue while the application was being filed.'),
  // The assistance centre (帮办服务中心)
  'no-mandate': rule("The centre files for an enterprise (代办) only under the enterprise's written mandate, recorded on the case."),
  'task-accepted': conflict('A task is accepted once, and an accepted task cannot be returned.'),
  'task-returned': conflict('The department returned the task; the centre hands it on as a new task.'),
  'task-completed': conflict('A task is completed once.'),
  'task-not-returned': conflict('Only a returned task is handed on, once.'),
  'minutes-recorded': conflict("A meeting's minutes are recorded once."),
  'meeting-not-held': conflict('Minutes are recorded once the meeting has begun.'),
  'case-closed': conflict('A closed case takes no more tasks, meetings, applications or closure.'),
  'tasks-open': conflict('A case closes only when none of its tasks is open.'),
  'case-changed': conflict('The case changed meanwhile; reload and retry.'),
  // Accountability (责任追究, 明查暗访, 末位淘汰)
  'source-not-found': rule('A case is opened from sources that exist.'),
  'source-of-another-department': rule("A case's sources concern the department it is against."),
  'source-in-case': conflict('A source is in at most one case.'),
  'finding-shown': conflict('A covert finding is disclosed once.'),
  'finding-changed': conflict('The finding changed meanwhile; reload and retry.'),
  'already-responded': conflict('The department answers a finding once.'),
  'case-decided': conflict('A case is decided once.'),
  'case-not-decided': conflict('A case is appealed after its decision.'),
  'already-appealed': conflict('A decision is appealed once.'),
  'nothing-to-appeal': conflict('A case not substantiated has nothing to appeal.'),
  'not-appealed': conflict('Only an appealed case awaits an appeal decision, once.'),
  'appeal-window-closed': rule('A decision is appealed within 5 working days.'),
  'same-decider': rule('A supervisor other than the one who decided rules on the appeal.'),
  'flag-reviewed': conflict('A retaliation flag is reviewed once.'),
  'not-last-placed': rule('Only the last placed department of the quarter files a rectification plan.'),
  'quarter-not-ended': rule('A rectification plan is filed after the quarter ends.'),
  'rectification-filed': conflict('A rectification plan is filed once.'),
};

export const PROBLEM_TYPE_PREFIX = 'urn:soft-env:problem:';
