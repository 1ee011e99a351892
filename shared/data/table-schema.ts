/**
 * The table itself: its key attributes and secondary indexes, what an access pattern is, and the
 * key condition a Query reads one with. Every key format, list and pattern is in table.ts, which
 * re-exports these.
 */
export const TABLE = {
  partitionKey: 'pk',
  sortKey: 'sk',
  /** TTL attribute (idempotency records and client quotas expire). */
  ttlAttribute: 'expiration',
  /**
   * The secondary indexes, named in code for the lists they hold. Their physical names (gsi1..3
   * and their key attributes) stay as deployed: renaming a GSI deletes it and creates another,
   * DynamoDB allows one GSI creation or deletion per table update (CloudFormation cannot apply a
   * rename of several at once), and the new index would be empty while it is backfilled.
   */
  indexes: {
    /** Each owner's list: a department's complaints, pledges, inspections, approval items; a unit's fee items; a month's fee audit; the departments; the alerts. */
    ownerLists: { name: 'gsi1', partitionKey: 'gsi1pk', sortKey: 'gsi1sk' },
    /** The county-wide list of each kind (complaints, pledges, fee items, approval items), and each enterprise's inspections. */
    countyLists: { name: 'gsi2', partitionKey: 'gsi2pk', sortKey: 'gsi2sk' },
    /** County-wide lists by date: every inspection, every running deadline watch. */
    datedLists: { name: 'gsi3', partitionKey: 'gsi3pk', sortKey: 'gsi3sk' },
  },
} as const;

export type IndexName = keyof typeof TABLE.indexes;

/** A sort key condition: a prefix, a closed range, or a lower bound. */
export type SortCondition = { beginsWith: string } | { between: readonly [string, string] } | { atLeast: string };

/**
 * An access pattern: the one partition a Query reads (on an index, or on the table itself), an
 * optional sort key condition, and its order. Every Query of the code is one of `patterns`.
 */
export interface AccessPattern {
  index?: IndexName;
  partition: string;
  sort?: SortCondition;
  newestFirst?: boolean;
}

/** The placeholder of the partition in every key condition (the cursor check reads it: shared/data/reads.ts). */
export const PARTITION_VALUE = ':pk';

/** The key condition of an access pattern, as a Query's input (without its table, filter or page). */
export function keyCondition(pattern: AccessPattern): {
  IndexName?: string;
  KeyConditionExpression: string;
  ExpressionAttributeValues: Record<string, string>;
  ScanIndexForward?: false;
} {
  const index = pattern.index ? TABLE.indexes[pattern.index] : undefined;
  const partitionKey = index?.partitionKey ?? TABLE.partitionKey;
  const sortKey = index?.sortKey ?? TABLE.sortKey;
  const sort = pattern.sort;
  const sortCondition: { expression: string; values: Record<string, string> } | undefined = !sort
    ? undefined
    : 'beginsWith' in sort
      ? { expression: `begins_with(${sortKey}, :sk)`, values: { ':sk': sort.beginsWith } }
      : 'between' in sort
        ? { expression: `${sortKey} BETWEEN :from AND :to`, values: { ':from': sort.between[0], ':to': sort.between[1] } }
        : { expression: `${sortKey} >= :from`, values: { ':from': sort.atLeast } };
  return {
    ...(index ? { IndexName: index.name } : {}),
    KeyConditionExpression: [`${partitionKey} = ${PARTITION_VALUE}`, ...(sortCondition ? [sortCondition.expression] : [])].join(' AND '),
    ExpressionAttributeValues: { [PARTITION_VALUE]: pattern.partition, ...sortCondition?.values },
    ...(pattern.newestFirst ? { ScanIndexForward: false as const } : {}),
  };
}
