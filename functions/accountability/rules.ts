/**
 * Accountability rules (责任追究, work plan §三; 明查暗访 §二.1.四; 末位淘汰 §二.1.二), pure.
 * The clauses, the sanction ladder, the deduction table the evaluation scores with, and the
 * limits; loads no client, so route declarations and the console may use it.
 */
import type { Metric } from '#shared/domain/evaluation';
import type { Violation } from '#shared/domain/errors';
import { WATCH_DAYS } from './watch-rules.ts';

// The retaliation watch's own words and rules, apart so that the watched concerns load only them.
export * from './watch-rules.ts';

/** The plan's §三 list: 三.1.1–三.1.6 in administration, 三.2.1–三.2.5 in approvals, 三.3.1–三.3.4 in enforcement. */
export const CLAUSE_WORDS = {
  '三.1.1': ['不认真贯彻执行县委、县政府决定、决议', 'Not carrying out county decisions'],
  '三.1.2': ['推诿扯皮、敷衍塞责、不作为或慢作为', 'Buck-passing, perfunctory handling, inaction or slow action'],
  '三.1.3': ['对县委、县政府的决策乱发议论，影响社会稳定', "Irresponsible talk about the county's decisions"],
  '三.1.4': ['不认真执行或违反政务公开有关规定', 'Breaking open-government rules'],
  '三.1.5': ['向社会作出的承诺不兑现', 'A public pledge not honoured'],
  '三.1.6': ['对"五难"现象不抓不管或整改成效不明显', 'Ignoring the five difficulties (五难)'],
  '三.2.1': ['继续执行已取消的或变相增设审批、核准、登记事项', 'Abolished or disguised new approvals'],
  '三.2.2': ['不按规定公开审批项目、依据、权限、收费标准、程序和时限', 'Approval items, basis, fees, procedure or limits not published'],
  '三.2.3': ['对符合法定条件的申请拖延不办', 'Delaying applications that meet the legal conditions'],
  '三.2.4': ['只收费不服务、强行推销物品、搭车收费', 'Charging without service, forced sales, tie-in charges'],
  '三.2.5': ['强行要求接受中介服务或指定中介机构', 'Forcing or naming an intermediary'],
  '三.3.1': ['执法方式简单粗暴、刁难、训斥、谩骂当事人', 'Crude or abusive enforcement'],
  '三.3.2': ['擅自使用被扣押财物', 'Using seized property'],
  '三.3.3': ['吃、拿、卡、要、报，敲诈勒索', 'Eat, take, obstruct, demand, claim (吃拿卡要报), extortion'],
  '三.3.4': ['乱罚款或下达罚款指标、以罚代管', 'Arbitrary fines, fine quotas, fining in place of management'],
} as const satisfies Record<string, readonly [zh: string, en: string]>;
export type Clause = keyof typeof CLAUSE_WORDS;
export const CLAUSES = Object.keys(CLAUSE_WORDS) as [Clause, ...Clause[]];

export const FINDING_METHODS = ['open', 'covert'] as const;
export type FindingMethod = (typeof FINDING_METHODS)[number];
export const FINDING_METHOD_WORDS: Record<FindingMethod, readonly [zh: string, en: string]> = {
  open: ['明查', 'Open check'],
  covert: ['暗访', 'Covert check'],
};
export const FINDING_STATUSES = ['recorded', 'responded'] as const;
export type FindingStatus = (typeof FINDING_STATUSES)[number];
export const FINDING_STATUS_WORDS: Record<FindingStatus, readonly [zh: string, en: string]> = {
  recorded: ['待回复', 'Awaiting response'],
  responded: ['已回复', 'Responded'],
};

/** The sanction ladder, lightest first (the county's usual practice: docs/accountability.md). */
export const MEASURES = [
  'criticism-education',
  'written-self-examination',
  'circulated-criticism',
  'efficiency-warning',
  'admonishment-talk',
  'post-adjustment',
  'discipline-referral',
] as const;
export type Measure = (typeof MEASURES)[number];
export const MEASURE_WORDS: Record<Measure, readonly [zh: string, en: string]> = {
  'criticism-education': ['批评教育', 'Criticism and education'],
  'written-self-examination': ['书面检查', 'Written self-examination'],
  'circulated-criticism': ['通报批评', 'Circulated criticism'],
  'efficiency-warning': ['效能告诫', 'Efficiency warning'],
  'admonishment-talk': ['诫勉谈话', 'Admonishment talk'],
  'post-adjustment': ['调整岗位', 'Post adjustment'],
  'discipline-referral': ['移送纪检监察', 'Referral to discipline inspection'],
};
/** The three heaviest are about a person: the sanction names one. */
export const PERSONAL_MEASURES: readonly Measure[] = ['admonishment-talk', 'post-adjustment', 'discipline-referral'];
/** From circulated criticism up, a decided case is made public (通报), naming the unit, never a person. */
export const NOTICE_FROM: Measure = 'circulated-criticism';

const weight = (measure: Measure): number => MEASURES.indexOf(measure);
export const heaviest = (measures: readonly Measure[]): Measure | undefined =>
  measures.reduce<Measure | undefined>((top, m) => (top === undefined || weight(m) > weight(top) ? m : top), undefined);
export const isNoticed = (measures: readonly Measure[]): boolean => {
  const top = heaviest(measures);
  return top !== undefined && weight(top) >= weight(NOTICE_FROM);
};

/**
 * The published deduction table (one declaration: the evaluation scores with it, its answer and
 * docs/accountability.md show it): points off the quarter's score for each finding shown to the
 * department and for each sanction of a decided case, the heavier the measure the more.
 */
