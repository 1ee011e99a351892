/** The centre's task board: every open task, by department, with the working days left. */
import type { AssistedCase, AssistedTask, CalendarYear, Department } from '../../../api/views.ts';
import { Badge } from '../../../components/ui.tsx';
import { TimeLeft } from '../../../components/time.tsx';
import { A, t, TASK_STATUS } from '../../../i18n.ts';
import { deptName } from '../../Public.tsx';

/** Every open task, by department, with the working days left (a returned one: the day left to hand it on). */
export function TaskBoard({
  tasks,
  cases,
  departments,
  calendars,
}: {
  tasks: AssistedTask[];
  cases: AssistedCase[];
  departments?: Department[];
  calendars?: CalendarYear[];
}) {
  const depts = [...new Set(tasks.map((task) => task.dept))].sort();
  const project = (task: AssistedTask) => cases.find((c) => c.id === task.caseId)?.project ?? '';
  return (
    <div class="board">
      {depts.map((dept) => (
        <div key={dept} class="board-column">
          <h3>{deptName(departments, dept)}</h3>
          <ul class="queue">
            {tasks
              .filter((task) => task.dept === dept)
              .map((task) => (
                <li key={task.id} class="queue-item">
                  <strong>{task.what}</strong> · {project(task)} · <Badge map={TASK_STATUS} value={task.status} />
                  <p>
                    {task.status === 'returned' && task.returned ? (
                      <>
                        {t(A.handOnBy)}: <TimeLeft deadline={task.returned.handOnBy} calendars={calendars} />
                      </>
                    ) : (
                      <TimeLeft deadline={task.deadline} calendars={calendars} />
                    )}
                  </p>
                </li>
              ))}
          </ul>
        </div>
      ))}
    </div>
  );
}
