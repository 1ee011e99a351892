import { createHttpHandler } from '#shared/http/handler';
import { METRICS, type Figures } from '#shared/evaluation';
import { evaluationRoutes } from './routes.ts';
import { applicationsOnTimeShare, averageRating, inTimeShare, lastPlaced, rank, scoreOf } from './rules.ts';
import { departments, quarterFigures } from './store.ts';
import { evaluationCsv } from './csv.ts';
import type * as z from 'zod/mini';
import type { evaluationView } from './responses.ts';
import { csvReply, wantsCsv } from '#shared/http/csv';

const zero = (): Figures => Object.fromEntries(METRICS.map((metric) => [metric, 0])) as Figures;

export const handler = createHttpHandler({
  concern: evaluationRoutes,
  operations: {
    evaluation: async ({ params, accept }) => {
      const [registered, figures] = await Promise.all([departments(), quarterFigures(params.quarter)]);
      const rows = registered.map((dept) => {
        const counts = figures.get(dept.deptId) ?? zero();
        return {
          deptId: dept.deptId, name: dept.name, figures: counts, shareHandledInTime: inTimeShare(counts) ?? null,
          shareApplicationsOnTime: applicationsOnTimeShare(counts) ?? null, averageRating: averageRating(counts) ?? null,
        };
      });
      const ranked = rank(rows, (row) => scoreOf(row.figures));
      if (wantsCsv(accept)) {
        const last = new Set(lastPlaced(ranked).map(({ row }) => row.deptId));
        const csvRows = ranked.map(({ row, score, rank: position }) => ({ ...row, score, rank: position, lastPlaced: last.has(row.deptId) }));
        return csvReply(evaluationCsv(csvRows), `evaluation-${params.quarter}.csv`);
      }
      return {
        status: 200,
        body: {
          quarter: params.quarter,
          departments: ranked.map(({ row, score, rank: position }) => ({ ...row, score, rank: position })),
          lastPlaced: lastPlaced(ranked).map(({ row }) => ({ deptId: row.deptId, name: row.name })),
        } satisfies z.output<typeof evaluationView>,
      };
    },
  },
});
