/**
 * The deadline workflow asks about the assistance centre's matters: a task handed to a department
 * (交办: warning at two thirds of its limit, breach at the limit, escalation a working day later),
 * and a returned task the centre must hand on within a working day.
 */
import { type MatterCheck, closed, stillOpen } from '#shared/outbox/deadline-checks';
import { alertWords, readableTime } from '#shared/alerts/alert-text';
import { getAssistedCase, taskOfMatter } from './store.ts';
import { taskDescribed } from './described.ts';

export const checkAssistanceMatter: MatterCheck = async (matter, stage) => {
  const task = await taskOfMatter(matter);
  const record = task && (await getAssistedCase(task.caseId));
  if (!task || !record) return closed;
  const subject = { type: 'assisted-task', id: matter.id };
  const what = await taskDescribed(record, task);
  const steward = record.steward
    ? { zh: `；首问负责人为${record.steward.sub}`, en: `; the case's steward is ${record.steward.sub}` }
    : { zh: '', en: '' };

  if (matter.kind === 'hand-on') {
    if (task.status !== 'returned' || task.handOnWatch?.version !== matter.version || !task.returned) return closed;
    const due = readableTime(task.returned.handOnBy);
    const text = {
      warning: alertWords(
        { zh: `退回的任务待改派：${what.dept}`, en: 'A returned task is still to be handed on' },
        {
          zh: `${what.zh}已被退回，应于${due}前改派${steward.zh}。`,
          en: `${what.en} was returned and is to be handed on by ${due}${steward.en}.`,
        },
      ),
      breach: alertWords(
        { zh: `退回的任务未在1个工作日内改派：${what.dept}`, en: 'A returned task was not handed on within a working day' },
        {
          zh: `${what.zh}已被退回，帮办中心未于${due}前改派${steward.zh}。`,
          en: `${what.en} was returned; the centre did not hand it on by ${due}${steward.en}.`,
        },
      ),
      escalation: alertWords(
        { zh: `退回的任务仍未改派，升级督办：${what.dept}`, en: 'A returned task is still not handed on: escalated' },
        {
          zh: `${what.zh}被退回后逾期仍未改派${steward.zh}。`,
          en: `${what.en}: still not handed on, a working day past its limit${steward.en}.`,
        },
      ),
    }[stage];
    return stillOpen({ kind: `hand-on-${stage}`, subject, ...text });
  }

  if ((task.status !== 'assigned' && task.status !== 'accepted') || task.watch.version !== matter.version) return closed;
  const due = readableTime(task.watch.timeline.deadline);
  const state = task.status === 'accepted' ? { zh: '已接收', en: 'accepted' } : { zh: '尚未接收', en: 'not yet accepted' };
  const text = {
    warning: alertWords(
      { zh: `交办任务时限将到：${what.dept}`, en: 'A task handed to a department is due soon' },
      {
        zh: `${what.zh}（${state.zh}）已用去三分之二时间，应于${due}前完成${steward.zh}。`,
        en: `${what.en} (${state.en}): two thirds of the time is gone; it is due by ${due}${steward.en}.`,
      },
    ),
    breach: alertWords(
      { zh: `交办任务超时未完成：${what.dept}`, en: 'A task handed to a department was not completed in time' },
      {
        zh: `${what.zh}（${state.zh}）应于${due}前完成，至今未完成${steward.zh}。`,
        en: `${what.en} (${state.en}) was due by ${due} and is not completed${steward.en}.`,
      },
    ),
    escalation: alertWords(
      {
        zh: `交办任务超时一个工作日仍未完成，升级督办：${what.dept}`,
        en: 'A task is still not completed a working day past its limit: escalated',
      },
      {
        zh: `${what.zh}（${state.zh}）应于${due}前完成，超时一个工作日仍未完成${steward.zh}。`,
        en: `${what.en} (${state.en}) was due by ${due}; a working day later it is still not completed${steward.en}.`,
      },
    ),
  }[stage];
  return stillOpen({ kind: `task-${stage}`, subject, ...text });
};
