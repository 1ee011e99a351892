/**
 * Points the handlers imported by integration tests at the run's DynamoDB Local, exactly as
 * the local runtime points its own (environment read once, at import).
 */
import path from 'node:path';
import { inject } from 'vitest';
import { JWKS_PATH } from '../../infra/local/gateway.ts';
import { LOCAL_AUDIENCE, LOCAL_ISSUER } from '../../infra/local/signing.ts';

const runtime = inject('runtime');
Object.assign(process.env, {
  TABLE_NAME: runtime.tableName,
  AWS_ENDPOINT_URL_DYNAMODB: runtime.dynamodbEndpoint,
  AWS_ENDPOINT_URL_SFN: runtime.stepFunctionsEndpoint,
  DEADLINE_STATE_MACHINE_ARN: runtime.stateMachineArn,
  JWKS_URL: `${runtime.url}${JWKS_PATH}`,
  JWT_ISSUER: LOCAL_ISSUER,
  JWT_AUDIENCE: LOCAL_AUDIENCE,
  AWS_REGION: 'local',
  AWS_ACCESS_KEY_ID: 'local',
  AWS_SECRET_ACCESS_KEY: 'local',
  // The effects worker, when a test calls it directly, delivers here.
  LOCAL_ALERTS_FILE: path.join(runtime.dataDir, `alerts-worker-${process.pid}.jsonl`),
  POWERTOOLS_LOG_LEVEL: 'ERROR',
});
