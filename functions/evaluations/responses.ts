/** What the evaluation route answers (see shared/http/responses.ts). */
import * as z from 'zod/mini';

/** The quarter's counters (shared/evaluation.ts METRICS): complaintsReceived, breaches, handledInTime... */
export const figuresView = z.record(z.string(), z.int());

export const evaluationView = z.looseObject({
  quarter: z.string(),
  departments: z.array(z.looseObject({
    deptId: z.string(), name: z.string(), figures: figuresView, shareHandledInTime: z.nullable(z.number()), score: z.number(), rank: z.int(),
  })),
  /** The last placed (末位), named when the departments are not all equal. */
  lastPlaced: z.array(z.looseObject({ deptId: z.string(), name: z.string() })),
});
