/**
 * The investment service centre (投资服务中心) in the console: an enterprise applies (办件), supplies
 * what the one-time notice (一次性告知) named, rates the service (好差评) and asks for appointments
 * at any hour; a department's window accepts, gives the notice, decides within the pledged limit
 * (限时办结) or gives a delay notice, and confirms appointments within 24 hours.
 */
import { useState } from 'preact/hooks';
import { api, call, itemsOf, pageQuery } from '../../api/client.ts';
import type { Application, Appointment, ApprovalItem, CalendarYear, Department } from '../../api/views.ts';
import { Badge, Folded, QueueCard, Section, Term } from '../../components/ui.tsx';
import { LoadedList, useLoad } from '../../components/data.tsx';
import {
  CreditCodeField,
  Field,
  Form,
  formFields,
  formInstant,
  formLines,
  formOptional,
  formText,
  Select,
  TextArea,
  useSubmit,
} from '../../components/form.tsx';
import { TimeLeft, useCalendars } from '../../components/time.tsx';
import { dateTime, today } from '../../format.ts';
import { APPLICATION_DECISION, APPLICATION_STATUS, APPOINTMENT_STATUS, both, t, W } from '../../i18n.ts';
import { deptName, limitsText, useApprovalItems } from '../Public.tsx';
import { HolderActions } from './DelayNoticeForm.tsx';

/** The applications and appointments the caller may see (an enterprise's own, a department's own), for `owner`. */
const useServiceCentre = (owner: string) => ({
  applications: useLoad(() => itemsOf<Application>((cursor) => api.GET('/applications', pageQuery({}, cursor))), [owner]),
  appointments: useLoad(() => itemsOf<Appointment>((cursor) => api.GET('/appointments', pageQuery({}, cursor))), [owner]),
});
const path = (id: string) => ({ path: { id } });

// The enterprise's side

export function EnterpriseServiceCentre({ ent, departments }: { ent: string; departments?: Department[] }) {
  const { applications, appointments } = useServiceCentre(ent);
  return (
    <>
      <Section id="my-applications" title={both(W.myApplications)}>
        <FileApplication departments={departments} onFiled={applications.reload} />
        <LoadedList state={applications} listClass="applications">
          {(application) => <OwnApplication application={application} departments={departments} onChange={applications.reload} />}
        </LoadedList>
      </Section>
      <Section id="appointments" title={both(W.appointments)}>
        <p class="muted">{t(W.appointmentsHelp)}</p>
        <RequestAppointment departments={departments} onRequested={appointments.reload} />
        <LoadedList state={appointments} listClass="appointments">
          {(appointment) => <OwnAppointment appointment={appointment} departments={departments} />}
        </LoadedList>
      </Section>
    </>
  );
}

function FileApplication({ departments, onFiled }: { departments?: Department[]; onFiled: () => void }) {
  const items = useApprovalItems();
  const [code, setCode] = useState('');
  const chosen = items.data?.find((item) => item.code === code);
  const submit = useSubmit(
    (form) => call(api.POST('/applications', { body: { itemCode: code, materials: formLines(form, 'materials') } })),
    onFiled,
  );
  return (
    <Form submit={submit} label={W.submitApplication} done={submit.result !== undefined && t(W.applied)}>
      <label for="app-item">{t(W.approvalItem)}</label>
      <select id="app-item" name="itemCode" required value={code} onChange={(e) => setCode(e.currentTarget.value)}>
        <option value="">{t(W.chooseOne)}</option>
        {(items.data ?? []).map((item) => (
          <option key={item.code} value={item.code}>
            {item.name} · {deptName(departments, item.dept)} ({limitsText(item.pledgedDays, item.statutoryDays)})
          </option>
        ))}
      </select>
      {chosen && (
        <p class="rule">
          <strong>{t(W.requiredMaterials)}:</strong> {chosen.materials.join('、') || t(W.none)}
        </p>
      )}
      {/* What the enterprise lists is what it declares supplied: the window checks it against the item's list. */}
      <TextArea id="app-materials" name="materials" label={W.materialsSupplied} rows={4} optional={chosen?.materials.length === 0} />
    </Form>
  );
}

