/**
 * Every problem type the API answers with (`urn:soft-env:problem:<slug>`), for the OpenAPI
 * document. The rules of the work plan are 422s named after the rule; conflicts with the
 * record's current state are 409s. A test checks that every slug thrown in the code is here.
 */
export const PROBLEM_TYPES: Record<string, { status: number; meaning: string }> = {
  // The edge
  'invalid-request': { status: 400, meaning: 'A field is missing or malformed; `errors` names each one.' },
  unauthorized: { status: 401, meaning: 'No valid bearer token.' },
  forbidden: { status: 403, meaning: "The caller's role (or its department or enterprise claim) may not do this." },
  'not-found': { status: 404, meaning: "No such record, or not the caller's to see (the two cannot be told apart)." },
  'payload-too-large': { status: 413, meaning: 'The body is over 64 KiB.' },
  'unsupported-media-type': { status: 415, meaning: 'The body is not sent as application/json.' },
  throttled: { status: 429, meaning: 'Too many requests (complaint intake: 5 a second, burst 10).' },
  'idempotency-key-reused': { status: 409, meaning: 'This Idempotency-Key was used with a different request.' },
  'idempotency-in-progress': { status: 409, meaning: 'A request with this Idempotency-Key is still running.' },
  // Fee cards (企业付费登记卡)
  'fee-item-not-published': { status: 422, meaning: 'The fee item is not on the published fee list.' },
  'fee-item-of-another-unit': { status: 422, meaning: 'A department may collect only its own published fees.' },
  'fee-item-not-valid-on-date': { status: 422, meaning: 'The fee item was not in force on the collection date.' },
  'amount-outside-standard': { status: 422, meaning: "The amount does not meet the item's legal standard (fixed amount or range)." },
  'fee-item-unit-fixed': { status: 409, meaning: "A fee item's code belongs to one unit for good." },
  'fee-item-busy': { status: 409, meaning: 'Others were revising the same fee item at that moment; retry the request.' },
  'card-exists': { status: 409, meaning: 'The enterprise already has a fee card.' },
  'card-busy': { status: 409, meaning: "The card's chain is being written by others; retry." },
  'duplicate-receipt': { status: 409, meaning: 'A receipt number is unique per department.' },
  'already-refused': { status: 409, meaning: 'An entry is refused once.' },
  // Inspections (企业宁静生产日)
  'quiet-production-day': { status: 422, meaning: 'No routine inspection on days 1 to 25 of the month (quiet production days).' },
  'routine-inspection-cap': { status: 422, meaning: 'At most N routine inspections per enterprise, department and year.' },
  'planned-date-passed': { status: 422, meaning: 'An inspection cannot be decided after its planned date.' },
  'first-minor-violation-no-fine': { status: 422, meaning: 'A first minor violation is not fined (首次轻微违规不罚).' },
  'not-pending': { status: 409, meaning: 'Only an inspection awaiting approval can be decided, once.' },
  'outcome-recorded': { status: 409, meaning: "An inspection's outcome is recorded once." },
  'not-allowed-to-take-place': { status: 409, meaning: 'An outcome needs an approved or filed inspection.' },
  'not-held-yet': { status: 409, meaning: 'The outcome is recorded after the planned date.' },
  // Complaints (责任追究, 滞后反馈告知制)
  'delay-notice-given': { status: 422, meaning: "The answer's limit can be moved once." },
  'limit-passed': { status: 422, meaning: 'A delay notice comes before the limit passes.' },
  'delay-too-long': { status: 422, meaning: 'A delay moves the limit by at most the original limit.' },
  'delay-not-later': { status: 422, meaning: 'The new date must be after the current limit.' },
  'complaint-not-open': { status: 409, meaning: 'The complaint is past this step.' },
  'complaint-changed': { status: 409, meaning: 'The complaint changed meanwhile; reload and retry.' },
  'already-acknowledged': { status: 409, meaning: 'A complaint is acknowledged once.' },
  'complaint-closed': { status: 409, meaning: 'The complaint already has its verdict.' },
  // Pledges (公开承诺)
  'two-thirds-rule': { status: 422, meaning: 'A pledged limit is at most two thirds of the statutory one.' },
  'review-final': { status: 409, meaning: "The office's verdict on a pledge is final." },
  'pledge-changed': { status: 409, meaning: 'The pledge changed meanwhile; reload and retry.' },
  // The investment service centre (投资服务中心)
  'one-time-notice-given': {
    status: 409,
    meaning: 'Everything missing is told in one notice (一次性告知); the department may not ask again.',
  },
  'not-awaiting-acceptance': { status: 409, meaning: 'The application is past acceptance.' },
  'nothing-missing': { status: 422, meaning: 'A one-time notice names at least one missing material.' },
  'not-accepted': { status: 409, meaning: 'The application is not being processed.' },
  'past-statutory-limit': { status: 422, meaning: 'A delay notice may not move the deadline past the statutory limit.' },
  'not-decided': { status: 409, meaning: 'An application is rated after its decision.' },
  'already-rated': { status: 409, meaning: 'An application is rated once.' },
  'score-out-of-range': { status: 422, meaning: 'A rating is a whole number from 1 to 5.' },
  // 24-hour appointments (24小时预约服务)
  'already-confirmed': { status: 409, meaning: 'An appointment is confirmed once (time, place and staff).' },
  'appointment-changed': { status: 409, meaning: 'The appointment changed meanwhile; reload and retry.' },
  'not-awaiting-materials': {
    status: 409,
    meaning: 'Materials are supplied after a one-time notice, while the application is incomplete.',
  },
  'application-changed': { status: 409, meaning: 'The application changed meanwhile; reload and retry.' },
  'approval-item-missing': {
    status: 409,
    meaning: 'The approval item was withdrawn from the catalogue while the application was being filed.',
  },
};

export const PROBLEM_TYPE_PREFIX = 'urn:soft-env:problem:';
