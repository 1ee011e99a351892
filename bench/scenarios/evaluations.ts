/** The evaluations concern's representative read and write, through the gateway and as the DynamoDB calls they make. */
import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { keyCondition, patterns } from '../../shared/data/table.ts';
import type { BenchWorld, Scenario } from './world.ts';

export const evaluationScenarios = ({ db, tableName, quarter }: BenchWorld): Scenario[] => [
  {
    concern: 'evaluations',
    name: 'GET /evaluations/{quarter}',
    kind: 'read',
    request: () => ({ method: 'GET', path: `/evaluations/${quarter}` }),
    raw: async () => {
      await db.send(new QueryCommand({ TableName: tableName, ...keyCondition(patterns.departments()) }));
      await db.send(new QueryCommand({ TableName: tableName, ...keyCondition(patterns.evaluationOfQuarter(quarter)) }));
    },
  },
];
