/**
 * Typed HTTP problems (RFC 9457). The error middleware maps them to problem+json by class, and
 * the domain's failures (shared/errors.ts) to them with problemOf; anything else becomes a
 * generic 500 with a correlation id.
 */
import { Conflict, InvalidInput, NotAllowed, NotFound, RuleViolation, type DomainError } from '../errors.ts';

export interface FieldError {
  path: string;
  message: string;
}

const PROBLEM_BASE = 'urn:soft-env:problem:';

export class HttpProblem extends Error {
  readonly type: string;
  constructor(
    readonly status: number,
    slug: string,
    readonly title: string,
    readonly detail: string,
    readonly errors?: FieldError[],
  ) {
    super(detail);
    this.type = PROBLEM_BASE + slug;
  }
}

export class BadRequestError extends HttpProblem {
  constructor(detail: string, errors?: FieldError[]) {
    super(400, 'invalid-request', 'The request is not valid', detail, errors);
  }
}
/** A problem class told by its status, type and title; its detail has a default the thrower may make more precise. */
const problem = (status: number, slug: string, title: string, defaultDetail: string) =>
  class extends HttpProblem {
    constructor(detail = defaultDetail) {
      super(status, slug, title, detail);
    }
  };

export class UnauthorizedError extends problem(401, 'unauthorized', 'Not signed in', 'A valid bearer token is required.') {}
export class ForbiddenError extends problem(403, 'forbidden', 'Not allowed for your role', 'Your role may not do this.') {}
export class NotFoundError extends problem(404, 'not-found', 'Not found', 'There is no such record, or it is not yours to see.') {}
export class ConflictError extends HttpProblem {
  constructor(detail: string, slug = 'conflict') {
    super(409, slug, 'Conflict with the current state', detail);
  }
}
export class UnsupportedMediaTypeError extends HttpProblem {
  constructor() {
    super(415, 'unsupported-media-type', 'Unsupported media type', 'Send the body as JSON with Content-Type: application/json.');
  }
}
export class PayloadTooLargeError extends HttpProblem {
  constructor(limit: number) {
    super(413, 'payload-too-large', 'Request body too large', `The body may be at most ${limit} bytes.`);
  }
}
export class TooManyRequestsError extends HttpProblem {
  constructor(readonly retryAfterSeconds: number) {
    super(429, 'throttled', 'Too many requests', `Too many requests from your address; try again in ${retryAfterSeconds} s.`);
  }
}
/** A rule of the work plan forbids the request; `rule` names it in the problem type. */
export class RuleViolationError extends HttpProblem {
  constructor(
    readonly rule: string,
    title: string,
    detail: string,
  ) {
    super(422, rule, title, detail);
  }
}

/** A request's parts as the edge validated them: where an input field came from. */
export interface RequestParts {
  body?: unknown;
  query?: unknown;
  params?: unknown;
}

/**
 * An input field's path in the request: the first part that carries it (body, query, path); the
 * whole input, and a field the caller left out, are the body's.
 */
function fieldPath(field: string | undefined, parts: RequestParts): string {
  if (field === undefined) return 'body';
  const top = field.split('.')[0] ?? field;
  const carriers = [
    ['body', parts.body],
    ['query', parts.query],
    ['path', parts.params],
  ] as const;
  const carrier = carriers.find(([, value]) => typeof value === 'object' && value !== null && top in value);
  return `${carrier?.[0] ?? 'body'}.${field}`;
}

/** The problem+json answer for a failure of the domain; undefined for a kind it does not know. */
export function problemOf(error: DomainError, parts: RequestParts): HttpProblem | undefined {
  if (error instanceof RuleViolation) return new RuleViolationError(error.violation.rule, error.violation.title, error.violation.detail);
  if (error instanceof Conflict) return new ConflictError(error.message, error.rule);
  if (error instanceof NotFound) return new NotFoundError(error.detail);
  if (error instanceof NotAllowed) return new ForbiddenError(error.detail);
  if (error instanceof InvalidInput) {
    return new BadRequestError(
      error.message,
      error.fields.map(({ field, message }) => ({ path: fieldPath(field, parts), message })),
    );
  }
  return undefined;
}
