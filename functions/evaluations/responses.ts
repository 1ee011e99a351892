/** What the evaluation route answers (see shared/http/responses.ts). */
import * as z from 'zod/mini';
import { example, shown } from '#shared/http/responses';
import { planFields } from '../accountability/records.ts';

/** The quarter's counters (shared/domain/evaluation.ts METRICS): complaintsReceived, breaches, handledInTime... */
export const figuresView = z.record(z.string(), z.int());

export const evaluationView = z
  .looseObject({
    quarter: z.string(),
    /** The accountability deduction table: points per finding shown, and per sanction by measure. */
    deductions: z.looseObject({ supervisionFinding: z.number(), measures: z.record(z.string(), z.number()) }),
    departments: z.array(
      z.looseObject({
        deptId: z.string(),
        name: z.string(),
        figures: figuresView,
        shareHandledInTime: z.nullable(z.number()),
        /** Applications (办件) decided on time, of those decided; the average rating (好差评); null when none. */
        shareApplicationsOnTime: z.nullable(z.number()),
        averageRating: z.nullable(z.number()),
        /** Points off for supervision findings and sanctions (the table in `deductions`). */
        accountabilityDeduction: z.number(),
        score: z.number(),
        rank: z.int(),
      }),
    ),
    /** The last placed (末位), named when the departments are not all equal. */
    lastPlaced: z.array(z.looseObject({ deptId: z.string(), name: z.string() })),
  })
  .check(
    example({
      quarter: '2026-Q3',
      deductions: {
        supervisionFinding: 3,
        measures: { 'criticism-education': 2, 'circulated-criticism': 5, 'discipline-referral': 15 },
      },
      departments: [
        {
          deptId: 'taxation',
          name: '税务局',
          figures: { complaintsReceived: 1, complaintsSubstantiated: 0, breaches: 0, handled: 2, handledInTime: 2 },
          shareHandledInTime: 1,
          shareApplicationsOnTime: null,
          averageRating: null,
          accountabilityDeduction: 0,
          score: 100,
          rank: 1,
        },
        {
          deptId: 'housing',
          name: '住房和城乡建设局',
          figures: { complaintsReceived: 3, complaintsSubstantiated: 2, brokenPledges: 1, handled: 4, handledInTime: 3 },
          shareHandledInTime: 0.75,
          shareApplicationsOnTime: null,
          averageRating: null,
          accountabilityDeduction: 0,
          score: 67,
          rank: 2,
        },
      ],
      lastPlaced: [{ deptId: 'housing', name: '住房和城乡建设局' }],
    }),
  );

/** The last placed department's rectification plan (末位整改). */
export const rectificationView = z.looseObject(planFields(shown));
