/** The catalogue of approval items: its table access. */
import * as z from 'zod/mini';
import { GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { db, queryPage, tableName } from '#shared/data/db';
import { keys, lists, patterns } from '#shared/data/table';
import { toLocalIso } from '#shared/time/clock';
import { medianFromHistogram } from '../applications/rules.ts';
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
  const listed = lists.approvalItems.entries(fields.dept, code);
  const { Attributes } = await db.send(
    new UpdateCommand({
      TableName: tableName,
      Key: keys.approvalItem(code),
      UpdateExpression:
        'SET #type = :type, code = :code, dept = :dept, #name = :name, legalBasis = :legalBasis, statutoryDays = :statutoryDays, ' +
        'pledgedDays = :pledgedDays, materials = :materials, updatedBy = :by, updatedAt = :at, createdAt = if_not_exists(createdAt, :at), ' +
        'decided = if_not_exists(decided, :zero), onTime = if_not_exists(onTime, :zero), daysHistogram = if_not_exists(daysHistogram, :empty), ' +
        Object.keys(listed)
          .map((name) => `${name} = :${name}`)
          .join(', '),
      ExpressionAttributeNames: { '#type': 'type', '#name': 'name' },
      ExpressionAttributeValues: {
        ':type': 'approval-item',
        ':code': code,
        ':dept': fields.dept,
        ':name': fields.name,
        ':legalBasis': fields.legalBasis,
        ':statutoryDays': fields.statutoryDays,
        ':pledgedDays': fields.pledgedDays,
        ':materials': fields.materials,
        ':by': by,
        ':at': toLocalIso(now),
        ':zero': 0,
        ':empty': {},
        ...Object.fromEntries(Object.entries(listed).map(([name, value]) => [`:${name}`, value])),
      },
      ReturnValues: 'ALL_NEW',
    }),
  );
  const stored = storedItemCodec.parse(Attributes);
  return { item: toItem(stored), created: stored.createdAt === stored.updatedAt };
}

export async function getItem(code: string) {
  const { Item } = await db.send(new GetCommand({ TableName: tableName, Key: keys.approvalItem(code) }));
  return Item ? decodeItem(Item) : undefined;
}

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
