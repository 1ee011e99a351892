/**
 * The applications concern's table access. Every change is a conditional update on the
 * application's version, so a decision and a reassignment cannot both win.
 */
import type { DelayNotice } from '#shared/domain/delay-notice';
import * as z from 'zod/mini';
import { getRecord, newRecord, queryPage, timelineUpdate, writeAll, type PageRequest, type Write } from '#shared/data/db';
import { keys, lists, patterns, type Scope } from '#shared/data/table';
import { decoderOf, stored, timelineCodec } from '#shared/data/codecs';
import type { Timeline } from '#shared/time/calendar';
import type { Assignment } from '#shared/domain/roster';
import type { Matter } from '#shared/outbox/matters';
import { APPLICATION_DECISIONS, type ApplicationDecision, type ApplicationStatus } from './rules.ts';
import { applicationFields } from './records.ts';

/** The post holding the work (its place in the roster is not kept: posts move by identity). */
export type Post = Pick<Assignment, 'post' | 'handlerId' | 'handlerName'>;
export const postOf = ({ post, handlerId, handlerName }: Assignment): Post => ({ post, handlerId, handlerName });

export interface TimelineEvent {
  at: string;
  event: string;
  text: string;
}

export interface Application {
  id: string;
  itemCode: string;
  itemName: string;
  dept: string;
  enterpriseId: string;
  materials: string[];
  status: ApplicationStatus;
  receivedAt: string;
  /** Who filed it: the enterprise, a clerk at the window, or the assistance centre for a case (代办). */
  filedBy: { sub: string; role: 'enterprise' | 'department' | 'service-centre'; caseId?: string };
  version: number;
  /** The item's limits when the application was filed. */
  limits: { statutoryDays: number; pledgedDays: number };
  assignedTo: Post;
  owner?: { sub: string; at: string };
  notice?: { missing: string[]; at: string; by: string };
  acceptedAt?: string;
  deadline?: string;
  statutoryDeadline?: string;
  /** The running deadline watch (version 2 after a delay notice). */
  watch?: { version: number; timeline: Timeline };
  delayNotice?: DelayNotice;
  decision?: { decision: ApplicationDecision; reason: string; at: string; by: string; onTime: boolean; workingDays: number };
  rating?: { score: number; comment?: string; at: string };
  timeline: TimelineEvent[];
}

/** The deadline watch of an accepted application: its decision is due. */
export const decisionMatter = (application: Pick<Application, 'id' | 'dept'>, version: number): Matter => ({
  concern: 'applications',
  kind: 'decision',
  id: application.id,
  version,
  department: application.dept,
});

const postCodec = z.object({ post: z.string(), handlerId: z.string(), handlerName: z.string() });
const applicationCodec: z.ZodMiniType<Application> = z.object({
  ...applicationFields(stored),
  filedBy: z.object({ sub: z.string(), role: z.enum(['enterprise', 'department', 'service-centre']), caseId: z.optional(z.string()) }),
  version: z.number(),
  limits: z.object({ statutoryDays: z.number(), pledgedDays: z.number() }),
  assignedTo: postCodec,
  owner: z.optional(z.object({ sub: z.string(), at: z.string() })),
  notice: z.optional(z.object({ missing: z.array(z.string()), at: z.string(), by: z.string() })),
  acceptedAt: z.optional(z.string()),
  deadline: z.optional(z.string()),
  statutoryDeadline: z.optional(z.string()),
  watch: z.optional(z.object({ version: z.number(), timeline: timelineCodec })),
  delayNotice: z.optional(z.object({ reason: z.string(), expectedBy: z.string(), at: z.string() })),
  decision: z.optional(
    z.object({
      decision: z.enum(APPLICATION_DECISIONS),
      reason: z.string(),
      at: z.string(),
      by: z.string(),
      onTime: z.boolean(),
      workingDays: z.number(),
    }),
  ),
  rating: z.optional(z.object({ score: z.number(), comment: z.optional(z.string()), at: z.string() })),
  timeline: z.array(z.object({ at: z.string(), event: z.string(), text: z.string() })),
});
const clean = decoderOf(applicationCodec);

export const getApplication = (id: string): Promise<Application | undefined> => getRecord(keys.application(id), clean);

export function newApplicationWrite(application: Application): Write {
  const { id, dept, enterpriseId, receivedAt } = application;
  const indexes = lists.applications.entries({ dept, enterpriseId, at: new Date(receivedAt).toISOString(), id });
  return newRecord('application', { ...keys.application(id), ...indexes }, application);
}

/** Writes a new application with what goes alongside; throws if its id exists (never: ids are fresh). */
export async function insertApplication(application: Application, alongside: Write[] = []): Promise<void> {
  await writeAll([newApplicationWrite(application), ...alongside]);
}

/**
 * Applies a change if the application is still at `version`: sets the fields, appends the
 * timeline events, bumps the version, with `alongside` in the same transaction. False when
 * someone else changed it first.
 */
export const updateApplication = timelineUpdate<Application>(keys.application);

export type ApplicationListing = Scope;

/** A page of applications, newest received first; status and (beyond a department's own list) department narrow it. */
export async function applicationsPage(listing: ApplicationListing, query: { status?: string; dept?: string } & PageRequest) {
  const filter = { status: query.status, dept: listing.by === 'department' ? undefined : query.dept };
  return queryPage(patterns.applications(listing), { limit: query.limit, cursor: query.cursor, filter }, clean);
}
