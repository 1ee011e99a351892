/**
 * Idempotency-Key handling for the routes that create (`creates: true`): Powertools' idempotency
 * on the table, one record per route, caller and key, kept a day. A handler passes it to
 * createHttpHandler only when its concern has such routes, so the others' bundles leave it out.
 */
import {
  makeIdempotent,
  IdempotencyConfig,
  IdempotencyAlreadyInProgressError,
  IdempotencyValidationError,
} from '@aws-lambda-powertools/idempotency';
import { DynamoDBPersistenceLayer } from '@aws-lambda-powertools/idempotency/dynamodb';
import type { Context } from 'aws-lambda';
import { ConflictError } from './errors.ts';
import { dynamoClient, tableName } from '../data/db.ts';
import { keys, TABLE } from '../data/table.ts';

/** One create, identified by its route, its caller and the key; `payload` must match on a retry. */
export interface IdempotentCall<Result> {
  routeKey: string;
  sub: string;
  key: string;
  payload: unknown;
  run: () => Promise<Result>;
}

export type IdempotentRunner = <Result>(call: IdempotentCall<Result>, context: Context) => Promise<Result>;

/** A concern's runner: the first answer to a key is the answer to every retry of it. */
export function idempotency(concern: string): IdempotentRunner {
  const config = new IdempotencyConfig({
    eventKeyJmesPath: '[routeKey, sub, key]',
    payloadValidationJmesPath: 'payload',
    expiresAfterSeconds: 24 * 60 * 60,
    throwOnNoIdempotencyKey: true,
  });
  const persistenceStore = new DynamoDBPersistenceLayer({
    tableName,
    awsSdkV3Client: dynamoClient,
    keyAttr: TABLE.partitionKey,
    sortKeyAttr: TABLE.sortKey,
    staticPkValue: keys.idempotencyPartition(concern),
    expiryAttr: TABLE.ttlAttribute,
  });
  // Client errors (4xx) are kept as the first response too: a retry gets the same answer and
  // repeats no side effect (a rejected fee attempt is recorded once).
  const idempotent = makeIdempotent(async (call: IdempotentCall<unknown>) => call.run(), { persistenceStore, config });
  return async <Result>(call: IdempotentCall<Result>, context: Context): Promise<Result> => {
    config.registerLambdaContext(context);
    try {
      return (await idempotent(call)) as Result;
    } catch (error) {
      if (error instanceof IdempotencyValidationError)
        throw new ConflictError('This Idempotency-Key was already used with a different request.', 'idempotency-key-reused');
      if (error instanceof IdempotencyAlreadyInProgressError)
        throw new ConflictError('A request with this Idempotency-Key is still in progress; retry shortly.', 'idempotency-in-progress');
      throw error;
    }
  };
}
