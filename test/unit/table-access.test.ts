/** The table-access kit's pure parts: access patterns and their key conditions, codecs, the backoff. */
import { describe, expect, it } from 'vitest';
import { keyCondition, keys, lists, patterns, TABLE } from '#shared/table';
import { timelineCodec } from '#shared/codecs';
import { backoffMs } from '#shared/retry';

describe('access patterns', () => {
  it('read the list a record joins through the same declaration (index and partition)', () => {
    const written = keys.inspectionIndexes('tax', 'ENT1', '2026-03-02', 'i1');
    for (const pattern of [patterns.inspectionsOfDepartment('tax'), patterns.inspectionsOfEnterprise('ENT1'), patterns.allInspections()]) {
      const index = TABLE.indexes[pattern.index!];
      expect(written[index.partitionKey]).toBe(pattern.partition);
      expect(written[index.sortKey]).toBe('2026-03-02#i1');
    }
    expect(keys.complaintsIndex('tax', 'T', 'c1')).toEqual({ gsi1pk: 'COMPLAINTS#tax', gsi1sk: 'T#c1', gsi2pk: 'COMPLAINTS', gsi2sk: 'T#c1' });
    expect(lists.departments.entry('tax')).toEqual({ gsi1pk: 'DEPARTMENTS', gsi1sk: 'tax' });
  });

  it('turn into the key condition of a Query: index, partition, sort condition, order', () => {
    expect(keyCondition(patterns.inspectionsOfDepartment('tax', '2026-03'))).toEqual({
      IndexName: 'gsi1', KeyConditionExpression: 'gsi1pk = :pk AND begins_with(gsi1sk, :sk)', ExpressionAttributeValues: { ':pk': 'INSPECTIONS#DEPT#tax', ':sk': '2026-03' },
    });
    expect(keyCondition(patterns.alerts())).toMatchObject({ IndexName: 'gsi1', ScanIndexForward: false });
    expect(keyCondition(patterns.findingsOfEnterpriseBetween('E', '2026-01-01', '2026-12-31'))).toEqual({
      KeyConditionExpression: 'pk = :pk AND sk BETWEEN :from AND :to', ExpressionAttributeValues: { ':pk': 'FINDINGS#E', ':from': '2026-01-01', ':to': '2026-12-31~' },
    });
    expect(keyCondition(patterns.watchesEscalatingFrom('X'))).toMatchObject({ IndexName: 'gsi3', KeyConditionExpression: 'gsi3pk = :pk AND gsi3sk >= :from' });
  });
});

describe('codecs', () => {
  it('decode a stored item into its type, leaving the key attributes out, and refuse one that does not fit', () => {
    const timeline = { warnAt: 'a', deadline: 'b', escalateAt: 'c', timing: { start: 's', limitDays: 5 } };
    expect(timelineCodec.parse({ ...timeline, pk: 'P', gsi1pk: 'G' })).toEqual(timeline);
    expect(() => timelineCodec.parse({ warnAt: 'a', deadline: 'b' })).toThrow();
  });
});

describe('backoff', () => {
  it('waits at most an exponential cap, up to 250 ms, and scales with the random draw', () => {
    expect(backoffMs(0, 0.999)).toBeLessThan(10);
    expect(backoffMs(3, 1)).toBe(80);
    expect(backoffMs(20, 1)).toBe(250);
    expect(backoffMs(5, 0)).toBe(0);
  });
});
