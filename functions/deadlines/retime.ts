/**
 * A year's calendar changed (the office set it, or the shipped data published it): the running
 * matters with deadlines in that year are timed again. They are found in the index of running
 * watches (every deadline's start, kept until it escalates: a Query, never a Scan); each concern
 * re-times its own matter and restarts its watch under a new version if its instants moved.
 */
import { Logger } from '@aws-lambda-powertools/logger';
import * as z from 'zod/mini';
import { queryAll } from '#shared/data/db';
import { patterns } from '#shared/data/table';
import { addDays, startOfLocalDate } from '#shared/time/clock';
import { timedConcerns } from './concerns.ts';
import { matterCodec } from '#shared/outbox/matters';

/** A running watch: the deadline start effect that entered the watches list. */
const watchCodec = z.object({
  createdAt: z.string(),
  effect: z.object({
    matter: matterCodec,
  }),
});

const logger = new Logger({ serviceName: 'deadlines' });

/** Times again every watch running through `year`; answers how many moved. */
export async function retimeDeadlines(year: number, now: Date): Promise<number> {
  // Watches escalating after the year begins, started before it ends.
  const yearEnd = startOfLocalDate(addDays(`${year}-12-31`, 1)).toISOString();
  const watches = (
    await queryAll(patterns.watchesEscalatingFrom(startOfLocalDate(`${year}-01-01`).toISOString()), (item) => watchCodec.parse(item))
  ).filter((watch) => watch.createdAt < yearEnd);
  let moved = 0;
  for (const {
    effect: { matter },
  } of watches) {
    const retime = timedConcerns[matter.concern]?.retime;
    if (retime && (await retime(matter, now))) moved += 1;
  }
  logger.info('calendar changed: running matters timed again', { year, watches: watches.length, moved });
  return moved;
}
