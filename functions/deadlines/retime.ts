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
import type { Concern } from '#shared/alerts/alert-types';
import type { MatterRetime } from '#shared/outbox/deadline-checks';
import { matterCodec } from '#shared/outbox/matters';
import { retimeComplaintMatter } from '../complaints/retime.ts';
import { retimePledgeMatter } from '../pledges/retime.ts';
import { retimeApplicationMatter } from '../applications/retime.ts';

/** A running watch: the deadline start effect that entered the watches list. */
const watchCodec = z.object({
  createdAt: z.string(),
  effect: z.object({
    matter: matterCodec,
  }),
});

const logger = new Logger({ serviceName: 'deadlines' });

// Inspections' approval limits are not re-timed yet: they last a working day or two.
const retimers: Partial<Record<Concern, MatterRetime>> = {
  complaints: retimeComplaintMatter,
  pledges: retimePledgeMatter,
  applications: retimeApplicationMatter,
};

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
    const retime = retimers[matter.concern];
    if (retime && (await retime(matter, now))) moved += 1;
  }
  logger.info('calendar changed: running matters timed again', { year, watches: watches.length, moved });
  return moved;
}
