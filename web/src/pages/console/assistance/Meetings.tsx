/** A case's joint meetings: scheduling one, the list with who came and what was decided, the minutes. */
import { api, call } from '../../../api/client.ts';
import type { AssistedCase, Department } from '../../../api/views.ts';
import { Folded } from '../../../components/ui.tsx';
import { Field, Form, formInstant, formText, TextArea, useSubmit } from '../../../components/form.tsx';
import { dateTime, today } from '../../../format.ts';
import { A, t, W } from '../../../i18n.ts';
import { deptName } from '../../Public.tsx';
import { caseParams, type Options } from './Cases.tsx';

export function ScheduleMeeting({ id, caseId, options, onDone }: { id: string; caseId: string; options: Options; onDone: () => void }) {
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

export function Meetings({
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
