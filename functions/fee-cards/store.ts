/**
 * The fee-card concern's table access, named after its access patterns. Writes are
 * conditional; an entry, its receipt number, the card's chain head and the day's totals are
 * written in one transaction, so nothing is half-written.
 */
import * as z from 'zod/mini';
import {
  getRecord,
  getRecords,
  queryAll,
  queryFirst,
  queryPage,
  queryPages,
  queryPartitionsPage,
  tableName,
  type StoredItem,
} from '#shared/data/db';
import { newRecord, put, putOne, refused, tryWriteAll, writeAll, type Write } from '#shared/data/db';
import { keys, lists, patterns } from '#shared/data/table';
import { decoderOf, stored } from '#shared/data/codecs';
import { Conflict } from '#shared/domain/errors';
import { countIn } from '#shared/domain/evaluation';
import { inForceBy, type ChainedEntry, type FeeItem } from './rules.ts';
import { entryFields, feeItemFields, refusalFields, rejectedAttemptFields } from './records.ts';

export interface FeeCard {
  enterpriseId: string;
  enterpriseName: string;
  issuedAt: string;
  issuedBy: string;
  entryCount: number;
  headHash: string;
}

const feeItemCodec: z.ZodMiniType<FeeItem> = z.object(feeItemFields(stored));
const decodeFeeItem = decoderOf(feeItemCodec);
const cardCodec: z.ZodMiniType<FeeCard> = z.object({
  enterpriseId: z.string(),
  enterpriseName: z.string(),
  issuedAt: z.string(),
  issuedBy: z.string(),
  entryCount: z.number(),
  headHash: z.string(),
});
const decodeCard = decoderOf(cardCodec);
const entryCodec: z.ZodMiniType<ChainedEntry> = z.object(entryFields(stored));
const decodeEntry = decoderOf(entryCodec);
const refusalCodec = z.object(refusalFields(stored));
export type Refusal = z.infer<typeof refusalCodec>;
const decodeRefusal = decoderOf(refusalCodec);
const rejectedAttemptCodec = z.object(rejectedAttemptFields(stored));
export type RejectedAttempt = z.infer<typeof rejectedAttemptCodec>;
/** An audit event, by the type it is stored as, without its keys and bookkeeping. */
const decodeAuditEvent = (item: Record<string, unknown>): ChainedEntry | Refusal | RejectedAttempt =>
  item.type === 'rejected-fee-attempt'
    ? rejectedAttemptCodec.parse(item)
    : item.type === 'fee-refusal'
      ? decodeRefusal(item)
      : decodeEntry(item);
const totalCodec: z.ZodMiniType<FeeTotal> = z.object({
  date: z.string(),
  kind: z.enum(['ENTRY', 'REFUSED', 'REJECTED']),
  unit: z.string(),
  feeItemCode: z.string(),
  count: z.number(),
  amount: z.number(),
});

/**
 * Publishes a revision: the item on the fee list becomes it, and it is kept beside the earlier
 * ones for the collections of its time; together, and only over the revision it follows (false
 * when another publication came first).
 */
export async function putFeeItemRevision(item: FeeItem & { inForceFrom: string }): Promise<boolean> {
  const outcome = await tryWriteAll<'overtaken'>([
    {
      Put: {
        TableName: tableName,
        Item: { ...keys.feeItem(item.code), ...lists.feeItems.entries(item.unit, item.code), type: 'fee-item', ...item },
        ...(item.revision === 1
          ? { ConditionExpression: 'attribute_not_exists(pk)' }
          : { ConditionExpression: 'revision = :previous', ExpressionAttributeValues: { ':previous': item.revision - 1 } }),
      },
      ifFailed: refused('overtaken'),
    },
    put(
      {
        ...keys.feeItemRevision(item.code, new Date(item.inForceFrom).toISOString(), item.revision),
        type: 'fee-item-revision',
        ...item,
      },
      { ifNew: true, ifFailed: refused('overtaken') },
    ),
  ]);
  return outcome === undefined;
}

/** The revision of a fee item in force on a local date: the last one to take effect by the date's end (see inForceBy). */
export async function feeItemInForceOn(code: string, date: string): Promise<FeeItem | undefined> {
  const by = inForceBy(date);
  const inForce = await queryFirst(patterns.feeItemRevisionsInForceAt(code, by.toISOString()), decodeFeeItem, { consistentRead: true });
  if (inForce) return inForce;
  // An item published before revisions were kept has none: it stands for itself from the day of its publication.
  const current = await getFeeItem(code);
  return current && !current.inForceFrom && Date.parse(current.publishedAt) <= by.getTime() ? current : undefined;
}

