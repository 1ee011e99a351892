/**
 * Codecs of the stored records: each entity's zod/mini schema decodes an item read from the
 * table into its type, leaving out the key, index and type attributes (an object schema drops
 * what it does not declare). A record that does not fit is a bug or a damaged item: it fails
 * loudly (500) rather than travel on half-typed.
 */
import * as z from 'zod/mini';
import type { Timeline, Timing } from '../time/calendar.ts';

/** The decode function of a schema, for queryPage and queryAll. */
export const decoderOf =
  <T>(schema: z.ZodMiniType<T>) =>
  (item: Record<string, unknown>): T =>
    schema.parse(item);

/**
 * The types of a record's fields, as stored (`stored`: plain strings and numbers) or as the API
 * shows them (`shown` in shared/http/responses.ts: instants, dates and fen with their formats),
 * so that one declaration of a record gives both its codec and its response schema.
 */
export interface FieldTypes {
  instant: z.ZodMiniString<string>;
  date: z.ZodMiniString<string>;
  fen: z.ZodMiniNumber<number>;
  int: z.ZodMiniNumber<number>;
}
export const stored: FieldTypes = { instant: z.string(), date: z.string(), fen: z.number(), int: z.number() };

export const timingCodec: z.ZodMiniType<Timing> = z.intersection(
  z.object({ start: z.string(), escalationDays: z.optional(z.number()) }),
  z.union([z.object({ limitDays: z.number() }), z.object({ dueDate: z.string() })]),
);

export const timelineCodec: z.ZodMiniType<Timeline> = z.object({
  warnAt: z.string(),
  deadline: z.string(),
  escalateAt: z.string(),
  timing: z.optional(timingCodec),
});
