/** zod at the edge: every failing field named, in the problem's `errors`. */
import * as z from 'zod/mini';
import en from 'zod/v4/locales/en.js';
import type { FieldError } from './errors.ts';
import { isValidCreditCode } from '../domain/credit-code.ts';

// English messages only: the other locales stay out of the bundle.
z.config(en());

export function toFieldErrors(error: z.core.$ZodError, prefix: string): FieldError[] {
  return error.issues.flatMap((issue) => {
    const base = [prefix, ...issue.path.map(String)].filter(Boolean).join('.');
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => ({ path: base ? `${base}.${key}` : key, message: 'Unknown field' }));
    }
    return [{ path: base, message: issue.message }];
  });
}

// Shared field schemas.
/**
 * The dates and instants the county's records can carry. Every date and instant field is checked
 * against them at the edge, so a year like 9999 is a 400 naming the field, not an overflow deep
 * in the working-day arithmetic or a deadline's wait.
 */
export const EARLIEST_DATE = '2000-01-01';
export const LATEST_DATE = '2099-12-31';
const withinDates = (date: string) => date >= EARLIEST_DATE && date <= LATEST_DATE;
const outOfRange = `Expected a date between ${EARLIEST_DATE} and ${LATEST_DATE}`;

export const localDateSchema = z.string().check(
  z.regex(/^\d{4}-\d{2}-\d{2}$/, 'Expected a date YYYY-MM-DD'),
  z.refine(
    (value) => !Number.isNaN(Date.parse(`${value}T00:00:00Z`)) && new Date(`${value}T00:00:00Z`).toISOString().startsWith(value),
    'Not a calendar date',
  ),
  z.refine(withinDates, outOfRange),
);
/** An instant with its offset; its China date must be within the same range. */
export const instantSchema = z.iso.datetime({ offset: true }).check(
  z.refine((value) => {
    // China's date of the instant; an instant at the edge of what Date holds (+275760-09-13) has none.
    const chinaDate = new Date(Date.parse(value) + 8 * 3_600_000);
    return !Number.isNaN(chinaDate.getTime()) && withinDates(chinaDate.toISOString().slice(0, 10));
  }, outOfRange),
);
export const deptIdSchema = z.string().check(z.regex(/^[a-z][a-z0-9-]{1,47}$/, 'Expected a short lower-case id like market-regulation'));
export const text = (max: number) => z.string().check(z.trim(), z.minLength(1), z.maxLength(max));
export const fen = z.int().check(z.minimum(0), z.maximum(1_000_000_000_00));
/** How many items a page holds when the client does not say. */
export const DEFAULT_PAGE_LIMIT = 50;
export const pageQuery = {
  limit: z._default(
    z.pipe(z.string().check(z.regex(/^\d+$/, 'Expected a whole number')), z.transform(Number)).check(z.minimum(1), z.maximum(200)),
    DEFAULT_PAGE_LIMIT,
  ),
  cursor: z.optional(z.string().check(z.maxLength(2048), z.regex(/^[A-Za-z0-9_-]*$/, 'Expected a cursor this API returned'))),
};
export const creditCodeSchema = z
  .string()
  .check(z.refine(isValidCreditCode, 'Expected an 18-character unified social credit code with a valid check character'));
/** `{id}` in a path: the records' ids are UUIDs. */
export const idParams = z.strictObject({ id: z.uuid() });
