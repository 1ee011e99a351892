/** The pledges concern's representative read and write, through the gateway and as the DynamoDB calls they make. */
import { GetCommand, PutCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { keys } from '../../shared/data/table.ts';
import type { BenchWorld, Scenario } from './world.ts';

export const pledgeScenarios = ({ db, tableName, next, clerk, pledges }: BenchWorld): Scenario[] => [
  {
    concern: 'pledges',
    name: 'GET /pledges/{id}',
    kind: 'read',
    request: () => ({ method: 'GET', path: `/pledges/${pledges[0]}` }),
    raw: () => db.send(new GetCommand({ TableName: tableName, Key: keys.pledge(pledges[0]!), ConsistentRead: true })),
  },
  {
    concern: 'pledges',
    name: 'POST /pledges/{id}/reviews',
    kind: 'write',
    request: () => ({
      method: 'POST',
      path: `/pledges/${pledges[next() % pledges.length]}/reviews`,
      token: clerk,
      body: { verdict: 'in-progress', evidence: 'On track.' },
    }),
    raw: async () => {
      const id = `raw-${next() % 50}`;
      const item = (await db.send(new GetCommand({ TableName: tableName, Key: keys.pledge(id), ConsistentRead: true }))).Item;
      if (!item) {
        await db.send(new PutCommand({ TableName: tableName, Item: { ...keys.pledge(id), version: 1, reviews: [] } }));
        return;
      }
      // The handler's conditional update, in a transaction as it writes it.
      await db
        .send(
          new TransactWriteCommand({
            TransactItems: [
              {
                Update: {
                  TableName: tableName,
                  Key: keys.pledge(id),
                  UpdateExpression: 'SET #s = :s, #f = :f, #r = list_append(#r, :rv), version = :n',
                  ConditionExpression: 'version = :v',
                  ExpressionAttributeNames: { '#s': 'status', '#f': 'final', '#r': 'reviews' },
                  ExpressionAttributeValues: {
                    ':s': 'in-progress',
                    ':f': false,
                    ':rv': [{ verdict: 'in-progress', evidence: 'On track.' }],
                    ':n': (item.version as number) + 1,
                    ':v': item.version,
                  },
                },
              },
            ],
          }),
        )
        .catch(() => undefined);
    },
  },
];
