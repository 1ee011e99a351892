/**
 * The assistance centre (帮办服务中心) in the console: the centre's workbench (cases, a task board
 * by department with the working days left, joint meetings and their minutes, applications filed
 * for the enterprise, closure); a department's queue of tasks handed to it (交办); an enterprise's
 * view of its projects' progress.
 */
import { api, call, itemsOf, pageQuery } from '../../api/client.ts';
import type { ApprovalItem, AssistedCase, AssistedTask, CalendarYear, CaseSummary, Department } from '../../api/views.ts';
import { Badge, Folded, QueueCard, Section } from '../../components/ui.tsx';
import { LoadedItems, useLoad } from '../../components/data.tsx';
import {
  CreditCodeField,
  Field,
  Form,
  formFields,
  formInstant,
  formOptional,
  formText,
  Select,
  TextArea,
  useSubmit,
} from '../../components/form.tsx';
import { TimeLeft, useCalendars } from '../../components/time.tsx';
import { dateTime, today } from '../../format.ts';
import { A, APPLICATION_STATUS, both, CASE_OUTCOME, CASE_STATUS, t, TASK_STATUS, W } from '../../i18n.ts';
import { deptName, useDepartments } from '../Public.tsx';

const OPEN_TASKS = ['assigned', 'accepted', 'returned'];
const caseParams = (id: string) => ({ path: { id } });
const taskParams = (task: AssistedTask) => ({ path: { id: task.caseId, taskId: task.id } });

/** The cases the caller may see, each read whole (a department's: its own tasks only). */
const useCases = (owner: string, only: (item: CaseSummary) => boolean = () => true) =>
  useLoad(async () => {
    const listed = await itemsOf<CaseSummary>((cursor) => api.GET('/assisted-cases', pageQuery({}, cursor)));
    return Promise.all(
      listed.filter(only).map((item) => call<AssistedCase>(api.GET('/assisted-cases/{id}', { params: caseParams(item.id) }))),
    );
  }, [owner]);

// The centre

export function CentreWorkbench({ sub }: { sub: string }) {
  const departments = useDepartments();
  const calendars = useCalendars();
  const cases = useCases(sub, (item) => item.status === 'open');
  return (
    <>
      <Section id="assist-open" title={both(A.openAssistedCase)}>
        <OpenCase onOpened={cases.reload} centre />
      </Section>
      <Section id="task-board" title={both(A.taskBoard)}>
        <LoadedItems state={{ ...cases, data: cases.data?.flatMap((c) => c.tasks.filter((task) => OPEN_TASKS.includes(task.status))) }}>
          {(tasks) => <TaskBoard tasks={tasks} cases={cases.data ?? []} departments={departments.data} calendars={calendars.data} />}
        </LoadedItems>
      </Section>
      <Section id="assist-cases" title={both(A.cases)}>
        <LoadedItems state={cases}>
          {(items) => (
            <ul class="queue">
              {items.map((record) => (
                <CentreCase
                  key={record.id}
                  record={record}
                  departments={departments.data}
                  calendars={calendars.data}
                  onChange={cases.reload}
                />
              ))}
            </ul>
          )}
        </LoadedItems>
      </Section>
    </>
  );
}

function OpenCase({ onOpened, centre }: { onOpened: () => void; centre?: boolean }) {
  const submit = useSubmit(
    (form) =>
      call(
        api.POST('/assisted-cases', {
          body: {
            ...(centre ? formFields(form, 'enterpriseId') : {}),
            project: formText(form, 'project'),
            ...formOptional(form, 'mandateRef'),
          },
        }),
      ),
    onOpened,
  );
  return (
    <Form submit={submit} label={centre ? A.openAssistedCase : A.openMine} done={submit.result !== undefined && t(A.opened)}>
      {centre && <CreditCodeField id="case-ent" />}
      <Field id="case-project" label={A.project} name="project" required maxLength={200} />
      <Field id="case-mandate" label={A.mandateRef} name="mandateRef" maxLength={100} />
    </Form>
  );
}