function OwnApplication({
  application,
  departments,
  onChange,
}: {
  application: Application;
  departments?: Department[];
  onChange: () => void;
}) {
  const id = `app-${application.id}`;
  const supply = useSubmit(
    (form) =>
      call(api.POST('/applications/{id}/materials', { params: path(application.id), body: { materials: formLines(form, 'materials') } })),
    onChange,
  );
  const rate = useSubmit(
    (form) =>
      call(
        api.POST('/applications/{id}/rating', {
          params: path(application.id),
          body: { score: Number(formText(form, 'score')), ...formOptional(form, 'comment') },
        }),
      ),
    onChange,
  );
  return (
    <li class="application">
      <strong>{application.itemName}</strong> · {deptName(departments, application.dept)} ·{' '}
      <Badge map={APPLICATION_STATUS} value={application.status} />
      <ApplicationFacts application={application} />
      {application.status === 'incomplete' && (
        <Form submit={supply} label={W.supplyMaterials}>
          <TextArea id={`${id}-materials`} name="materials" label={W.materialsNow} rows={3} />
        </Form>
      )}
      {application.decision &&
        (application.rating ? (
          <p>
            {t(W.ratedScore)}: {'★'.repeat(application.rating.score)} ({application.rating.score}/5) {application.rating.comment}
          </p>
        ) : (
          <Form submit={rate} label={W.submitRating}>
            <fieldset>
              <legend>{t(W.rating)}</legend>
              <Select id={`${id}-score`} name="score" label={W.ratingScore} options={SCORES} required choose />
              <TextArea id={`${id}-comment`} name="comment" label={W.ratingComment} rows={2} optional />
            </fieldset>
          </Form>
        ))}
    </li>
  );
}

const DECISIONS = Object.entries(APPLICATION_DECISION);
/** 5 to 1, as stars with the number beside them (a screen reader reads the number). */
const SCORES = [5, 4, 3, 2, 1].map(
  (score) => [String(score), [`${'★'.repeat(score)} ${String(score)} 分`, `${'★'.repeat(score)} ${String(score)}`]] as const,
);

/** What an application's holder and applicant both see: the notice, the limits, the delay notice, the decision. */
function ApplicationFacts({ application, calendars }: { application: Application; calendars?: CalendarYear[] }) {
  const { assignedTo, notice, deadline, statutoryDeadline, delayNotice, decision } = application;
  return (
    <>
      <p class="muted">
        {dateTime(application.receivedAt)} · {t(W.heldBy)}{' '}
        {assignedTo.post === 'head' ? t(W.headPost) : `${assignedTo.post}${t(W.post)} (${assignedTo.handlerName})`}
      </p>
      {notice && (
        <p class="rule">
          <strong>{t(W.oneTimeNotice)}:</strong> {notice.missing.join('、')}
        </p>
      )}
      {deadline && !decision && (
        <p>
          {t(delayNotice ? W.delayedDeadline : W.decisionDue)}: <TimeLeft deadline={deadline} calendars={calendars} />
          {statutoryDeadline && ` · ${t(W.statutoryLimit)} ${dateTime(statutoryDeadline)}`}
        </p>
      )}
      {delayNotice && (
        <p class="muted">
          {t(W.delayNotice)}: {delayNotice.reason} ({delayNotice.expectedBy})
        </p>
      )}
      {decision && (
        <p>
          <Term map={APPLICATION_DECISION} value={decision.decision} />: {decision.reason} ·{' '}
          <span class={`badge ${decision.onTime ? 'kept' : 'broken'}`}>{t(decision.onTime ? W.onTime : W.late)}</span>
        </p>
      )}
    </>
  );
}

