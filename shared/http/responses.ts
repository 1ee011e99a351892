/**
 * Building blocks of the response schemas each route declares (`response` in routes.ts): the
 * OpenAPI document is generated from them and the tests check real answers against it.
 * Records are open objects: a field added later is not a breaking change for a reader.
 */
import * as z from 'zod/mini';
import type { FieldTypes } from '../data/codecs.ts';

/** An instant as the API writes it: ISO 8601 with the China Standard Time offset. */
export const instantOut = z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/));
export const dateOut = z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/));
/** Amounts are in fen (1 yuan = 100 fen). */
export const fenOut = z.int();
/** A record's fields as the API shows them (see FieldTypes). */
export const shown: FieldTypes = { instant: instantOut, date: dateOut, fen: fenOut, int: z.int() };

/** A schema's example for the OpenAPI document: `schema.check(example({...}))`. */
export const example = (value: Record<string, unknown>) => z.meta({ examples: [value] });

/** When a timed matter warns, breaches and escalates. */
export const timelineOut = z.looseObject({ warnAt: instantOut, deadline: instantOut, escalateAt: instantOut });

/** A page of a listing: `nextCursor` is there when there is more (pass it back as `cursor`). */
export const pageOf = (item: z.ZodMiniType) => z.looseObject({ items: z.array(item), nextCursor: z.optional(z.string()) });

/** A complaint opened on the caller's behalf: its id and the tracking code to follow it. */
export const openedComplaint = z.looseObject({ id: z.string(), trackingCode: z.string() });
