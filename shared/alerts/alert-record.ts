/**
 * An alert as it is stored and listed, declared once: the listing's codec (alert-listing.ts) is
 * built from these fields with the `stored` field types, the registry's response schema with the
 * `shown` ones. Loads no client, so route declarations may use it.
 */
import * as z from 'zod/mini';
import { stored, type FieldTypes } from '../data/codecs.ts';
import type { Alert } from './alerts.ts';
import { CONCERNS, SEVERITIES } from './alert-types.ts';

export const alertFields = (t: FieldTypes) => ({
  id: z.string(),
  at: t.instant,
  severity: z.enum(SEVERITIES),
  concern: z.enum(CONCERNS),
  department: z.string(),
  kind: z.string(),
  title: z.string(),
  detail: z.string(),
});

/** A stored alert, decoded (the listing, the outbox's publish effects). */
export const alertCodec: z.ZodMiniType<Alert> = z.object({
  ...alertFields(stored),
  subject: z.object({ type: z.string(), id: z.string() }),
});