function RequestAppointment({ departments, onRequested }: { departments?: Department[]; onRequested: () => void }) {
  const submit = useSubmit(
    (form) =>
      call(
        api.POST('/appointments', {
          body: { ...formFields(form, 'dept', 'topic'), requestedAt: formInstant(form, 'requestedAt'), ...formOptional(form, 'contact') },
        }),
      ),
    onRequested,
  );
  return (
    <Form submit={submit} label={W.requestAppointment} done={submit.result !== undefined && t(W.requested)}>
      <Select
        id="appt-dept"
        name="dept"
        label={W.department}
        options={(departments ?? []).map((d) => [d.deptId, d.name] as const)}
        required
        choose
      />
      <Field id="appt-topic" label={W.topic} name="topic" required maxLength={500} />
      <Field id="appt-at" label={W.requestedAt} name="requestedAt" type="datetime-local" required min={`${today()}T00:00`} />
      <Field id="appt-contact" label={W.appointmentContact} name="contact" maxLength={200} autoComplete="tel" />
    </Form>
  );
}

const OwnAppointment = ({ appointment, departments }: { appointment: Appointment; departments?: Department[] }) => (
  <li>
    <strong>{appointment.topic}</strong> · {deptName(departments, appointment.dept)} ·{' '}
    <Badge map={APPOINTMENT_STATUS} value={appointment.status} />
    <AppointmentTimes appointment={appointment} />
  </li>
);

function AppointmentTimes({ appointment }: { appointment: Appointment }) {
  const { confirmation } = appointment;
  return confirmation ? (
    <p>
      {t(W.appointmentAt)}: {dateTime(confirmation.at)} · {t(W.place)} {confirmation.place} · {confirmation.staff.join('、')}
      {confirmation.late && <span class="late"> · {t(W.confirmedLate)}</span>}
    </p>
  ) : (
    <p class="muted">
      {t(W.requestedAt)}: {dateTime(appointment.requestedAt)} ·{' '}
      <span class={appointment.overdue ? 'late' : undefined}>
        {t(W.confirmBy)} {dateTime(appointment.confirmBy)}
      </span>
    </p>
  );
}

// The department's side

export function DepartmentServiceCentre({ dept }: { dept: string }) {
  const calendars = useCalendars();
  const { applications, appointments } = useServiceCentre(dept);
  return (
    <>
      <Section id="window" title={both(W.windowQueue)}>
        <Folded summary={W.fileAtWindow}>
          <FileAtWindow dept={dept} onFiled={applications.reload} />
        </Folded>
        <LoadedList state={applications} only={(application) => application.status !== 'decided'} listClass="queue">
          {(application) => <AtTheWindow application={application} calendars={calendars.data} onChange={applications.reload} />}
        </LoadedList>
      </Section>
      <Section id="appointment-queue" title={both(W.appointmentQueue)}>
        <LoadedList state={appointments} only={(appointment) => appointment.status === 'requested'} listClass="queue">
          {(appointment) => <ToConfirm appointment={appointment} onConfirmed={appointments.reload} />}
        </LoadedList>
      </Section>
    </>
  );
}

/** 窗口代办: a clerk files for an enterprise at the counter, for the department's own items only. */
function FileAtWindow({ dept, onFiled }: { dept: string; onFiled: () => void }) {
  const items = useLoad(() => itemsOf<ApprovalItem>((cursor) => api.GET('/approval-items', pageQuery({ dept }, cursor))), [dept]);
  const submit = useSubmit((form) => {
    const body = {
      itemCode: formText(form, 'itemCode'),
      enterpriseId: formText(form, 'enterpriseId'),
      materials: formLines(form, 'materials'),
    };
    return call(api.POST('/applications', { body }));
  }, onFiled);
  const options = (items.data ?? []).map(
    (item) => [item.code, `${item.name} (${limitsText(item.pledgedDays, item.statutoryDays)})`] as const,
  );
  return (
    <Form submit={submit} label={W.submitApplication} done={submit.result !== undefined && t(W.applied)}>
      <Select id="window-item" name="itemCode" label={W.approvalItem} options={options} required choose />
      <CreditCodeField id="window-ent" />
      <TextArea id="window-materials" name="materials" label={W.materialsSupplied} rows={3} optional />
    </Form>
  );
}

