/**
 * The console's words: Chinese first (the work plan's own terms), English switchable.
 * Each entry is [中文, English]; `t()` picks the current language.
 */
import { COMPLAINT_CATEGORY_WORDS } from '#functions/complaints/rules';
import { INSPECTION_CATEGORY_WORDS, INSPECTION_STATUS_WORDS } from '#functions/inspections/rules';
import { PLEDGE_STATUS_WORDS } from '#functions/pledges/rules';
import { APPLICATION_DECISION_WORDS } from '#functions/applications/rules';
import { signal } from './state.ts';

export type Lang = 'zh' | 'en';
const STORED = 'soft-env.lang';
export const lang = signal<Lang>((localStorage.getItem(STORED) as Lang | null) === 'en' ? 'en' : 'zh');
export function setLang(next: Lang) {
  localStorage.setItem(STORED, next);
  document.documentElement.lang = next === 'zh' ? 'zh-CN' : 'en';
  lang.set(next);
}

export type Words = readonly [zh: string, en: string];
export const t = (words: Words): string => (lang.get() === 'zh' ? words[0] : words[1]);
/** Both languages, Chinese first: for headings, where the English stands beside the plan's term. */
export const both = (words: Words): string => (lang.get() === 'zh' ? `${words[0]} ${words[1]}` : `${words[1]} (${words[0]})`);

