/** Effects (alerts, deadline starts and stops) happen just after the request, through the outbox: bounded polling for them. */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { expect } from 'vitest';

export async function eventually<T>(probe: () => T | Promise<T>, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await probe();
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}

/** Polls until `probe` gives a value (a fast-clock runtime's next stage), failing after `timeoutMs` with what was awaited. */
export async function until<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = 60_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** The alerts a local runtime's sink received (alerts.jsonl under its DATA_DIR). */
export function sinkAlerts(dataDir: string): any[] {
  const file = path.join(dataDir, 'alerts.jsonl');
  return existsSync(file)
    ? readFileSync(file, 'utf8')
        .trim()
        .split('\n')
        .filter(Boolean)
        .map((line) => JSON.parse(line))
    : [];
}

/** Waits until the runtime's sink holds an alert like `expected`. */
export const alertDelivered = (dataDir: string, expected: Record<string, unknown>) =>
  eventually(() => expect(sinkAlerts(dataDir)).toContainEqual(expect.objectContaining(expected)));

/** The local Step Functions executions of a runtime. */
export function executions(dataDir: string): { name: string; status: string }[] {
  const file = path.join(dataDir, 'executions.json');
  return existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : [];
}

/**
 * The per-client limit counts in fixed windows of real time: a burst that straddles a window's end
 * is counted in two. Waits, when needed, so that at least `secondsNeeded` of the current window remain.
 */
export async function withinOneWindow(windowSeconds: number, secondsNeeded = windowSeconds / 3): Promise<void> {
  const windowMs = windowSeconds * 1000;
  const left = windowMs - (Date.now() % windowMs);
  if (left < secondsNeeded * 1000) await new Promise((resolve) => setTimeout(resolve, left + 50));
}
