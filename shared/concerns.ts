/**
 * The concerns, named once, with what each is to the rest of the system. Plain data at the foot
 * of shared/, so every floor may read it; the heavier wiring is declared beside the code it
 * wires and checked against this list (by its types, and by test/unit/concern-registry.test.ts):
 * - the alert types (shared/alerts/alert-types.ts CONCERNS) are the concerns that raise alerts;
 * - the deadline workflow's checks (functions/deadlines/concerns.ts) are one per timed concern;
 * - the Lambdas and routes of CDK and the local runtime (infra/concerns.ts) are one per API concern.
 *
 * `api`: behind the HTTP API (its own Lambda and routes). `alerts`: raises supervisor alerts, and
 * its matters and alerts name it. `timed`: has matters with time limits, which the deadline
 * workflow checks (a timed concern also raises alerts). Listed in the order alerts name them.
 */
export const CONCERN_REGISTRY = {
  'fee-cards': { api: true, alerts: true, timed: false },
  inspections: { api: true, alerts: true, timed: true },
  pledges: { api: true, alerts: true, timed: true },
  complaints: { api: true, alerts: true, timed: true },
  applications: { api: true, alerts: true, timed: true },
  appointments: { api: true, alerts: true, timed: true },
  registry: { api: true, alerts: false, timed: false },
  evaluations: { api: true, alerts: false, timed: false },
  approvals: { api: true, alerts: false, timed: false },
} as const satisfies Record<string, ConcernTraits>;

export interface ConcernTraits {
  api: boolean;
  alerts: boolean;
  timed: boolean;
}

type Registry = typeof CONCERN_REGISTRY;
export type ConcernName = keyof Registry;
type Having<Trait extends keyof ConcernTraits> = { [Name in ConcernName]: Registry[Name][Trait] extends true ? Name : never }[ConcernName];
/** A concern behind the HTTP API. */
export type ApiConcern = Having<'api'>;
/** A concern that raises alerts (an alert's `concern`, a timed matter's). */
export type AlertingConcern = Having<'alerts'>;
/** A concern with time limits the deadline workflow checks. */
export type TimedConcern = Having<'timed'>;

/** The names having a trait, in the registry's order. */
const having = <Name extends ConcernName>(trait: keyof ConcernTraits) =>
  (Object.keys(CONCERN_REGISTRY) as ConcernName[]).filter((name) => CONCERN_REGISTRY[name][trait]) as [Name, ...Name[]];

export const API_CONCERNS: readonly [ApiConcern, ...ApiConcern[]] = having<ApiConcern>('api');
export const ALERTING_CONCERNS: readonly [AlertingConcern, ...AlertingConcern[]] = having<AlertingConcern>('alerts');
export const TIMED_CONCERNS: readonly [TimedConcern, ...TimedConcern[]] = having<TimedConcern>('timed');