function AtTheWindow({ application, calendars, onChange }: { application: Application; calendars?: CalendarYear[]; onChange: () => void }) {
  const id = `w-${application.id}`;
  const params = path(application.id);
  const accept = useSubmit(() => call(api.POST('/applications/{id}/acceptance', { params, body: { accepted: true } })), onChange);
  const notify = useSubmit(
    (form) => call(api.POST('/applications/{id}/acceptance', { params, body: { accepted: false, missing: formLines(form, 'missing') } })),
    onChange,
  );
  return (
    <QueueCard
      id={id}
      heading={[application.itemName, application.enterpriseId, <Badge map={APPLICATION_STATUS} value={application.status} />]}
    >
      <p>
        {t(W.suppliedMaterials)}: {application.materials.join('、') || t(W.none)}
      </p>
      <ApplicationFacts application={application} calendars={calendars} />
      {application.status === 'received' && (
        <div class="actions">
          <Form submit={accept} label={W.accept} />
          {!application.notice && (
            <Folded summary={W.oneTimeNotice}>
              <Form submit={notify} label={W.giveNotice}>
                <TextArea id={`${id}-missing`} name="missing" label={W.missingMaterials} rows={3} />
                <p class="muted">{t(W.oneTimeNoticeHelp)}</p>
              </Form>
            </Folded>
          )}
        </div>
      )}
      {application.status === 'accepted' && (
        <HolderActions matter={{ ...application, kind: 'applications' }} onDone={onChange}>
          <DecisionForm id={id} application={application} onDecided={onChange} />
        </HolderActions>
      )}
    </QueueCard>
  );
}

/** 办结: approved or refused, with the reason (the API records whether it was within the pledged limit). */
function DecisionForm({ id, application, onDecided }: { id: string; application: Application; onDecided: () => void }) {
  const decide = useSubmit(
    (form) =>
      call(
        api.POST('/applications/{id}/decision', {
          params: path(application.id),
          body: { decision: formText(form, 'decision') as 'approved' | 'refused', reason: formText(form, 'reason') },
        }),
      ),
    onDecided,
  );
  return (
    <Form submit={decide} label={W.sendDecision}>
      <Select id={`${id}-decision`} name="decision" label={W.applicationDecision} options={DECISIONS} required choose />
      <TextArea id={`${id}-reason`} name="reason" label={W.decisionReason} rows={2} />
    </Form>
  );
}

function ToConfirm({ appointment, onConfirmed }: { appointment: Appointment; onConfirmed: () => void }) {
  const id = `appt-${appointment.id}`;
  const confirm = useSubmit(
    (form) =>
      call(
        api.POST('/appointments/{id}/confirmation', {
          params: path(appointment.id),
          body: { at: formInstant(form, 'at'), place: formText(form, 'place'), staff: formLines(form, 'staff') },
        }),
      ),
    onConfirmed,
  );
  return (
    <QueueCard id={id} heading={[appointment.topic, appointment.enterpriseId]}>
      <AppointmentTimes appointment={appointment} />
      {appointment.contact && <p class="muted">{appointment.contact}</p>}
      <Form submit={confirm} label={W.confirm}>
        <Field id={`${id}-at`} label={W.appointmentAt} name="at" type="datetime-local" required />
        <Field id={`${id}-place`} label={W.place} name="place" required maxLength={200} />
        <TextArea id={`${id}-staff`} name="staff" label={W.staff} rows={2} />
      </Form>
    </QueueCard>
  );
}
