/** The table-access kit's pure parts: access patterns and their key conditions, codecs, the backoff. */
import { describe, expect, it } from 'vitest';
import { keyCondition, keys, lists, patterns, TABLE } from '#shared/data/table';
import { timelineCodec } from '#shared/data/codecs';
import { backoffMs } from '#shared/data/retry';

describe('access patterns', () => {
  it('read the list a record joins through the same declaration (index and partition)', () => {
    const written = lists.inspections.entries({ dept: 'tax', enterpriseId: 'ENT1', at: '2026-03-02', id: 'i1' });
    for (const pattern of [
      patterns.inspections({ by: 'department', dept: 'tax' }),
      patterns.inspections({ by: 'enterprise', enterpriseId: 'ENT1' }),
      patterns.inspections({ by: 'all' }),
    ]) {
      const index = TABLE.indexes[pattern.index!];
      expect(written[index.partitionKey]).toBe(pattern.partition);
      expect(written[index.sortKey]).toBe('2026-03-02#i1');
    }
    expect(lists.complaints.entries({ dept: 'tax', at: 'T', id: 'c1' })).toEqual({
      gsi1pk: 'COMPLAINTS#tax',
      gsi1sk: 'T#c1',
      gsi2pk: 'COMPLAINTS',
      gsi2sk: 'T#c1',
    });
    expect(lists.departments.entry('tax')).toEqual({ gsi1pk: 'DEPARTMENTS', gsi1sk: 'tax' });
  });

  it("keep the keys records were stored under, and read them back: applications, appointments, an enterprise's complaints, the catalogues, a unit's card entries", () => {
    // The deployed layout: records written before the kit must still be found.
    expect(lists.applications.entries({ dept: 'tax', enterpriseId: 'E1', at: 'T', id: 'a1' })).toEqual({
      gsi1pk: 'APPLICATIONS#DEPT#tax',
      gsi1sk: 'T#a1',
      gsi2pk: 'APPLICATIONS#ENT#E1',
      gsi2sk: 'T#a1',
      gsi3pk: 'APPLICATIONS',
      gsi3sk: 'T#a1',
    });
    expect(lists.appointments.entries({ dept: 'tax', enterpriseId: 'E1', at: 'T', id: 'p1' })).toEqual({
      gsi1pk: 'APPOINTMENTS#DEPT#tax',
      gsi1sk: 'T#p1',
      gsi2pk: 'APPOINTMENTS#ENT#E1',
      gsi2sk: 'T#p1',
      gsi3pk: 'APPOINTMENTS',
      gsi3sk: 'T#p1',
    });
    expect(lists.complaints.entries({ dept: 'tax', enterpriseId: 'E1', at: 'T', id: 'c1' })).toMatchObject({
      gsi3pk: 'COMPLAINTS#ENT#E1',
      gsi3sk: 'T#c1',
    });
    expect(lists.feeItems.entries('tax', 'F1')).toEqual({ gsi1pk: 'FEEITEMS#tax', gsi1sk: 'F1', gsi2pk: 'FEEITEMS', gsi2sk: 'tax#F1' });
    expect(lists.approvalItems.entries('tax', 'A1')).toEqual({
      gsi1pk: 'APPROVALITEMS#tax',
      gsi1sk: 'A1',
      gsi2pk: 'APPROVALITEMS',
      gsi2sk: 'tax#A1',
    });
    expect(keys.unitEntriesIndex('E1', 'tax', 3)).toEqual({ gsi2pk: 'CARDENTRIES#E1#tax', gsi2sk: 'ENTRY#00000003' });
    const readers: [Record<string, string>, ReturnType<typeof patterns.applications>][] = [
      [
        lists.applications.entries({ dept: 'tax', enterpriseId: 'E1', at: 'T', id: 'a1' }),
        patterns.applications({ by: 'department', dept: 'tax' }),
      ],
      [
        lists.applications.entries({ dept: 'tax', enterpriseId: 'E1', at: 'T', id: 'a1' }),
        patterns.applications({ by: 'enterprise', enterpriseId: 'E1' }),
      ],
      [lists.applications.entries({ dept: 'tax', enterpriseId: 'E1', at: 'T', id: 'a1' }), patterns.applications({ by: 'all' })],
      [
        lists.appointments.entries({ dept: 'tax', enterpriseId: 'E1', at: 'T', id: 'p1' }),
        patterns.appointments({ by: 'department', dept: 'tax' }),
      ],
      [
        lists.appointments.entries({ dept: 'tax', enterpriseId: 'E1', at: 'T', id: 'p1' }),
        patterns.appointments({ by: 'enterprise', enterpriseId: 'E1' }),
      ],
      [lists.appointments.entries({ dept: 'tax', enterpriseId: 'E1', at: 'T', id: 'p1' }), patterns.appointments({ by: 'all' })],
      [
        lists.complaints.entries({ dept: 'tax', enterpriseId: 'E1', at: 'T', id: 'c1' }),
        patterns.complaints({ by: 'enterprise', enterpriseId: 'E1' }),
      ],
    ];
    for (const [written, pattern] of readers) {
      expect(written[TABLE.indexes[pattern.index!].partitionKey]).toBe(pattern.partition);
      expect(pattern.newestFirst).toBe(true);
    }
    const today = new Date().toISOString().slice(0, 10);
    expect(keyCondition(patterns.rosterWithAbsences('tax', today))).toEqual({
      KeyConditionExpression: 'pk = :pk AND sk BETWEEN :from AND :to',
      ExpressionAttributeValues: { ':pk': 'DEPT#tax', ':from': `ABSENCE#${today}`, ':to': 'HANDLERS' },
    });
  });

  it('turn into the key condition of a Query: index, partition, sort condition, order', () => {
    expect(keyCondition(patterns.inspections({ by: 'department', dept: 'tax' }, '2026-03'))).toEqual({
      IndexName: 'gsi1',
      KeyConditionExpression: 'gsi1pk = :pk AND begins_with(gsi1sk, :sk)',
      ExpressionAttributeValues: { ':pk': 'INSPECTIONS#DEPT#tax', ':sk': '2026-03' },
    });
    expect(keyCondition(patterns.alerts())).toMatchObject({ IndexName: 'gsi1', ScanIndexForward: false });
    expect(keyCondition(patterns.findingsOfEnterpriseBetween('E', '2026-01-01', '2026-12-31'))).toEqual({
      KeyConditionExpression: 'pk = :pk AND sk BETWEEN :from AND :to',
      ExpressionAttributeValues: { ':pk': 'FINDINGS#E', ':from': '2026-01-01', ':to': '2026-12-31~' },
    });
    expect(keyCondition(patterns.watchesEscalatingFrom('X'))).toMatchObject({
      IndexName: 'gsi3',
      KeyConditionExpression: 'gsi3pk = :pk AND gsi3sk >= :from',
    });
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
