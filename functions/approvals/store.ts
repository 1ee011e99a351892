/** The catalogue of approval items: its table access. */
import { GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { db, queryPage, tableName } from '#shared/db';
import { keys, TABLE } from '#shared/table';
import { toLocalIso } from '#shared/clock';
import { medianFromHistogram } from '../applications/rules.ts';

export interface ItemFields { dept: string; name: string; legalBasis: string; statutoryDays: number; pledgedDays: number; materials: string[] }

/**
 * Adds or revises an item. Its record (decided, on time, the histogram of working days) is written
 * with each decision and survives a revision.
 */
export async function putItem(code: string, fields: ItemFields, by: string, now: Date): Promise<{ item: Record<string, unknown>; created: boolean }> {
  const { Attributes } = await db.send(new UpdateCommand({
    TableName: tableName,
    Key: keys.approvalItem(code),
    UpdateExpression: 'SET #type = :type, code = :code, dept = :dept, #name = :name, legalBasis = :legalBasis, statutoryDays = :statutoryDays, '
      + 'pledgedDays = :pledgedDays, materials = :materials, updatedBy = :by, updatedAt = :at, createdAt = if_not_exists(createdAt, :at), '
      + 'decided = if_not_exists(decided, :zero), onTime = if_not_exists(onTime, :zero), daysHistogram = if_not_exists(daysHistogram, :empty), '
      + 'gsi1pk = :gsi1pk, gsi1sk = :gsi1sk, gsi2pk = :gsi2pk, gsi2sk = :gsi2sk',
    ExpressionAttributeNames: { '#type': 'type', '#name': 'name' },
    ExpressionAttributeValues: {
      ':type': 'approval-item', ':code': code, ':dept': fields.dept, ':name': fields.name, ':legalBasis': fields.legalBasis,
      ':statutoryDays': fields.statutoryDays, ':pledgedDays': fields.pledgedDays, ':materials': fields.materials,
      ':by': by, ':at': toLocalIso(now), ':zero': 0, ':empty': {},
      ...Object.fromEntries(Object.entries(keys.approvalItemsIndex(fields.dept, code)).map(([key, value]) => [`:${key}`, value])),
    },
    ReturnValues: 'ALL_NEW',
  }));
  const item = Attributes as Record<string, unknown>;
  return { item: toItem(item), created: item.createdAt === item.updatedAt };
}

export async function getItem(code: string) {
  const { Item } = await db.send(new GetCommand({ TableName: tableName, Key: keys.approvalItem(code) }));
  return Item ? toItem(Item) : undefined;
}

export async function itemsPage(dept: string | undefined, limit: number, cursor: string | undefined) {
  const index = dept ? TABLE.indexes.byParent : TABLE.indexes.bySecondParent;
  const page = await queryPage({
    TableName: tableName,
    IndexName: index.name,
    KeyConditionExpression: `${index.partitionKey} = :pk`,
    ExpressionAttributeValues: { ':pk': dept ? keys.approvalItemsOfDept(dept) : keys.allApprovalItems },
    Limit: limit,
  }, cursor);
  return { items: page.items.map(toItem), ...(page.nextCursor ? { nextCursor: page.nextCursor } : {}) };
}

/** The public view: the item, its limits and its real record. */
const toItem = (item: Record<string, unknown>) => ({
  code: item.code as string, dept: item.dept as string, name: item.name as string, legalBasis: item.legalBasis as string,
  statutoryDays: item.statutoryDays as number, pledgedDays: item.pledgedDays as number, materials: item.materials as string[],
  performance: {
    decided: (item.decided as number | undefined) ?? 0,
    onTime: (item.onTime as number | undefined) ?? 0,
    medianWorkingDays: medianFromHistogram((item.daysHistogram as Record<string, number> | undefined) ?? {}),
  },
  updatedAt: item.updatedAt as string,
});
