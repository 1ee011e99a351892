/** The complaints concern's representative read and write, through the gateway and as the DynamoDB calls they make. */
import { createHash } from 'node:crypto';
import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { keys } from '../../shared/data/table.ts';
import type { BenchWorld, Scenario } from './world.ts';

export const complaintScenarios = ({ db, tableName, next, dept, clerk, complaint }: BenchWorld): Scenario[] => [
  {
    concern: 'complaints',
    name: 'GET /complaints/track/{code}',
    kind: 'read',
    request: () => ({ method: 'GET', path: `/complaints/track/${complaint.trackingCode}` }),
    raw: async () => {
      await db.send(
        new GetCommand({ TableName: tableName, Key: keys.tracking(createHash('sha256').update(complaint.trackingCode).digest('hex')) }),
      );
      await db.send(new GetCommand({ TableName: tableName, Key: keys.complaint(complaint.id), ConsistentRead: true }));
    },
  },
  {
    concern: 'complaints',
    name: 'PUT /departments/{id}/handlers',
    kind: 'write',
    request: () => ({
      method: 'PUT',
      path: `/departments/${dept}/handlers`,
      token: clerk,
      body: { handlers: [{ id: 'a', name: 'A', available: next() % 2 === 0 }] },
    }),
    raw: async () => {
      await db.send(new GetCommand({ TableName: tableName, Key: keys.department(dept) }));
      await db.send(
        new PutCommand({
          TableName: tableName,
          Item: { ...keys.roster('bench-raw'), handlers: [{ id: 'a', name: 'A', available: true }] },
        }),
      );
    },
  },
];
