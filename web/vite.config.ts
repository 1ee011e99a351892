import { defineConfig } from 'vite';
import path from 'node:path';

// Preact's JSX through Vite's own transform (no Babel: the build stays a few seconds).
export default defineConfig({
  root: import.meta.dirname,
  base: '/',
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  resolve: {
    alias: { '#shared': path.resolve(import.meta.dirname, '../shared'), '#functions': path.resolve(import.meta.dirname, '../functions') },
  },
  // The shared rules read the handlers' clock settings at import; in the browser there are none.
  define: { 'process.env.CLOCK_START': 'undefined', 'process.env.TIME_SCALE': 'undefined' },
  build: { outDir: 'dist', emptyOutDir: true, target: 'es2019', chunkSizeWarningLimit: 900 },
});
