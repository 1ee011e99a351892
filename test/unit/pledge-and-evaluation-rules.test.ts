import { describe, expect, it } from 'vitest';
import { afterReview, brokenCount, measure } from '../../functions/pledges/rules.ts';
import { twoThirdsRule } from '../../functions/approvals/rules.ts';
import { lastPlaced, rank, scoreOf } from '../../functions/evaluations/rules.ts';
import { METRICS, quarterOf, type Figures } from '#shared/domain/evaluation';

describe('the two-thirds rule', () => {
  it('allows a pledged limit of at most two thirds of the statutory one, fractions compared exactly', () => {
    expect(twoThirdsRule(30, 20)).toBeUndefined();
    expect(twoThirdsRule(30, 20.5)?.rule).toBe('two-thirds-rule');
    expect(twoThirdsRule(10, 6)).toBeUndefined();
    expect(twoThirdsRule(10, 6.5)).toBeUndefined(); // 6.5 ≤ 6.67
    expect(twoThirdsRule(10, 6.67)).toMatchObject({ rule: 'two-thirds-rule', detail: expect.stringContaining('at most 6.66') });
    expect(twoThirdsRule(10, 7)?.rule).toBe('two-thirds-rule');
    expect(twoThirdsRule(1, 0.5)).toBeUndefined();
    expect(twoThirdsRule(3, 2)).toBeUndefined();
  });
});

describe('a measured pledge', () => {
  it('is judged from the share of real cases within the pledged limit', () => {
    expect(measure([0.5, 1, 2, 3.5], 2)).toEqual({ cases: 4, withinLimit: 3, share: 0.75, proposal: 'broken' });
    expect(measure(Array(9).fill(1).concat([5]), 2)).toMatchObject({ share: 0.9, proposal: 'kept' });
    expect(measure([], 2)).toEqual({ cases: 0, withinLimit: 0, share: null, proposal: null });
  });

  it("is final once the office says kept or broken, never on the department's word", () => {
    expect(afterReview('kept', true)).toEqual({ status: 'kept', final: true });
    expect(afterReview('in-progress', true)).toEqual({ status: 'in-progress', final: false });
    expect(afterReview('broken', false)).toEqual({ status: 'broken', final: false });
  });
});

const figures = (values: Partial<Figures>): Figures =>
  ({ ...Object.fromEntries(METRICS.map((metric) => [metric, 0])), ...values }) as Figures;

describe('the evaluation score', () => {
  it('starts at 100 and takes off the documented points', () => {
    expect(scoreOf(figures({}))).toBe(100);
    expect(scoreOf(figures({ complaintsReceived: 9, delayNotices: 3 }))).toBe(100);
    expect(scoreOf(figures({ complaintsSubstantiated: 1, breaches: 2, warnings: 3 }))).toBe(100 - 10 - 10 - 3);
    expect(scoreOf(figures({ brokenPledges: 1, visitsNotAllowed: 1, refusedFeeEntries: 1, rejectedFeeAttempts: 1 }))).toBe(
      100 - 8 - 5 - 3 - 2,
    );
    expect(scoreOf(figures({ handled: 4, handledInTime: 3 }))).toBe(95);
  });

  it('takes in the applications decided on time and the ratings (好差评)', () => {
    // 3 of 4 decided on time: 5 off; an average rating of 3.5: 4 × 1.5 = 6 off.
    expect(scoreOf(figures({ applicationsDecided: 4, applicationsOnTime: 3 }))).toBe(95);
    expect(scoreOf(figures({ ratings: 2, ratingPoints: 7, poorRatings: 0 }))).toBe(94);
    expect(scoreOf(figures({ applicationsDecided: 4, applicationsOnTime: 3, ratings: 2, ratingPoints: 7 }))).toBe(89);
    // Nothing decided or rated takes nothing off; all fives neither.
    expect(scoreOf(figures({ applicationsDecided: 2, applicationsOnTime: 2, ratings: 3, ratingPoints: 15 }))).toBe(100);
    expect(scoreOf(figures({ ratings: 1, ratingPoints: 1 }))).toBe(84);
  });

  it('ranks by score with ties sharing a rank, and names the last placed', () => {
    const ranked = rank(
      [
        { id: 'a', s: 90 },
        { id: 'b', s: 100 },
        { id: 'c', s: 90 },
        { id: 'd', s: 70 },
      ],
      (row) => row.s,
    );
    expect(ranked.map((entry) => [entry.row.id, entry.rank])).toEqual([
      ['b', 1],
      ['a', 2],
      ['c', 2],
      ['d', 4],
    ]);
    expect(lastPlaced(ranked).map((entry) => entry.row.id)).toEqual(['d']);
    expect(lastPlaced(rank([{ s: 100 }, { s: 100 }], (row) => row.s))).toEqual([]);
  });

  it('counts events in the China-time quarter', () => {
    expect(quarterOf(new Date('2026-09-30T16:30:00Z'))).toBe('2026-Q4'); // 1 October, 00:30 China time
    expect(quarterOf(new Date('2026-09-30T15:30:00Z'))).toBe('2026-Q3');
  });
});

describe('the broken-pledge count', () => {
  const quarter = quarterOf(new Date());
  it('counts a pledge once, in the quarter it is judged broken', () => {
    expect(brokenCount({ status: 'in-progress' }, 'broken', quarter)).toEqual({ writes: [{ quarter, delta: 1 }], set: { quarter } });
    expect(brokenCount({ status: 'broken', brokenCountedIn: quarter }, 'broken', quarter)).toEqual({ writes: [] });
  });
  it('takes a reversal back from the quarter the pledge was counted in, not the quarter of the reversal', () => {
    expect(brokenCount({ status: 'broken', brokenCountedIn: 'earlier-quarter' }, 'kept', quarter)).toEqual({
      writes: [{ quarter: 'earlier-quarter', delta: -1 }],
      set: { quarter: null },
    });
    expect(brokenCount({ status: 'broken' }, 'kept', quarter)).toEqual({ writes: [], set: { quarter: null } });
    expect(brokenCount({ status: 'kept' }, 'kept', quarter)).toEqual({ writes: [] });
  });
});
