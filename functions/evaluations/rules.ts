/**
 * The quarterly evaluation (督查评议, 末位淘汰制): a score from the quarter's figures, the rank,
 * and the last placed named. Pure; docs/evaluation.md gives the formula.
 */
import type { Figures } from '#shared/domain/evaluation';
import { accountabilityDeduction } from '../accountability/rules.ts';

/**
 * Points off per event. Complaints received and delay notices are shown but not scored: a
 * complaint is not yet a finding, and a delay notice is the rule being followed.
 */
export const PENALTIES = {
  complaintsSubstantiated: 10,
  brokenPledges: 8,
  breaches: 5,
  visitsNotAllowed: 5,
  refusedFeeEntries: 3,
  rejectedFeeAttempts: 2,
  warnings: 1,
} as const satisfies Partial<Record<keyof Figures, number>>;

/** Points off for the share of matters not handled within their limits (all late: 20 off). */
export const LATENESS_WEIGHT = 20;

/** The share of matters handled within their limits; undefined when none was handled. */
export const inTimeShare = (figures: Figures): number | undefined =>
  figures.handled > 0 ? figures.handledInTime / figures.handled : undefined;

/** The share of applications (办件) decided within their deadline; undefined when none was decided. */
export const applicationsOnTimeShare = (figures: Figures): number | undefined =>
  figures.applicationsDecided > 0 ? figures.applicationsOnTime / figures.applicationsDecided : undefined;

/** The average rating (好差评, 1 to 5) of the quarter; undefined when none was given. */
export const averageRating = (figures: Figures): number | undefined =>
  figures.ratings > 0 ? figures.ratingPoints / figures.ratings : undefined;

/** Points off per point the average rating is below 5 (all rated 1: 16 off). */
export const RATING_WEIGHT = 4;

/**
 * score = 100 − Σ penalty × count − 20 × (1 − share handled in time)
 *             − 20 × (1 − share of applications decided on time) − 4 × (5 − average rating)
 *             − the accountability deductions (functions/accountability/rules.ts DEDUCTIONS),
 * rounded to one decimal; a share with nothing decided counts as 1, no rating takes nothing off.
 */
export function scoreOf(figures: Figures): number {
  const penalties = Object.entries(PENALTIES).reduce((sum, [metric, points]) => sum + points * figures[metric as keyof Figures], 0);
  const lateness = LATENESS_WEIGHT * (1 - (inTimeShare(figures) ?? 1));
  const lateApplications = LATENESS_WEIGHT * (1 - (applicationsOnTimeShare(figures) ?? 1));
  const ratings = RATING_WEIGHT * (5 - (averageRating(figures) ?? 5));
  return Math.round((100 - penalties - lateness - lateApplications - ratings - accountabilityDeduction(figures)) * 10) / 10;
}

export interface Ranked<T> {
  row: T;
  score: number;
  rank: number;
}

/** Highest score first; equal scores share a rank (1, 1, 3). */
export function rank<T>(rows: readonly T[], score: (row: T) => number): Ranked<T>[] {
  const scored = rows.map((row) => ({ row, score: score(row) })).sort((a, b) => b.score - a.score);
  return scored.map((entry) => ({ ...entry, rank: scored.findIndex((other) => other.score === entry.score) + 1 }));
}

/** The last placed (末位): those with the lowest score, when there is more than one department and not all are equal. */
export function lastPlaced<T>(ranked: readonly Ranked<T>[]): Ranked<T>[] {
  if (ranked.length < 2) return [];
  const [first, last] = [ranked[0], ranked.at(-1)];
  if (!first || !last || first.score === last.score) return [];
  const lowest = last.score;
  return ranked.filter((entry) => entry.score === lowest);
}
