/**
 * The complaints concern's table access. Every change is a conditional update on the
 * complaint's version, so a department's answer and a reassignment cannot both win.
 */
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { db, queryPage, equalityFilter, tableName, withoutKeys, writeAll, type TransactItem } from '#shared/db';
import { keys, TABLE } from '#shared/table';
import type { Complaint, TimelineEvent } from './intake.ts';

const clean = (item: Record<string, unknown>) => {
  const { type: _type, ...rest } = withoutKeys(item);
  return rest as unknown as Complaint & { trackingHash: string };
};

export async function getComplaint(id: string): Promise<(Complaint & { trackingHash: string }) | undefined> {
  const { Item } = await db.send(new GetCommand({ TableName: tableName, Key: keys.complaint(id), ConsistentRead: true }));
  return Item ? clean(Item) : undefined;
}

export async function complaintIdForTrackingHash(hash: string): Promise<string | undefined> {
  const { Item } = await db.send(new GetCommand({ TableName: tableName, Key: keys.tracking(hash) }));
  return Item?.complaintId as string | undefined;
}

/**
 * Applies a change to a complaint if it is still at `version`: sets the given fields, appends
 * the timeline events and bumps the version. False when someone else changed it first.
 */
export async function updateComplaint(
  complaint: Pick<Complaint, 'id' | 'version'>,
  set: Partial<Record<keyof Complaint, unknown>>,
  events: TimelineEvent[],
  /** Written in the same transaction: the evaluation's counters, the log of handled matters. */
  alongside: TransactItem[] = [],
): Promise<boolean> {
  const names: Record<string, string> = { '#timeline': 'timeline', '#version': 'version' };
  const values: Record<string, unknown> = { ':events': events, ':version': complaint.version, ':next': complaint.version + 1 };
  const assignments = Object.entries(set).map(([field, value], index) => {
    names[`#f${index}`] = field;
    values[`:v${index}`] = value;
    return `#f${index} = :v${index}`;
  });
  const failed = await writeAll([
    {
      Update: {
        TableName: tableName,
        Key: keys.complaint(complaint.id),
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

export type ComplaintListing =
  | { by: 'department'; dept: string; departmentRoutedOnly: boolean }
  | { by: 'all' }
  /** The complaints an enterprise made (intake with its token, refused charges, unlawful visits), optionally against one department. */
  | { by: 'enterprise'; enterpriseId: string; againstDept?: string };

const LISTING_INDEX = { department: TABLE.indexes.byParent, all: TABLE.indexes.bySecondParent, enterprise: TABLE.indexes.byThirdParent } as const;

export async function complaintsPage(listing: ComplaintListing, status: string | undefined, limit: number, cursor: string | undefined) {
  const index = LISTING_INDEX[listing.by];
  const { FilterExpression, names, values } = equalityFilter({
    status,
    routedTo: listing.by === 'department' && listing.departmentRoutedOnly ? 'department' : undefined,
    againstDept: listing.by === 'enterprise' ? listing.againstDept : undefined,
  });
  const partition = listing.by === 'department' ? keys.complaintsByDept(listing.dept) : listing.by === 'enterprise' ? keys.complaintsByEnterprise(listing.enterpriseId) : keys.allComplaints;
  const { items: Items, nextCursor } = await queryPage({
    TableName: tableName,
    IndexName: index.name,
    KeyConditionExpression: `${index.partitionKey} = :pk`,
    ...(FilterExpression ? { FilterExpression, ExpressionAttributeNames: names } : {}),
    ExpressionAttributeValues: { ':pk': partition, ...values },
    ScanIndexForward: false,
    Limit: limit,
  }, cursor);
  return { items: Items.map(clean), nextCursor };
}
