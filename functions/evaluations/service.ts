/** The quarterly evaluation: every registered department's figures, scored and ranked (rules in rules.ts, reads in store.ts). */
import { METRICS, type Figures } from '#shared/domain/evaluation';
import { applicationsOnTimeShare, averageRating, inTimeShare, lastPlaced, rank, scoreOf } from './rules.ts';
import { departments, quarterFigures } from './store.ts';
import { accountabilityDeduction, DEDUCTIONS } from '../accountability/rules.ts';
import { closeQuarterOnce } from '../accountability/rectification.ts';
import type { Deps } from '#shared/domain/deps';

/** A department that counted nothing in the quarter. */
const noFigures = (): Figures => Object.fromEntries(METRICS.map((metric) => [metric, 0])) as Figures;

export async function evaluateQuarter(quarter: string, deps?: Deps) {
  const [registered, figures] = await Promise.all([departments(), quarterFigures(quarter)]);
  const rows = registered.map((dept) => {
    const counts = figures.get(dept.deptId) ?? noFigures();
    return {
      deptId: dept.deptId,
      name: dept.name,
      figures: counts,
      shareHandledInTime: inTimeShare(counts) ?? null,
      shareApplicationsOnTime: applicationsOnTimeShare(counts) ?? null,
      averageRating: averageRating(counts) ?? null,
      /** Points the accountability table takes off (findings shown, sanctions not withdrawn). */
      accountabilityDeduction: accountabilityDeduction(counts),
    };
  });
  const ranked = rank(rows, (row) => scoreOf(row.figures));
  const last = lastPlaced(ranked).map(({ row }) => ({ deptId: row.deptId, name: row.name }));
  // Read after the quarter ended, the evaluation closes it once: the last placed's rectification limit starts (末位淘汰).
  if (deps) await closeQuarterOnce(quarter, last, lastPlacedOf, deps);
  return {
    /** The published deduction table the score uses. */
    deductions: DEDUCTIONS,
    departments: ranked.map(({ row, score, rank: position }) => ({ ...row, score, rank: position })),
    lastPlaced: last,
  };
}

/** The last placed of a quarter, as its evaluation names them. */
export const lastPlacedOf = async (quarter: string) => (await evaluateQuarter(quarter)).lastPlaced;
