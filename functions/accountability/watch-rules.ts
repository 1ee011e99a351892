/**
 * The retaliation watch's rules (打击报复), pure: what a watched act is, a flag's statuses, how long
 * a complaint keeps the department it named watched. Apart from the rest of accountability's
 * rules so that the concerns whose acts are watched load only these.
 */

/** How long an enterprise's complaint keeps the named department's acts toward it watched (calendar days). */
export const WATCH_DAYS = 180;

/** What a department did toward an enterprise that the retaliation watch looks at. */
export const WATCHED_ACTS = ['inspection-filed', 'fine-recorded', 'fee-entry-recorded', 'application-refused', 'one-time-notice'] as const;
export type WatchedAct = (typeof WATCHED_ACTS)[number];
export const WATCHED_ACT_WORDS: Record<WatchedAct, readonly [zh: string, en: string]> = {
  'inspection-filed': ['报备入企检查', 'Inspection filed'],
  'fine-recorded': ['检查结果中作出罚款', 'Fine recorded in an inspection outcome'],
  'fee-entry-recorded': ['登记收费', 'Fee entry recorded'],
  'application-refused': ['不予批准申请', 'Application refused'],
  'one-time-notice': ['一次性告知补正材料', 'One-time notice of missing materials'],
};
export const FLAG_STATUSES = ['open', 'dismissed', 'case-opened'] as const;
export type FlagStatus = (typeof FLAG_STATUSES)[number];
export const FLAG_STATUS_WORDS: Record<FlagStatus, readonly [zh: string, en: string]> = {
  open: ['待审查', 'To review'],
  dismissed: ['已排除', 'Dismissed'],
  'case-opened': ['已立案', 'Case opened'],
};

/** Whether a watch that runs `until` still covers an act at `at`. */
export const watchCovers = (until: string, at: Date): boolean => at.getTime() <= Date.parse(until);
/** The end of the watch a complaint at `complainedAt` opens. */
export const watchUntil = (complainedAt: Date): string => new Date(complainedAt.getTime() + WATCH_DAYS * 86_400_000).toISOString();
