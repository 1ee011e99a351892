/**
 * The approval item's declared fields, once: store.ts builds its codec from them with the
 * `stored` field types, responses.ts its response schema with the `shown` ones.
 */
import * as z from 'zod/mini';
import type { FieldTypes } from '#shared/data/codecs';

/** The item as its department declares it: the law it rests on, its limits and the materials it asks for. */
export const itemFields = (t: FieldTypes) => ({
  code: z.string(),
  dept: z.string(),
  name: z.string(),
  legalBasis: z.string(),
  statutoryDays: t.int,
  pledgedDays: t.int,
  materials: z.array(z.string()),
});
