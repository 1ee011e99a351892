/** The centre's workbench: opening a case, the task board, each open case with its tasks, meetings, applications and closure. */
import { api, call, itemsOf, pageQuery } from '../../../api/client.ts';
import type { ApprovalItem, AssistedCase, CalendarYear, Department } from '../../../api/views.ts';
import { Badge, Folded, QueueCard, Section } from '../../../components/ui.tsx';
import { LoadedItems, useLoad } from '../../../components/data.tsx';
import { Form, formText, Select, TextArea, useSubmit } from '../../../components/form.tsx';
import { useCalendars } from '../../../components/time.tsx';
import { A, both, CASE_OUTCOME, CASE_STATUS, t, W } from '../../../i18n.ts';
import { useDepartments } from '../../Public.tsx';
import { CaseApplications, CaseFacts, caseParams, OPEN_TASKS, OpenCase, useCases } from './Cases.tsx';
import { TaskBoard } from './TaskBoard.tsx';
import { AssignTask, TaskList } from './Tasks.tsx';
import { Meetings, ScheduleMeeting } from './Meetings.tsx';

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
