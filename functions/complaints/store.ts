/**
 * The complaints concern's table access. Every change is a conditional update on the
 * complaint's version, so a department's answer and a reassignment cannot both win.
 */
import * as z from 'zod/mini';
import { getRecord, queryPage, timelineUpdate } from '#shared/data/db';
import { keys, patterns } from '#shared/data/table';
import { decoderOf, timelineCodec } from '#shared/data/codecs';
import { COMPLAINT_CATEGORIES, COMPLAINT_STATUSES } from './rules.ts';
import type { Complaint } from './intake.ts';

export type StoredComplaint = Complaint & { trackingHash: string };

const complaintCodec: z.ZodMiniType<StoredComplaint> = z.object({
  id: z.string(),
  againstDept: z.string(),
  category: z.enum(COMPLAINT_CATEGORIES),
  description: z.string(),
  source: z.enum(['public', 'fee-refusal', 'inspection-visit']),
  occurredAt: z.optional(z.string()),
  person: z.optional(z.string()),
  complainant: z.optional(z.object({ sub: z.optional(z.string()), enterpriseId: z.optional(z.string()), contact: z.optional(z.string()) })),
  subject: z.optional(z.object({ type: z.string(), id: z.string() })),
  routedTo: z.enum(['supervisors', 'department']),
  status: z.enum(COMPLAINT_STATUSES),
  receivedAt: z.string(),
  version: z.number(),
  limits: z.object({ acknowledgeDays: z.number(), resolveDays: z.number() }),
  assignment: z.optional(z.object({ post: z.string(), handlerId: z.string(), handlerName: z.string(), index: z.number() })),
  owner: z.optional(z.object({ sub: z.string(), post: z.string(), at: z.string() })),
  deadlines: z.object({
    acknowledgement: z.optional(z.object({ version: z.number(), timeline: timelineCodec })),
    resolution: z.object({ version: z.number(), timeline: timelineCodec, originalDeadline: z.optional(z.string()) }),
  }),
  delayNotice: z.optional(z.object({ reason: z.string(), expectedBy: z.string(), at: z.string() })),
  resolution: z.optional(z.object({ summary: z.string(), at: z.string(), by: z.string() })),
  verdict: z.optional(
    z.object({ finding: z.enum(['substantiated', 'unsubstantiated']), action: z.string(), at: z.string(), by: z.string() }),
  ),
  timeline: z.array(z.object({ at: z.string(), event: z.string(), public: z.boolean(), text: z.string() })),
  trackingHash: z.string(),
});
const decodeComplaint = decoderOf(complaintCodec);

export const getComplaint = (id: string): Promise<StoredComplaint | undefined> => getRecord(keys.complaint(id), decodeComplaint);

const trackingCodec = z.object({ complaintId: z.string() });

export const complaintIdForTrackingHash = (hash: string): Promise<string | undefined> =>
  getRecord(keys.tracking(hash), (item) => trackingCodec.parse(item).complaintId, { consistentRead: false });

/**
 * Applies a change to a complaint if it is still at `version`: sets the given fields, appends
 * the timeline events and bumps the version. False when someone else changed it first.
 * Written alongside in the same transaction: the evaluation's counters, the log of handled matters.
 */
export const updateComplaint = timelineUpdate<Complaint>(keys.complaint);

export type ComplaintListing =
  | { by: 'department'; dept: string; departmentRoutedOnly: boolean }
  | { by: 'all' }
  /** The complaints an enterprise made (intake with its token, refused charges, unlawful visits), optionally against one department. */
  | { by: 'enterprise'; enterpriseId: string; againstDept?: string };

export async function complaintsPage(listing: ComplaintListing, status: string | undefined, limit: number, cursor: string | undefined) {
  const pattern = patterns.complaints(listing);
  const filter = {
    status,
    routedTo: listing.by === 'department' && listing.departmentRoutedOnly ? 'department' : undefined,
    againstDept: listing.by === 'enterprise' ? listing.againstDept : undefined,
  };
  return queryPage(pattern, { limit, cursor, filter }, decodeComplaint);
}