export const W = {
  app: ['优化软环境', 'Business environment'],
  home: ['公开信息', 'Public'],
  complain: ['我要投诉', 'File a complaint'],
  track: ['投诉查询', 'Track a complaint'],
  console: ['工作台', 'Console'],
  signIn: ['登录', 'Sign in'],
  signOut: ['退出', 'Sign out'],
  feeList: ['收费目录', 'Fee list'],
  pledges: ['公开承诺', 'Public pledges'],
  evaluation: ['季度评议', 'Quarterly evaluation'],
  complaints: ['投诉', 'Complaints'],
  department: ['部门', 'Department'],
  code: ['编码', 'Code'],
  name: ['名称', 'Name'],
  legalBasis: ['收费依据', 'Legal basis'],
  standard: ['收费标准', 'Standard'],
  status: ['状态', 'Status'],
  dueDate: ['兑现日期', 'Due date'],
  pledgedVsStatutory: ['承诺时限 / 法定时限', 'Pledged / statutory limit'],
  workingDays: ['个工作日', 'working days'],
  rank: ['名次', 'Rank'],
  score: ['得分', 'Score'],
  complaintsReceived: ['受理投诉', 'Complaints'],
  substantiated: ['查实', 'Substantiated'],
  breaches: ['超时', 'Breaches'],
  brokenPledges: ['未兑现承诺', 'Broken pledges'],
  inTime: ['限时办结率', 'Handled in time'],
  lastPlaced: ['末位', 'Last placed'],
  lastPlacedNote: ['末位淘汰制:本季度末位', 'Last-place elimination (末位淘汰制): last placed this quarter'],
  noEvaluation: ['本季度尚无评议数据。', 'No evaluation figures for this quarter yet.'],
  rankingChart: ['各部门得分', 'Score by department'],
  complainLink: ['对部门作风、收费或检查有意见?我要投诉', 'A problem with a department, a fee or an inspection? File a complaint'],
  none: ['暂无', 'None yet'],
  loading: ['正在加载…', 'Loading…'],
  // The complaint form
  againstDept: ['被投诉部门', 'Department complained about'],
  category: ['投诉类别', 'Category'],
  whatHappened: ['事情经过', 'What happened'],
  occurredAt: ['发生时间(选填)', 'When it happened (optional)'],
  contact: ['联系方式(选填,仅监督人员可见)', 'Contact (optional, seen by supervisors only)'],
  submitComplaint: ['提交投诉', 'Submit the complaint'],
  chooseOne: ['请选择', 'Choose'],
  yourTrackingCode: ['您的投诉查询码', 'Your tracking code'],
  keepCode: [
    '请妥善保存查询码,凭此码查询办理进度(企业登录后也可在“我的投诉”中查看)。',
    'Keep this code to follow your complaint (a signed-in enterprise also finds it under My complaints).',
  ],
  followIt: ['查看办理进度', 'Follow its progress'],
  answerDueBy: ['答复期限', 'Answer due by'],
  // Tracking
  trackingCode: ['查询码', 'Tracking code'],
  lookUp: ['查询', 'Look up'],
  timeline: ['办理过程', 'Timeline'],
  delayNotice: ['滞后反馈告知', 'Delay notice'],
  answer: ['部门答复', "The department's answer"],
  verdict: ['监督结论', 'Verdict'],
  expectedBy: ['预计答复日期', 'Expected by'],
  reason: ['理由', 'Reason'],
  // Console: enterprise
  feeCard: ['企业付费登记卡', 'Fee registration card'],
  noCard: ['园区办尚未发放企业付费登记卡。', "The park office has not issued this enterprise's fee card yet."],
  chain: ['登记链校验', 'Chain check'],
  chainValid: ['完整,未被篡改', 'Intact'],
  chainBroken: ['异常', 'Broken'],
  amount: ['金额(元)', 'Amount (yuan)'],
  collector: ['收费人', 'Collector'],
  collectedAt: ['收费时间', 'Collected at'],
  receiptNo: ['票据号', 'Receipt no.'],
  refuse: ['拒缴 / 异议', 'Refuse'],
  refused: ['已拒缴', 'Refused'],
  refusalReason: ['拒缴理由', 'Reason for refusing'],
  refusalCategory: ['问题类别', 'Kind of problem'],
  submitRefusal: ['提交拒缴', 'Refuse this charge'],
  inspections: ['检查', 'Inspections'],
  plannedDate: ['计划日期', 'Planned date'],
  inspectors: ['检查人员', 'Inspectors'],
  checkIn: ['扫码入企', 'Check-in at the door'],
  checkInHelp: [
    '检查人员到企业时扫描此码,核验本次检查是否经批准、是否在计划日期。',
    'Inspectors at the door scan this code: it checks the visit is approved and on its planned day.',
  ],
  recordVisit: ['核验本次入企', 'Check this visit'],
  visitAllowed: ['允许入企', 'Visit allowed'],
  visitNotAllowed: ['不允许入企,已通知监督人员', 'Visit not allowed; supervisors have been told'],
  myComplaints: ['我的投诉', 'My complaints'],
  receivedAt: ['投诉时间', 'Filed'],
  // Console: department
  recordFee: ['登记收费', 'Record a fee'],
  enterpriseId: ['统一社会信用代码', 'Unified social credit code'],
  feeItem: ['收费项目', 'Fee item'],
  record: ['登记', 'Record'],
  recorded: ['已登记', 'Recorded'],
  fileInspection: ['报备检查', 'File an inspection'],
  inspectionCategory: ['检查类别', 'Kind of inspection'],
  inspectionReason: ['检查事由', 'Reason'],
  inspectionBasis: ['执法依据', 'Legal basis'],
  inspectorsHelp: ['每行一人', 'One per line'],
  file: ['报备', 'File'],
  quietDayRule: ['企业宁静生产日', 'Quiet production days'],
  queue: ['投诉办理(限时办结)', 'Complaint queue (time limits)'],
  timeLeft: ['剩余时间', 'Time left'],
  overdueBy: ['已超时', 'Overdue by'],
  acknowledge: ['受理', 'Acknowledge'],
  giveDelayNotice: ['滞后反馈告知', 'Give a delay notice'],
  sendAnswer: ['答复', 'Answer'],
  answerText: ['答复内容', 'The answer'],
  myPledges: ['本部门承诺', 'Our pledges'],
  // Console: office and supervisors
  liveAlerts: ['实时预警', 'Live alerts'],
  alertsHelp: ['新预警自动出现,无需刷新。', 'New alerts appear here without reloading.'],
  nearDeadline: ['临近或超过时限', 'Near or past their limit'],
  approvals: ['待审批检查(月末检查)', 'Inspections awaiting approval'],
  decide: ['审批', 'Decide'],
  approve: ['批准', 'Approve'],
  reject: ['不批准', 'Reject'],
  comment: ['审批意见', 'Comment'],
  decisionLimit: ['审批时限', 'Decide by'],
  feeAudit: ['收费稽核', 'Fee audit'],
  from: ['起', 'From'],
  to: ['止', 'To'],
  show: ['查询', 'Show'],
  downloadCsv: ['下载 CSV', 'Download CSV'],
  entries: ['笔数', 'Entries'],
  total: ['金额', 'Amount'],
  rejectedAttempts: ['被拒登记', 'Rejected attempts'],
  verdicts: ['投诉处理结论', 'Complaint verdicts'],
  finding: ['结论', 'Finding'],
  action: ['处理措施', 'Action taken'],
  giveVerdict: ['作出结论', 'Give the verdict'],
  // The investment service centre (投资服务中心)
  approvalItems: ['审批事项', 'Approval items'],
  approvalItemsHelp: [
    '承诺时限不超过法定时限的三分之二;按时办结率为实际办理记录。',
    'Pledged limits are at most two thirds of the statutory ones; the on-time rate is the real record.',
  ],
  approvalItem: ['审批事项', 'Approval item'],
  limits: ['承诺 / 法定时限', 'Pledged / statutory limit'],
  decidedCount: ['已办结', 'Decided'],
  onTimeRate: ['按时办结率', 'On time'],
  requiredMaterials: ['所需材料', 'Materials required'],
  myApplications: ['我的办件', 'My applications'],
  applicationShort: ['办件', 'Application'],
  materialsSupplied: ['提交的材料(每行一项)', 'Materials supplied (one per line)'],
  materialsNow: ['补正的材料(每行一项)', 'Materials supplied now (one per line)'],
  suppliedMaterials: ['已提交材料', 'Materials supplied'],
  headPost: ['部门负责人', 'Department head'],
  post: ['岗', ''],
  submitApplication: ['提交申请', 'Submit the application'],
  applied: ['已提交申请,等待窗口受理', 'Filed: the window will accept it'],
  windowQueue: ['窗口办件(限时办结)', 'Applications at the window (time limits)'],
  fileAtWindow: ['窗口代办:为企业登记申请', 'File for an enterprise at the window'],
  accept: ['受理', 'Accept'],
  oneTimeNotice: ['一次性告知', 'One-time notice'],
  missingMaterials: ['缺少的材料(每行一项,一次告知全部)', 'Missing materials (one per line, all at once)'],
  giveNotice: ['一次性告知补正', 'Give the one-time notice'],
  oneTimeNoticeHelp: [
    '一次性告知申请人需要补正的全部材料;告知后不得再次要求补正。',
    'Name everything missing at once: no second notice may follow.',
  ],
  supplyMaterials: ['补正材料', 'Supply the materials'],
  decisionDue: ['承诺办结时限', 'Pledged deadline'],
  delayedDeadline: ['延期后办结时限', 'Deadline after the delay notice'],
  statutoryLimit: ['法定时限', 'Statutory limit'],
  applicationDecision: ['办理结果', 'Decision'],
  decisionReason: ['办理意见', 'Reason'],
  sendDecision: ['办结', 'Decide'],
  delayExpectedBy: ['预计办结日期', 'Expected by'],
  onTime: ['按时办结', 'Decided on time'],
  late: ['超时办结', 'Decided late'],
  heldBy: ['承办岗位', 'Held by post'],
  rating: ['好差评', 'Rate the service'],
  ratingScore: ['评分(1 至 5 分)', 'Score (1 to 5)'],
  ratingComment: ['评价意见(选填)', 'Comment (optional)'],
  submitRating: ['提交评价', 'Submit the rating'],
  ratedScore: ['已评价', 'Rated'],
  appointments: ['预约服务(24小时受理)', 'Appointments (any hour)'],
  appointmentsHelp: [
    '任何时间均可预约,部门须在24小时内确认时间、地点和人员。',
    'Ask at any hour: the department confirms the time, place and staff within 24 hours.',
  ],
  requestAppointment: ['预约', 'Ask for an appointment'],
  topic: ['预约事项', 'What for'],
  requestedAt: ['希望时间', 'Preferred time'],
  appointmentContact: ['联系方式(选填)', 'Contact (optional)'],
  requested: ['已提交预约,部门将在24小时内确认', 'Sent: the department confirms within 24 hours'],
  confirmBy: ['确认期限', 'To be confirmed by'],
  appointmentQueue: ['预约确认(24小时内)', 'Appointments to confirm (within 24 hours)'],
  appointmentAt: ['服务时间', 'Time'],
  place: ['地点', 'Place'],
  staff: ['工作人员(每行一人)', 'Staff (one per line)'],
  confirm: ['确认预约', 'Confirm'],
  confirmedLate: ['超过24小时确认', 'Confirmed after 24 hours'],
  // Sign-in
  signInNeeded: ['请先登录工作台。', 'Please sign in to use the console.'],
  roleOf: ['身份', 'Signed in as'],
  language: ['English', '中文'],
  error: ['出错了', 'Something went wrong'],
  submit: ['提交', 'Submit'],
} as const satisfies Record<string, Words>;

