/**
 * The fee-card records, each declared once: store.ts builds their codecs from these with the
 * `stored` field types, responses.ts their response schemas with the `shown` ones.
 */
import * as z from 'zod/mini';
import type { FieldTypes } from '#shared/data/codecs';

export const standardOf = (t: FieldTypes) =>
  z.union([z.object({ kind: z.literal('fixed'), amount: t.fen }), z.object({ kind: z.literal('range'), min: t.fen, max: t.fen })]);

export const feeItemFields = (t: FieldTypes) => ({
  code: z.string(),
  unit: z.string(),
  name: z.string(),
  legalBasis: z.string(),
  standard: standardOf(t),
  validFrom: z.optional(t.date),
  validTo: z.optional(t.date),
  revision: t.int,
  publishedAt: t.instant,
  inForceFrom: z.optional(t.instant),
});

/** Which unit charged which enterprise for which fee item: what entries, refusals and rejected attempts all name. */
export const chargeFields = { enterpriseId: z.string(), unit: z.string(), feeItemCode: z.string() };

/** A collection as the collector reports it. */
const collectionFields = (t: FieldTypes) => ({ amount: t.fen, collector: z.string(), collectedAt: t.instant, receiptNo: z.string() });

/** An entry on a card, chained to the one before it by its hash. */
export const entryFields = (t: FieldTypes) => ({
  entryId: z.string(),
  ...chargeFields,
  feeItemName: z.string(),
  legalBasis: z.string(),
  standard: standardOf(t),
  ...collectionFields(t),
  recordedAt: t.instant,
  recordedBy: z.string(),
  prevHash: z.string(),
  hash: z.string(),
});

/** The enterprise's refusal to pay an entry's charge, with the complaint it opened. */
export const refusalFields = (t: FieldTypes) => ({
  entryId: z.string(),
  ...chargeFields,
  amount: t.fen,
  reason: z.string(),
  category: z.string(),
  refusedAt: t.instant,
  refusedBy: z.string(),
  complaintId: z.string(),
});

/** A collection the rules refused to record, kept as audit evidence. */
export const rejectedAttemptFields = (t: FieldTypes) => ({
  id: z.string(),
  ...chargeFields,
  ...collectionFields(t),
  rule: z.string(),
  detail: z.string(),
  attemptedAt: t.instant,
  attemptedBy: z.string(),
});
