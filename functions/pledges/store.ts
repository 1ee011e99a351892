/** The pledges concern's table access: conditional on the pledge's version. */
import * as z from 'zod/mini';
import { getRecord, newRecord, queryAll, queryPage, updateVersioned, writeAll, type Write } from '#shared/data/db';
import { keys, patterns } from '#shared/data/table';
import { decoderOf, timelineCodec } from '#shared/data/codecs';
import type { Timeline } from '#shared/time/calendar';
import type { MeasuredService } from '#shared/domain/evaluation';
import { PLEDGE_STATUSES, PLEDGE_VERDICTS, type PledgeStatus, type PledgeVerdict } from './rules.ts';

export interface Review {
  verdict: PledgeVerdict;
  evidence: string;
  at: string;
  by: string;
  byOffice: boolean;
}

export interface Pledge {
  id: string;
  department: string;
  title: string;
  description: string;
  dueDate: string;
  serviceCode?: string;
  statutoryLimitDays?: number;
  pledgedLimitDays?: number;
  status: PledgeStatus;
  final: boolean;
  overdue: boolean;
  /** The quarter whose evaluation counts this pledge as broken (taken back from there if reversed). */
  brokenCountedIn?: string | null;
  createdAt: string;
  createdBy: string;
  version: number;
  /** The due-date watch, until the office's verdict; its version goes up when it is timed again. */
  deadline: { timeline: Timeline; version?: number };
  reviews: Review[];
}

const pledgeCodec: z.ZodMiniType<Pledge> = z.object({
  id: z.string(),
  department: z.string(),
  title: z.string(),
  description: z.string(),
  dueDate: z.string(),
  serviceCode: z.optional(z.string()),
  statutoryLimitDays: z.optional(z.number()),
  pledgedLimitDays: z.optional(z.number()),
  status: z.enum(PLEDGE_STATUSES),
  final: z.boolean(),
  overdue: z.boolean(),
  brokenCountedIn: z.optional(z.nullable(z.string())),
  createdAt: z.string(),
  createdBy: z.string(),
  version: z.number(),
  deadline: z.object({ timeline: timelineCodec, version: z.optional(z.number()) }),
  reviews: z.array(
    z.object({ verdict: z.enum(PLEDGE_VERDICTS), evidence: z.string(), at: z.string(), by: z.string(), byOffice: z.boolean() }),
  ),
});
const decodePledge = decoderOf(pledgeCodec);

export async function createPledge(pledge: Pledge, alongside: Write[]): Promise<void> {
  const indexes = keys.pledgeIndexes(pledge.department, pledge.dueDate, pledge.id);
  await writeAll([newRecord('pledge', { ...keys.pledge(pledge.id), ...indexes }, pledge), ...alongside]);
}

export async function getPledge(id: string): Promise<Pledge | undefined> {
  return getRecord(keys.pledge(id), decodePledge);
}

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
