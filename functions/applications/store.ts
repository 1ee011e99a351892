/**
 * The applications concern's table access. Every change is a conditional update on the
 * application's version, so a decision and a reassignment cannot both win.
 */
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { db, equalityFilter, queryPage, tableName, withoutKeys, writeAll, type TransactItem } from '#shared/db';
import { keys, TABLE } from '#shared/table';
import type { Timeline } from '#shared/calendar';
import type { Assignment } from '#shared/roster';
import type { Matter } from '#shared/matters';
import type { ApplicationStatus } from './rules.ts';

/** The post holding the work (its place in the roster is not kept: posts move by identity). */
export type Post = Pick<Assignment, 'post' | 'handlerId' | 'handlerName'>;
export const postOf = ({ post, handlerId, handlerName }: Assignment): Post => ({ post, handlerId, handlerName });

export interface TimelineEvent { at: string; event: string; text: string }

export interface Application {
  id: string;
  itemCode: string;
  itemName: string;
  dept: string;
  enterpriseId: string;
  materials: string[];
  status: ApplicationStatus;
  receivedAt: string;
  filedBy: { sub: string; role: 'enterprise' | 'department' };
  version: number;
  /** The item's limits when the application was filed. */
  limits: { statutoryDays: number; pledgedDays: number };
  assignedTo: Post;
  owner?: { sub: string; at: string };
  notice?: { missing: string[]; at: string; by: string };
  acceptedAt?: string;
  deadline?: string;
  statutoryDeadline?: string;
  /** The running deadline watch (version 2 after a delay notice). */
  watch?: { version: number; timeline: Timeline };
  delayNotice?: { reason: string; expectedBy: string; at: string };
  decision?: { decision: 'approved' | 'refused'; reason: string; at: string; by: string; onTime: boolean; workingDays: number };
  rating?: { score: number; comment?: string; at: string };
  timeline: TimelineEvent[];
}

/** The deadline watch of an accepted application: its decision is due. */
export const decisionMatter = (application: Pick<Application, 'id' | 'dept'>, version: number): Matter =>
  ({ concern: 'applications', kind: 'decision', id: application.id, version, department: application.dept });

const clean = (item: Record<string, unknown>) => {
  const { type: _type, ...rest } = withoutKeys(item);
  return rest as unknown as Application;
};

export async function getApplication(id: string): Promise<Application | undefined> {
  const { Item } = await db.send(new GetCommand({ TableName: tableName, Key: keys.application(id), ConsistentRead: true }));
  return Item ? clean(Item) : undefined;
}

export function newApplicationWrite(application: Application): TransactItem {
  const instant = new Date(application.receivedAt).toISOString();
  return {
    Put: {
      TableName: tableName,
      Item: { ...keys.application(application.id), ...keys.applicationIndexes(application.dept, application.enterpriseId, instant, application.id), type: 'application', ...application },
      ConditionExpression: 'attribute_not_exists(pk)',
    },
  };
}

/** Writes a new application with what goes alongside; throws if its id exists (never: ids are fresh). */
export async function insertApplication(application: Application, alongside: TransactItem[] = []): Promise<void> {
  if ((await writeAll([newApplicationWrite(application), ...alongside])) !== undefined) throw new Error(`application ${application.id} exists already`);
}

/**
 * Applies a change if the application is still at `version`: sets the fields, appends the
 * timeline events, bumps the version, with `alongside` in the same transaction. False when
 * someone else changed it first.
 */
export async function updateApplication(
  application: Pick<Application, 'id' | 'version'>,
  set: Partial<Record<keyof Application, unknown>>,
  events: TimelineEvent[],
  alongside: TransactItem[] = [],
): Promise<boolean> {
  const names: Record<string, string> = { '#timeline': 'timeline', '#version': 'version' };
  const values: Record<string, unknown> = { ':events': events, ':version': application.version, ':next': application.version + 1 };
  const assignments = Object.entries(set).map(([field, value], index) => {
    names[`#f${index}`] = field;
    values[`:v${index}`] = value;
    return `#f${index} = :v${index}`;
  });
  const failed = await writeAll([
    {
      Update: {
        TableName: tableName,
        Key: keys.application(application.id),
        UpdateExpression: `SET ${[...assignments, '#timeline = list_append(#timeline, :events)', '#version = :next'].join(', ')}`,
        ConditionExpression: '#version = :version',
        ExpressionAttributeNames: names,
        ExpressionAttributeValues: values,
      },
    },
    ...alongside,
  ]);
  return failed === undefined;
}

/**
 * The approval item's record, written with each decision: one more decided, on time or not, and
 * one more in the histogram bucket of its whole working days (rounded up).
 */
export function itemRecordWrite(itemCode: string, onTime: boolean, workingDays: number): TransactItem {
  return {
    Update: {
      TableName: tableName,
      Key: keys.approvalItem(itemCode),
      UpdateExpression: 'SET decided = if_not_exists(decided, :zero) + :one, onTime = if_not_exists(onTime, :zero) + :onTime, '
        + 'daysHistogram.#days = if_not_exists(daysHistogram.#days, :zero) + :one',
      ConditionExpression: 'attribute_exists(pk)',
      ExpressionAttributeNames: { '#days': String(Math.max(0, Math.ceil(workingDays))) },
      ExpressionAttributeValues: { ':zero': 0, ':one': 1, ':onTime': onTime ? 1 : 0 },
    },
  };
}

export type ApplicationListing = { by: 'department'; dept: string } | { by: 'enterprise'; enterpriseId: string } | { by: 'all' };

export async function applicationsPage(listing: ApplicationListing, filter: { status?: string; dept?: string }, limit: number, cursor: string | undefined) {
  const { index, partition } = listing.by === 'department'
    ? { index: TABLE.indexes.byParent, partition: keys.applicationsByDept(listing.dept) }
    : listing.by === 'enterprise'
      ? { index: TABLE.indexes.bySecondParent, partition: keys.applicationsByEnterprise(listing.enterpriseId) }
      : { index: TABLE.indexes.byThirdParent, partition: keys.allApplications };
  const { FilterExpression, names, values } = equalityFilter({ status: filter.status, dept: listing.by === 'department' ? undefined : filter.dept });
  const page = await queryPage({
    TableName: tableName,
    IndexName: index.name,
    KeyConditionExpression: `${index.partitionKey} = :pk`,
    ...(FilterExpression ? { FilterExpression, ExpressionAttributeNames: names } : {}),
    ExpressionAttributeValues: { ':pk': partition, ...values },
    ScanIndexForward: false,
    Limit: limit,
  }, cursor);
  return { items: page.items.map(clean), ...(page.nextCursor ? { nextCursor: page.nextCursor } : {}) };
}
