/** The evaluation reads: the registered departments and the quarter's counters, Queries only. */
import * as z from 'zod/mini';
import { queryAll } from '#shared/data/db';
import { patterns } from '#shared/data/table';
import { METRICS, type Figures } from '#shared/domain/evaluation';

const departmentCodec = z.object({ deptId: z.string(), name: z.string() });

export async function departments(): Promise<{ deptId: string; name: string }[]> {
  return queryAll(patterns.departments(), (item) => departmentCodec.parse(item));
}

// Counts are taken back only where they were counted (no figure goes below zero); the floor
// keeps a count taken back before that rule from showing below zero. A figure never counted is 0.
const figure = z.pipe(
  z._default(z.number(), 0),
  z.transform((count) => Math.max(0, count)),
);
const figuresCodec: z.ZodMiniType<{ department: string; figures: Figures }> = z.pipe(
  z.object({ department: z.string(), ...Object.fromEntries(METRICS.map((metric) => [metric, figure])) }),
  z.transform(({ department, ...figures }) => ({ department, figures: figures as Figures })),
);

export async function quarterFigures(quarter: string): Promise<Map<string, Figures>> {
  const rows = await queryAll(patterns.evaluationOfQuarter(quarter), (item) => figuresCodec.parse(item));
  return new Map(rows.map(({ department, figures }) => [department, figures]));
}
