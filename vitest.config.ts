import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // The long reliability tests run with `npm run test:reliability` (vitest.reliability.config.ts).
    exclude: ['**/node_modules/**', 'test/reliability/**/*.long.test.ts'],
    // One local runtime (DynamoDB Local, gateway, handlers) for the integration and e2e layers.
    globalSetup: ['test/support/global-setup.ts'],
    setupFiles: ['test/support/worker-env.ts'],
    testTimeout: 30_000,
    hookTimeout: 120_000,
    pool: 'forks',
    maxWorkers: 2,
    // Pages and asynchronous effects are polled; on two busy cores a second is not always enough.
    expect: { poll: { timeout: 10_000 } },
  },
});
