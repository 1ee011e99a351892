import * as z from 'zod/mini';
import { defineRoutes } from '#shared/http/routes';
import { text, localDateSchema } from '#shared/http/validation';
import { evaluationView, rectificationView } from './responses.ts';

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
  // 末位淘汰 (§二.1.二) is the evaluation's consequence: the last placed answers with its plan.
  fileRectification: {
    response: rectificationView,
    method: 'POST',
    path: '/evaluations/{quarter}/rectification',
    roles: ['department'],
    creates: true,
    summary: "The last placed department's rectification plan (末位整改), once, due within 10 working days after the quarter",
    params: z.strictObject({ quarter: z.string().check(z.regex(/^20\d\d-Q[1-4]$/, 'Expected a quarter like 2026-Q4')) }),
    body: z.strictObject({ causes: text(5000), measures: text(5000), dueDate: localDateSchema }),
  },
});
