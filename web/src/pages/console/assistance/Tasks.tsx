/** A case's tasks (交办): the list with their limits and results, handing a task to a department, handing a returned one on. */
import { api, call } from '../../../api/client.ts';
import type { AssistedCase, AssistedTask, CalendarYear, Department } from '../../../api/views.ts';
import { Badge, Folded } from '../../../components/ui.tsx';
import { Field, Form, formText, Select, useSubmit } from '../../../components/form.tsx';
import { TimeLeft } from '../../../components/time.tsx';
import { dateTime } from '../../../format.ts';
import { A, t, TASK_STATUS, W } from '../../../i18n.ts';
import { deptName } from '../../Public.tsx';
import { caseParams, type Options } from './Cases.tsx';

export function TaskList({
  record,
  departments,
  calendars,
  onChange,
  centre,
}: {
  record: AssistedCase;
  departments?: Department[];
  calendars?: CalendarYear[];
  onChange: () => void;
  centre?: boolean;
}) {
  if (record.tasks.length === 0)
    return (
      <p class="muted">
        {t(A.tasks)}: {t(W.none)}
      </p>
    );
  return (
    <>
      <h4>{t(A.tasks)}</h4>
      <ul class="tasks">
        {record.tasks.map((task) => (
          <li key={task.id}>
            <strong>{task.what}</strong> · {deptName(departments, task.dept)} · <Badge map={TASK_STATUS} value={task.status} />
            {task.status === 'assigned' || task.status === 'accepted' ? (
              <>
                {' '}
                · <TimeLeft deadline={task.deadline} calendars={calendars} />
              </>
            ) : null}
            {task.completion && (
              <p>
                {task.completion.result} · {t(task.completion.onTime ? A.onTime : A.late)} · {dateTime(task.completion.at)}
              </p>
            )}
            {task.returned && (
              <p>
                {t(A.returnReason)}: {task.returned.reason}
              </p>
            )}
            {centre && task.status === 'returned' && (
              <HandOn task={task} options={(departments ?? []).map((d) => [d.deptId, d.name] as const)} onDone={onChange} />
            )}
          </li>
        ))}
      </ul>
    </>
  );
}

export function AssignTask({
  id,
  caseId,
  options,
  onDone,
  handsOn,
}: {
  id: string;
  caseId: string;
  options: Options;
  onDone: () => void;
  handsOn?: string;
}) {
  const submit = useSubmit(
    (form) =>
      call(
        api.POST('/assisted-cases/{id}/tasks', {
          params: caseParams(caseId),
          body: {
            dept: formText(form, 'dept'),
            what: formText(form, 'what'),
            limitDays: Number(formText(form, 'limitDays')),
            ...(handsOn ? { handsOn } : {}),
          },
        }),
      ),
    onDone,
  );
  return (
    <Form submit={submit} label={handsOn ? A.handOn : A.assignTask}>
      <Select id={`${id}-dept`} name="dept" label={W.department} options={options} required choose />
      <Field id={`${id}-what`} label={A.what} name="what" required maxLength={500} />
      <Field id={`${id}-days`} label={A.limitDays} name="limitDays" type="number" min={1} max={60} required />
    </Form>
  );
}

const HandOn = ({ task, options, onDone }: { task: AssistedTask; options: Options; onDone: () => void }) => (
  <Folded summary={A.handOn}>
    <AssignTask id={`handon-${task.id}`} caseId={task.caseId} options={options} onDone={onDone} handsOn={task.id} />
  </Folded>
);
