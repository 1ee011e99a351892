/** A department's queue of the tasks handed to it: accept, give back, complete. */
import { api, call } from '../../../api/client.ts';
import type { AssistedTask, CalendarYear } from '../../../api/views.ts';
import { Badge, Folded, QueueCard, Section } from '../../../components/ui.tsx';
import { LoadedItems } from '../../../components/data.tsx';
import { Form, formText, TextArea, useSubmit } from '../../../components/form.tsx';
import { TimeLeft, useCalendars } from '../../../components/time.tsx';
import { A, both, TASK_STATUS } from '../../../i18n.ts';
import { taskParams, useCases } from './Cases.tsx';

export function DepartmentTaskQueue({ dept }: { dept: string }) {
  const calendars = useCalendars();
  const cases = useCases(dept, (item) => item.status === 'open');
  const open = cases.data?.flatMap((record) =>
    record.tasks.filter((task) => task.status === 'assigned' || task.status === 'accepted').map((task) => ({ task, record })),
  );
  return (
    <Section id="task-queue" title={both(A.taskQueue)}>
      <LoadedItems state={{ ...cases, data: open }}>
        {(items) => (
          <ul class="queue">
            {items.map(({ task, record }) => (
              <DepartmentTask key={task.id} task={task} project={record.project} calendars={calendars.data} onChange={cases.reload} />
            ))}
          </ul>
        )}
      </LoadedItems>
    </Section>
  );
}

function DepartmentTask({
  task,
  project,
  calendars,
  onChange,
}: {
  task: AssistedTask;
  project: string;
  calendars?: CalendarYear[];
  onChange: () => void;
}) {
  const id = `task-${task.id}`;
  const accept = useSubmit(
    () => call(api.POST('/assisted-cases/{id}/tasks/{taskId}/acceptance', { params: taskParams(task), body: {} })),
    onChange,
  );
  const giveBack = useSubmit(
    (form) =>
      call(
        api.POST('/assisted-cases/{id}/tasks/{taskId}/return', { params: taskParams(task), body: { reason: formText(form, 'reason') } }),
      ),
    onChange,
  );
  const complete = useSubmit(
    (form) =>
      call(
        api.POST('/assisted-cases/{id}/tasks/{taskId}/completion', {
          params: taskParams(task),
          body: { result: formText(form, 'result') },
        }),
      ),
    onChange,
  );
  return (
    <QueueCard id={id} heading={[task.what, project, <Badge map={TASK_STATUS} value={task.status} />]}>
      <p>
        <TimeLeft deadline={task.deadline} calendars={calendars} />
      </p>
      <div class="actions">
        {task.status === 'assigned' && <Form submit={accept} label={A.accept} />}
        {task.status === 'assigned' && (
          <Folded summary={A.giveBack}>
            <Form submit={giveBack} label={A.giveBack}>
              <TextArea id={`${id}-reason`} name="reason" label={A.returnReason} rows={2} />
            </Form>
          </Folded>
        )}
        <Form submit={complete} label={A.complete}>
          <TextArea id={`${id}-result`} name="result" label={A.result} rows={2} />
        </Form>
      </div>
    </QueueCard>
  );
}
