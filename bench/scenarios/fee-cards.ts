/** The fee-cards concern's representative read and write, through the gateway and as the DynamoDB calls they make. */
import { GetCommand, QueryCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { keyCondition, keys, patterns } from '../../shared/data/table.ts';
import type { BenchWorld, Scenario } from './world.ts';

export const feeCardScenarios = ({ db, tableName, next, dept, clerk, cards }: BenchWorld): Scenario[] => [
  {
    concern: 'fee-cards',
    name: 'GET /fee-items?unit=',
    kind: 'read',
    request: () => ({ method: 'GET', path: `/fee-items?unit=${dept}` }),
    raw: () => db.send(new QueryCommand({ TableName: tableName, ...keyCondition(patterns.feeItemsOfUnit(dept)), Limit: 50 })),
  },
  {
    concern: 'fee-cards',
    name: 'POST /fee-cards/{id}/entries',
    kind: 'write',
    request: () => {
      const n = next();
      return {
        method: 'POST',
        path: `/fee-cards/${cards[n % cards.length]}/entries`,
        token: clerk,
        body: { feeItemCode: 'BENCH-1', amount: 500, collector: 'Bench', collectedAt: new Date().toISOString(), receiptNo: `H-${n}` },
      };
    },
    raw: async () => {
      // The same calls: the card, the fee item, and the four-item transaction.
      const n = next();
      const enterpriseId = `RAW${n % 50}`;
      const card = (await db.send(new GetCommand({ TableName: tableName, Key: keys.card(enterpriseId), ConsistentRead: true }))).Item ?? {
        entryCount: 0,
      };
      await db.send(new GetCommand({ TableName: tableName, Key: keys.feeItem('BENCH-1') }));
      const count = card.entryCount as number;
      await db.send(
        new TransactWriteCommand({
          TransactItems: [
            { Put: { TableName: tableName, Item: { ...keys.card(enterpriseId), entryCount: count + 1 } } },
            {
              Put: {
                TableName: tableName,
                Item: { pk: keys.cardPartition(enterpriseId), sk: `ENTRY#${n}`, amount: 500 },
                ConditionExpression: 'attribute_not_exists(pk)',
              },
            },
            {
              Put: { TableName: tableName, Item: { ...keys.receipt(dept, `R-${n}`) }, ConditionExpression: 'attribute_not_exists(pk)' },
            },
            {
              Update: {
                TableName: tableName,
                Key: keys.feeTotals('2099-01', '2099-01-01', 'ENTRY', dept, `RAW${n % 50}`),
                UpdateExpression: 'ADD #c :one',
                ExpressionAttributeNames: { '#c': 'count' },
                ExpressionAttributeValues: { ':one': 1 },
              },
            },
          ],
        }),
      );
    },
  },
];
