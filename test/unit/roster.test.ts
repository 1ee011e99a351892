import { describe, expect, it } from 'vitest';
import { addDays, localDate } from '#shared/time/clock';
import { ABSENCE_LIMITS, absenceDateErrors, effectiveHolder, HEAD_POST, nextPost, type Handler } from '#shared/domain/roster';

const zhang: Handler = { id: 'zhang', name: 'Zhang Wei', available: true };
const li: Handler = { id: 'li', name: 'Li Na', available: false };
const wang: Handler = { id: 'wang', name: 'Wang Fang', available: true };
const zhao: Handler = { id: 'zhao', name: 'Zhao Lei', available: true };

describe('A/B/C posts (AB岗)', () => {
  it('assigns the first available post', () => {
    expect(nextPost([zhang, li, wang])).toEqual({ post: 'A', handlerId: 'zhang', handlerName: 'Zhang Wei', index: 0 });
    expect(nextPost([{ ...zhang, available: false }, li, wang])).toMatchObject({ post: 'C', handlerId: 'wang' });
  });

  it('moves on past an absent post, and to the department head when no post is left', () => {
    expect(nextPost([zhang, li, wang], { after: 'zhang' })).toMatchObject({ post: 'C', handlerId: 'wang' });
    expect(nextPost([zhang, li, wang], { after: 'wang' })).toEqual(HEAD_POST);
    expect(nextPost([])).toEqual(HEAD_POST);
  });

  it('moves a matter on by the person who holds it, not by the place they had when it was assigned', () => {
    // Assigned to Zhang at post A; the roster is then reordered to Wang, Zhang, Zhao.
    // By position (after index 0) it would land on Zhang again; by identity it goes to Zhao.
    expect(nextPost([wang, zhang, zhao], { after: 'zhang' })).toMatchObject({ post: 'C', handlerId: 'zhao' });
    // Zhang moved to the top: the matter goes to the next post below him, not back past him.
    expect(nextPost([zhang, wang, zhao], { after: 'zhang' })).toMatchObject({ post: 'B', handlerId: 'wang' });
  });

  it('never hands a matter back to its holder, even when the holder left the roster or is the only one', () => {
    expect(nextPost([wang, zhao], { after: 'zhang' })).toMatchObject({ post: 'A', handlerId: 'wang' });
    expect(nextPost([zhang], { after: 'zhang' })).toEqual(HEAD_POST);
  });

  it('passes over a post on the dates of its declared absence (外出告知), inclusive, and only then', () => {
    const day = (offset: number) => addDays(localDate(new Date()), offset);
    const away = { ...zhang, absences: [{ from: day(1), to: day(3) }] };
    expect(nextPost([away, wang], { on: day(0) })).toMatchObject({ handlerId: 'zhang' });
    expect(nextPost([away, wang], { on: day(1) })).toMatchObject({ post: 'B', handlerId: 'wang' });
    expect(nextPost([away, wang], { on: day(3) })).toMatchObject({ handlerId: 'wang' });
    expect(nextPost([away, wang], { on: day(4) })).toMatchObject({ handlerId: 'zhang' });
  });
});

describe('who answers while a post is away (外出告知)', () => {
  const today = localDate(new Date());
  const held = nextPost([zhang, wang, zhao]);

  it('is the holder on a day they are in, the next available post on a day of their absence', () => {
    const away = { ...zhang, absences: [{ from: today, to: addDays(today, 1) }] };
    expect(effectiveHolder([away, wang, zhao], held, addDays(today, -1))).toEqual(held);
    expect(effectiveHolder([away, wang, zhao], held, today)).toMatchObject({
      post: 'B',
      handlerId: 'wang',
      coveringFor: { post: 'A', handlerId: 'zhang' },
    });
    expect(effectiveHolder([away, { ...wang, available: false }, zhao], held, addDays(today, 1))).toMatchObject({
      post: 'C',
      handlerId: 'zhao',
    });
    expect(effectiveHolder([away, wang, zhao], held, addDays(today, 2))).toEqual(held);
  });

  it("leaves the head's matters and those of a holder no longer on the roster where they are", () => {
    expect(effectiveHolder([wang], held, today)).toEqual(held);
    expect(effectiveHolder([{ ...zhang, available: false }], HEAD_POST, today)).toEqual(HEAD_POST);
    expect(effectiveHolder([{ ...zhang, available: false }], held, today)).toEqual({
      ...HEAD_POST,
      coveringFor: { post: 'A', handlerId: 'zhang', handlerName: 'Zhang Wei' },
    });
  });

  it('takes absences that end today or later, at most a quarter long and a year ahead', () => {
    expect(absenceDateErrors({ from: addDays(today, -3), to: today }, today)).toEqual([]);
    expect(absenceDateErrors({ from: today, to: addDays(today, ABSENCE_LIMITS.longestDays - 1) }, today)).toEqual([]);
    expect(absenceDateErrors({ from: today, to: addDays(today, ABSENCE_LIMITS.longestDays) }, today)).toEqual([
      expect.objectContaining({ field: 'to' }),
    ]);
    expect(absenceDateErrors({ from: addDays(today, -3), to: addDays(today, -1) }, today)).toEqual([
      expect.objectContaining({ field: 'to' }),
    ]);
    expect(
      absenceDateErrors(
        { from: addDays(today, ABSENCE_LIMITS.furthestAheadDays + 1), to: addDays(today, ABSENCE_LIMITS.furthestAheadDays + 1) },
        today,
      ),
    ).toEqual([expect.objectContaining({ field: 'from' })]);
  });
});
