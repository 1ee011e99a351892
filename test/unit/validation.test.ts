/** The shared input schemas at their edges: what a fuzzer found must stay a 400, never a crash. */
import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { instantSchema } from '#shared/http/validation';

describe('an instant', () => {
  it('at the very edge of what a Date holds is refused, not a crash (found by the fuzz test: a 500 on a confirmation)', () => {
    expect(z.safeParse(instantSchema, '+275760-09-13T00:00:00Z').success).toBe(false);
    expect(z.safeParse(instantSchema, '+275760-09-12T23:00:00Z').success).toBe(false);
  });
  it('of today, with its offset, is taken', () => {
    expect(z.safeParse(instantSchema, new Date().toISOString()).success).toBe(true);
  });
});
