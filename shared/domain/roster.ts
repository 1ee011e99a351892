/**
 * A department's ordered roster of posts (AB岗), pure. Posts are lettered by their place in the
 * roster (A, B, C...), but a matter is held by a person: moving on starts after the person who
 * holds it, wherever the roster now puts them, so reordering never hands a matter back to its
 * holder. A post is away when it says so (`available: false`) or on the dates of a declared
 * absence (外出告知).
 */
/** Dates inclusive; a declared absence (外出告知) also says why. */
import type { InvalidField } from './errors.ts';

export interface Absence {
  from: string;
  to: string;
  reason?: string;
}
export interface Handler {
  id: string;
  name: string;
  available: boolean;
  absences?: Absence[];
}
export interface Assignment {
  post: string;
  handlerId: string;
  handlerName: string;
  index: number;
}

export const postLetter = (index: number): string => String.fromCharCode(65 + index);
/** The department head's post is the last resort. */
export const HEAD_POST: Assignment = { post: 'head', handlerId: 'head', handlerName: 'Department head', index: Number.MAX_SAFE_INTEGER };

/** Whether the post can take matters on `on` (a local date, YYYY-MM-DD; absences are inclusive). */
export const isAvailable = (handler: Handler, on?: string): boolean =>
  handler.available && !(on && handler.absences?.some((absence) => absence.from <= on && on <= absence.to));

/**
 * The first available post after the person `after` (a handler id); from the top when not given.
 * A holder no longer on the roster is skipped, and the search starts from the top.
 */
export function nextPost(roster: readonly Handler[], options: { after?: string; on?: string } = {}): Assignment {
  const holderIndex = options.after === undefined ? -1 : roster.findIndex((handler) => handler.id === options.after);
  for (let index = holderIndex + 1; index < roster.length; index += 1) {
    const handler = roster[index] as Handler;
    if (handler.id !== options.after && isAvailable(handler, options.on)) {
      return { post: postLetter(index), handlerId: handler.id, handlerName: handler.name, index };
    }
  }
  return HEAD_POST;
}

/** Who answers for a matter that `holder` holds, with the holder it covers for when that differs. */
export type Holder = Assignment & { coveringFor?: Omit<Assignment, 'index'> };
/** A post as a matter keeps it: the person, without their place in the roster (posts move by identity). */
export type Post = Omit<Assignment, 'index'>;

/**
 * Who answers on `on` for a matter held by `holder`: the holder, unless their post is away that
 * day; then the next available post after them (AB岗), down to the department head. The holder
 * stays on record, so the matter is theirs again when the absence ends: an absence hands over
 * its matters for its dates only, as the 外出告知 says. A holder no longer on the roster, and the
 * head's post, keep their matters.
 */
export function effectiveHolder<H extends Post>(roster: readonly Handler[], holder: H, on: string): H | Holder {
  const index = roster.findIndex((handler) => handler.id === holder.handlerId);
  const current = roster[index];
  if (holder.post === HEAD_POST.post || !current || isAvailable(current, on)) return holder;
  const cover = nextPost(roster, { after: holder.handlerId, on });
  return { ...cover, coveringFor: { post: postLetter(index), handlerId: current.id, handlerName: current.name } };
}

/** An absence longer than a quarter, or further ahead than a year, is a change of roster, not a 外出告知. */
export const ABSENCE_LIMITS = { longestDays: 92, furthestAheadDays: 365 } as const;

const dayNumber = (date: string): number => Date.parse(`${date}T00:00:00Z`) / 86_400_000;

/** What is wrong with an absence's dates declared on `today` (all local dates), by field; empty when sane. */
export function absenceDateErrors(absence: Absence, today: string): InvalidField[] {
  const errors = [];
  if (absence.to < today) errors.push({ field: 'to', message: `Already over: an absence declared today (${today}) ends today or later` });
  if (dayNumber(absence.from) - dayNumber(today) > ABSENCE_LIMITS.furthestAheadDays)
    errors.push({ field: 'from', message: `At most ${ABSENCE_LIMITS.furthestAheadDays} days ahead` });
  if (dayNumber(absence.to) - dayNumber(absence.from) + 1 > ABSENCE_LIMITS.longestDays)
    errors.push({ field: 'to', message: `At most ${ABSENCE_LIMITS.longestDays} days long; a longer absence is a change of the roster` });
  return errors;
}
