/**
 * `npm run test:reliability`: the long reliability suite. The fast reliability tests with many
 * more fuzz cases per route, card contention, and kill -9 cycles of the local runtime.
 */
import { defineConfig } from 'vitest/config';
import base from './vitest.config.ts';

export default defineConfig({
  test: {
    ...base.test,
    include: ['test/reliability/**/*.test.ts'],
    exclude: ['**/node_modules/**'],
    env: { FUZZ_RUNS: process.env.FUZZ_RUNS ?? '300', CRASH_CYCLES: process.env.CRASH_CYCLES ?? '8' },
    testTimeout: 1_200_000,
    fileParallelism: false,
  },
});
