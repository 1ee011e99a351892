/** The applications concern's representative read and write, through the gateway and as the DynamoDB calls they make. */
import { GetCommand, QueryCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { keyCondition, keys, lists, patterns } from '../../shared/data/table.ts';
import { localDate } from '../../shared/time/clock.ts';
import type { BenchWorld, Scenario } from './world.ts';

export const applicationScenarios = ({ db, tableName, next, dept, owner, visited, application }: BenchWorld): Scenario[] => [
  {
    concern: 'applications',
    name: 'GET /applications/{id}',
    kind: 'read',
    request: () => ({ method: 'GET', path: `/applications/${application.id}`, token: owner }),
    // The record, then today's roster of its department (who holds it now: the post covering an absent holder).
    raw: async () => {
      await db.send(new GetCommand({ TableName: tableName, Key: keys.application(application.id), ConsistentRead: true }));
      await db.send(
        new QueryCommand({
          TableName: tableName,
          ...keyCondition(patterns.rosterWithAbsences(dept, localDate(new Date()))),
          ConsistentRead: true,
        }),
      );
    },
  },
  {
    concern: 'applications',
    name: 'POST /applications',
    kind: 'write',
    request: () => ({ method: 'POST', path: '/applications', token: owner, body: { itemCode: 'BENCH-SC', materials: ['form'] } }),
    raw: async () => {
      // The same calls: the approval item, the roster, and the new application on its three indexes.
      const n = next();
      await db.send(new GetCommand({ TableName: tableName, Key: keys.approvalItem('BENCH-SC') }));
      await db.send(new GetCommand({ TableName: tableName, Key: keys.roster(dept) }));
      const instant = new Date().toISOString();
      await db.send(
        new TransactWriteCommand({
          TransactItems: [
            {
              Put: {
                TableName: tableName,
                Item: {
                  ...keys.application(`raw-${n}`),
                  ...lists.applications.entries({ dept, enterpriseId: visited, at: instant, id: `raw-${n}` }),
                  status: 'received',
                  version: 1,
                  timeline: [],
                },
                ConditionExpression: 'attribute_not_exists(pk)',
              },
            },
          ],
        }),
      );
    },
  },
];
