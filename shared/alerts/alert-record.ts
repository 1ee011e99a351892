/**
 * An alert as it is stored and listed, declared once: the listing's codec (alert-listing.ts) is
 * built from these fields with the `stored` field types, the registry's response schema with the
 * `shown` ones. Loads no client, so route declarations may use it.
 */
import * as z from 'zod/mini';
import type { FieldTypes } from '../data/codecs.ts';
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
