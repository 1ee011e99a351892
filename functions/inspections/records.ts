/**
 * The inspection record's own fields, declared once: store.ts builds its codec from them with the
 * `stored` field types, responses.ts its response schema with the `shown` ones.
 */
import * as z from 'zod/mini';
import type { FieldTypes } from '#shared/data/codecs';
import { INSPECTION_CATEGORIES, INSPECTION_STATUSES } from './rules.ts';

/** The planned inspection as filed, and where it stands. */
export const inspectionFields = (t: FieldTypes) => ({
  id: z.string(),
  enterpriseId: z.string(),
  department: z.string(),
  plannedDate: t.date,
  category: z.enum(INSPECTION_CATEGORIES),
  reason: z.string(),
  legalBasis: z.string(),
  inspectors: z.array(z.string()),
  status: z.enum(INSPECTION_STATUSES),
  filedAt: t.instant,
  filedBy: z.string(),
  version: t.int,
});
