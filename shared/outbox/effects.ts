/**
 * The outbox: what a request wants done beyond the table (publish an alert, start or stop a
 * deadline execution) is written as an item in the same transaction as the change itself. The
 * table's stream hands each new item to the effects function, which does it, with retries. So a
 * change and its effects cannot part: no alert lost after a commit, no watch without a matter.
 */
import { put, type TransactItem } from '../data/db.ts';
import { keys, TABLE } from '../data/table.ts';
import type { Timeline } from '../time/calendar.ts';
import * as z from 'zod/mini';
import { matterCodec, type Matter } from './matters.ts';
import { timelineCodec } from '../data/codecs.ts';
import { alertCodec } from '../alerts/alert-record.ts';
import type { Alert } from '../alerts/alerts.ts';

export type Effect =
  | { type: 'publish-alert'; alert: Alert }
  | { type: 'start-deadline'; matter: Matter; timeline: Timeline }
  | { type: 'stop-deadline'; matter: Matter; cause: string }
  /** A year's calendar changed: time its running matters again (functions/deadlines/retime.ts). */
  | { type: 'retime-deadlines'; year: number };

/** An outbox item's effect, decoded by the worker that does it. */
export const effectCodec: z.ZodMiniType<Effect> = z.discriminatedUnion('type', [
  z.object({ type: z.literal('publish-alert'), alert: alertCodec }),
  z.object({ type: z.literal('start-deadline'), matter: matterCodec, timeline: timelineCodec }),
  z.object({ type: z.literal('stop-deadline'), matter: matterCodec, cause: z.string() }),
  z.object({ type: z.literal('retime-deadlines'), year: z.number() }),
]);

/** Outbox items are kept a week for inspection (a deadline's start, a week after it escalates), then expire. */
const KEEP_SECONDS = 7 * 24 * 3600;

export function effectWrite(effect: Effect, id: string, now: Date): TransactItem {
  // A deadline's start is also its entry in the index of running watches, kept until it escalates.
  const watch = effect.type === 'start-deadline' ? keys.watchIndex(effect.timeline.escalateAt, id) : {};
  const keepUntil = Math.max(now.getTime(), effect.type === 'start-deadline' ? Date.parse(effect.timeline.escalateAt) : 0);
  return put(
    {
      ...keys.outbox(id),
      ...watch,
      type: 'effect',
      effect,
      createdAt: now.toISOString(),
      [TABLE.ttlAttribute]: Math.floor(keepUntil / 1000) + KEEP_SECONDS,
    },
    { ifNew: true },
  );
}

export const startDeadlineEffect = (matter: Matter, timeline: Timeline, id: string, now: Date) =>
  effectWrite({ type: 'start-deadline', matter, timeline }, id, now);
export const stopDeadlineEffect = (matter: Matter, cause: string, id: string, now: Date) =>
  effectWrite({ type: 'stop-deadline', matter, cause }, id, now);

/** A watch moved to a new timeline: the old version's execution stops (for `cause`), the new version's starts. */
export const restartDeadlineEffects = (from: Matter, to: Matter, timeline: Timeline, cause: string, newId: () => string, now: Date) => [
  stopDeadlineEffect(from, cause, newId(), now),
  startDeadlineEffect(to, timeline, newId(), now),
];
