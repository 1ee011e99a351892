/**
 * The retaliation watch's table access: the watch a complaint opens (one item per department and
 * enterprise, read with one GetItem by a watched act) and the flag an act raises. Apart from the
 * rest of accountability's store so that the watched concerns load only this.
 */
import * as z from 'zod/mini';
import { getRecord, put, type Write } from '#shared/data/db';
import { keys, lists } from '#shared/data/table';
import { decoderOf, stored } from '#shared/data/codecs';
import { flagFields } from './watch-records.ts';

const flagCodec = z.object({
  ...flagFields(stored),
  version: z.number(),
  review: z.optional(
    z.object({
      outcome: z.enum(['dismissed', 'case-opened']),
      reason: z.string(),
      at: z.string(),
      caseId: z.optional(z.string()),
      by: z.string(),
    }),
  ),
});
export type Flag = z.infer<typeof flagCodec>;
export const decodeFlag = decoderOf(flagCodec);

const watchCodec = z.object({
  dept: z.string(),
  enterpriseId: z.string(),
  complaintId: z.string(),
  complainedAt: z.string(),
  until: z.string(),
  deptName: z.string(),
  enterpriseName: z.string(),
});
export type Watch = z.infer<typeof watchCodec>;

/** The watch an enterprise's complaint opens on the department it named (the latest complaint's, for 180 days). */
export const watchWrite = (watch: Watch): Write =>
  put({ ...keys.retaliationWatch(watch.dept, watch.enterpriseId), type: 'retaliation-watch', ...watch });

/** The one read a watched act makes. */
export const getWatch = (dept: string, enterpriseId: string) => getRecord(keys.retaliationWatch(dept, enterpriseId), decoderOf(watchCodec));

export function flagWrite(flag: Flag): Write {
  return put({
    ...keys.retaliationFlag(flag.id),
    ...lists.retaliationFlags.entries({
      dept: flag.dept,
      enterpriseId: flag.enterpriseId,
      at: new Date(flag.act.at).toISOString(),
      id: flag.id,
    }),
    type: 'retaliation-flag',
    ...flag,
  });
}
