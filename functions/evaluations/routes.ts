import * as z from 'zod/mini';
import { defineRoutes } from '#shared/http/routes';
import { evaluationView } from './responses.ts';

export const evaluationRoutes = defineRoutes('evaluations', {
  evaluation: {
    response: evaluationView,
    csv: true,
    method: 'GET',
    path: '/evaluations/{quarter}',
    roles: 'public',
    summary: "A quarter's evaluation of the departments: figures, score, rank, the last placed named",
    params: z.strictObject({ quarter: z.string().check(z.regex(/^20\d\d-Q[1-4]$/, 'Expected a quarter like 2026-Q4')) }),
  },
});
