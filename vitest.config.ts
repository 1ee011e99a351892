/**
 * `npm test` runs every project; `npx vitest run --project unit` (or `npm run test:unit`) runs one.
 *
 * - unit: pure rules and SDK-mocked code; starts nothing.
 * - infra: the synthesized CDK templates, cdk-nag and the OpenAPI document; starts nothing.
 * - integration, e2e, browser, reliability: talk to one shared local runtime (DynamoDB Local,
 *   gateway, handlers), started by the global setup of whichever of them runs first.
 */
import { defineConfig, type TestProjectInlineConfiguration } from 'vitest/config';

/** What the projects that talk to the local runtime add: the runtime, and its address in each worker. */
export const withRuntime = {
  globalSetup: ['test/support/global-setup.ts'],
  setupFiles: ['test/support/worker-env.ts'],
};

/** The settings every test shares (inline projects inherit them). */
export const shared = {
  testTimeout: 30_000,
  hookTimeout: 120_000,
  pool: 'forks' as const,
  maxWorkers: 2,
  // Pages and asynchronous effects are polled; on two busy cores a second is not always enough.
  expect: { poll: { timeout: 10_000 } },
};

/**
 * Some modules the unit and infra tests import read their configuration at import (shared/config.ts): a
 * table name, and a DynamoDB endpoint where nothing listens, so that a test that reached for
 * the table would fail at once instead of needing the runtime.
 */
const noRuntimeEnv = {
  TABLE_NAME: 'no-table-without-the-runtime',
  AWS_ENDPOINT_URL_DYNAMODB: 'http://127.0.0.1:9',
  AWS_REGION: 'local',
  AWS_ACCESS_KEY_ID: 'local',
  AWS_SECRET_ACCESS_KEY: 'local',
  POWERTOOLS_LOG_LEVEL: 'ERROR',
};

const project = (
  name: string,
  include: string[],
  options: TestProjectInlineConfiguration['test'] = {},
): TestProjectInlineConfiguration => ({ test: { name, include, ...options } });

export default defineConfig({
  test: {
    ...shared,
    projects: [
      project('unit', ['test/unit/**/*.test.ts'], { env: noRuntimeEnv }),
      project('infra', ['test/infra/**/*.test.ts'], { env: noRuntimeEnv }),
      project('integration', ['test/integration/**/*.test.ts'], withRuntime),
      project('e2e', ['test/e2e/**/*.test.ts'], withRuntime),
      project('browser', ['test/browser/**/*.test.ts'], withRuntime),
      // The fast reliability tests; the long ones run with `npm run test:reliability` (vitest.reliability.config.ts).
      project('reliability', ['test/reliability/**/*.test.ts'], {
        ...withRuntime,
        exclude: ['**/node_modules/**', 'test/reliability/**/*.long.test.ts'],
      }),
    ],
    coverage: {
      provider: 'v8',
      // The pure rules and the shared code (`npm run coverage` runs the unit and integration projects).
      include: ['functions/**/rules.ts', 'shared/**/*.ts'],
      reporter: ['text-summary', 'html', 'json-summary'],
      reportsDirectory: 'coverage',
      // A failed test (one flaky under load) still leaves the report of what ran.
      reportOnFailure: true,
      // Measured 91% statements, 81% branches, 95% functions and lines (November 2026): a floor
      // a few points below, so that a change that drops tests fails `npm run coverage`.
      thresholds: { statements: 85, branches: 75, functions: 90, lines: 90 },
    },
  },
});
