/** The quarter's evaluation as CSV: one row per department, in rank order. */
import { field, toCsv, type Column } from '#shared/http/csv';
import type { Figures } from '#shared/domain/evaluation';

export interface EvaluationRow {
  deptId: string;
  name: string;
  figures: Figures;
  shareHandledInTime: number | null;
  shareApplicationsOnTime: number | null;
  averageRating: number | null;
  score: number;
  rank: number;
  lastPlaced: boolean;
}

const figure = (header: string, metric: keyof Figures): Column<EvaluationRow> => ({ header, value: (row) => row.figures[metric] });

const columns: Column<EvaluationRow>[] = [
  field('排名 Rank', 'rank'),
  field('部门 Department', 'name'),
  field('部门代码 Department id', 'deptId'),
  field('得分 Score', 'score'),
  { header: '末位 Last placed', value: (row) => (row.lastPlaced ? '是 yes' : '') },
  figure('收到投诉 Complaints received', 'complaintsReceived'),
  figure('查实投诉 Complaints substantiated', 'complaintsSubstantiated'),
  figure('预警 Warnings', 'warnings'),
  figure('超时 Breaches', 'breaches'),
  figure('滞后告知 Delay notices', 'delayNotices'),
  figure('未兑现承诺 Broken pledges', 'brokenPledges'),
  figure('被拒缴收费 Refused fee entries', 'refusedFeeEntries'),
  figure('被拒登记 Rejected fee attempts', 'rejectedFeeAttempts'),
  figure('违规入企 Visits not allowed', 'visitsNotAllowed'),
  {
    header: '按时办结率 Share handled in time',
    value: (row) => (row.shareHandledInTime === null ? '' : row.shareHandledInTime.toFixed(4)),
  },
  figure('办结办件 Applications decided', 'applicationsDecided'),
  {
    header: '办件按时率 Applications on time',
    value: (row) => (row.shareApplicationsOnTime === null ? '' : row.shareApplicationsOnTime.toFixed(4)),
  },
  figure('评价数 Ratings', 'ratings'),
  { header: '平均评分 Average rating', value: (row) => (row.averageRating === null ? '' : row.averageRating.toFixed(2)) },
  figure('差评 Poor ratings', 'poorRatings'),
  figure('完成交办任务 Tasks completed', 'tasksCompleted'),
  figure('交办任务超时 Tasks late', 'tasksLate'),
  figure('会办缺席 Meetings missed', 'meetingsMissed'),
];

export const evaluationCsv = (rows: readonly EvaluationRow[]): string => toCsv(columns, rows);
