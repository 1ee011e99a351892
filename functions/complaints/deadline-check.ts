/**
 * The deadline workflow asks about a complaint. An acknowledgement limit that passes moves the
 * complaint to the next available post (AB岗: A, then B, then C, then the department head's
 * post), restarts the limit for the new holder, and tells both in the breach alert.
 */
import { localDate, toLocalIso } from '#shared/time/clock';
import { type MatterCheck, closed, passToNextPost, stillOpen } from '#shared/outbox/deadline-checks';
import { deadlineTimeline } from '#shared/outbox/calendar-store';
import { startDeadlineEffect } from '#shared/outbox/effects';
import { newId } from '#shared/data/ids';
import { acknowledgementMatter } from './intake.ts';
import { getRoster } from '#shared/domain/roster-store';
import { effectiveHolder } from '#shared/domain/roster';
import { getComplaint, updateComplaint } from './store.ts';
import { complaintDescribed } from './described.ts';
import { alertWords, readableTime } from '#shared/alerts/alert-text';

export const checkComplaintMatter: MatterCheck = async (matter, stage, now) => {
  const complaint = await getComplaint(matter.id);
  if (!complaint) return closed;
  const subject = { type: 'complaint', id: complaint.id };
  const what = await complaintDescribed(complaint);

  if (matter.kind === 'acknowledgement') {
    const deadline = complaint.deadlines.acknowledgement;
    if (complaint.status !== 'received' || !deadline || deadline.version !== matter.version) return closed;
    // Who held it today: the post covering for an absent holder (外出告知) answers for the breach.
    const today = localDate(now);
    const roster = complaint.assignment ? await getRoster(complaint.againstDept, today) : [];
    const holder = complaint.assignment && effectiveHolder(roster, complaint.assignment, today);
    if (stage === 'breach' && holder && holder.post !== 'head') {
      return passToNextPost(
        { roster, on: today, holder },
        async (next) => {
          const acknowledgement = {
            version: deadline.version + 1,
            timeline: await deadlineTimeline(now, complaint.limits.acknowledgeDays, 'complaints'),
          };
          // The new holder's limit starts now; the watch starts only if the move is written.
          return updateComplaint(
            complaint,
            { assignment: next, deadlines: { ...complaint.deadlines, acknowledgement } },
            [
              {
                at: toLocalIso(now),
                event: 'reassigned',
                public: false,
                text: `Not acknowledged in time at post ${holder.post} (${holder.handlerName}); moved to post ${next.post} (${next.handlerName}).`,
              },
            ],
            [startDeadlineEffect(acknowledgementMatter(complaint, acknowledgement.version), acknowledgement.timeline, newId(), now)],
          );
        },
        (next) => ({
          kind: 'acknowledgement-breach-reassigned',
          subject,
          ...alertWords(
            {
              zh: `投诉未按时受理，已由${holder.post}岗转${next.post}岗：${what.dept}`,
              en: `Complaint not acknowledged in time: moved from post ${holder.post} to post ${next.post}`,
            },
            {
              zh: `${what.zh}在${complaint.limits.acknowledgeDays}个工作日内未被${holder.post}岗（${holder.handlerName}）受理，现由${next.post}岗（${next.handlerName}）承办。`,
              en: `The ${what.en} was not acknowledged within ${complaint.limits.acknowledgeDays} working day(s) by post ${holder.post} (${holder.handlerName}); it now lies with post ${next.post} (${next.handlerName}).`,
            },
          ),
        }),
      );
    }
    const post = holder?.post ?? 'head';
    const postZh = post === 'head' ? '部门负责人' : `${post}岗`;
    const text = {
      warning: alertWords(
        { zh: `投诉受理时限将到：${what.dept}`, en: 'A complaint awaits acknowledgement; its limit is near' },
        { zh: `${what.zh}尚未受理，由${postZh}承办。`, en: `The ${what.en} has not been acknowledged; post ${post} holds it.` },
      ),
      breach: alertWords(
        { zh: `投诉未按时受理：${what.dept}`, en: 'A complaint was not acknowledged in time' },
        {
          zh: `${what.zh}超过受理时限仍未受理，部门负责人岗也未受理。`,
          en: `The ${what.en} was not acknowledged within its limit, even by the department head's post.`,
        },
      ),
      escalation: alertWords(
        { zh: `投诉久未受理，升级督办：${what.dept}`, en: 'Unacknowledged complaint escalated to the supervisors' },
        { zh: `${what.zh}超过受理时限很久仍未受理。`, en: `The ${what.en} is still not acknowledged well past its limit.` },
      ),
    }[stage];
    return stillOpen({ kind: `acknowledgement-${stage}`, subject, ...text });
  }

  const deadline = complaint.deadlines.resolution;
  const open =
    complaint.status === 'received' || complaint.status === 'acknowledged' || (matter.kind === 'verdict' && complaint.status !== 'closed');
  if (!open || deadline.version !== matter.version) return closed;
  const due = readableTime(deadline.timeline.deadline);
  const noun = matter.kind === 'verdict' ? 'verdict' : 'answer';
  const nounZh = matter.kind === 'verdict' ? '处理结论' : '答复';
  const text = {
    warning: alertWords(
      { zh: `投诉${nounZh}时限将到：${what.dept}`, en: `A complaint's ${noun} is due soon` },
      { zh: `${what.zh}应于${due}前${nounZh}。`, en: `The ${what.en}: the ${noun} is due by ${due}.` },
    ),
    breach: alertWords(
      { zh: `投诉逾期未${nounZh}：${what.dept}`, en: `A complaint's ${noun} is overdue` },
      {
        zh: `${what.zh}应于${due}前${nounZh}${complaint.delayNotice ? '（已作滞后反馈告知）' : '，且未作滞后反馈告知'}。`,
        en: `The ${what.en}: the ${noun} was due by ${due}${complaint.delayNotice ? ' (after a delay notice)' : ' and no delay notice was given'}.`,
      },
    ),
    escalation: alertWords(
      { zh: `投诉久未${nounZh}，升级督办：${what.dept}`, en: 'Overdue complaint escalated to the supervisors' },
      { zh: `${what.zh}已超过${due}很久，仍无${nounZh}。`, en: `The ${what.en}: still no ${noun}, well past ${due}.` },
    ),
  }[stage];
  return stillOpen({ kind: `${matter.kind}-${stage}`, subject, ...text });
};