export const getFeeItem = (code: string): Promise<FeeItem | undefined> => getRecord(keys.feeItem(code), decodeFeeItem);

export async function feeItemsPage(unit: string | undefined, limit: number, cursor: string | undefined) {
  return queryPage(unit ? patterns.feeItemsOfUnit(unit) : patterns.allFeeItems(), { limit, cursor }, decodeFeeItem);
}

/** Issues a card; a second card for the same enterprise is a conflict. */
export async function createCard(card: FeeCard): Promise<void> {
  await putOne(
    put(
      { ...keys.card(card.enterpriseId), type: 'fee-card', ...card },
      { ifNew: true, ifFailed: () => new Conflict('card-exists', `Enterprise ${card.enterpriseId} already has a fee card.`) },
    ),
  );
}

export const getCard = (enterpriseId: string): Promise<FeeCard | undefined> => getRecord(keys.card(enterpriseId), decodeCard);

/** A page of a card's entries in order: the whole card's, or (index) one unit's own. */
export async function entriesPage(enterpriseId: string, unit: string | undefined, limit: number, cursor: string | undefined) {
  const { items, nextCursor } = await queryPage(
    unit ? patterns.unitEntriesOfCard(enterpriseId, unit) : patterns.entriesOfCard(enterpriseId),
    { limit, cursor, consistentRead: !unit },
    decodeEntry,
  );
  return { entries: items, nextCursor };
}

/** The fields an entry's hash covers, and the hash: all that verifying the chain reads. */
const CHAIN_FIELDS = [
  'entryId',
  'enterpriseId',
  'unit',
  'feeItemCode',
  'feeItemName',
  'legalBasis',
  'standard',
  'amount',
  'collector',
  'collectedAt',
  'receiptNo',
  'recordedAt',
  'recordedBy',
  'prevHash',
  'hash',
] as const;

/**
 * An entry as its chain sees it. One whose stored fields no longer fit an entry was altered in
 * the table: it is kept in the chain with a hash that cannot match, so the chain reports it.
 */
function chainLink(item: StoredItem): ChainedEntry {
  const decoded = entryCodec.safeParse(item);
  if (decoded.success) return decoded.data;
  const text = (value: unknown) => (typeof value === 'string' ? value : '');
  return {
    entryId: text(item.entryId),
    enterpriseId: text(item.enterpriseId),
    unit: '',
    feeItemCode: '',
    feeItemName: '',
    legalBasis: '',
    standard: { kind: 'fixed', amount: 0 },
    amount: 0,
    collector: '',
    collectedAt: '',
    receiptNo: '',
    recordedAt: '',
    recordedBy: '',
    prevHash: text(item.prevHash),
    hash: '',
  };
}

/** Every entry of a card in order, one Query page (up to 1 MB) at a time; nothing else of the card is read. */
export async function* chainEntryPages(enterpriseId: string): AsyncGenerator<ChainedEntry[]> {
  for await (const page of queryPages(patterns.entriesOfCard(enterpriseId), { projection: [...CHAIN_FIELDS], consistentRead: true }))
    yield page.map(chainLink);
}

/** The refusals of the given entries (a page's), by key: never more than the page asks for. */
export async function refusalsOf(enterpriseId: string, seqs: number[]): Promise<Refusal[]> {
  return getRecords(
    seqs.map((seq) => ({ pk: keys.cardPartition(enterpriseId), sk: keys.refusalSk(seq) })),
    decodeRefusal,
  );
}

export const getEntry = (enterpriseId: string, seq: number): Promise<ChainedEntry | undefined> =>
  getRecord({ pk: keys.cardPartition(enterpriseId), sk: keys.entrySk(seq) }, decodeEntry, { consistentRead: false });

const monthOf = (localDate: string) => localDate.slice(0, 7);

