/** The pledges concern's table access: conditional on the pledge's version. */
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { db, queryPage, equalityFilter, queryAll, tableName, withoutKeys, writeAll, type TransactItem } from '#shared/db';
import { keys, TABLE } from '#shared/table';
import type { Timeline } from '#shared/calendar';
import type { MeasuredService } from '#shared/evaluation';
import type { PledgeStatus, PledgeVerdict } from './rules.ts';

export interface Review { verdict: PledgeVerdict; evidence: string; at: string; by: string; byOffice: boolean }

export interface Pledge {
  id: string;
  department: string;
  title: string;
  description: string;
  dueDate: string;
  serviceCode?: string;
  statutoryLimitDays?: number;
  pledgedLimitDays?: number;
  status: PledgeStatus;
  final: boolean;
  overdue: boolean;
  /** The quarter whose evaluation counts this pledge as broken (taken back from there if reversed). */
  brokenCountedIn?: string | null;
  createdAt: string;
  createdBy: string;
  version: number;
  /** The due-date watch, until the office's verdict; its version goes up when it is timed again. */
  deadline: { timeline: Timeline; version?: number };
  reviews: Review[];
}

const clean = (item: Record<string, unknown>) => {
  const { type: _type, ...rest } = withoutKeys(item);
  return rest as unknown as Pledge;
};

export async function createPledge(pledge: Pledge, alongside: TransactItem[]): Promise<void> {
  const failed = await writeAll([{
    Put: {
      TableName: tableName,
      Item: { ...keys.pledge(pledge.id), ...keys.pledgeIndexes(pledge.department, pledge.dueDate, pledge.id), type: 'pledge', ...pledge },
      ConditionExpression: 'attribute_not_exists(pk)',
    },
  }, ...alongside]);
  if (failed !== undefined) throw new Error(`pledge ${pledge.id} exists already`);
}

export async function getPledge(id: string): Promise<Pledge | undefined> {
  const { Item } = await db.send(new GetCommand({ TableName: tableName, Key: keys.pledge(id), ConsistentRead: true }));
  return Item ? clean(Item) : undefined;
}

/** Applies a change if the pledge is still at its version; false if someone else changed it first. */
export async function updatePledge(pledge: Pick<Pledge, 'id' | 'version'>, set: Partial<Pledge>, review: Review | undefined, alongside: TransactItem[] = []): Promise<boolean> {
  const names: Record<string, string> = { '#version': 'version' };
  const values: Record<string, unknown> = { ':version': pledge.version, ':next': pledge.version + 1 };
  const parts = Object.entries(set).map(([field, value], index) => {
    names[`#f${index}`] = field;
    values[`:v${index}`] = value;
    return `#f${index} = :v${index}`;
  });
  if (review) { names['#reviews'] = 'reviews'; values[':review'] = [review]; parts.push('#reviews = list_append(#reviews, :review)'); }
  const failed = await writeAll([{
    Update: {
      TableName: tableName, Key: keys.pledge(pledge.id),
      UpdateExpression: `SET ${[...parts, '#version = :next'].join(', ')}`,
      ConditionExpression: '#version = :version',
      ExpressionAttributeNames: names, ExpressionAttributeValues: values,
    },
  }, ...alongside]);
  return failed === undefined;
}

export async function pledgesPage(dept: string | undefined, status: string | undefined, limit: number, cursor: string | undefined) {
  const index = dept ? TABLE.indexes.byParent : TABLE.indexes.bySecondParent;
  // "overdue" is a flag beside the status, not a status of its own.
  const { FilterExpression, names, values } = equalityFilter(status === 'overdue' ? { overdue: true } : { status });
  const { items: Items, nextCursor } = await queryPage({
    TableName: tableName,
    IndexName: index.name,
    KeyConditionExpression: `${index.partitionKey} = :pk`,
    ...(FilterExpression ? { FilterExpression, ExpressionAttributeNames: names } : {}),
    ExpressionAttributeValues: { ':pk': dept ? keys.pledgesByDept(dept) : keys.allPledges, ...values },
    Limit: limit,
  }, cursor);
  return { items: Items.map(clean), nextCursor };
}

/** The working days each case of a measured service took, completed between two instants. */
export async function handledCases(dept: string, service: MeasuredService, from: string, to: string): Promise<number[]> {
  const items = await queryAll({
    TableName: tableName,
    KeyConditionExpression: 'pk = :pk AND sk BETWEEN :from AND :to',
    ExpressionAttributeValues: { ':pk': keys.measurePartition(dept, service), ':from': from, ':to': `${to}~` },
    ProjectionExpression: 'workingDays',
  });
  return items.map((item) => item.workingDays as number);
}
