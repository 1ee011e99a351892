/**
 * The rosters of posts (AB岗) as stored: each department's ordered roster and the absences its
 * posts declare (外出告知) beside it. Complaints and applications both assign work from them;
 * the pure rules of who holds what are in roster.ts.
 */
import * as z from 'zod/mini';
import { put, putOne, queryAll } from '../data/db.ts';
import { keys, patterns } from '../data/table.ts';
import { toLocalIso } from '../time/clock.ts';
import { effectiveHolder, type Handler, type Holder, type Post } from './roster.ts';

const absenceCodec = z.object({ from: z.string(), to: z.string(), reason: z.optional(z.string()) });
const handlerCodec: z.ZodMiniType<Handler> = z.object({
  id: z.string(),
  name: z.string(),
  available: z.boolean(),
  absences: z.optional(z.array(absenceCodec)),
});
/** The two records of a department's roster partition: the roster, and an absence declared beside it. */
const rosterRecordCodec = z.discriminatedUnion('type', [
  z.object({ type: z.literal('roster'), handlers: z.array(handlerCodec) }),
  z.object({ type: z.literal('absence'), handlerId: z.string(), from: z.string(), to: z.string(), reason: z.string() }),
]);
const decodeRosterRecord = (item: Record<string, unknown>) => rosterRecordCodec.parse(item);

/**
 * A department's roster with its declared absences (外出告知) merged into each post's. With `on`
 * (a local date), only absences not over by then are read: one Query of the department's
 * partition from the first such absence to the roster (ABSENCE#... sorts before HANDLERS).
 */
export async function getRoster(deptId: string, on?: string): Promise<Handler[]> {
  const records = await queryAll(patterns.rosterWithAbsences(deptId, on), decodeRosterRecord, { consistentRead: true });
  const roster = records.find((record) => record.type === 'roster');
  const declared = records.filter((record) => record.type === 'absence');
  return (roster?.handlers ?? []).map((handler) => {
    const absences = [
      ...(handler.absences ?? []),
      ...declared.filter((item) => item.handlerId === handler.id).map(({ from, to, reason }) => ({ from, to, reason })),
    ];
    return absences.length ? { ...handler, absences } : handler;
  });
}

export interface DeclaredAbsence {
  deptId: string;
  handlerId: string;
  from: string;
  to: string;
  reason: string;
  declaredBy: string;
  declaredAt: string;
}

/** Records a declared absence beside the roster (append-only: the record of who said they were away, and why). */
export async function putAbsence(absence: DeclaredAbsence, id: string): Promise<void> {
  await putOne(
    put({ ...keys.absence(absence.deptId, absence.to, absence.handlerId, id), type: 'absence', id, ...absence }, { ifNew: true }),
  );
}

export async function putRoster(deptId: string, handlers: Handler[], by: string, now: Date): Promise<void> {
  await putOne(put({ ...keys.roster(deptId), type: 'roster', deptId, handlers, updatedBy: by, updatedAt: toLocalIso(now) }));
}

/**
 * Who answers on `on` for each matter: its holder, or the post covering for an absent holder
 * (外出告知, AB岗), each department's roster read once. `heldBy` gives an open matter's department
 * and holder (undefined for a matter no one holds any more); `answeredBy` puts the answer on it.
 * Nothing is written: the cover is worked out by date, so it ends with the absence.
 */
export async function withCover<T, H extends Post>(
  matters: readonly T[],
  on: string,
  heldBy: (matter: T) => { dept: string; holder: H } | undefined,
  answeredBy: (matter: T, holder: H | Holder) => T,
): Promise<T[]> {
  const rosters = new Map<string, Promise<Handler[]>>();
  const rosterOf = (dept: string): Promise<Handler[]> => {
    const known = rosters.get(dept);
    if (known) return known;
    const read = getRoster(dept, on);
    rosters.set(dept, read);
    return read;
  };
  return Promise.all(
    matters.map(async (matter) => {
      const held = heldBy(matter);
      return held ? answeredBy(matter, effectiveHolder(await rosterOf(held.dept), held.holder, on)) : matter;
    }),
  );
}