/** The complaint categories, in the work plan's words (declared with the categories, for the alerts too). */
export const COMPLAINT_CATEGORY: Record<string, Words> = COMPLAINT_CATEGORY_WORDS;

export const COMPLAINT_STATUS: Record<string, Words> = {
  received: ['已收到', 'Received'],
  acknowledged: ['已受理', 'Acknowledged'],
  resolved: ['已答复', 'Answered'],
  closed: ['已办结', 'Closed'],
};
export const PLEDGE_STATUS: Record<string, Words> = { ...PLEDGE_STATUS_WORDS, overdue: ['已逾期', 'Overdue'] };
export const INSPECTION_STATUS: Record<string, Words> = INSPECTION_STATUS_WORDS;
export const APPLICATION_STATUS: Record<string, Words> = {
  received: ['待受理', 'Awaiting acceptance'],
  incomplete: ['待补正', 'Materials missing'],
  accepted: ['已受理', 'Accepted'],
  decided: ['已办结', 'Decided'],
};
export const APPLICATION_DECISION: Record<string, Words> = APPLICATION_DECISION_WORDS;
export const APPOINTMENT_STATUS: Record<string, Words> = {
  requested: ['待确认', 'Awaiting confirmation'],
  confirmed: ['已确认', 'Confirmed'],
};
export const INSPECTION_CATEGORY: Record<string, Words> = INSPECTION_CATEGORY_WORDS;
export const SEVERITY: Record<string, Words> = {
  info: ['提示', 'Info'],
  warning: ['预警', 'Warning'],
  breach: ['超时', 'Breach'],
  escalation: ['升级督办', 'Escalation'],
};
export const FINDING: Record<string, Words> = { substantiated: ['查实', 'Substantiated'], unsubstantiated: ['不属实', 'Unsubstantiated'] };
export const ROLE: Record<string, Words> = {
  department: ['部门', 'Department'],
  'soft-env-office': ['软环境办', 'Soft-environment office'],
  supervisor: ['监督人员', 'Supervisor'],
  'park-office': ['园区办', 'Park office'],
  enterprise: ['企业', 'Enterprise'],
};
export const TIMELINE_EVENT: Record<string, Words> = {
  received: ['收到投诉', 'Complaint received'],
  acknowledged: ['部门已受理', 'Taken on by the department'],
  'delay-notice': ['滞后反馈告知', 'Delay notice'],
  resolved: ['部门已答复', 'The department answered'],
  verdict: ['监督结论', 'Verdict'],
  closed: ['已办结', 'Closed'],
};

