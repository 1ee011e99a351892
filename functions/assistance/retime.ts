/** A task's watch (or a returned task's hand-on watch) timed again on a changed calendar: it restarts under a new version. */
import type { MatterRetime } from '#shared/outbox/deadline-checks';
import { retimeWatch } from '#shared/outbox/retime';
import { toLocalIso } from '#shared/time/clock';
import { handOnMatter, taskMatter, taskOfMatter, updateTask } from './store.ts';

export const retimeAssistanceMatter: MatterRetime = (matter, now) =>
  retimeWatch(
    'assistance',
    now,
    async () => {
      const task = await taskOfMatter(matter);
      if (!task) return undefined;
      if (matter.kind === 'hand-on')
        return task.status === 'returned' && task.handOnWatch?.version === matter.version
          ? { record: task, timeline: task.handOnWatch.timeline }
          : undefined;
      const open = task.status === 'assigned' || task.status === 'accepted';
      return open && task.watch.version === matter.version ? { record: task, timeline: task.watch.timeline } : undefined;
    },
    (task, timeline, restart) => {
      const version = matter.version + 1;
      if (matter.kind === 'hand-on') {
        const returned = task.returned && { ...task.returned, handOnBy: toLocalIso(new Date(timeline.deadline)) };
        return updateTask(
          task,
          { handOnWatch: { version, timeline }, ...(returned ? { returned } : {}) },
          restart(handOnMatter(task, matter.version), handOnMatter(task, version)),
        );
      }
      return updateTask(
        task,
        { watch: { version, timeline }, deadline: toLocalIso(new Date(timeline.deadline)) },
        restart(taskMatter(task, matter.version), taskMatter(task, version)),
      );
    },
  );
