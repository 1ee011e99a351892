/**
 * One registry of concerns (shared/concerns.ts): the alert types, the deadline workflow's checks
 * and the Lambdas of CDK and the local runtime are each exactly the registry's concerns with the
 * matching trait, so a concern added in one place and forgotten in another fails here.
 */
import { describe, expect, it } from 'vitest';
import { ALERTING_CONCERNS, apiConcerns, QUIET_CONCERNS, TIMED_CONCERNS } from '#shared/concerns';
import { CONCERNS } from '#shared/alerts/alert-types';
import { concerns } from '../../infra/concerns.ts';
import { timedConcerns } from '../../functions/deadlines/concerns.ts';

const sorted = (names: Iterable<string>) => [...names].sort();

describe('the registry of concerns', () => {
  it('gives the alert types: the concerns that raise alerts, in its order', () => {
    expect(CONCERNS).toEqual(ALERTING_CONCERNS);
  });

  it('names each concern once', () => {
    expect(new Set(apiConcerns()).size).toBe(ALERTING_CONCERNS.length + QUIET_CONCERNS.length);
  });

  it('has a Lambda with routes for each API concern, and none besides', () => {
    expect(sorted(concerns.map(({ name }) => name))).toEqual(sorted(apiConcerns()));
    expect(new Set(concerns.map(({ name }) => name)).size).toBe(concerns.length);
  });

  it('has a deadline check for each timed concern, and none besides', () => {
    expect(sorted(Object.keys(timedConcerns))).toEqual(sorted(TIMED_CONCERNS));
    for (const name of TIMED_CONCERNS) expect(timedConcerns[name]?.check).toBeTypeOf('function');
  });

  it('names only alerting concerns as timed (a timed matter raises its alerts under its concern)', () => {
    for (const name of TIMED_CONCERNS) expect(ALERTING_CONCERNS).toContain(name);
  });
});
