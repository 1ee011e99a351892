/** The accountability rules, pure: the ladder, the deduction table, the appeal window, the watch's ids, the quarter's end. */
import { describe, expect, it } from 'vitest';
import {
  accountabilityDeduction,
  appealWindowClosed,
  decisionErrors,
  DEDUCTIONS,
  heaviest,
  isNoticed,
  MEASURES,
  sameDecider,
  sanctionCounts,
  watchCovers,
  watchUntil,
} from '../../functions/accountability/rules.ts';
import { derivedId } from '../../functions/accountability/watch.ts';
import { previousQuarter, quarterEnd } from '../../functions/accountability/rectification.ts';

describe('the sanction ladder', () => {
  it('names a person for the three heaviest measures only, and fits the sanctions to the outcome', () => {
    expect(decisionErrors('sanctioned', [])).toEqual([{ field: 'sanctions', message: expect.any(String) }]);
    expect(decisionErrors('not-substantiated', [{ measure: 'criticism-education' }])).toHaveLength(1);
    expect(decisionErrors('not-substantiated', [])).toEqual([]);
    const light = MEASURES.slice(0, 4).map((measure) => ({ measure }));
    expect(decisionErrors('sanctioned', light)).toEqual([]);
    const heavy = MEASURES.slice(4).map((measure) => ({ measure }));
    expect(decisionErrors('sanctioned', heavy).map((error) => error.field)).toEqual([
      'sanctions.0.person',
      'sanctions.1.person',
      'sanctions.2.person',
    ]);
    expect(decisionErrors('sanctioned', [{ measure: 'post-adjustment', person: '  ' }])).toHaveLength(1);
    expect(decisionErrors('sanctioned', [{ measure: 'post-adjustment', person: '刘某' }])).toEqual([]);
  });

  it('makes public (通报) from circulated criticism up, by the heaviest measure', () => {
    expect(heaviest(['admonishment-talk', 'criticism-education'])).toBe('admonishment-talk');
    expect(isNoticed(['criticism-education', 'written-self-examination'])).toBe(false);
    expect(isNoticed(['criticism-education', 'circulated-criticism'])).toBe(true);
    expect(isNoticed([])).toBe(false);
  });
});

describe('the deduction table', () => {
  it('takes more off for a heavier measure, and a withdrawal takes back exactly what was counted', () => {
    const points = MEASURES.map((measure) => DEDUCTIONS.measures[measure]);
    expect([...points].sort((a, b) => a - b)).toEqual(points);
    expect(new Set(points).size).toBe(points.length);
    const counted = sanctionCounts(['circulated-criticism', 'admonishment-talk', 'circulated-criticism']);
    expect(counted).toEqual({ sanctionCirculatedCriticism: 2, sanctionAdmonishmentTalk: 1 });
    expect(accountabilityDeduction({ ...counted, supervisionFindings: 2 })).toBe(2 * 5 + 8 + 2 * DEDUCTIONS.supervisionFinding);
    const back = sanctionCounts(['circulated-criticism', 'admonishment-talk', 'circulated-criticism'], -1);
    expect(
      accountabilityDeduction({ sanctionCirculatedCriticism: 2 + back.sanctionCirculatedCriticism!, sanctionAdmonishmentTalk: 0 }),
    ).toBe(0);
  });
});

describe('appeals', () => {
  it('close at the end of the window, and go to another supervisor', () => {
    const end = new Date('2026-03-10T00:00:00+08:00');
    expect(appealWindowClosed(new Date(end.getTime()), end)).toBeUndefined();
    expect(appealWindowClosed(new Date(end.getTime() + 1), end)?.rule).toBe('appeal-window-closed');
    expect(sameDecider('supervisor-wang', 'supervisor-wang')?.rule).toBe('same-decider');
    expect(sameDecider('supervisor-wang', 'supervisor-li')).toBeUndefined();
  });
});

describe('the retaliation watch', () => {
  it('covers 180 days from the complaint, and derives one flag id per act', () => {
    const complained = new Date('2026-01-01T02:00:00Z');
    const until = watchUntil(complained);
    expect(watchCovers(until, new Date(complained.getTime() + 180 * 86_400_000))).toBe(true);
    expect(watchCovers(until, new Date(complained.getTime() + 180 * 86_400_000 + 1))).toBe(false);
    const id = derivedId('retaliation-flag:inspection-filed:abc');
    expect(id).toBe(derivedId('retaliation-flag:inspection-filed:abc'));
    expect(id).not.toBe(derivedId('retaliation-flag:inspection-filed:abd'));
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });
});

describe('quarters', () => {
  it('end at midnight China time on the first day of the next quarter', () => {
    expect(quarterEnd('2026-Q4').toISOString()).toBe('2026-12-31T16:00:00.000Z');
    expect(quarterEnd('2026-Q1').toISOString()).toBe('2026-03-31T16:00:00.000Z');
    expect(previousQuarter('2027-Q1')).toBe('2026-Q4');
    expect(previousQuarter('2026-Q3')).toBe('2026-Q2');
  });
});
