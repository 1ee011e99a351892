/** The words of the accountability pages, and how a clause and "now" are shown. */
import { t, type Words } from '../../../i18n.ts';
import { CLAUSE_WORDS, CLAUSES, type Clause } from '#functions/accountability/rules';

export const AW = {
  workbench: ['问责工作台', 'Accountability workbench'],
  findings: ['明查暗访发现', 'Supervision findings'],
  recordFinding: ['记录发现', 'Record a finding'],
  method: ['方式', 'Method'],
  observedAt: ['发现时间', 'Observed at'],
  place: ['地点', 'Place'],
  clause: ['问责条款(第三部分)', 'Clause (§三)'],
  description: ['情况', 'What was found'],
  post: ['岗位(选填)', 'Post (optional)'],
  hidden: ['暗访,未向部门公开', 'Covert: not shown to the department'],
  disclose: ['向部门公开', 'Show to the department'],
  respondBy: ['回复期限', 'Response due by'],
  response: ['部门回复', "The department's response"],
  statement: ['情况说明', 'Statement'],
  rectification: ['整改措施', 'Rectification'],
  respond: ['提交回复', 'Respond'],
  cases: ['问责案件', 'Accountability cases'],
  openCase: ['立案', 'Open a case'],
  summary: ['案情', 'Summary'],
  sourceType: ['案件来源', 'Source'],
  sourceId: ['来源编号', 'Source id'],
  sources: ['来源', 'Sources'],
  investigateBy: ['调查期限', 'Investigation due by'],
  decide: ['作出决定', 'Decide'],
  outcome: ['结论', 'Outcome'],
  measure: ['问责方式', 'Measure'],
  person: ['责任人(诫勉谈话及以上必填)', 'Person (needed from admonishment talk up)'],
  note: ['说明(选填)', 'Note (optional)'],
  decision: ['决定', 'Decision'],
  appealBy: ['申诉期限', 'Appeal by'],
  appeal: ['申诉', 'Appeal'],
  appealReason: ['申诉理由', 'Reason for the appeal'],
  submitAppeal: ['提出申诉', 'Appeal'],
  appealDecision: ['申诉裁决', 'Appeal decision'],
  upheld: ['维持或撤销', 'Uphold or withdraw'],
  uphold: ['维持原决定', 'Uphold the decision'],
  withdraw: ['撤销问责', 'Withdraw the sanctions'],
  withdrawn: ['已撤销', 'Withdrawn'],
  reason: ['理由', 'Reason'],
  flags: ['打击报复预警', 'Retaliation flags'],
  flagsHelp: [
    '企业投诉某部门后180天内,该部门对该企业的检查、罚款、收费、不予批准或一次性告知均列于此,部门不知情。',
    'For 180 days after an enterprise complains about a department, that department’s inspections, fines, charges, refusals and one-time notices toward it are listed here; the department is not told.',
  ],
  daysAfter: ['投诉后天数', 'Days after the complaint'],
  review: ['审查', 'Review'],
  dismissed: ['排除', 'Dismiss'],
  caseOpened: ['立案调查', 'Open a case'],
  myFindings: ['本部门的督查发现', 'Findings on this department'],
  myCases: ['本部门的问责案件', "This department's cases"],
  notices: ['问责通报', 'Public notices (通报)'],
  noticesHelp: [
    '通报批评及以上的问责决定予以公开,只公布单位,不公布个人姓名。',
    'Decisions from circulated criticism up are public: the unit, never a person.',
  ],
  decidedAt: ['决定日期', 'Decided'],
} as const satisfies Record<string, Words>;

export const CLAUSE_OPTIONS = CLAUSES.map((clause) => [clause, `${clause} ${t(CLAUSE_WORDS[clause])}`] as const);
export const clauseText = (clause: Clause) => `${clause} ${t(CLAUSE_WORDS[clause])}`;
/** "now", as a datetime-local input takes it, in China time. */
export const nowLocal = () => new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 16);