/** Every open task, by department, with the working days left (a returned one: the day left to hand it on). */
function TaskBoard({
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

function CentreCase({
  record,
  departments,
  calendars,
  onChange,
}: {
  record: AssistedCase;
  departments?: Department[];
  calendars?: CalendarYear[];
  onChange: () => void;
}) {
  const id = `case-${record.id}`;
  const deptOptions = (departments ?? []).map((d) => [d.deptId, d.name] as const);
  return (
    <QueueCard id={id} heading={[record.project, record.enterpriseId, <Badge map={CASE_STATUS} value={record.status} />]}>
      <CaseFacts record={record} />
      <TaskList record={record} departments={departments} calendars={calendars} onChange={onChange} centre />
      <Meetings record={record} departments={departments} onChange={onChange} centre />
      <CaseApplications record={record} departments={departments} />
      <div class="actions">
        <Folded summary={A.assignTask}>
          <AssignTask id={`${id}-assign`} caseId={record.id} options={deptOptions} onDone={onChange} />
        </Folded>
        <Folded summary={A.scheduleMeeting}>
          <ScheduleMeeting id={`${id}-meet`} caseId={record.id} options={deptOptions} onDone={onChange} />
        </Folded>
        {record.mandateRef && (
          <Folded summary={A.fileApplication}>
            <FileForCase id={`${id}-file`} caseId={record.id} onDone={onChange} />
          </Folded>
        )}
        <Folded summary={A.close}>
          <CloseCase id={`${id}-close`} caseId={record.id} onDone={onChange} />
        </Folded>
      </div>
    </QueueCard>
  );
}

const CaseFacts = ({ record }: { record: AssistedCase }) => (
  <p>
    {t(A.steward)}: {record.steward ? record.steward.sub : t(A.noSteward)}
    {record.mandateRef && ` · ${t(A.mandate)} ${record.mandateRef}`} · {dateTime(record.openedAt)}
    {record.closure && ` · ${t(CASE_OUTCOME[record.closure.outcome] ?? A.close)}: ${record.closure.summary}`}
  </p>
);

function TaskList({
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

type Options = readonly (readonly [string, string])[];

function AssignTask({
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

function ScheduleMeeting({ id, caseId, options, onDone }: { id: string; caseId: string; options: Options; onDone: () => void }) {
  const submit = useSubmit(
    (form) =>
      call(
        api.POST('/assisted-cases/{id}/meetings', {
          params: caseParams(caseId),
          body: { at: formInstant(form, 'at'), chair: formText(form, 'chair'), depts: form.getAll('depts').map(String) },
        }),
      ),
    onDone,
  );
  return (
    <Form submit={submit} label={A.scheduleMeeting}>
      <Field id={`${id}-at`} label={A.meetingAt} name="at" type="datetime-local" required min={`${today()}T00:00`} />
      <Field id={`${id}-chair`} label={A.chair} name="chair" required maxLength={100} />
      <DeptChecks id={`${id}-depts`} name="depts" label={A.invited} options={options} />
    </Form>
  );
}

const DeptChecks = ({ id, name, label, options }: { id: string; name: string; label: readonly [string, string]; options: Options }) => (
  <fieldset id={id}>
    <legend>{t(label)}</legend>
    {options.map(([value, words]) => (
      <label key={value} class="check">
        <input type="checkbox" name={name} value={value} /> {words}
      </label>
    ))}
  </fieldset>
);

function Meetings({
  record,
  departments,
  onChange,
  centre,
}: {
  record: AssistedCase;
  departments?: Department[];
  onChange: () => void;
  centre?: boolean;
}) {
  const meetings = record.meetings ?? [];
  if (meetings.length === 0) return null;
  const names = (ids: string[]) => ids.map((d) => deptName(departments, d)).join('、') || t(W.none);
  return (
    <>
      <h4>{t(A.meetings)}</h4>
      <ul class="meetings">
        {meetings.map((meeting) => (
          <li key={meeting.id}>
            {dateTime(meeting.at)} · {t(A.chair)} {meeting.chair} · {t(A.invited)}: {names(meeting.depts)}
            {meeting.minutes ? (
              <p>
                {t(A.attended)}: {names(meeting.minutes.attended)}
                {meeting.minutes.absent.length > 0 && (
                  <span class="late">
                    {' '}
                    · {t(A.absent)}: {names(meeting.minutes.absent)}
                  </span>
                )}{' '}
                · {meeting.minutes.decisions.map((d) => `${deptName(departments, d.dept)}:${d.what}`).join(';')}
              </p>
            ) : (
              centre && (
                <Folded summary={A.minutes}>
                  <Minutes
                    id={`min-${meeting.id}`}
                    caseId={record.id}
                    meetingId={meeting.id}
                    invited={meeting.depts.map((d) => [d, deptName(departments, d)] as const)}
                    onDone={onChange}
                  />
                </Folded>
              )
            )}
          </li>
        ))}
      </ul>
    </>
  );
}

/** One decision a line: the department's id, the working days, what is to be done. */
const decisionsOf = (text: string) =>
  text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean)
    .map((line) => {
      const [dept = '', days = '', ...what] = line.split(/\s+/);
      return { dept, limitDays: Number(days), what: what.join(' ') };
    });

function Minutes({
  id,
  caseId,
  meetingId,
  invited,
  onDone,
}: {
  id: string;
  caseId: string;
  meetingId: string;
  invited: Options;
  onDone: () => void;
}) {
  const submit = useSubmit(
    (form) =>
      call(
        api.POST('/assisted-cases/{id}/meetings/{meetingId}/minutes', {
          params: { path: { id: caseId, meetingId } },
          body: { attended: form.getAll('attended').map(String), decisions: decisionsOf(formText(form, 'decisions')) },
        }),
      ),
    onDone,
  );
  return (
    <Form submit={submit} label={A.minutes}>
      <DeptChecks id={`${id}-attended`} name="attended" label={A.attended} options={invited} />
      <TextArea id={`${id}-decisions`} name="decisions" label={A.decisions} rows={3} optional />
    </Form>
  );
}

function FileForCase({ id, caseId, onDone }: { id: string; caseId: string; onDone: () => void }) {
  const items = useLoad(() => itemsOf<ApprovalItem>((cursor) => api.GET('/approval-items', pageQuery({}, cursor))));
  const submit = useSubmit(
    (form) =>
      call(
        api.POST('/assisted-cases/{id}/applications', {
          params: caseParams(caseId),
          body: {
            itemCode: formText(form, 'itemCode'),
            materials: formText(form, 'materials')
              .split('\n')
              .map((line) => line.trim())
              .filter(Boolean),
          },
        }),
      ),
    onDone,
  );
  return (
    <Form submit={submit} label={A.fileApplication} done={submit.result !== undefined && t(W.applied)}>
      <Select
        id={`${id}-item`}
        name="itemCode"
        label={W.approvalItem}
        options={(items.data ?? []).map((item) => [item.code, item.name] as const)}
        required
        choose
      />
      <TextArea id={`${id}-materials`} name="materials" label={W.materialsSupplied} rows={3} optional />
    </Form>
  );
}

function CloseCase({ id, caseId, onDone }: { id: string; caseId: string; onDone: () => void }) {
  const submit = useSubmit(
    (form) =>
      call(
        api.POST('/assisted-cases/{id}/closure', {
          params: caseParams(caseId),
          body: { outcome: formText(form, 'outcome') as 'completed' | 'unresolved', summary: formText(form, 'summary') },
        }),
      ),
    onDone,
  );
  return (
    <Form submit={submit} label={A.close}>
      <Select id={`${id}-outcome`} name="outcome" label={A.outcome} options={Object.entries(CASE_OUTCOME)} required choose />
      <TextArea id={`${id}-summary`} name="summary" label={A.summary} rows={2} />
    </Form>
  );
}

function CaseApplications({ record, departments }: { record: AssistedCase; departments?: Department[] }) {
  const filed = record.applications ?? [];
  if (filed.length === 0) return null;
  return (
    <>
      <h4>{t(A.applications)}</h4>
      <ul class="applications">
        {filed.map((application) => (
          <li key={application.applicationId}>
            {application.itemName} · {deptName(departments, application.dept)} ·{' '}
            <Badge map={APPLICATION_STATUS} value={application.status} />
          </li>
        ))}
      </ul>
    </>
  );
}

// The department

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

// The enterprise

export function EnterpriseProjects({ ent }: { ent: string }) {
  const departments = useDepartments();
  const calendars = useCalendars();
  const cases = useCases(ent);
  return (
    <Section id="my-projects" title={both(A.myProjects)}>
      <Folded summary={A.openMine}>
        <OpenCase onOpened={cases.reload} />
      </Folded>
      <LoadedItems state={cases}>
        {(items) => (
          <ul class="queue">
            {items.map((record) => (
              <QueueCard
                key={record.id}
                id={`mine-${record.id}`}
                heading={[record.project, <Badge map={CASE_STATUS} value={record.status} />]}
              >
                <CaseFacts record={record} />
                <TaskList record={record} departments={departments.data} calendars={calendars.data} onChange={cases.reload} />
                <Meetings record={record} departments={departments.data} onChange={cases.reload} />
                <CaseApplications record={record} departments={departments.data} />
                {record.timeline && (
                  <Folded summary={A.timeline}>
                    <ol class="timeline">
                      {record.timeline.map((entry, n) => (
                        <li key={n}>
                          {dateTime(entry.at)} · {entry.text}
                        </li>
                      ))}
                    </ol>
                  </Folded>
                )}
              </QueueCard>
            ))}
          </ul>
        )}
      </LoadedItems>
    </Section>
  );
}
