/**
 * The domain's own failures, by kind. Services, rules and the registry throw these, never an
 * HTTP status: shared/http/errors.ts maps each kind to its problem+json answer (status, `type`,
 * fields), so the domain names what went wrong and the edge says it in HTTP.
 */

/**
 * A rule of the work plan that a request would break; `rule` names it (the problem type).
 * `state`: what forbids it is the record's current state (answered as a conflict, 409).
 */
export interface Violation {
  rule: string;
  title: string;
  detail: string;
  state?: true;
}

/** A field of the operation's input (as the caller sent it) and what is wrong with it. */
export interface InvalidField {
  /** The input's field, e.g. `dueDate`; left out when the input as a whole is wrong. */
  field?: string;
  message: string;
}

export abstract class DomainError extends Error {}

/** The request would break a rule of the work plan (HTTP: 422 named after the rule). */
export class RuleViolation extends DomainError {
  constructor(readonly violation: Violation) {
    super(violation.detail);
  }
}

/** The record's current state does not allow this (HTTP: 409); `rule` names the condition. */
export class Conflict extends DomainError {
  constructor(
    readonly rule: string,
    detail: string,
  ) {
    super(detail);
  }
}

/** A violation as the failure it is: a conflict with the record's state, or a rule broken. */
export const refusal = (violation: Violation): DomainError =>
  violation.state ? new Conflict(violation.rule, violation.detail) : new RuleViolation(violation);

/** No such record, or not the caller's to see (the two are not told apart). */
export class NotFound extends DomainError {
  constructor(readonly detail?: string) {
    super(detail ?? 'not found');
  }
}

/** The caller may not do this, whatever the record (HTTP: 403). */
export class NotAllowed extends DomainError {
  constructor(readonly detail?: string) {
    super(detail ?? 'not allowed');
  }
}

/** The input is malformed beyond what its schema checks (HTTP: 400 naming each field). */
export class InvalidInput extends DomainError {
  constructor(
    detail: string,
    readonly fields: InvalidField[] = [],
  ) {
    super(detail);
  }
}
