/**
 * The fee-card concern's table access, named after its access patterns. Writes are
 * conditional; an entry, its receipt number, the card's chain head and the day's totals are
 * written in one transaction, so nothing is half-written.
 */
import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
// The table-access kit's raw forms, until this store is ported to access patterns, codecs and items that carry their errors.
import { cursorListing, db, decodeCursor, encodeCursor, InvalidCursorError, listingOf, queryInputAll as queryAll, queryFrom, queryInputPage as queryPage, tableName, withoutKeys, writeAllByPosition as writeAll, type TransactItem } from '#shared/db';
import { keys, TABLE } from '#shared/table';
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

export async function putFeeItem(item: FeeItem): Promise<void> {
  await db.send(new PutCommand({
    TableName: tableName,
    Item: { ...keys.feeItem(item.code), ...keys.feeItemsIndex(item.unit, item.code), type: 'fee-item', ...item },
  }));
}

export async function getFeeItem(code: string): Promise<FeeItem | undefined> {
  const { Item } = await db.send(new GetCommand({ TableName: tableName, Key: keys.feeItem(code) }));
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

/** The card with all its entries and refusals: one Query on the card's partition. */
export async function cardWithEntries(enterpriseId: string) {
  const items = await queryAll({
    TableName: tableName,
    KeyConditionExpression: 'pk = :pk',
    ExpressionAttributeValues: { ':pk': keys.cardPartition(enterpriseId) },
    ConsistentRead: true,
  });
  const card = items.find((item) => item.sk === 'CARD');
  return {
    card: card ? (strip(card) as unknown as FeeCard) : undefined,
    entries: items.filter((item) => String(item.sk).startsWith(keys.entrySkPrefix)).map((item) => strip(item) as unknown as ChainedEntry),
    refusals: items.filter((item) => String(item.sk).startsWith(keys.refusalSkPrefix)).map((item) => strip(item) as unknown as Refusal),
  };
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
          pk: keys.cardPartition(entry.enterpriseId), sk: keys.entrySk(seq),
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
