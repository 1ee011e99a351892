import type * as z from 'zod/mini';
import { createHttpHandler } from '#shared/http/handler';
import { idempotency } from '#shared/http/idempotency';
import { fileRectification } from '../accountability/rectification.ts';
import { csvReply, wantsCsv } from '#shared/http/csv';
import { evaluationRoutes } from './routes.ts';
import { evaluationCsv } from './csv.ts';
import type { evaluationView } from './responses.ts';
import { evaluateQuarter, lastPlacedOf } from './service.ts';

export const handler = createHttpHandler({
  concern: evaluationRoutes,
  idempotency,
  operations: {
    evaluation: async ({ params, accept, deps }) => {
      const evaluation = await evaluateQuarter(params.quarter, deps);
      if (wantsCsv(accept)) {
        const last = new Set(evaluation.lastPlaced.map(({ deptId }) => deptId));
        const rows = evaluation.departments.map((row) => ({ ...row, lastPlaced: last.has(row.deptId) }));
        return csvReply(evaluationCsv(rows), `evaluation-${params.quarter}.csv`);
      }
      return { quarter: params.quarter, ...evaluation } satisfies z.output<typeof evaluationView>;
    },
    fileRectification: ({ params, body, caller, deps }) => fileRectification(params.quarter, body, caller, deps, lastPlacedOf),
  },
});
