/**
 * The one clock every rule reads, and China Standard Time date helpers.
 *
 * In AWS the clock is real time. On the local runtime CLOCK_START (an instant) sets where it
 * starts and TIME_SCALE how much faster than real time it runs, so a deadline days away passes
 * in seconds; the local workflows wait on this same clock.
 */
export type Clock = () => Date;

/** China Standard Time is UTC+8 all year (no daylight saving). */
export const CST_OFFSET_MS = 8 * 60 * 60 * 1000;

export interface ScaledClock {
  now: Clock;
  /** The real instant at which this clock shows `virtual` (local waits sleep until then). */
  realInstantOf: (virtual: Date) => Date;
}

export function scaledClock(start: Date | undefined, scale: number, realNow: () => number = Date.now): ScaledClock {
  const realStart = realNow();
  const virtualStart = start ? start.getTime() : realStart;
  return {
    now: () => new Date(virtualStart + (realNow() - realStart) * scale),
    realInstantOf: (virtual) => new Date(realStart + (virtual.getTime() - virtualStart) / scale),
  };
}

function clockFromEnvironment(): ScaledClock {
  const start = process.env.CLOCK_START ? new Date(process.env.CLOCK_START) : undefined;
  const scale = process.env.TIME_SCALE ? Number(process.env.TIME_SCALE) : 1;
  if ((start && Number.isNaN(start.getTime())) || !(scale > 0)) {
    throw new Error(`Invalid clock settings: CLOCK_START=${process.env.CLOCK_START} TIME_SCALE=${process.env.TIME_SCALE}`);
  }
  return scaledClock(start, scale);
}

/** The process-wide clock: real time unless CLOCK_START or TIME_SCALE say otherwise. */
export const processClock: ScaledClock = clockFromEnvironment();
export const systemClock: Clock = processClock.now;

/** The local date (YYYY-MM-DD) in China Standard Time of an instant. */
export function localDate(instant: Date): string {
  return new Date(instant.getTime() + CST_OFFSET_MS).toISOString().slice(0, 10);
}

/** The local month (YYYY-MM) in China Standard Time of an instant. */
export function localMonth(instant: Date): string {
  return localDate(instant).slice(0, 7);
}

/** The instant a local date begins (00:00 China Standard Time). */
export function startOfLocalDate(date: string): Date {
  return new Date(Date.parse(`${date}T00:00:00.000Z`) - CST_OFFSET_MS);
}

/** The local date `days` after (or before) another. */
export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00.000Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/** Every local month (YYYY-MM) from the month of `from` to the month of `to`, inclusive. */
export function monthsBetween(from: string, to: string): string[] {
  const months: string[] = [];
  let [year, month] = from.slice(0, 7).split('-').map(Number) as [number, number];
  const last = to.slice(0, 7);
  for (;;) {
    const current = `${year}-${String(month).padStart(2, '0')}`;
    if (current > last) return months;
    months.push(current);
    month += 1;
    if (month > 12) {
      month = 1;
      year += 1;
    }
  }
}

/** An ISO 8601 instant with the China Standard Time offset, as clients read instants. */
export function toLocalIso(instant: Date): string {
  return new Date(instant.getTime() + CST_OFFSET_MS).toISOString().replace('Z', '+08:00');
}
