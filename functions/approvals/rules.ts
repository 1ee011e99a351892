/**
 * The approval items' rules (审批事项, work plan §二.4.二), pure: one home for the two-thirds rule, which
 * an approval item's limits and a pledge about an approval limit (pledges/service.ts) both keep, and
 * the median of an item's decisions, from the histogram kept on the item.
 */
import type { Violation } from '#shared/domain/errors';

/**
 * Approval limits are cut by at least a third (§二.4.二): a pledged limit is at most two thirds of
 * the statutory one. Compared exactly (3 × pledged ≤ 2 × statutory), so 10 statutory days allow
 * 6 or 6.5 pledged days, not 7.
 */
export function twoThirdsRule(statutoryLimitDays: number, pledgedLimitDays: number): Violation | undefined {
  if (Math.round(pledgedLimitDays * 3 * 1000) <= Math.round(statutoryLimitDays * 2 * 1000)) return undefined;
  const most = Math.floor(((statutoryLimitDays * 2) / 3) * 100) / 100;
  // An approval item counts whole days: say the whole number too when the limit is not one.
  const whole = Math.floor(most);
  const mostText = whole === most ? `${most}` : `${most} (${whole} whole days)`;
  return {
    rule: 'two-thirds-rule',
    title: 'The pledged limit must cut the statutory one by at least a third',
    detail: `The statutory limit is ${statutoryLimitDays} working days, so the pledge may promise at most ${mostText}; ${pledgedLimitDays} was given.`,
  };
}

/**
 * The median of the working days decisions took, from a histogram kept on the item (whole working
 * days, rounded up → count), so the public catalogue needs no scan of the applications.
 */
export function medianFromHistogram(histogram: Readonly<Record<string, number>>): number | null {
  const days = Object.entries(histogram)
    .map(([day, count]) => [Number(day), count] as const)
    .filter(([, count]) => count > 0)
    .sort((a, b) => a[0] - b[0]);
  const total = days.reduce((sum, [, count]) => sum + count, 0);
  if (total === 0) return null;
  const valueAt = (position: number): number => {
    let seen = 0;
    for (const [day, count] of days) {
      seen += count;
      if (position < seen) return day;
    }
    return days.at(-1)?.[0] ?? 0; // unreachable: position < total
  };
  return total % 2 === 1 ? valueAt((total - 1) / 2) : (valueAt(total / 2 - 1) + valueAt(total / 2)) / 2;
}
