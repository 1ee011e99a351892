/**
 * The fee-card rules (企业付费登记卡, work plan §二.2.一), pure: no I/O, the clock passed in.
 */
import { createHash } from 'node:crypto';
import { addDays, localDate, startOfLocalDate } from '#shared/time/clock';
import type { Violation } from '#shared/domain/errors';
import { keys } from '#shared/data/table';

export type FeeStandard = { kind: 'fixed'; amount: number } | { kind: 'range'; min: number; max: number };

export interface FeeItem {
  code: string;
  unit: string;
  name: string;
  legalBasis: string;
  standard: FeeStandard;
  validFrom?: string;
  validTo?: string;
  revision: number;
  publishedAt: string;
  /** From when this revision is the standard collections are checked against (see inForceFrom). */
  inForceFrom?: string;
}

/**
 * A fee list is in force by whole local dates (China Standard Time), as a fee standard takes
 * effect on its 执行日期: a publication or a revision takes effect at the first hour of its
 * validFrom date (by default the day it is published), and a collection is checked against what
 * is in force on the collection's date (see inForceBy). A past validFrom reaches back: a first
 * publication is then the county entering a fee list already in force. A revision never takes
 * effect before the one it follows, so the later publication is the one in force once both are.
 * Nothing recorded is judged again: an entry keeps the standard it met.
 */
export function inForceFrom(
  previous: Pick<FeeItem, 'publishedAt' | 'inForceFrom'> | undefined,
  validFrom: string | undefined,
  now: Date,
): Date {
  const from = startOfLocalDate(validFrom ?? localDate(now));
  if (!previous) return from;
  const previousFrom = new Date(previous.inForceFrom ?? previous.publishedAt);
  return previousFrom > from ? previousFrom : from;
}

/**
 * The instant by which a publication must take effect to be in force on a local date: the
 * date's last millisecond. A collection on that date is checked against the last publication
 * in force by then, whatever the hour it was collected or published.
 */
export function inForceBy(date: string): Date {
  return new Date(startOfLocalDate(addDays(date, 1)).getTime() - 1);
}

/** Complaint categories a refused charge may fall in (plan §三.2, §三.3); the default is an unregistered fee. */
export const REFUSAL_CATEGORIES = ['unregistered-fee', 'fee-without-service', 'tie-in-charge', 'levy', 'arbitrary-fine', 'other'] as const;
export type RefusalCategory = (typeof REFUSAL_CATEGORIES)[number];

export const yuan = (fen: number): string => `${(fen / 100).toFixed(2)} yuan`;
export const yuanZh = (fen: number): string => `${(fen / 100).toFixed(2)}元`;

export function describeStandard(standard: FeeStandard): string {
  return standard.kind === 'fixed' ? `exactly ${yuan(standard.amount)}` : `between ${yuan(standard.min)} and ${yuan(standard.max)}`;
}

export function meetsStandard(standard: FeeStandard, amount: number): boolean {
  return standard.kind === 'fixed' ? amount === standard.amount : amount >= standard.min && amount <= standard.max;
}

/**
 * Checks a collection against the published fee list: the item (the revision in force on the
 * collection's date) exists, is the collecting unit's own, is valid on the collection date,
 * and the amount meets its standard.
 */
export function checkCollection(
  item: FeeItem | undefined,
  collection: { feeItemCode: string; unit: string; amount: number; collectedOn: string },
): Violation | undefined {
  if (!item) {
    return {
      rule: 'fee-item-not-published',
      title: 'This fee is not on the published fee list',
      detail: `Fee item ${collection.feeItemCode} was not on the published fee list on ${collection.collectedOn}, so it may not be charged and the enterprise may refuse to pay it.`,
    };
  }
  if (item.unit !== collection.unit) {
    return {
      rule: 'fee-item-of-another-unit',
      title: 'This fee belongs to another unit',
      detail: `Fee item ${item.code} (${item.name}) is published for ${item.unit}, not for ${collection.unit}.`,
    };
  }
  if ((item.validFrom && collection.collectedOn < item.validFrom) || (item.validTo && collection.collectedOn > item.validTo)) {
    return {
      rule: 'fee-item-not-valid-on-date',
      title: 'This fee was not in force on the collection date',
      detail: `Fee item ${item.code} is in force from ${item.validFrom ?? 'its publication'} to ${item.validTo ?? 'further notice'}; the collection date ${collection.collectedOn} is outside that.`,
    };
  }
  if (!meetsStandard(item.standard, collection.amount)) {
    return {
      rule: 'amount-outside-standard',
      title: 'The amount does not meet the legal standard',
      detail: `Fee item ${item.code} (${item.name}) must be ${describeStandard(item.standard)}; ${yuan(collection.amount)} was recorded.`,
    };
  }
  return undefined;
}

