/**
 * The deadline workflow asks about an accountability matter: a finding the department has not
 * answered (its own limit), a case the supervisors have not decided (theirs: the breach tells the
 * office and is not counted against the department).
 */
import { type MatterCheck, closed, stillOpen } from '#shared/outbox/deadline-checks';
import { alertWords, readableTime, shortRef } from '#shared/alerts/alert-text';
import { departmentName } from '#shared/domain/names';
import { CLAUSE_WORDS, LIMITS } from './rules.ts';
import { getCase, getFinding, updateFinding } from './store.ts';
import { getPlan } from './rectification.ts';

export const checkAccountabilityMatter: MatterCheck = async (matter, stage) => {
  const dept = await departmentName(matter.department);
  if (matter.kind === 'finding-response') {
    let finding = await getFinding(matter.id);
    if (!finding || finding.status !== 'recorded' || finding.deadline?.version !== matter.version) return closed;
    if (stage === 'breach' && !finding.overdue && !(await updateFinding(finding, { set: { overdue: true } }))) {
      finding = await getFinding(matter.id);
      if (!finding || finding.status !== 'recorded') return closed;
    }
    const [clauseZh, clauseEn] = CLAUSE_WORDS[finding.clause];
    const what = {
      zh: `${dept}的督查发现（${finding.clause} ${clauseZh}，${readableTime(finding.observedAt)}，${finding.place}，编号 ${shortRef(finding.id)}）`,
      en: `the supervision finding on ${dept} (${finding.clause} ${clauseEn}, ${readableTime(finding.observedAt)}, ${finding.place}, ref. ${shortRef(finding.id)})`,
    };
    const text = {
      warning: alertWords(
        { zh: `督查发现回复时限将到：${dept}`, en: 'A supervision finding awaits its response; the limit is near' },
        {
          zh: `${what.zh}尚未回复，时限${LIMITS.findingResponseDays}个工作日。`,
          en: `No response yet to ${what.en}; the limit is ${LIMITS.findingResponseDays} working days.`,
        },
      ),
      breach: alertWords(
        { zh: `督查发现逾期未回复：${dept}`, en: 'A supervision finding was not answered in time' },
        {
          zh: `${what.zh}超过${LIMITS.findingResponseDays}个工作日仍未回复。`,
          en: `No response to ${what.en} within ${LIMITS.findingResponseDays} working days.`,
        },
      ),
      escalation: alertWords(
        { zh: `督查发现长期未回复，升级督办：${dept}`, en: 'A supervision finding is still unanswered: escalated' },
        { zh: `${what.zh}逾期后仍未回复。`, en: `Still no response to ${what.en}, well past its limit.` },
      ),
    }[stage];
    return stillOpen({ kind: `finding-response-${stage}`, subject: { type: 'supervision-finding', id: finding.id }, ...text });
  }
  if (matter.kind === 'investigation') {
    const record = await getCase(matter.id);
    if (!record || record.status !== 'investigating' || record.deadline.version !== matter.version) return closed;
    const [clauseZh, clauseEn] = CLAUSE_WORDS[record.clause];
    const what = {
      zh: `针对${dept}的问责案件（${record.clause} ${clauseZh}，编号 ${shortRef(record.id)}）`,
      en: `the accountability case on ${dept} (${record.clause} ${clauseEn}, ref. ${shortRef(record.id)})`,
    };
    const text = {
      warning: alertWords(
        { zh: `问责案件调查时限将到：${dept}`, en: 'An accountability case nears its investigation limit' },
        {
          zh: `${what.zh}尚未作出决定，调查时限${LIMITS.investigationDays}个工作日。`,
          en: `No decision yet on ${what.en}; the limit is ${LIMITS.investigationDays} working days.`,
        },
      ),
      breach: alertWords(
        {
          zh: `问责案件超过调查时限，请软环境办督促：${dept}`,
          en: 'An accountability case passed its investigation limit: for the office',
        },
        {
          zh: `${what.zh}超过${LIMITS.investigationDays}个工作日仍未作出决定。此为监督人员的时限，不计入该部门的考评。`,
          en: `No decision on ${what.en} within ${LIMITS.investigationDays} working days. The limit is the supervisors', not counted against the department.`,
        },
      ),
      escalation: alertWords(
        { zh: `问责案件久拖未决，升级督办：${dept}`, en: 'An accountability case is still undecided: escalated' },
        { zh: `${what.zh}逾期后仍未作出决定。`, en: `Still no decision on ${what.en}, well past its limit.` },
      ),
    }[stage];
    return stillOpen({ kind: `investigation-${stage}`, subject: { type: 'accountability-case', id: record.id }, ...text });
  }
  if (matter.kind === 'rectification') {
    if (await getPlan(matter.id, matter.department)) return closed;
    const quarter = matter.id;
    const text = {
      warning: alertWords(
        { zh: `末位整改方案提交时限将到：${dept}`, en: 'A rectification plan of the last placed is due soon' },
        {
          zh: `${dept}为${quarter}季度考评末位，尚未提交整改方案。`,
          en: `${dept}, last placed in ${quarter}, has not filed its rectification plan.`,
        },
      ),
      breach: alertWords(
        { zh: `末位整改方案逾期未交：${dept}`, en: 'The last placed did not file its rectification plan in time' },
        {
          zh: `${dept}为${quarter}季度考评末位，季度结束后${LIMITS.rectificationDays}个工作日内未提交整改方案。`,
          en: `${dept}, last placed in ${quarter}, filed no rectification plan within ${LIMITS.rectificationDays} working days after the quarter.`,
        },
      ),
      escalation: alertWords(
        { zh: `末位整改方案仍未提交，升级督办：${dept}`, en: 'Still no rectification plan: escalated' },
        { zh: `${dept}（${quarter}季度末位）逾期后仍未提交整改方案。`, en: `${dept} (last in ${quarter}) has still filed no plan.` },
      ),
    }[stage];
    return stillOpen({ kind: `rectification-${stage}`, subject: { type: 'evaluation', id: quarter }, ...text });
  }
  return closed;
};
