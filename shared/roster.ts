/**
 * A department's ordered roster of posts (AB岗), pure. Posts are lettered by their place in the
 * roster (A, B, C...), but a matter is held by a person: moving on starts after the person who
 * holds it, wherever the roster now puts them, so reordering never hands a matter back to its
 * holder. A post is away when it says so (`available: false`) or on the dates of a declared
 * absence (外出告知).
 */
export interface Absence { from: string; to: string }
export interface Handler { id: string; name: string; available: boolean; absences?: Absence[] }
export interface Assignment { post: string; handlerId: string; handlerName: string; index: number }

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
