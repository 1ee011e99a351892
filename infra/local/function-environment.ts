/**
 * The environment the deployed functions get (shared/config.ts reads it), pointed at the local
 * parts: the local runtime sets it for the handlers it loads, and each integration-test worker for
 * the handlers it imports, so both run them exactly alike.
 */
import type { FunctionEnvironment } from '#shared/config';
import { JWKS_PATH } from './gateway.ts';
import { LOCAL_AUDIENCE, LOCAL_ISSUER } from './signing.ts';
import { LOCAL_REGION } from './step-functions.ts';

export interface LocalParts {
  tableName: string;
  dynamodbEndpoint: string;
  stepFunctionsEndpoint: string;
  stateMachineArn: string;
  /** The local gateway's URL: the token issuer's keys are published under it. */
  url: string;
  /** Where the effects worker delivers alerts. */
  alertsFile: string;
}

export function localFunctionEnvironment(parts: LocalParts): Record<string, string> {
  const functionEnvironment = {
    TABLE_NAME: parts.tableName,
    LOCAL_ALERTS_FILE: parts.alertsFile,
    DEADLINE_STATE_MACHINE_ARN: parts.stateMachineArn,
    JWKS_URL: `${parts.url}${JWKS_PATH}`,
    JWT_ISSUER: LOCAL_ISSUER,
    JWT_AUDIENCE: LOCAL_AUDIENCE,
  } satisfies FunctionEnvironment;
  // What Lambda gives every function, and the AWS SDK reads: the region, credentials, endpoints.
  return {
    ...functionEnvironment,
    AWS_ENDPOINT_URL_DYNAMODB: parts.dynamodbEndpoint,
    AWS_ENDPOINT_URL_SFN: parts.stepFunctionsEndpoint,
    AWS_REGION: LOCAL_REGION,
    AWS_ACCESS_KEY_ID: 'local',
    AWS_SECRET_ACCESS_KEY: 'local',
  };
}
