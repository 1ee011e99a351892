/**
 * The DynamoDB clients, built once per container at module scope, and the names every part of
 * the data kit shares. Every request path uses GetItem, Query, conditional writes or
 * transactions; never Scan.
 */
import { DynamoDBClient, type AttributeValue } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, type TransactWriteCommandInput } from '@aws-sdk/lib-dynamodb';
import { config } from '../config.ts';

export const dynamoClient = new DynamoDBClient({});
export const db = DynamoDBDocumentClient.from(dynamoClient, {
  marshallOptions: { removeUndefinedValues: true, convertClassInstanceToMap: false },
});
export const tableName = config.TABLE_NAME;

export type Key = Record<string, unknown>;

/** One item of a TransactWriteItems request. */
export type TransactItem = NonNullable<TransactWriteCommandInput['TransactItems']>[number];

/** Records as stored, before their codec decodes them. */
export type StoredItem = Record<string, unknown>;

/** An item as the table's stream carries it: DynamoDB's typed attribute values, to unmarshall. */
export type StreamImage = Record<string, AttributeValue>;
