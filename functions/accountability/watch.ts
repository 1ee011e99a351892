/**
 * The retaliation watch (打击报复). An enterprise's complaint (signed in, a refused charge, a
 * reported quiet-day visit) opens a 180-day watch on the department it named toward that
 * enterprise, written in the complaint's own transaction. Each watched act then reads the watch
 * with one GetItem, made whether or not a watch exists, and, if it is active, writes a flag and
 * the supervisors' alert in the act's own transaction: the act's answer is the same either way,
 * so the department never learns that it is watched or who complained.
 *
 * The flag's id is derived from the act (its type and id), so a retried act that succeeded once
 * cannot write a second flag: the act's own record is new only once, and its transaction fails
 * before the flag could be written again.
 */
import { createHash } from 'node:crypto';
import { alertWrites } from '#shared/outbox/raise-alert';
import { alertWords, readableTime, shortRef } from '#shared/alerts/alert-text';
import { departmentName, enterpriseName } from '#shared/domain/names';
import { toLocalIso } from '#shared/time/clock';
import type { Write } from '#shared/data/db';
import type { Deps } from '#shared/domain/deps';
import { WATCHED_ACT_WORDS, watchCovers, watchUntil, type WatchedAct } from './watch-rules.ts';
import { flagWrite, getWatch, watchWrite, type Flag } from './watch-store.ts';

/** A UUID-shaped id derived from a name: the same act always gives the same flag. */
export function derivedId(name: string): string {
  const hex = createHash('sha256').update(name, 'utf8').digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-${((parseInt(hex.slice(16, 18), 16) & 0x3f) | 0x80).toString(16)}${hex.slice(18, 20)}-${hex.slice(20, 32)}`;
}

/** The watch a complaint opens, for the complaint's transaction; none without an enterprise (an anonymous complaint starts no watch). */
export async function watchOpened(
  complaint: { id: string; againstDept: string; enterpriseId?: string | undefined },
  now: Date,
): Promise<Write[]> {
  if (!complaint.enterpriseId) return [];
  const [deptName, entName] = await Promise.all([departmentName(complaint.againstDept), enterpriseName(complaint.enterpriseId)]);
  return [
    watchWrite({
      dept: complaint.againstDept,
      enterpriseId: complaint.enterpriseId,
      complaintId: complaint.id,
      complainedAt: now.toISOString(),
      until: watchUntil(now),
      deptName,
      enterpriseName: entName,
    }),
  ];
}

export interface Act {
  type: WatchedAct;
  /** The act's own record (an inspection, an entry, an application): unique per act. */
  id: string;
  dept: string;
  enterpriseId: string;
}

/**
 * What a watched act adds to its own transaction: nothing when no active watch covers it; else
 * the flag and the supervisors' alert. Exactly one GetItem, whatever the answer.
 */
export async function watchedActWrites(act: Act, deps: Deps): Promise<Write[]> {
  const watch = await getWatch(act.dept, act.enterpriseId);
  if (!watch || !watchCovers(watch.until, deps.now)) return [];
  const days = Math.floor((deps.now.getTime() - Date.parse(watch.complainedAt)) / 86_400_000);
  const flag: Flag = {
    id: derivedId(`retaliation-flag:${act.type}:${act.id}`),
    dept: act.dept,
    enterpriseId: act.enterpriseId,
    act: { type: act.type, id: act.id, at: toLocalIso(deps.now) },
    complaint: { id: watch.complaintId, at: toLocalIso(new Date(watch.complainedAt)) },
    daysSinceComplaint: days,
    status: 'open',
    version: 1,
  };
  const [actZh, actEn] = WATCHED_ACT_WORDS[act.type];
  const alert = {
    id: derivedId(`retaliation-alert:${act.type}:${act.id}`),
    at: toLocalIso(deps.now),
    severity: 'warning' as const,
    concern: 'accountability' as const,
    department: act.dept,
    kind: 'retaliation-flag',
    subject: { type: 'retaliation-flag', id: flag.id },
    ...alertWords(
      {
        zh: `打击报复预警：${watch.deptName}对投诉企业${watch.enterpriseName}`,
        en: `Retaliation watch: ${watch.deptName} acted toward a complaining enterprise`,
      },
      {
        zh: `${watch.enterpriseName}于${readableTime(watch.complainedAt)}投诉${watch.deptName}，${days}天后该部门对其「${actZh}」（编号 ${shortRef(act.id)}）。请审查是否打击报复；该部门不会知道此预警。`,
        en: `${watch.enterpriseName} complained about ${watch.deptName} on ${readableTime(watch.complainedAt)}; ${days} day(s) later the department did this toward it: ${actEn} (ref. ${shortRef(act.id)}). Review whether it is retaliation; the department is not told.`,
      },
    ),
  };
  return [flagWrite(flag), ...alertWrites(alert, deps)];
}
