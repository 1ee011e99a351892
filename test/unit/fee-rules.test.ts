import { describe, expect, it } from 'vitest';
import {
  checkCollection,
  entryHash,
  genesisHash,
  inForceBy,
  inForceFrom,
  meetsStandard,
  verifyChain,
  type ChainedEntry,
  type FeeItem,
} from '../../functions/fee-cards/rules.ts';
import { addDays, localDate, startOfLocalDate, toLocalIso } from '#shared/time/clock';

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

describe('a fee list is in force by whole local dates (China Standard Time)', () => {
  // Dates relative to today (China time), so that the test never expires.
  const today = localDate(new Date());
  const yesterday = addDays(today, -1);
  const tomorrow = addDays(today, 1);
  const at = (date: string, time: string) => new Date(`${date}T${time}+08:00`);
  /** Whether a publication in force from `from` is in force for a collection at `collectedAt` (what the store asks). */
  const coversCollectionAt = (from: Date, collectedAt: Date) => from <= inForceBy(localDate(collectedAt));

  it('a publication this morning covers a collection made earlier this morning, and none made yesterday', () => {
    const publishedAt = at(today, '09:30:00');
    const from = inForceFrom(undefined, undefined, publishedAt);
    expect(from).toEqual(startOfLocalDate(today));
    expect(coversCollectionAt(from, at(today, '08:30:00'))).toBe(true);
    expect(coversCollectionAt(from, at(today, '00:00:00'))).toBe(true);
    expect(coversCollectionAt(from, at(yesterday, '23:59:59.999'))).toBe(false);
    expect(coversCollectionAt(from, at(yesterday, '10:00:00'))).toBe(false);
  });

  it('takes the date in China time at midnight, not the UTC date', () => {
    // 00:10 in China is still the day before in UTC.
    const justAfterMidnight = at(today, '00:10:00');
    expect(justAfterMidnight.toISOString().slice(0, 10)).toBe(yesterday);
    expect(inForceFrom(undefined, undefined, justAfterMidnight)).toEqual(startOfLocalDate(today));
    expect(inForceFrom(undefined, undefined, at(today, '23:59:59.999'))).toEqual(startOfLocalDate(today));
    expect(startOfLocalDate(today).toISOString()).toBe(`${yesterday}T16:00:00.000Z`);
    // The last millisecond of a China date, and not one more.
    expect(inForceBy(today).toISOString()).toBe(`${today}T15:59:59.999Z`);
    const publishedTomorrow = inForceFrom(undefined, undefined, at(tomorrow, '00:00:00'));
    expect(coversCollectionAt(publishedTomorrow, at(today, '23:59:59.999'))).toBe(false);
    expect(coversCollectionAt(publishedTomorrow, at(tomorrow, '00:00:00'))).toBe(true);
  });

  it('a validFrom date sets the first hour it is in force, in the past (a fee list already in force) or the future', () => {
    const now = at(today, '15:00:00');
    expect(inForceFrom(undefined, addDays(today, -30), now)).toEqual(startOfLocalDate(addDays(today, -30)));
    const scheduled = inForceFrom(undefined, tomorrow, now);
    expect(scheduled).toEqual(startOfLocalDate(tomorrow));
    expect(coversCollectionAt(scheduled, now)).toBe(false);
  });

  it('a revision with validFrom tomorrow leaves today to the standard in force now', () => {
    const first = {
      publishedAt: toLocalIso(at(addDays(today, -20), '10:00:00')),
      inForceFrom: toLocalIso(startOfLocalDate(addDays(today, -20))),
    };
    const revision = inForceFrom(first, tomorrow, at(today, '11:00:00'));
    expect(revision).toEqual(startOfLocalDate(tomorrow));
    expect(coversCollectionAt(revision, at(today, '09:00:00'))).toBe(false);
    expect(coversCollectionAt(new Date(first.inForceFrom), at(today, '09:00:00'))).toBe(true);
    expect(coversCollectionAt(revision, at(tomorrow, '00:00:00'))).toBe(true);
  });

  it('a revision published today without validFrom is in force all of today; never before the revision it follows', () => {
    const first = {
      publishedAt: toLocalIso(at(addDays(today, -20), '10:00:00')),
      inForceFrom: toLocalIso(startOfLocalDate(addDays(today, -20))),
    };
    expect(inForceFrom(first, undefined, at(today, '16:00:00'))).toEqual(startOfLocalDate(today));
    // A revision that follows one scheduled for tomorrow waits for it.
    const scheduled = { publishedAt: toLocalIso(at(today, '10:00:00')), inForceFrom: toLocalIso(startOfLocalDate(tomorrow)) };
    expect(inForceFrom(scheduled, undefined, at(today, '11:00:00'))).toEqual(startOfLocalDate(tomorrow));
    expect(inForceFrom(scheduled, addDays(today, -5), at(today, '11:00:00'))).toEqual(startOfLocalDate(tomorrow));
    // One published before whole dates were kept stood from its instant: the next never comes before it.
    const legacy = { publishedAt: toLocalIso(at(today, '09:30:00')), inForceFrom: toLocalIso(at(today, '09:30:00')) };
    expect(inForceFrom(legacy, undefined, at(today, '10:00:00'))).toEqual(at(today, '09:30:00'));
  });
});