/** The fields of an entry that its hash covers: everything recorded, nothing derived later. */
export interface EntryRecord {
  entryId: string;
  enterpriseId: string;
  unit: string;
  feeItemCode: string;
  feeItemName: string;
  legalBasis: string;
  standard: FeeStandard;
  amount: number;
  collector: string;
  collectedAt: string;
  receiptNo: string;
  recordedAt: string;
  recordedBy: string;
  prevHash: string;
}

export interface ChainedEntry extends EntryRecord {
  hash: string;
}

function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    return `{${Object.keys(value)
      .sort()
      .map((key) => `${JSON.stringify(key)}:${canonicalJson((value as Record<string, unknown>)[key])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value);
}

const sha256 = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex');

/** The hash a card's chain starts from. */
export const genesisHash = (enterpriseId: string): string => sha256(`soft-env fee card ${enterpriseId}`);

export function entryHash(record: EntryRecord): string {
  const covered: EntryRecord = {
    entryId: record.entryId,
    enterpriseId: record.enterpriseId,
    unit: record.unit,
    feeItemCode: record.feeItemCode,
    feeItemName: record.feeItemName,
    legalBasis: record.legalBasis,
    standard: record.standard,
    amount: record.amount,
    collector: record.collector,
    collectedAt: record.collectedAt,
    receiptNo: record.receiptNo,
    recordedAt: record.recordedAt,
    recordedBy: record.recordedBy,
    prevHash: record.prevHash,
  };
  return sha256(canonicalJson(covered));
}

export interface ChainStatus {
  valid: boolean;
  entries: number;
  problem?: string;
}

/**
 * Verifies a card's hash chain: entries numbered 1..n without gaps, each linked to the one
 * before and hashing to what it stores, and the last matching the head kept on the card.
 * An altered, inserted or deleted entry (the last one included) breaks it.
 * Fed entry by entry in order (a card's entries are read a page at a time), so a long card is
 * verified whole without holding it; `entries` counts every entry seen, the first problem is kept.
 */
export function chainVerifier(enterpriseId: string) {
  let previous = genesisHash(enterpriseId);
  let seen = 0;
  let problem: string | undefined;
  return {
    add(entry: ChainedEntry): void {
      seen += 1;
      if (problem) return;
      const expectedId = keys.entryIdOf(seen);
      if (entry.entryId !== expectedId) problem = `entry ${expectedId} is missing`;
      else if (entry.prevHash !== previous) problem = `entry ${entry.entryId} does not link to the entry before it`;
      else if (entryHash(entry) !== entry.hash) problem = `entry ${entry.entryId} was altered after it was recorded`;
      previous = entry.hash;
    },
    get seen(): number {
      return seen;
    },
    finish(head: { entryCount: number; headHash: string }): ChainStatus {
      if (problem) return { valid: false, entries: seen, problem };
      if (seen !== head.entryCount)
        return { valid: false, entries: seen, problem: `the card records ${head.entryCount} entries but ${seen} remain` };
      if (previous !== head.headHash)
        return { valid: false, entries: seen, problem: 'the last entry does not match the head kept on the card' };
      return { valid: true, entries: seen };
    },
  };
}

/** Verifies a whole chain held in memory (see chainVerifier). */
export function verifyChain(
  enterpriseId: string,
  head: { entryCount: number; headHash: string },
  entries: readonly ChainedEntry[],
): ChainStatus {
  const verifier = chainVerifier(enterpriseId);
  for (const entry of entries) verifier.add(entry);
  return verifier.finish(head);
}
