/**
 * The quarterly evaluation's figures (督查评议), kept as counters updated in the same
 * transaction as the event they count, so an evaluation is one Query and never a walk over the
 * records. Also the log of handled matters that measured pledges are judged from.
 */
import { localDate } from '../time/clock.ts';
import { put, tableName } from '../data/db.ts';
import { keys } from '../data/table.ts';

export const METRICS = [
  'complaintsReceived',
  'complaintsSubstantiated',
  'warnings',
  'breaches',
  'delayNotices',
  'brokenPledges',
  'refusedFeeEntries',
  'rejectedFeeAttempts',
  'visitsNotAllowed',
  'handled',
  'handledInTime',
  // Applications (办件): decisions and how many on time; ratings (好差评), their points summed, the poor ones (1 or 2).
  'applicationsDecided',
  'applicationsOnTime',
  'ratings',
  'ratingPoints',
  'poorRatings',
  // The assistance centre's tasks (交办) completed, on time or late; meetings (会办) an invited department stayed away from.
  'tasksCompleted',
  'tasksOnTime',
  'tasksLate',
  'meetingsMissed',
  // Accountability (functions/accountability/rules.ts DEDUCTIONS): supervision findings shown to the
  // department, and the sanctions of its decided cases, by measure (taken back when withdrawn on appeal).
  'supervisionFindings',
  'sanctionCriticismEducation',
  'sanctionWrittenSelfExamination',
  'sanctionCirculatedCriticism',
  'sanctionEfficiencyWarning',
  'sanctionAdmonishmentTalk',
  'sanctionPostAdjustment',
  'sanctionDisciplineReferral',
] as const;
export type Metric = (typeof METRICS)[number];
export type Figures = Record<Metric, number>;

/** The quarter (2026-Q4) an instant falls in, in China Standard Time. */
export function quarterOf(instant: Date): string {
  const date = localDate(instant);
  return `${date.slice(0, 4)}-Q${Math.floor((Number(date.slice(5, 7)) - 1) / 3) + 1}`;
}

/** A transaction item adding to a department's figures for the quarter of `at`. */
export const countIn = (dept: string, at: Date, increments: Partial<Figures>) => countInQuarter(dept, quarterOf(at), increments);

/**
 * A transaction item adding to a department's figures for a quarter. A count taken back (a
 * negative increment) must have been counted there: the condition keeps every figure at zero or
 * above, and the transaction fails rather than go below.
 */
export function countInQuarter(dept: string, quarter: string, increments: Partial<Figures>) {
  const entries = Object.entries(increments).filter(([, value]) => value !== 0);
  const takenBack = entries.flatMap(([, value], index) => (value < 0 ? [`#m${index} >= :n${index}`] : []));
  return {
    Update: {
      TableName: tableName,
      Key: keys.evaluation(quarter, dept),
      UpdateExpression: `SET department = :dept ADD ${entries.map((_, index) => `#m${index} :v${index}`).join(', ')}`,
      ...(takenBack.length ? { ConditionExpression: takenBack.join(' AND ') } : {}),
      ExpressionAttributeNames: Object.fromEntries(entries.map(([metric], index) => [`#m${index}`, metric])),
      ExpressionAttributeValues: {
        ':dept': dept,
        ...Object.fromEntries(entries.map(([, value], index) => [`:v${index}`, value])),
        ...Object.fromEntries(entries.flatMap(([, value], index) => (value < 0 ? [[`:n${index}`, -value]] : []))),
      },
    },
  };
}

/** Services whose time limits the system measures itself (a pledge about one is judged from the cases). */
export const MEASURED_SERVICES = ['complaint-acknowledgement', 'complaint-resolution', 'inspection-approval'] as const;
export type MeasuredService = (typeof MEASURED_SERVICES)[number];

/** A transaction item logging one handled matter: how many working days it took. */
export function logHandled(dept: string, service: MeasuredService, matterId: string, completedAt: Date, workingDays: number) {
  return put({
    ...keys.measure(dept, service, completedAt.toISOString(), matterId),
    type: 'measure',
    department: dept,
    service,
    matterId,
    workingDays,
  });
}