export const DEDUCTIONS = {
  supervisionFinding: 3,
  measures: {
    'criticism-education': 2,
    'written-self-examination': 3,
    'circulated-criticism': 5,
    'efficiency-warning': 6,
    'admonishment-talk': 8,
    'post-adjustment': 10,
    'discipline-referral': 15,
  },
} as const satisfies { supervisionFinding: number; measures: Record<Measure, number> };

/** The evaluation counter each measure is counted in (shared/domain/evaluation.ts). */
export const MEASURE_METRIC = {
  'criticism-education': 'sanctionCriticismEducation',
  'written-self-examination': 'sanctionWrittenSelfExamination',
  'circulated-criticism': 'sanctionCirculatedCriticism',
  'efficiency-warning': 'sanctionEfficiencyWarning',
  'admonishment-talk': 'sanctionAdmonishmentTalk',
  'post-adjustment': 'sanctionPostAdjustment',
  'discipline-referral': 'sanctionDisciplineReferral',
} as const satisfies Record<Measure, Metric>;

/** The counts a decision adds to the department's quarter (`sign` −1 takes them back on withdrawal). */
export function sanctionCounts(measures: readonly Measure[], sign: 1 | -1 = 1): Partial<Record<Metric, number>> {
  const counts: Partial<Record<Metric, number>> = {};
  for (const measure of measures) counts[MEASURE_METRIC[measure]] = (counts[MEASURE_METRIC[measure]] ?? 0) + sign;
  return counts;
}

/** The accountability points a quarter's figures take off the score. */
export function accountabilityDeduction(figures: Partial<Record<Metric, number>>): number {
  const findings = DEDUCTIONS.supervisionFinding * (figures.supervisionFindings ?? 0);
  return MEASURES.reduce((sum, measure) => sum + DEDUCTIONS.measures[measure] * (figures[MEASURE_METRIC[measure]] ?? 0), findings);
}

/** The limits, in working days of the county calendar. */
export const LIMITS = {
  /** The department answers a finding shown to it. */
  findingResponseDays: 3,
  /** The supervisors investigate a case. */
  investigationDays: 20,
  /** The department may appeal a decision. */
  appealDays: 5,
  /** The last placed files its rectification plan after the quarter ends. */
  rectificationDays: 10,
  /** How long an enterprise's complaint keeps the named department's acts toward it watched (calendar days). */
  watchDays: WATCH_DAYS,
} as const;

export const CASE_STATUSES = ['investigating', 'decided', 'appealed', 'appeal-decided'] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];
export const CASE_STATUS_WORDS: Record<CaseStatus, readonly [zh: string, en: string]> = {
  investigating: ['调查中', 'Investigating'],
  decided: ['已决定', 'Decided'],
  appealed: ['申诉中', 'Under appeal'],
  'appeal-decided': ['申诉已裁决', 'Appeal decided'],
};
export const OUTCOMES = ['sanctioned', 'not-substantiated'] as const;
export type Outcome = (typeof OUTCOMES)[number];
export const OUTCOME_WORDS: Record<Outcome, readonly [zh: string, en: string]> = {
  sanctioned: ['予以问责', 'Sanctioned'],
  'not-substantiated': ['不予问责（未查实）', 'Not substantiated'],
};

export const SOURCE_TYPES = ['complaint', 'supervision-finding', 'pledge', 'alert', 'retaliation-flag'] as const;
export type SourceType = (typeof SOURCE_TYPES)[number];
export const SOURCE_WORDS: Record<SourceType, readonly [zh: string, en: string]> = {
  complaint: ['投诉', 'Complaint'],
  'supervision-finding': ['明查暗访发现', 'Supervision finding'],
  pledge: ['公开承诺', 'Pledge'],
  alert: ['预警', 'Alert'],
  'retaliation-flag': ['打击报复预警', 'Retaliation flag'],
};

export interface SanctionInput {
  measure: Measure;
  person?: string | undefined;
  note?: string | undefined;
}

/** What is wrong with a decision's input, field by field (400): sanctions as the outcome needs them, a person for the personal measures. */
export function decisionErrors(outcome: Outcome, sanctions: readonly SanctionInput[]): { field: string; message: string }[] {
  if (outcome === 'sanctioned' && sanctions.length === 0)
    return [{ field: 'sanctions', message: 'A sanctioned case needs at least one sanction' }];
  if (outcome === 'not-substantiated' && sanctions.length > 0)
    return [{ field: 'sanctions', message: 'A case not substantiated has no sanctions' }];
  return sanctions.flatMap((sanction, index) =>
    PERSONAL_MEASURES.includes(sanction.measure) && !sanction.person?.trim()
      ? [{ field: `sanctions.${index}.person`, message: `${sanction.measure} concerns a person: name the person` }]
      : [],
  );
}

/** The appeal window: the department may appeal until the end of it (5 working days from the decision). */
export function appealWindowClosed(appealAt: Date, windowEnd: Date): Violation | undefined {
  if (appealAt.getTime() <= windowEnd.getTime()) return undefined;
  return {
    rule: 'appeal-window-closed',
    title: 'The appeal window has closed',
    detail: `A decision may be appealed within ${LIMITS.appealDays} working days; that time ended at ${windowEnd.toISOString()}.`,
  };
}

/** The appeal goes to another supervisor than the one who decided (the practice of county 效能问责 rules). */
export function sameDecider(decidedBy: string, appealDecidedBy: string): Violation | undefined {
  if (decidedBy !== appealDecidedBy) return undefined;
  return {
    rule: 'same-decider',
    title: 'The appeal goes to another supervisor',
    detail: 'You decided this case; a supervisor other than the one who decided rules on its appeal.',
  };
}
