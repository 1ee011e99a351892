/** Versioned records: a change written only if the record is still at the version it was read at. */
import type { Key, TransactItem } from './client.ts';
import { tableName } from './client.ts';
import { refused, tryWriteAll, type Write } from './writes.ts';

/**
 * A change to a versioned record: the fields it sets, what it appends to its lists, and what the
 * record must hold besides its version (`onlyIf`: an attribute, its status, at one of the given
 * values; `unset`: attributes it must not have yet).
 */
export interface VersionedChange {
  set?: Record<string, unknown>;
  append?: Record<string, unknown[]>;
  onlyIf?: Record<string, readonly unknown[]>;
  unset?: string[];
}

/**
 * A change to a versioned record (a complaint, a pledge), if it is still at `version`: sets the
 * fields, appends to its lists and bumps the version. False when someone else changed it first.
 * `alongside` is written in the same transaction.
 */
export async function updateVersioned(key: Key, version: number, change: VersionedChange, alongside: Write[] = []): Promise<boolean> {
  const outcome = await tryWriteAll<'moved-on'>([
    { ...versionedUpdate(key, version, change), ifFailed: refused('moved-on') },
    ...alongside,
  ]);
  return outcome === undefined;
}

/**
 * The change of a kind of versioned record that keeps a timeline (a complaint, an application),
 * by its key: sets the fields and appends the events, at the record's version (see updateVersioned).
 */
export const timelineUpdate =
  <R extends { id: string; version: number; timeline: unknown[] }>(keyOf: (id: string) => Key) =>
  (
    record: Pick<R, 'id' | 'version'>,
    set: Partial<Record<keyof R, unknown>>,
    events: R['timeline'],
    alongside: Write[] = [],
  ): Promise<boolean> =>
    updateVersioned(keyOf(record.id), record.version, { set, append: { timeline: events } }, alongside);

/** The conditional Update of updateVersioned. */
export function versionedUpdate(key: Key, version: number, change: VersionedChange): TransactItem {
  const names: Record<string, string> = { '#version': 'version' };
  const values: Record<string, unknown> = { ':version': version, ':next': version + 1 };
  const assignments = Object.entries(change.set ?? {}).map(([field, value], position) => {
    names[`#s${position}`] = field;
    values[`:s${position}`] = value;
    return `#s${position} = :s${position}`;
  });
  const appends = Object.entries(change.append ?? {})
    .filter(([, added]) => added.length > 0)
    .map(([field, added], position) => {
      names[`#a${position}`] = field;
      values[`:a${position}`] = added;
      return `#a${position} = list_append(#a${position}, :a${position})`;
    });
  const required = Object.entries(change.onlyIf ?? {}).map(([field, allowed], position) => {
    names[`#o${position}`] = field;
    allowed.forEach((value, n) => (values[`:o${position}v${n}`] = value));
    return `#o${position} IN (${allowed.map((_, n) => `:o${position}v${n}`).join(', ')})`;
  });
  const absent = (change.unset ?? []).map((field, position) => {
    names[`#u${position}`] = field;
    return `attribute_not_exists(#u${position})`;
  });
  return {
    Update: {
      TableName: tableName,
      Key: key,
      UpdateExpression: `SET ${[...assignments, ...appends, '#version = :next'].join(', ')}`,
      ConditionExpression: ['#version = :version', ...required, ...absent].join(' AND '),
      ExpressionAttributeNames: names,
      ExpressionAttributeValues: values,
    },
  };
}
