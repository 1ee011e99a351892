/** The catalogue of approval items: its table access. */
import * as z from 'zod/mini';
import { getRecord, queryPage, tableName, updateOne, type Write } from '#shared/data/db';
import { keys, lists, patterns } from '#shared/data/table';
import { toLocalIso } from '#shared/time/clock';
import { medianFromHistogram } from './rules.ts';
import { stored as storedFieldTypes } from '#shared/data/codecs';
import { itemFields } from './records.ts';

export interface ItemFields {
  dept: string;
  name: string;
  legalBasis: string;
  statutoryDays: number;
  pledgedDays: number;
  materials: string[];
}

/**
 * Adds or revises an item. Its record (decided, on time, the histogram of working days) is written
 * with each decision and survives a revision.
 */
export async function putItem(code: string, fields: ItemFields, by: string, now: Date): Promise<{ item: ApprovalItem; created: boolean }> {
  const { dept, name, legalBasis, statutoryDays, pledgedDays, materials } = fields;
  const at = toLocalIso(now);
  const updated = await updateOne(keys.approvalItem(code), {
    set: {
      type: 'approval-item',
      ...{ code, dept, name, legalBasis, statutoryDays, pledgedDays, materials },
      ...{ updatedBy: by, updatedAt: at },
      ...lists.approvalItems.entries(dept, code),
    },
    setIfAbsent: { createdAt: at, decided: 0, onTime: 0, daysHistogram: {} },
  });
  const stored = storedItemCodec.parse(updated);
  return { item: toItem(stored), created: stored.createdAt === stored.updatedAt };
}

export const getItem = (code: string) => getRecord(keys.approvalItem(code), decodeItem, { consistentRead: false });

export async function itemsPage(dept: string | undefined, limit: number, cursor: string | undefined) {
  return queryPage(dept ? patterns.approvalItemsOfDepartment(dept) : patterns.allApprovalItems(), { limit, cursor }, decodeItem);
}

const storedItemCodec = z.object({
  ...itemFields(storedFieldTypes),
  decided: z._default(z.number(), 0),
  onTime: z._default(z.number(), 0),
  daysHistogram: z._default(z.record(z.string(), z.number()), {}),
  createdAt: z.string(),
  updatedAt: z.string(),
});

/** The public view: the item, its limits and its real record. */
const toItem = ({ decided, onTime, daysHistogram, createdAt: _created, ...item }: z.infer<typeof storedItemCodec>) => ({
  ...item,
  performance: { decided, onTime, medianWorkingDays: medianFromHistogram(daysHistogram) },
});
export type ApprovalItem = ReturnType<typeof toItem>;

const decodeItem = (item: Record<string, unknown>): ApprovalItem => toItem(storedItemCodec.parse(item));

/**
 * The approval item's record, written with each decision: one more decided, on time or not, and
 * one more in the histogram bucket of its whole working days (rounded up). Approval items are
 * never deleted, so its condition failing is unexpected (writeAll throws ConditionFailedError).
 */
export function itemRecordWrite(itemCode: string, onTime: boolean, workingDays: number): Write {
  return {
    Update: {
      TableName: tableName,
      Key: keys.approvalItem(itemCode),
      UpdateExpression:
        'SET decided = if_not_exists(decided, :zero) + :one, onTime = if_not_exists(onTime, :zero) + :onTime, ' +
        'daysHistogram.#days = if_not_exists(daysHistogram.#days, :zero) + :one',
      ConditionExpression: 'attribute_exists(pk)',
      ExpressionAttributeNames: { '#days': String(Math.max(0, Math.ceil(workingDays))) },
      ExpressionAttributeValues: { ':zero': 0, ':one': 1, ':onTime': onTime ? 1 : 0 },
    },
  };
}
