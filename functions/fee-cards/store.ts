/**
 * The fee-card concern's table access, named after its access patterns. Writes are
 * conditional; an entry, its receipt number, the card's chain head and the day's totals are
 * written in one transaction, so nothing is half-written.
 */
import { BatchGetCommand, GetCommand, PutCommand, QueryCommand, type BatchGetCommandOutput } from '@aws-sdk/lib-dynamodb';
// The table-access kit's raw forms, until this store is ported to access patterns, codecs and items that carry their errors.
import { cursorListing, db, decodeCursor, encodeCursor, InvalidCursorError, listingOf, queryInputAll as queryAll, queryFrom, queryInputPage as queryPage, tableName, withoutKeys, writeAllByPosition as writeAll, queryInput, type TransactItem } from '#shared/db';
import { keys, patterns, TABLE } from '#shared/table';
import { ConflictError } from '#shared/http/errors';
import { countIn } from '#shared/evaluation';
import type { ChainedEntry, FeeItem } from './rules.ts';

export interface FeeCard {
  enterpriseId: string;
  enterpriseName: string;
  issuedAt: string;
  issuedBy: string;
  entryCount: number;
  headHash: string;
}

export interface Refusal {
  entryId: string;
  enterpriseId: string;
  unit: string;
  feeItemCode: string;
  amount: number;
  reason: string;
  category: string;
  refusedAt: string;
  refusedBy: string;
  complaintId: string;
}

export interface RejectedAttempt {
  id: string;
  enterpriseId: string;
  unit: string;
  feeItemCode: string;
  amount: number;
  collector: string;
  collectedAt: string;
  receiptNo: string;
  rule: string;
  detail: string;
  attemptedAt: string;
  attemptedBy: string;
}

const byParent = TABLE.indexes.ownerLists.name; // the audit's events

/**
 * Publishes a revision: the item on the fee list becomes it, and it is kept beside the earlier
 * ones for the collections of its time; together, and only over the revision it follows (false
 * when another publication came first).
 */
export async function putFeeItemRevision(item: FeeItem & { inForceFrom: string }): Promise<boolean> {
  const failed = await writeAll([
    {
      Put: {
        TableName: tableName,
        Item: { ...keys.feeItem(item.code), ...keys.feeItemsIndex(item.unit, item.code), type: 'fee-item', ...item },
        ...(item.revision === 1
          ? { ConditionExpression: 'attribute_not_exists(pk)' }
          : { ConditionExpression: 'revision = :previous', ExpressionAttributeValues: { ':previous': item.revision - 1 } }),
      },
    },
    {
      Put: {
        TableName: tableName,
        Item: { ...keys.feeItemRevision(item.code, new Date(item.inForceFrom).toISOString(), item.revision), type: 'fee-item-revision', ...item },
        ConditionExpression: 'attribute_not_exists(pk)',
      },
    },
  ]);
  return failed === undefined;
}

/** The revision of a fee item in force at an instant: the last one in force from no later than it. */
export async function feeItemInForceAt(code: string, at: Date): Promise<FeeItem | undefined> {
  const { Items = [] } = await db.send(new QueryCommand({
    TableName: tableName,
    KeyConditionExpression: 'pk = :pk AND sk BETWEEN :first AND :at',
    ExpressionAttributeValues: { ':pk': keys.feeItem(code).pk, ':first': keys.feeItemRevisionSkPrefix, ':at': `${keys.feeItemRevisionSkPrefix}${at.toISOString()}#~` },
    ScanIndexForward: false,
    Limit: 1,
    ConsistentRead: true,
  }));
  if (Items[0]) return strip(Items[0]) as unknown as FeeItem;
  // An item published before revisions were kept has none: it stands for itself from its publication.
  const current = await getFeeItem(code);
  return current && !current.inForceFrom && Date.parse(current.publishedAt) <= at.getTime() ? current : undefined;
}

export async function getFeeItem(code: string): Promise<FeeItem | undefined> {
  const { Item } = await db.send(new GetCommand({ TableName: tableName, Key: keys.feeItem(code), ConsistentRead: true }));
  return Item ? (withoutKeys(Item) as unknown as FeeItem) : undefined;
}

