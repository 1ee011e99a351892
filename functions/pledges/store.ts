/** The pledges concern's table access: conditional on the pledge's version. */
import * as z from 'zod/mini';
import { getRecord, newRecord, queryAll, queryPage, updateVersioned, writeAll, type Write } from '#shared/data/db';
import { keys, patterns } from '#shared/data/table';
import { decoderOf, stored, timelineCodec } from '#shared/data/codecs';
import type { MeasuredService } from '#shared/domain/evaluation';
import { pledgeFields, reviewFields } from './records.ts';

const reviewCodec = z.object({ ...reviewFields(stored), by: z.string(), byOffice: z.boolean() });
export type Review = z.infer<typeof reviewCodec>;

const pledgeCodec = z.object({
  ...pledgeFields(stored),
  /** The quarter whose evaluation counts this pledge as broken (taken back from there if reversed). */
  brokenCountedIn: z.optional(z.nullable(z.string())),
  createdAt: z.string(),
  createdBy: z.string(),
  version: z.number(),
  /** The due-date watch, until the office's verdict; its version goes up when it is timed again. */
  deadline: z.object({ timeline: timelineCodec, version: z.optional(z.number()) }),
  reviews: z.array(reviewCodec),
});
export type Pledge = z.infer<typeof pledgeCodec>;
const decodePledge = decoderOf(pledgeCodec);

export async function createPledge(pledge: Pledge, alongside: Write[]): Promise<void> {
  const indexes = keys.pledgeIndexes(pledge.department, pledge.dueDate, pledge.id);
  await writeAll([newRecord('pledge', { ...keys.pledge(pledge.id), ...indexes }, pledge), ...alongside]);
}

export const getPledge = (id: string): Promise<Pledge | undefined> => getRecord(keys.pledge(id), decodePledge);

/** Applies a change if the pledge is still at its version; false if someone else changed it first. */
export async function updatePledge(
  pledge: Pick<Pledge, 'id' | 'version'>,
  set: Partial<Pledge>,
  review: Review | undefined,
  alongside: Write[] = [],
): Promise<boolean> {
  return updateVersioned(keys.pledge(pledge.id), pledge.version, { set, append: { reviews: review ? [review] : [] } }, alongside);
}

export async function pledgesPage(dept: string | undefined, status: string | undefined, limit: number, cursor: string | undefined) {
  // "overdue" is a flag beside the status, not a status of its own.
  const filter = status === 'overdue' ? { overdue: true } : { status };
  return queryPage(dept ? patterns.pledgesOfDepartment(dept) : patterns.allPledges(), { limit, cursor, filter }, decodePledge);
}

const handledCodec = z.object({ workingDays: z.number() });

/** The working days each case of a measured service took, completed between two instants. */
export async function handledCases(dept: string, service: MeasuredService, from: string, to: string): Promise<number[]> {
  return queryAll(patterns.handledMatters(dept, service, from, to), (item) => handledCodec.parse(item).workingDays, {
    projection: ['workingDays'],
  });
}
