/**
 * A running watch timed again on a changed calendar, the same way for every concern: read the
 * record, time its watch again, and if the instants moved, store the new timeline with the
 * restart of its deadline (stop the old watch, start the new) in one write; a few optimistic
 * rounds when the record changed meanwhile.
 */
import type { TransactItem } from '../data/db.ts';
import { newId } from '../data/ids.ts';
import type { Concern } from '../alerts/alerts.ts';
import type { Timeline } from '../time/calendar.ts';
import { retimed } from './calendar-store.ts';
import { restartDeadlineEffects } from './effects.ts';
import type { Matter } from './matters.ts';

/** Stops the watch of `from` and starts `to`'s on the new timeline, for the record's write. */
export type Restart = (from: Matter, to: Matter) => TransactItem[];

export async function retimeWatch<Record>(
  concern: Concern,
  now: Date,
  /**
   * The record and its watch's timeline while the matter is still the one watched and open; undefined when it is not.
   * `within` bounds a timeline as the matter's rule did when it started.
   */
  read: () => Promise<{ record: Record; timeline: Timeline; within?: (timeline: Timeline) => Timeline } | undefined>,
  /** Stores the new timeline with `restart`'s items; false when the record changed meanwhile. */
  write: (record: Record, timeline: Timeline, restart: Restart) => Promise<boolean>,
): Promise<boolean> {
  for (let attempt = 0; attempt < 3; attempt += 1) {
    const found = await read();
    if (!found) return false;
    const timeline = await retimed(found.timeline, concern, now, found.within);
    if (!timeline) return false;
    const restart: Restart = (from, to) => restartDeadlineEffects(from, to, timeline, 'the calendar changed', newId, now);
    if (await write(found.record, timeline, restart)) return true;
  }
  return false;
}