export async function feeItemsPage(unit: string | undefined, limit: number, cursor: string | undefined) {
  const index = unit ? TABLE.indexes.ownerLists : TABLE.indexes.countyLists;
  const { items: Items, nextCursor } = await queryPage({
    TableName: tableName,
    IndexName: index.name,
    KeyConditionExpression: `${index.partitionKey} = :pk`,
    ExpressionAttributeValues: { ':pk': unit ? keys.feeItemsOfUnit(unit) : keys.allFeeItems },
    Limit: limit,
  }, cursor);
  return { items: Items.map((item) => strip(item) as unknown as FeeItem), nextCursor };
}

/** Issues a card; a second card for the same enterprise is a conflict. */
export async function createCard(card: FeeCard): Promise<void> {
  try {
    await db.send(new PutCommand({
      TableName: tableName,
      Item: { ...keys.card(card.enterpriseId), type: 'fee-card', ...card },
      ConditionExpression: 'attribute_not_exists(pk)',
    }));
  } catch (error) {
    if ((error as Error).name === 'ConditionalCheckFailedException') {
      throw new ConflictError(`Enterprise ${card.enterpriseId} already has a fee card.`, 'card-exists');
    }
    throw error;
  }
}

export async function getCard(enterpriseId: string): Promise<FeeCard | undefined> {
  const { Item } = await db.send(new GetCommand({ TableName: tableName, Key: keys.card(enterpriseId), ConsistentRead: true }));
  return Item ? (strip(Item) as unknown as FeeCard) : undefined;
}

/** A page of a card's entries in order: the whole card's, or (index) one unit's own. */
export async function entriesPage(enterpriseId: string, unit: string | undefined, limit: number, cursor: string | undefined) {
  const { items, nextCursor } = await queryPage({
    ...queryInput(unit ? patterns.unitEntriesOfCard(enterpriseId, unit) : patterns.entriesOfCard(enterpriseId), { consistentRead: !unit }), Limit: limit,
  }, cursor);
  return { entries: items.map((item) => strip(item) as unknown as ChainedEntry), nextCursor };
}

/** The fields an entry's hash covers, and the hash: all that verifying the chain reads. */
const CHAIN_FIELDS = ['entryId', 'enterpriseId', 'unit', 'feeItemCode', 'feeItemName', 'legalBasis', 'standard', 'amount', 'collector', 'collectedAt', 'receiptNo', 'recordedAt', 'recordedBy', 'prevHash', 'hash'] as const;

/** Every entry of a card in order, one Query page (up to 1 MB) at a time; nothing else of the card is read. */
export async function* chainEntryPages(enterpriseId: string): AsyncGenerator<ChainedEntry[]> {
  let startKey: Record<string, unknown> | undefined;
  do {
    const page = await db.send(new QueryCommand({
      TableName: tableName,
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :entries)',
      ExpressionAttributeValues: { ':pk': keys.cardPartition(enterpriseId), ':entries': keys.entrySkPrefix },
      ProjectionExpression: CHAIN_FIELDS.map((_, index) => `#c${index}`).join(', '),
      ExpressionAttributeNames: Object.fromEntries(CHAIN_FIELDS.map((field, index) => [`#c${index}`, field])),
      ConsistentRead: true,
      ExclusiveStartKey: startKey,
    }));
    yield (page.Items ?? []) as unknown as ChainedEntry[];
    startKey = page.LastEvaluatedKey;
  } while (startKey);
}

/** The refusals of the given entries (a page's), by key: never more than the page asks for. */
export async function refusalsOf(enterpriseId: string, seqs: number[]): Promise<Refusal[]> {
  const refusals: Refusal[] = [];
  for (let start = 0; start < seqs.length; start += 100) { // BatchGetItem takes 100 keys
    let request: Record<string, { Keys: Record<string, unknown>[]; ConsistentRead?: boolean }> | undefined = {
      [tableName]: { Keys: seqs.slice(start, start + 100).map((seq) => ({ pk: keys.cardPartition(enterpriseId), sk: keys.refusalSk(seq) })), ConsistentRead: true },
    };
    for (let round = 0; request && Object.keys(request).length > 0; round += 1) {
      if (round > 0) await new Promise((resolve) => setTimeout(resolve, Math.min(500, 20 * 2 ** round)));
      const answer: BatchGetCommandOutput = await db.send(new BatchGetCommand({ RequestItems: request }));
      refusals.push(...(answer.Responses?.[tableName] ?? []).map((item) => strip(item) as unknown as Refusal));
      request = answer.UnprocessedKeys as typeof request;
    }
  }
  return refusals;
}