/** Problem types of the API named in Chinese; the API's own detail is shown beside it. */
export const PROBLEM: Record<string, Words> = {
  'quiet-production-day': ['企业宁静生产日(每月1日至25日)不得开展日常检查', 'Days 1 to 25 are quiet production days'],
  'amount-outside-standard': ['收费金额不符合收费标准', 'The amount does not meet the standard'],
  'fee-item-not-published': ['收费项目未列入收费目录', 'The fee item is not on the fee list'],
  'fee-item-of-another-unit': ['不是本部门的收费项目', "The fee item is another department's"],
  'fee-item-not-valid-on-date': ['收费项目在该日期无效', 'The fee item is not in force on that date'],
  'duplicate-receipt': ['票据号重复', 'Duplicate receipt number'],
  'delay-notice-given': ['已作过滞后反馈告知', 'A delay notice was already given'],
  'limit-passed': ['已超过办理时限', 'The limit has already passed'],
  'delay-too-long': ['延期超过允许范围', 'The delay is too long'],
  'delay-not-later': ['新日期不晚于原时限', 'The new date is not later than the limit'],
  'two-thirds-rule': ['承诺时限不得超过法定时限的三分之二', 'A pledged limit is at most two thirds of the statutory one'],
  'routine-inspection-cap': ['日常检查次数已达上限', 'Routine inspection cap reached'],
  'first-minor-violation-no-fine': ['首次轻微违法不予罚款', 'No fine for a first minor violation'],
  'one-time-notice-given': ['已作过一次性告知,不得再次要求补正', 'The one-time notice was already given'],
  'nothing-missing': ['请列明缺少的材料,或直接受理', 'Name the missing materials, or accept'],
  'past-statutory-limit': ['不得超过法定时限', 'Past the statutory limit'],
  'not-awaiting-acceptance': ['该申请不在待受理状态', 'Not awaiting acceptance'],
  'not-awaiting-materials': ['该申请不需要补正材料', 'No materials are awaited'],
  'not-accepted': ['该申请尚未受理', 'Not accepted yet'],
  'not-decided': ['办结后才能评价', 'Rate it once decided'],
  'already-rated': ['已评价过', 'Already rated'],
  'already-confirmed': ['该预约已确认', 'Already confirmed'],
  'application-changed': ['已被他人处理,请刷新', 'Changed meanwhile; reload'],
  'appointment-changed': ['已被他人处理,请刷新', 'Changed meanwhile; reload'],
  'source-not-found': ['案件来源不存在', 'A source of the case does not exist'],
  'source-of-another-department': ['案件来源涉及其他部门', 'A source concerns another department'],
  'source-in-case': ['该来源已在其他案件中', 'The source is in another case already'],
  'same-decider': ['申诉须由原决定人以外的监督人员裁决', 'Another supervisor rules on the appeal'],
  'appeal-window-closed': ['已超过5个工作日的申诉期限', 'The 5-working-day appeal window has closed'],
  'not-last-placed': ['只有本季度末位部门提交整改方案', 'Only the last placed files a rectification plan'],
  'excused-by-office-only': ['不可抗力免责须由软环境办认定', 'Only the office excuses a pledge'],
  'invalid-request': ['填写内容有误', 'Some fields are not valid'],
  unauthorized: ['请重新登录', 'Please sign in again'],
  forbidden: ['无权进行此操作', 'Not allowed for your role'],
  'not-found': ['未找到', 'Not found'],
  conflict: ['状态已变化,无法重复操作', 'Already done or no longer possible'],
  'payload-too-large': ['内容过长', 'Too long'],
  throttled: ['请求过于频繁,请稍后再试', 'Too many requests; try again shortly'],
};
