import { describe, expect, it } from 'vitest';
import {
  checkCollection,
  entryHash,
  genesisHash,
  inForceFrom,
  meetsStandard,
  verifyChain,
  type ChainedEntry,
  type FeeItem,
} from '../../functions/fee-cards/rules.ts';

const item: FeeItem = {
  code: 'MR-001',
  unit: 'market-regulation',
  name: 'Verification of weights',
  legalBasis: 'Metrology Law art. 9',
  standard: { kind: 'range', min: 5000, max: 20000 },
  validFrom: '2026-01-01',
  validTo: '2026-12-31',
  revision: 1,
  publishedAt: '2026-01-01T00:00:00+08:00',
};
const collection = { feeItemCode: 'MR-001', unit: 'market-regulation', amount: 12000, collectedOn: '2026-11-10' };

describe('checking a collection against the published fee list', () => {
  it('lets a listed fee of the unit, in force, within its standard', () => {
    expect(checkCollection(item, collection)).toBeUndefined();
  });

  it('refuses a fee that is not published', () => {
    expect(checkCollection(undefined, collection)?.rule).toBe('fee-item-not-published');
  });

  it("refuses another unit's fee", () => {
    expect(checkCollection(item, { ...collection, unit: 'tax' })?.rule).toBe('fee-item-of-another-unit');
  });

  it('refuses a fee outside its validity, on the exact edges too', () => {
    expect(checkCollection(item, { ...collection, collectedOn: '2025-12-31' })?.rule).toBe('fee-item-not-valid-on-date');
    expect(checkCollection(item, { ...collection, collectedOn: '2027-01-01' })?.rule).toBe('fee-item-not-valid-on-date');
    expect(checkCollection(item, { ...collection, collectedOn: '2026-01-01' })).toBeUndefined();
    expect(checkCollection(item, { ...collection, collectedOn: '2026-12-31' })).toBeUndefined();
  });

  it('refuses an amount outside the standard and says so in yuan', () => {
    const violation = checkCollection(item, { ...collection, amount: 20001 });
    expect(violation?.rule).toBe('amount-outside-standard');
    expect(violation?.detail).toContain('between 50.00 yuan and 200.00 yuan; 200.01 yuan was recorded');
    expect(checkCollection(item, { ...collection, amount: 4999 })?.rule).toBe('amount-outside-standard');
  });

  it('meets a fixed standard only at its exact amount, a range on both bounds', () => {
    expect(meetsStandard({ kind: 'fixed', amount: 1000 }, 1000)).toBe(true);
    expect(meetsStandard({ kind: 'fixed', amount: 1000 }, 999)).toBe(false);
    expect(meetsStandard({ kind: 'range', min: 10, max: 20 }, 10)).toBe(true);
    expect(meetsStandard({ kind: 'range', min: 10, max: 20 }, 20)).toBe(true);
  });
});

describe('the hash chain of a card', () => {
  const enterpriseId = '91350100M000100Y43';
  function chain(amounts: number[]): ChainedEntry[] {
    const entries: ChainedEntry[] = [];
    let prevHash = genesisHash(enterpriseId);
    amounts.forEach((amount, index) => {
      const record = {
        entryId: String(index + 1).padStart(8, '0'),
        enterpriseId,
        unit: 'market-regulation',
        feeItemCode: 'MR-001',
        feeItemName: 'Verification',
        legalBasis: 'law',
        standard: { kind: 'fixed' as const, amount },
        amount,
        collector: 'Wang',
        collectedAt: '2026-11-10T10:00:00.000+08:00',
        receiptNo: `R-${index}`,
        recordedAt: '2026-11-10T10:00:01.000+08:00',
        recordedBy: 'clerk',
        prevHash,
      };
      const hash = entryHash(record);
      entries.push({ ...record, hash });
      prevHash = hash;
    });
    return entries;
  }
  const headOf = (entries: ChainedEntry[]) => ({ entryCount: entries.length, headHash: entries.at(-1)?.hash ?? genesisHash(enterpriseId) });

  it('verifies an untouched chain, and an empty card', () => {
    const entries = chain([100, 200, 300]);
    expect(verifyChain(enterpriseId, headOf(entries), entries)).toEqual({ valid: true, entries: 3 });
    expect(verifyChain(enterpriseId, headOf([]), [])).toEqual({ valid: true, entries: 0 });
  });

  it('detects an altered amount', () => {
    const entries = chain([100, 200, 300]);
    const head = headOf(entries);
    entries[1] = { ...entries[1]!, amount: 1 };
    expect(verifyChain(enterpriseId, head, entries)).toMatchObject({
      valid: false,
      problem: 'entry 00000002 was altered after it was recorded',
    });
  });

  it('detects an altered entry whose hash was recomputed (the next link breaks)', () => {
    const entries = chain([100, 200, 300]);
    const head = headOf(entries);
    const forged = { ...entries[0]!, amount: 1 };
    entries[0] = { ...forged, hash: entryHash(forged) };
    expect(verifyChain(enterpriseId, head, entries)).toMatchObject({
      valid: false,
      problem: 'entry 00000002 does not link to the entry before it',
    });
  });

  it('detects a deleted entry in the middle and at the end', () => {
    const entries = chain([100, 200, 300]);
    const head = headOf(entries);
    expect(verifyChain(enterpriseId, head, [entries[0]!, entries[2]!])).toMatchObject({
      valid: false,
      problem: 'entry 00000002 is missing',
    });
    expect(verifyChain(enterpriseId, head, entries.slice(0, 2))).toMatchObject({
      valid: false,
      problem: 'the card records 3 entries but 2 remain',
    });
  });

  it("detects a chain copied from another enterprise's card", () => {
    const entries = chain([100]);
    expect(verifyChain('91110108MA01ABCD1E', headOf(entries), entries).valid).toBe(false);
  });
});

describe('from when a publication of a fee item is in force', () => {
  const now = new Date('2026-06-15T02:00:00Z');
  it('a first publication: from its publication, or from a past validFrom (a fee list already in force)', () => {
    expect(inForceFrom(undefined, undefined, now)).toEqual(now);
    expect(inForceFrom(undefined, '2026-05-01', now)).toEqual(new Date('2026-04-30T16:00:00Z'));
    expect(inForceFrom(undefined, '2026-07-01', now)).toEqual(now);
  });
  it('a revision: from its publication, whatever its validFrom, so earlier collections keep their standard', () => {
    const previous = { publishedAt: '2026-06-01T09:00:00.000+08:00', inForceFrom: '2026-05-01T00:00:00.000+08:00' };
    expect(inForceFrom(previous, '2026-01-01', now)).toEqual(now);
    // Never before the revision it follows, even with a clock a little behind.
    expect(
      inForceFrom({ publishedAt: '2026-06-15T10:00:01.000+08:00', inForceFrom: '2026-06-15T10:00:01.000+08:00' }, undefined, now),
    ).toEqual(new Date('2026-06-15T02:00:01Z'));
  });
});