export async function getEntry(enterpriseId: string, seq: number): Promise<ChainedEntry | undefined> {
  const { Item } = await db.send(new GetCommand({ TableName: tableName, Key: { pk: keys.cardPartition(enterpriseId), sk: keys.entrySk(seq) } }));
  return Item ? (strip(Item) as unknown as ChainedEntry) : undefined;
}

const monthOf = (localDate: string) => localDate.slice(0, 7);

/** Appends an entry to the card's chain, conditional on the head it was chained to. */
export async function appendEntry(entry: ChainedEntry, expectedCount: number, collectedOn: string): Promise<'appended' | 'head-moved'> {
  const seq = expectedCount + 1;
  const failed = await writeAll([
    {
      Update: {
        TableName: tableName,
        Key: keys.card(entry.enterpriseId),
        UpdateExpression: 'SET entryCount = :next, headHash = :hash',
        ConditionExpression: 'entryCount = :expected',
        ExpressionAttributeValues: { ':next': seq, ':hash': entry.hash, ':expected': expectedCount },
      },
    },
    {
      Put: {
        TableName: tableName,
        Item: {
          pk: keys.cardPartition(entry.enterpriseId), sk: keys.entrySk(seq), ...keys.unitEntriesIndex(entry.enterpriseId, entry.unit, seq),
          ...keys.feeAuditIndex(monthOf(collectedOn), new Date(entry.collectedAt).toISOString(), 'ENTRY', `${entry.enterpriseId}#${entry.entryId}`),
          type: 'fee-entry', collectedOn, ...entry,
        },
        ConditionExpression: 'attribute_not_exists(pk)',
      },
    },
    {
      Put: {
        TableName: tableName,
        Item: { ...keys.receipt(entry.unit, entry.receiptNo), type: 'receipt', enterpriseId: entry.enterpriseId, entryId: entry.entryId },
        ConditionExpression: 'attribute_not_exists(pk)',
      },
    },
    addToTotals(collectedOn, 'ENTRY', entry.unit, entry.feeItemCode, entry.amount),
  ]);
  if (failed === undefined) return 'appended';
  if (failed === 2) throw new ConflictError(`Receipt number ${entry.receiptNo} is already recorded by ${entry.unit}.`, 'duplicate-receipt');
  // Item 0: another entry moved the card's chain head first.
  return 'head-moved';
}

function addToTotals(date: string, kind: 'ENTRY' | 'REFUSED' | 'REJECTED', unit: string, item: string, amount: number) {
  return {
    Update: {
      TableName: tableName,
      Key: keys.feeTotals(monthOf(date), date, kind, unit, item),
      UpdateExpression: 'SET #kind = :kind, #unit = :unit, #item = :item, #date = :date ADD #count :one, #amount :amount',
      ExpressionAttributeNames: { '#kind': 'kind', '#unit': 'unit', '#item': 'feeItemCode', '#date': 'date', '#count': 'count', '#amount': 'amount' },
      ExpressionAttributeValues: { ':kind': kind, ':unit': unit, ':item': item, ':date': date, ':one': 1, ':amount': amount },
    },
  };
}

/** Keeps a refused attempt as audit evidence, dated (like entries) by the collection it claimed. */
export async function recordRejectedAttempt(attempt: RejectedAttempt, attemptedOn: string): Promise<void> {
  const failed = await writeAll([
      {
        Put: {
          TableName: tableName,
          Item: {
            ...keys.rejectedAttempt(attempt.id),
            ...keys.feeAuditIndex(monthOf(attemptedOn), new Date(attempt.collectedAt).toISOString(), 'REJECTED', attempt.id),
            type: 'rejected-fee-attempt', ...attempt,
          },
          ConditionExpression: 'attribute_not_exists(pk)',
        },
      },
      addToTotals(attemptedOn, 'REJECTED', attempt.unit, attempt.feeItemCode, attempt.amount),
      countIn(attempt.unit, new Date(attempt.attemptedAt), { rejectedFeeAttempts: 1 }),
  ]);
  if (failed !== undefined) throw new Error(`rejected attempt ${attempt.id} exists already`);
}

