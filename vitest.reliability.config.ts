/**
 * `npm run test:reliability`: the long reliability suite. The fast reliability tests with many
 * more fuzz cases per route, card contention, and kill -9 cycles of the local runtime.
 */
import { defineConfig } from 'vitest/config';
import { shared, withRuntime } from './vitest.config.ts';

export default defineConfig({
  test: {
    ...shared,
    ...withRuntime,
    include: ['test/reliability/**/*.test.ts'],
    env: { FUZZ_RUNS: process.env.FUZZ_RUNS ?? '300', CRASH_CYCLES: process.env.CRASH_CYCLES ?? '8' },
    testTimeout: 1_200_000,
    fileParallelism: false,
  },
});
