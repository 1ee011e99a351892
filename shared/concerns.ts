/**
 * The concerns, named once. Plain data at the foot of shared/, so every floor may read it; the
 * heavier wiring is declared beside the code it wires and checked against these lists (by its
 * types, and by test/unit/concern-registry.test.ts):
 * - the alert types (shared/alerts/alert-types.ts CONCERNS) are the concerns that raise alerts;
 * - the deadline workflow's checks (functions/deadlines/concerns.ts) are one per timed concern;
 * - the Lambdas and routes of CDK and the local runtime (infra/concerns.ts) are one per API concern.
 *
 * Every concern is behind the HTTP API (its own Lambda and routes). Those that raise alerts are
 * named by their alerts and matters; of these, the timed ones have limits the deadline workflow
 * checks. Lists rather than a table of traits: every Lambda carries the first at run time (an
 * alert's or a matter's concern is checked against it), so it stays the short array it was.
 */

/** The concerns that raise supervisor alerts, in the order alerts name them. */
export const ALERTING_CONCERNS = [
  'fee-cards',
  'inspections',
  'pledges',
  'complaints',
  'applications',
  'appointments',
  'assistance',
  'accountability',
] as const;
export type AlertingConcern = (typeof ALERTING_CONCERNS)[number];

/** Of those, the concerns with time limits, which the deadline workflow checks. */
export const TIMED_CONCERNS = [
  'inspections',
  'pledges',
  'complaints',
  'applications',
  'appointments',
  'assistance',
  'accountability',
] as const satisfies readonly AlertingConcern[];
export type TimedConcern = (typeof TIMED_CONCERNS)[number];

/** The concerns behind the API that raise no alerts. */
export const QUIET_CONCERNS = ['registry', 'evaluations', 'approvals'] as const;
/** A concern behind the HTTP API: every concern. */
export type ApiConcern = AlertingConcern | (typeof QUIET_CONCERNS)[number];

/** Every concern, each behind the API (a function: a Lambda that does not ask carries none of it). */
export const apiConcerns = (): ApiConcern[] => [...ALERTING_CONCERNS, ...QUIET_CONCERNS];