/** Appends an entry to the card's chain, conditional on the head it was chained to. */
export async function appendEntry(
  entry: ChainedEntry,
  expectedCount: number,
  collectedOn: string,
  alongside: Write[] = [],
): Promise<'appended' | 'head-moved'> {
  const seq = expectedCount + 1;
  const outcome = await tryWriteAll<'head-moved'>([
    {
      Update: {
        TableName: tableName,
        Key: keys.card(entry.enterpriseId),
        UpdateExpression: 'SET entryCount = :next, headHash = :hash',
        ConditionExpression: 'entryCount = :expected',
        ExpressionAttributeValues: { ':next': seq, ':hash': entry.hash, ':expected': expectedCount },
      },
      // Another entry moved the card's chain head first.
      ifFailed: refused('head-moved'),
    },
    {
      Put: {
        TableName: tableName,
        Item: {
          pk: keys.cardPartition(entry.enterpriseId),
          sk: keys.entrySk(seq),
          ...keys.unitEntriesIndex(entry.enterpriseId, entry.unit, seq),
          ...keys.feeAuditIndex(collectedOn, entry.collectedAt, 'ENTRY', `${entry.enterpriseId}#${entry.entryId}`),
          type: 'fee-entry',
          collectedOn,
          ...entry,
        },
        ConditionExpression: 'attribute_not_exists(pk)',
      },
      // The place after the head was taken by an entry that moved it.
      ifFailed: refused('head-moved'),
    },
    put(
      { ...keys.receipt(entry.unit, entry.receiptNo), type: 'receipt', enterpriseId: entry.enterpriseId, entryId: entry.entryId },
      {
        ifNew: true,
        ifFailed: () => new Conflict('duplicate-receipt', `Receipt number ${entry.receiptNo} is already recorded by ${entry.unit}.`),
      },
    ),
    addToTotals(collectedOn, 'ENTRY', entry.unit, entry.feeItemCode, entry.amount),
    ...alongside,
  ]);
  return outcome ?? 'appended';
}

function addToTotals(date: string, kind: 'ENTRY' | 'REFUSED' | 'REJECTED', unit: string, item: string, amount: number): Write {
  return {
    Update: {
      TableName: tableName,
      Key: keys.feeTotals(monthOf(date), date, kind, unit, item),
      UpdateExpression: 'SET #kind = :kind, #unit = :unit, #item = :item, #date = :date ADD #count :one, #amount :amount',
      ExpressionAttributeNames: {
        '#kind': 'kind',
        '#unit': 'unit',
        '#item': 'feeItemCode',
        '#date': 'date',
        '#count': 'count',
        '#amount': 'amount',
      },
      ExpressionAttributeValues: { ':kind': kind, ':unit': unit, ':item': item, ':date': date, ':one': 1, ':amount': amount },
    },
  };
}

/** Keeps a refused attempt as audit evidence, dated (like entries) by the collection it claimed. */
export async function recordRejectedAttempt(attempt: RejectedAttempt, attemptedOn: string): Promise<void> {
  const auditIndex = keys.feeAuditIndex(attemptedOn, attempt.collectedAt, 'REJECTED', attempt.id);
  await writeAll([
    newRecord('rejected-fee-attempt', { ...keys.rejectedAttempt(attempt.id), ...auditIndex }, attempt),
    addToTotals(attemptedOn, 'REJECTED', attempt.unit, attempt.feeItemCode, attempt.amount),
    countIn(attempt.unit, new Date(attempt.attemptedAt), { rejectedFeeAttempts: 1 }),
  ]);
}

/**
 * Marks an entry refused (once), opens the complaint (which also counts the refusal for the
 * evaluation) and stores the alert, in one transaction.
 * A second refusal of the same entry is a conflict.
 */
export async function recordRefusal(refusal: Refusal, seq: number, refusedOn: string, alongside: Write[]): Promise<void> {
  await writeAll([
    put(
      {
        pk: keys.cardPartition(refusal.enterpriseId),
        sk: keys.refusalSk(seq),
        ...keys.feeAuditIndex(refusedOn, refusal.refusedAt, 'REFUSAL', `${refusal.enterpriseId}#${refusal.entryId}`),
        type: 'fee-refusal',
        ...refusal,
      },
      { ifNew: true, ifFailed: () => new Conflict('already-refused', `Entry ${refusal.entryId} has already been refused.`) },
    ),
    ...alongside,
    addToTotals(refusedOn, 'REFUSED', refusal.unit, refusal.feeItemCode, refusal.amount),
  ]);
}

export interface FeeTotal {
  date: string;
  kind: 'ENTRY' | 'REFUSED' | 'REJECTED';
  unit: string;
  feeItemCode: string;
  count: number;
  amount: number;
}

/** The day-by-day totals of a date range: one Query per month in it. */
export async function feeTotals(months: string[], from: string, to: string): Promise<FeeTotal[]> {
  const pages = await Promise.all(months.map((month) => queryAll(patterns.feeTotalsBetween(month, from, to), decoderOf(totalCodec))));
  return pages.flat();
}

/** One page of audit events (entries, refusals, rejected attempts) in time order, month by month. */
export async function auditEventsPage(months: string[], fromInstant: string, toInstant: string, limit: number, cursor: string | undefined) {
  // Each month is its own listing; a cursor says which month (by its listing) and where in it.
  return queryPartitionsPage(
    months.map((month) => patterns.feeAuditBetween(month, fromInstant, toInstant)),
    { limit, cursor },
    decodeAuditEvent,
  );
}
