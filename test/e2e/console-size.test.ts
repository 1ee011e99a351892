/**
 * The console's size budgets, on the build the local runtime serves (web/dist): the first page's
 * JavaScript (the entry chunk and its static imports) at most 110 KB minified, the ranking chart a
 * chunk of its own, loaded on demand, at most 200 KB. Sizes only: no timing is a test.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { ensureWebBuild } from '../../infra/web-build.ts';
import { CONSOLE_BUDGETS, measureConsole, type ConsoleSizes } from '../../bench/console-size.ts';

let sizes: ConsoleSizes;
beforeAll(async () => {
  // The global setup built it already; this rebuilds only if a source changed since.
  await ensureWebBuild(() => undefined);
  sizes = measureConsole();
});

describe("the console's JavaScript", () => {
  it('keeps the first page within 110 KB minified', () => {
    expect(sizes.firstPage.minified, sizes.firstPage.files.map((chunk) => chunk.file).join(', ')).toBeLessThanOrEqual(
      CONSOLE_BUDGETS.firstPage,
    );
  });

  it('loads the ranking chart on demand, in a chunk within 200 KB minified', () => {
    expect(sizes.firstPage.files.map((chunk) => chunk.file)).not.toContain(sizes.chart.chunk.file);
    expect(sizes.chart.chunk.minified).toBeLessThanOrEqual(CONSOLE_BUDGETS.chartChunk);
    expect(sizes.chart.added).toBeLessThanOrEqual(CONSOLE_BUDGETS.chartChunk);
  });
});
