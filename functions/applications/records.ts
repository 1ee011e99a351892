/**
 * The application record's own fields, declared once: store.ts builds its codec from them with the
 * `stored` field types, responses.ts its response schema with the `shown` ones.
 */
import * as z from 'zod/mini';
import type { FieldTypes } from '#shared/data/codecs';
import { APPLICATION_STATUSES } from './rules.ts';

/** What was applied for, by whom, and where it stands. */
export const applicationFields = (t: FieldTypes) => ({
  id: z.string(),
  itemCode: z.string(),
  itemName: z.string(),
  dept: z.string(),
  enterpriseId: z.string(),
  materials: z.array(z.string()),
  status: z.enum(APPLICATION_STATUSES),
  receivedAt: t.instant,
});
