/**
 * The appointment record's own fields, declared once: store.ts builds its codec from them with the
 * `stored` field types, responses.ts its response schema with the `shown` ones.
 */
import * as z from 'zod/mini';
import type { FieldTypes } from '#shared/data/codecs';
import { APPOINTMENT_STATUSES } from './rules.ts';

/** The enterprise's request and where it stands. */
export const appointmentFields = (t: FieldTypes) => ({
  id: z.string(),
  dept: z.string(),
  enterpriseId: z.string(),
  topic: z.string(),
  requestedAt: t.instant,
  contact: z.optional(z.string()),
  status: z.enum(APPOINTMENT_STATUSES),
  receivedAt: t.instant,
  requestedBy: z.string(),
});
