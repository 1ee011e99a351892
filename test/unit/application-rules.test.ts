import { describe, expect, it } from 'vitest';
import { medianFromHistogram, twoThirdsRule } from '#functions/approvals/rules';
import { officialCalendar, workingDays } from '#shared/time/calendar';
import {
  applicationDelayRule,
  applicationTimeline,
  decisionRecord,
  oneTimeNoticeRule,
  ratingAlertsOffice,
  ratingRule,
  statutoryDeadline,
} from '../../functions/applications/rules.ts';

// The published State Council calendar: the National Day week off, Saturday 10 October worked (调休).
const isWorkingDay = workingDays([officialCalendar(2026)!]);
const cst = (local: string) => new Date(`${local}+08:00`);
const iso = (local: string) => cst(local).toISOString();

describe('the catalogue: a pledge cuts the statutory limit by at least a third', () => {
  it('accepts two thirds or less, and refuses more with the rule named', () => {
    expect(twoThirdsRule(9, 6)).toBeUndefined();
    expect(twoThirdsRule(20, 13)).toBeUndefined();
    expect(twoThirdsRule(20, 14)).toMatchObject({
      rule: 'two-thirds-rule',
      detail: 'The statutory limit is 20 working days, so the pledge may promise at most 13.33 (13 whole days); 14 was given.',
    });
    expect(twoThirdsRule(9, 7)).toMatchObject({ rule: 'two-thirds-rule' });
  });
});

describe('the time limits of an application, in working days from acceptance', () => {
  it('cross the National Day holiday and count its 调休 Saturday', () => {
    const timeline = applicationTimeline(cst('2026-09-28T10:00:00'), { statutoryDays: 9, pledgedDays: 6 }, isWorkingDay);
    expect(timeline).toMatchObject({
      warnAt: iso('2026-10-09T10:00:00'), // 4 working days: 29, 30 Sept, 8, 9 Oct
      deadline: iso('2026-10-12T10:00:00'), // + Saturday 10 Oct (worked) and Monday 12 Oct
      escalateAt: iso('2026-10-15T10:00:00'), // the statutory 9 working days
    });
    expect(statutoryDeadline(cst('2026-09-28T10:00:00'), { statutoryDays: 9, pledgedDays: 6 }, isWorkingDay).toISOString()).toBe(
      timeline.escalateAt,
    );
  });

  it('skip an ordinary weekend, and warn at two thirds counted in working time', () => {
    const timeline = applicationTimeline(cst('2026-11-27T10:00:00'), { statutoryDays: 3, pledgedDays: 2 }, isWorkingDay);
    expect(timeline).toMatchObject({
      warnAt: iso('2026-11-30T18:00:00'),
      deadline: iso('2026-12-01T10:00:00'),
      escalateAt: iso('2026-12-02T10:00:00'),
    });
  });
});

describe('the one-time notice (一次性告知)', () => {
  it('is given once, before acceptance, naming what is missing; a second is refused', () => {
    expect(oneTimeNoticeRule({ status: 'received', noticeGiven: false, missing: ['site plan', 'fire safety opinion'] })).toBeUndefined();
    expect(oneTimeNoticeRule({ status: 'incomplete', noticeGiven: true, missing: ['lease'] })).toMatchObject({
      rule: 'one-time-notice-given',
    });
    expect(oneTimeNoticeRule({ status: 'accepted', noticeGiven: false, missing: ['lease'] })).toMatchObject({
      rule: 'not-awaiting-acceptance',
    });
    expect(oneTimeNoticeRule({ status: 'received', noticeGiven: false, missing: [] })).toMatchObject({ rule: 'nothing-missing' });
  });
});

describe('the delay notice of an application', () => {
  const deadline = cst('2026-10-12T10:00:00');
  const statutoryEnd = cst('2026-10-15T10:00:00');
  const base = { status: 'accepted' as const, now: cst('2026-10-09T09:00:00'), deadline, statutoryEnd, alreadyGiven: false };

  it('moves the deadline once, before it passes, up to the statutory limit', () => {
    expect(applicationDelayRule({ ...base, expectedBy: statutoryEnd })).toBeUndefined();
    expect(applicationDelayRule({ ...base, expectedBy: statutoryEnd, alreadyGiven: true })).toMatchObject({ rule: 'delay-notice-given' });
    expect(applicationDelayRule({ ...base, now: deadline, expectedBy: statutoryEnd })).toMatchObject({ rule: 'limit-passed' });
    expect(applicationDelayRule({ ...base, expectedBy: cst('2026-10-15T10:00:01') })).toMatchObject({ rule: 'past-statutory-limit' });
    expect(applicationDelayRule({ ...base, expectedBy: deadline })).toMatchObject({ rule: 'delay-not-later' });
    expect(applicationDelayRule({ ...base, status: 'decided', expectedBy: statutoryEnd })).toMatchObject({ rule: 'not-accepted' });
  });
});

describe('a decision and its rating', () => {
  it('records on time and the working days taken, holidays not counted', () => {
    expect(decisionRecord(cst('2026-09-28T10:00:00'), cst('2026-10-09T10:00:00'), cst('2026-10-12T10:00:00'), isWorkingDay)).toEqual({
      onTime: true,
      workingDays: 4,
    });
    expect(decisionRecord(cst('2026-09-28T10:00:00'), cst('2026-10-13T10:00:00'), cst('2026-10-12T10:00:00'), isWorkingDay)).toEqual({
      onTime: false,
      workingDays: 7,
    });
  });

  it('is rated once, after the decision, 1 to 5; 1 and 2 alert the office', () => {
    expect(ratingRule({ status: 'decided', alreadyRated: false, score: 5 })).toBeUndefined();
    expect(ratingRule({ status: 'accepted', alreadyRated: false, score: 5 })).toMatchObject({ rule: 'not-decided' });
    expect(ratingRule({ status: 'decided', alreadyRated: true, score: 4 })).toMatchObject({ rule: 'already-rated' });
    expect(ratingRule({ status: 'decided', alreadyRated: false, score: 6 })).toMatchObject({ rule: 'score-out-of-range' });
    expect(ratingRule({ status: 'decided', alreadyRated: false, score: 2.5 })).toMatchObject({ rule: 'score-out-of-range' });
    expect([1, 2, 3, 4, 5].map(ratingAlertsOffice)).toEqual([true, true, false, false, false]);
  });
});

describe("the catalogue's median, from the histogram kept with each decision", () => {
  it('is the middle decision, or the mean of the two middle ones; none without decisions', () => {
    expect(medianFromHistogram({})).toBeNull();
    expect(medianFromHistogram({ 3: 0 })).toBeNull();
    expect(medianFromHistogram({ 2: 1, 5: 1, 9: 1 })).toBe(5);
    expect(medianFromHistogram({ 2: 2, 4: 2 })).toBe(3);
    expect(medianFromHistogram({ 10: 1, 1: 3 })).toBe(1);
  });
});
