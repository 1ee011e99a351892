/**
 * Points the handlers imported by integration tests at the run's DynamoDB Local, exactly as
 * the local runtime points its own (environment read once, at import).
 */
import path from 'node:path';
import { inject } from 'vitest';
import { localFunctionEnvironment } from '../../infra/local/function-environment.ts';

const runtime = inject('runtime');
Object.assign(process.env, {
  ...localFunctionEnvironment({
    ...runtime,
    // The effects worker, when a test calls it directly, delivers here.
    alertsFile: path.join(runtime.dataDir, `alerts-worker-${process.pid}.jsonl`),
  }),
  POWERTOOLS_LOG_LEVEL: 'ERROR',
});
