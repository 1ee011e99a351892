/**
 * The one pause between attempts of something that collided with another writer (a
 * transaction on a shared counter, an entry racing for a card's chain head): full jitter under an
 * exponential cap, so the losers of one round spread out instead of colliding again in step.
 */
const BASE_MS = 10;
const CAP_MS = 250;

/** How long to wait before retry `round` (0 for the first retry), given a random number in [0, 1). */
export const backoffMs = (round: number, random: number = Math.random()): number => random * Math.min(CAP_MS, BASE_MS * 2 ** round);

export const backoff = (round: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, backoffMs(round)));