/**
 * Marks an entry refused (once), opens the complaint (which also counts the refusal for the
 * evaluation) and stores the alert, in one transaction.
 * A second refusal of the same entry is a conflict.
 */
export async function recordRefusal(refusal: Refusal, seq: number, refusedOn: string, alongside: TransactItem[]): Promise<void> {
  const failed = await writeAll([
    {
      Put: {
        TableName: tableName,
        Item: {
          pk: keys.cardPartition(refusal.enterpriseId), sk: keys.refusalSk(seq),
          ...keys.feeAuditIndex(monthOf(refusedOn), new Date(refusal.refusedAt).toISOString(), 'REFUSAL', `${refusal.enterpriseId}#${refusal.entryId}`),
          type: 'fee-refusal', ...refusal,
        },
        ConditionExpression: 'attribute_not_exists(pk)',
      },
    },
    ...alongside,
    addToTotals(refusedOn, 'REFUSED', refusal.unit, refusal.feeItemCode, refusal.amount),
  ]);
  if (failed === 0) throw new ConflictError(`Entry ${refusal.entryId} has already been refused.`, 'already-refused');
  if (failed !== undefined) throw new Error(`the refusal of entry ${refusal.entryId} could not be written`);
}

export interface FeeTotal { date: string; kind: 'ENTRY' | 'REFUSED' | 'REJECTED'; unit: string; feeItemCode: string; count: number; amount: number }

/** The day-by-day totals of a date range: one Query per month in it. */
export async function feeTotals(months: string[], from: string, to: string): Promise<FeeTotal[]> {
  const pages = await Promise.all(months.map((month) => queryAll({
    TableName: tableName,
    KeyConditionExpression: 'pk = :pk AND sk BETWEEN :from AND :to',
    ExpressionAttributeValues: { ':pk': keys.feeTotalsPartition(month), ':from': from, ':to': `${to}~` },
  })));
  return pages.flat().map((item) => ({
    date: item.date as string, kind: item.kind as FeeTotal['kind'], unit: item.unit as string,
    feeItemCode: item.feeItemCode as string, count: item.count as number, amount: item.amount as number,
  }));
}

/** One page of audit events (entries, refusals, rejected attempts) in time order, month by month. */
export async function auditEventsPage(months: string[], fromInstant: string, toInstant: string, limit: number, cursor: string | undefined) {
  // Each month is its own listing; a cursor says which month (by its listing) and where in it.
  const monthQuery = (month: string) => ({
    TableName: tableName,
    IndexName: byParent,
    KeyConditionExpression: 'gsi1pk = :pk AND gsi1sk BETWEEN :from AND :to',
    ExpressionAttributeValues: { ':pk': keys.feeAuditPartition(month), ':from': fromInstant, ':to': toInstant },
  });
  let monthIndex = 0;
  let startKey: Record<string, unknown> | undefined;
  if (cursor) {
    const listing = cursorListing(cursor);
    monthIndex = months.findIndex((month) => listingOf(monthQuery(month)) === listing);
    if (monthIndex < 0) throw new InvalidCursorError();
    const month = months[monthIndex] as string;
    startKey = decodeCursor(cursor, listingOf(monthQuery(month)), { indexName: byParent, partition: keys.feeAuditPartition(month) });
  }
  const items: Record<string, unknown>[] = [];
  while (monthIndex < months.length && items.length < limit) {
    const { Items = [], LastEvaluatedKey } = await queryFrom({ ...monthQuery(months[monthIndex] as string), Limit: limit - items.length }, startKey);
    items.push(...Items);
    if (LastEvaluatedKey) startKey = LastEvaluatedKey;
    else { monthIndex += 1; startKey = undefined; }
  }
  const nextCursor = monthIndex < months.length ? encodeCursor(listingOf(monthQuery(months[monthIndex] as string)), startKey) : undefined;
  return { items: items.map(strip), nextCursor };
}

const strip = (item: Record<string, unknown>): Record<string, unknown> => {
  const { type: _type, collectedOn: _on, ...rest } = withoutKeys(item);
  return rest;
};
