/**
 * The console's JavaScript as a browser fetches it from web/dist: the first page's (the entry
 * chunk index.html names and every chunk it imports statically) and the ranking chart's chunk,
 * which the public page imports only when it draws the chart. The benchmark prints these; a
 * test holds them to their budgets.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { WEB_DIST } from '../infra/web-build.ts';

/** Size budgets, minified bytes. */
export const CONSOLE_BUDGETS = { firstPage: 110 * 1024, chartChunk: 200 * 1024 };

export interface ChunkSize {
  file: string;
  minified: number;
  gzipped: number;
}

export interface ConsoleSizes {
  firstPage: { files: ChunkSize[]; minified: number; gzipped: number };
  /** The ranking chart's own chunk, and what loading it adds beyond the first page (its chunk and any chunk only it imports). */
  chart: { chunk: ChunkSize; added: number };
  /** Every chunk imported only on demand, by file. */
  lazy: ChunkSize[];
}

const STATIC_IMPORT = /(?:^|[;\n}])\s*(?:import|export)\s*(?:[\w$*{},\s]*?\s*from\s*)?["'`]\.\/([\w.-]+\.js)["'`]/g;
const DYNAMIC_IMPORT = /import\(\s*["'`]\.\/([\w.-]+\.js)["'`]\s*\)/g;

export function measureConsole(dist: string = WEB_DIST): ConsoleSizes {
  const assets = path.join(dist, 'assets');
  const code = (file: string) => readFileSync(path.join(assets, file), 'utf8');
  const size = (file: string): ChunkSize => {
    const bytes = readFileSync(path.join(assets, file));
    return { file, minified: bytes.length, gzipped: gzipSync(bytes).length };
  };
  /** A chunk and every chunk it imports statically, transitively. */
  const withStaticImports = (file: string, into = new Set<string>()): Set<string> => {
    if (into.has(file)) return into;
    into.add(file);
    for (const [, imported] of code(file).matchAll(STATIC_IMPORT)) withStaticImports(imported!, into);
    return into;
  };

  const html = readFileSync(path.join(dist, 'index.html'), 'utf8');
  const entry = /<script type="module"[^>]*src="\/assets\/([\w.-]+\.js)"/.exec(html)?.[1];
  if (!entry) throw new Error(`No module script in ${path.join(dist, 'index.html')}`);
  const firstPage = withStaticImports(entry);
  const lazyFiles = new Set<string>();
  for (const file of firstPage) for (const [, imported] of code(file).matchAll(DYNAMIC_IMPORT)) lazyFiles.add(imported!);
  const chartFile = [...lazyFiles].find((file) => file.startsWith('RankingChart-'));
  if (!chartFile) throw new Error('The ranking chart is not a chunk of its own, imported on demand');
  const firstPageSizes = [...firstPage].map(size);
  const chartAdds = [...withStaticImports(chartFile)].filter((file) => !firstPage.has(file));
  return {
    firstPage: {
      files: firstPageSizes,
      minified: firstPageSizes.reduce((sum, chunk) => sum + chunk.minified, 0),
      gzipped: firstPageSizes.reduce((sum, chunk) => sum + chunk.gzipped, 0),
    },
    chart: { chunk: size(chartFile), added: chartAdds.reduce((sum, file) => sum + size(file).minified, 0) },
    lazy: [...lazyFiles].map(size),
  };
}
