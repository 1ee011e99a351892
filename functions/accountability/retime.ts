/**
 * An accountability watch timed again on a changed calendar, like every working-day limit: a
 * finding's response limit and a case's investigation limit restart under a new version. (The
 * rectification plan's limit starts at the quarter's close and is one version per quarter: it is
 * not moved.)
 */
import type { MatterRetime } from '#shared/outbox/deadline-checks';
import { retimeWatch } from '#shared/outbox/retime';
import { findingResponseMatter, investigationMatter } from './service.ts';
import { getCase, getFinding, updateCase, updateFinding } from './store.ts';

export const retimeAccountabilityMatter: MatterRetime = async (matter, now) => {
  if (matter.kind === 'finding-response')
    return retimeWatch(
      'accountability',
      now,
      async () => {
        const finding = await getFinding(matter.id);
        const watched = finding?.status === 'recorded' && finding.deadline?.version === matter.version;
        return watched && finding.deadline ? { record: finding, timeline: finding.deadline.timeline } : undefined;
      },
      (finding, timeline, restart) => {
        const version = matter.version + 1;
        return updateFinding(
          finding,
          { set: { deadline: { timeline, version } } },
          restart(findingResponseMatter(finding, matter.version), findingResponseMatter(finding, version)),
        );
      },
    );
  if (matter.kind === 'investigation')
    return retimeWatch(
      'accountability',
      now,
      async () => {
        const record = await getCase(matter.id);
        const watched = record?.status === 'investigating' && record.deadline.version === matter.version;
        return watched ? { record, timeline: record.deadline.timeline } : undefined;
      },
      (record, timeline, restart) => {
        const deadline = { timeline, version: matter.version + 1 };
        return updateCase(
          record,
          { set: { deadline } },
          restart(investigationMatter(record), investigationMatter({ ...record, deadline })),
        );
      },
    );
  return false;
};
