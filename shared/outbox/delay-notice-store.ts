/** What a delay notice (滞后反馈告知) writes beside the matter it moves. */
import type { TransactItem } from '../data/db.ts';
import { restartDeadlineEffects } from './effects.ts';
import type { Matter } from './matters.ts';
import type { Timeline } from '../time/calendar.ts';
import type { Deps } from '../domain/deps.ts';
import { countIn } from '../domain/evaluation.ts';

/**
 * What a delay notice writes beside the matter: it counts in the department's quarter, and the
 * matter's watch restarts on the new timeline (`from` stopped, `to` started).
 */
export const delayNoticeWrites = (dept: string, from: Matter, to: Matter, timeline: Timeline, { now, newId }: Deps): TransactItem[] => [
  countIn(dept, now, { delayNotices: 1 }),
  ...restartDeadlineEffects(from, to, timeline, 'delay notice given', newId, now),
];
