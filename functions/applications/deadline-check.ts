/**
 * The deadline workflow asks about an application awaiting its decision. At the breach the work
 * moves to the next available post after the person holding it (AB岗); the owner (首问负责)
 * stays, and the pledged deadline does not move: the clock started at acceptance.
 */
import { localDate, toLocalIso } from '#shared/time/clock';
import { type MatterCheck, closed, passToNextPost, stillOpen } from '#shared/outbox/deadline-checks';
import { getRoster } from '#shared/domain/roster-store';
import { effectiveHolder } from '#shared/domain/roster';
import { getApplication, postOf, updateApplication } from './store.ts';
import { applicationDescribed } from './described.ts';
import { alertWords, readableTime } from '#shared/alerts/alert-text';

export const checkApplicationMatter: MatterCheck = async (matter, stage, now) => {
  const application = await getApplication(matter.id);
  if (!application || application.status !== 'accepted' || application.watch?.version !== matter.version) return closed;
  const subject = { type: 'application', id: application.id };
  const what = await applicationDescribed(application);
  const due = readableTime(application.watch.timeline.deadline);
  // Who holds it today: the post covering for an absent holder (外出告知) answers for the breach.
  const today = localDate(now);
  const roster = await getRoster(application.dept, today);
  const holder = effectiveHolder(roster, application.assignedTo, today);
  const owner = application.owner ? `; its owner (首问负责) is ${application.owner.sub}` : '';
  const ownerZh = application.owner ? `；首问负责人为${application.owner.sub}` : '';
  const delayed = {
    zh: application.delayNotice ? '（已作滞后反馈告知）' : '',
    en: application.delayNotice ? ' (after a delay notice)' : '',
  };
  if (stage === 'breach' && holder.post !== 'head') {
    return passToNextPost(
      { roster, on: today, holder },
      (next) =>
        updateApplication(application, { assignedTo: postOf(next) }, [
          {
            at: toLocalIso(now),
            event: 'reassigned',
            text: `Not decided by ${due} at post ${holder.post} (${holder.handlerName}); moved to post ${next.post} (${next.handlerName}).`,
          },
        ]),
      (next) => ({
        kind: 'decision-breach-reassigned',
        subject,
        ...alertWords(
          {
            zh: `审批未按时办结，已由${holder.post}岗转${next.post}岗：${what.dept}`,
            en: `An application was not decided in time: moved from post ${holder.post} to post ${next.post}`,
          },
          {
            zh: `${what.zh}应于${due}前办结${delayed.zh}；${holder.post}岗（${holder.handlerName}）未按时办结，现由${next.post}岗（${next.handlerName}）承办${ownerZh}。`,
            en: `The ${what.en} was due by ${due}${delayed.en}; post ${holder.post} (${holder.handlerName}) let it pass and it now lies with post ${next.post} (${next.handlerName})${owner}.`,
          },
        ),
      }),
    );
  }
  const text = {
    warning: alertWords(
      { zh: `审批办结时限将到：${what.dept}`, en: "An application's decision is due soon" },
      {
        zh: `${what.zh}已用去三分之二时间，应于${due}前办结；现由${holder.post}岗（${holder.handlerName}）承办${ownerZh}。`,
        en: `The ${what.en}: two thirds of the time is gone; the decision is due by ${due}; post ${holder.post} (${holder.handlerName}) holds it${owner}.`,
      },
    ),
    breach: alertWords(
      { zh: `审批未按时办结：${what.dept}`, en: 'An application was not decided in time' },
      {
        zh: `${what.zh}应于${due}前办结，部门负责人岗也未办结${ownerZh}。`,
        en: `The ${what.en} was due by ${due}, and not decided even at the department head's post${owner}.`,
      },
    ),
    escalation: alertWords(
      {
        zh: `审批到法定时限仍未办结，升级督办：${what.dept}`,
        en: 'An application reached its statutory limit undecided: escalated to the supervisors',
      },
      {
        zh: `${what.zh}自受理起${application.limits.statutoryDays}个工作日的法定时限已到，仍未办结${ownerZh}。`,
        en: `The ${what.en}: still undecided at the statutory limit (${application.limits.statutoryDays} working days from acceptance)${owner}.`,
      },
    ),
  }[stage];
  return stillOpen({ kind: `decision-${stage}`, subject, ...text });
};
