/**
 * Typed HTTP problems (RFC 9457). The error middleware maps them to problem+json by class;
 * anything that is not an HttpProblem becomes a generic 500 with a correlation id.
 */
export interface FieldError { path: string; message: string }

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
export class UnauthorizedError extends HttpProblem {
  constructor(detail = 'A valid bearer token is required.') {
    super(401, 'unauthorized', 'Not signed in', detail);
  }
}
export class ForbiddenError extends HttpProblem {
  constructor(detail = 'Your role may not do this.') {
    super(403, 'forbidden', 'Not allowed for your role', detail);
  }
}
export class NotFoundError extends HttpProblem {
  constructor(detail = 'There is no such record, or it is not yours to see.') {
    super(404, 'not-found', 'Not found', detail);
  }
}
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
  constructor(readonly rule: string, title: string, detail: string) {
    super(422, rule, title, detail);
  }
}
