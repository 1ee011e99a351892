/** The registry concern's representative read and write, through the gateway and as the DynamoDB calls they make. */
import { GetCommand, PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { keyCondition, keys, patterns } from '../../shared/data/table.ts';
import type { BenchWorld, Scenario } from './world.ts';

export const registryScenarios = ({ db, tableName, next, office }: BenchWorld): Scenario[] => [
  {
    concern: 'registry',
    name: 'GET /departments',
    kind: 'read',
    request: () => ({ method: 'GET', path: '/departments?limit=50' }),
    raw: () => db.send(new QueryCommand({ TableName: tableName, ...keyCondition(patterns.departments()), Limit: 50 })),
  },
  {
    concern: 'registry',
    name: 'PUT /departments/{id}',
    kind: 'write',
    request: () => ({ method: 'PUT', path: `/departments/bench-${next() % 200}`, token: office, body: { name: 'Bench' } }),
    raw: async () => {
      const id = `bench-raw-${next() % 200}`;
      await db.send(new GetCommand({ TableName: tableName, Key: keys.department(id) }));
      await db.send(
        new PutCommand({
          TableName: tableName,
          Item: { ...keys.department(id), ...keys.departmentsIndex(id), deptId: id, name: 'Bench' },
        }),
      );
    },
  },
];
