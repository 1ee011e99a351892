/**
 * A year's calendar changed (the office set it, or the shipped data published it): the running
 * matters with deadlines in that year are timed again. They are found in the index of running
 * watches (every deadline's start, kept until it escalates: a Query, never a Scan); each concern
 * re-times its own matter and restarts its watch under a new version if its instants moved.
 */
import { Logger } from '@aws-lambda-powertools/logger';
import { queryAll, tableName } from '#shared/db';
import { keys, TABLE } from '#shared/table';
import { addDays, startOfLocalDate } from '#shared/clock';
import type { Concern } from '#shared/alert-types';
import type { MatterRetime } from '#shared/deadline-checks';
import type { Matter } from '#shared/matters';
import { retimeComplaintMatter } from '../complaints/retime.ts';
import { retimePledgeMatter } from '../pledges/retime.ts';
import { retimeApplicationMatter } from '../applications/retime.ts';

const logger = new Logger({ serviceName: 'deadlines' });

// Inspections' approval limits are not re-timed yet: they last a working day or two.
const retimers: Partial<Record<Concern, MatterRetime>> = {
  complaints: retimeComplaintMatter,
  pledges: retimePledgeMatter,
  applications: retimeApplicationMatter,
};

/** Times again every watch running through `year`; answers how many moved. */
export async function retimeDeadlines(year: number, now: Date): Promise<number> {
  const index = TABLE.indexes.byThirdParent;
  // Watches escalating after the year begins, started before it ends.
  const watches = await queryAll({
    TableName: tableName, IndexName: index.name,
    KeyConditionExpression: `${index.partitionKey} = :watches AND ${index.sortKey} >= :from`,
    FilterExpression: 'createdAt < :to',
    ExpressionAttributeValues: { ':watches': keys.watchesPartition, ':from': startOfLocalDate(`${year}-01-01`).toISOString(), ':to': startOfLocalDate(addDays(`${year}-12-31`, 1)).toISOString() },
  });
  let moved = 0;
  for (const watch of watches) {
    const matter = (watch.effect as { matter: Matter }).matter;
    const retime = retimers[matter.concern];
    if (retime && (await retime(matter, now))) moved += 1;
  }
  logger.info('calendar changed: running matters timed again', { year, watches: watches.length, moved });
  return moved;
}
