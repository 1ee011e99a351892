import { defineConfig } from 'vite';
import path from 'node:path';

// Preact's JSX through Vite's own transform (no Babel: the build stays a few seconds). Always the
// production transform: under vitest (NODE_ENV=test) it would otherwise add each element's source
// file and line, a quarter more JavaScript than the console users load.
export default defineConfig({
  root: import.meta.dirname,
  base: '/',
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact', development: false } },
  resolve: {
    alias: { '#shared': path.resolve(import.meta.dirname, '../shared'), '#functions': path.resolve(import.meta.dirname, '../functions') },
  },
  // The shared rules read the handlers' clock settings at import; in the browser there are none.
  define: { 'process.env.CLOCK_START': 'undefined', 'process.env.TIME_SCALE': 'undefined' },
  build: { outDir: 'dist', emptyOutDir: true, target: 'es2019', chunkSizeWarningLimit: 900 },
});
