/** The inspections concern's representative read and write, through the gateway and as the DynamoDB calls they make. */
import { GetCommand, QueryCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { keyCondition, keys, patterns } from '../../shared/data/table.ts';
import type { BenchWorld, Scenario } from './world.ts';

export const inspectionScenarios = ({ db, tableName, next, supervisor, owner, inspection }: BenchWorld): Scenario[] => [
  {
    concern: 'inspections',
    name: 'GET /inspections/{id}',
    kind: 'read',
    request: () => ({ method: 'GET', path: `/inspections/${inspection.id}`, token: supervisor }),
    raw: async () => {
      await db.send(new GetCommand({ TableName: tableName, Key: keys.inspection(inspection.id), ConsistentRead: true }));
      await db.send(new QueryCommand({ TableName: tableName, ...keyCondition(patterns.visitsOfInspection(inspection.id)) }));
    },
  },
  {
    concern: 'inspections',
    name: 'POST /inspections/{id}/visits',
    kind: 'write',
    request: () => ({ method: 'POST', path: `/inspections/${inspection.id}/visits`, token: owner, body: {} }),
    raw: async () => {
      await db.send(new GetCommand({ TableName: tableName, Key: keys.inspection(inspection.id), ConsistentRead: true }));
      await db.send(
        new TransactWriteCommand({
          TransactItems: [
            {
              Put: {
                TableName: tableName,
                Item: { ...keys.visit(inspection.id, new Date().toISOString(), `raw-${next()}`), allowed: true },
                ConditionExpression: 'attribute_not_exists(pk)',
              },
            },
          ],
        }),
      );
    },
  },
];
