/**
 * Flat cost: the same read (a unit's fee items) and write (a department) at 1,000 and at 100,000
 * records in the table, with the capacity each consumes: cost per request must not grow with the table.
 */
import { BatchWriteCommand, PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { keyCondition, keys, lists, patterns } from '../shared/data/table.ts';
import type { BenchWorld, Scenario } from './scenarios/world.ts';
import type { Measured } from './requests.ts';

export type FlatCost = Record<string, { read: Measured; write: Measured; capacity: { read: number | null; write: number | null } }>;

export async function measureFlatCost(
  { db, tableName, dept, next }: BenchWorld,
  { flatRead, flatWrite }: { flatRead: Scenario; flatWrite: Scenario },
  loop: (scenario: Scenario, seconds: number) => Promise<Measured>,
  seconds: number,
  log: (line: string) => void,
): Promise<FlatCost> {
  const capacity = async () => {
    // The read's Query and a first write of a new department (table and index), as the requests make them.
    const read = await db.send(
      new QueryCommand({
        TableName: tableName,
        ...keyCondition(patterns.feeItemsOfUnit(dept)),
        Limit: 50,
        ReturnConsumedCapacity: 'TOTAL',
      }),
    );
    const id = `bench-capacity-${next()}`;
    const write = await db.send(
      new PutCommand({
        TableName: tableName,
        Item: { ...keys.department(id), ...keys.departmentsIndex(id), deptId: id, name: 'Bench' },
        ReturnConsumedCapacity: 'TOTAL',
      }),
    );
    return { read: read.ConsumedCapacity?.CapacityUnits ?? null, write: write.ConsumedCapacity?.CapacityUnits ?? null };
  };
  const fill = async (from: number, to: number) => {
    // Filler fee items of other units: the same kind of record, in the same table and indexes.
    const batches: Record<string, unknown>[][] = [];
    for (let i = from; i < to; i += 25) {
      batches.push(
        Array.from({ length: Math.min(25, to - i) }, (_, j) => ({
          PutRequest: {
            Item: {
              ...keys.feeItem(`FILL-${i + j}`),
              ...lists.feeItems.entries(`filler-${(i + j) % 97}`, `FILL-${i + j}`),
              type: 'fee-item',
              code: `FILL-${i + j}`,
              name: 'Filler',
              standard: { kind: 'fixed', amount: 1 },
            },
          },
        })),
      );
    }
    let index = 0;
    await Promise.all(
      Array.from({ length: 8 }, async () => {
        while (index < batches.length) {
          const batch = batches[index++]!;
          let request: Record<string, any> | undefined = { [tableName]: batch };
          while (request && Object.keys(request).length) {
            const result: { UnprocessedItems?: Record<string, any> } = await db.send(new BatchWriteCommand({ RequestItems: request }));
            request = result.UnprocessedItems;
          }
        }
      }),
    );
  };
  const flat: FlatCost = {};
  log('flat cost: 1,000 records');
  await fill(0, 1000);
  await loop(flatRead, 1);
  flat['1000'] = {
    read: await loop(flatRead, seconds),
    write: await loop(flatWrite, seconds),
    capacity: await capacity(),
  };
  log('flat cost: filling to 100,000 records');
  await fill(1000, 100_000);
  await loop(flatRead, 1);
  flat['100000'] = {
    read: await loop(flatRead, seconds),
    write: await loop(flatWrite, seconds),
    capacity: await capacity(),
  };
  return flat;
}
