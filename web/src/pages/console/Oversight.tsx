/**
 * The soft-environment office's and the supervisors' console: live alerts, matters near or past
 * their limit (complaints, and applications awaiting their decision), inspections awaiting approval (the office decides), the fee audit, complaint
 * verdicts (supervisors), the evaluation.
 */
import { useEffect, useState } from 'preact/hooks';
import { api, call, itemsOf, pageQuery } from '../../api/client.ts';
import type { ComponentChildren } from 'preact';
import type { Alert, Application, CalendarYear, Complaint, Evaluation, FeeAudit, Inspection, Page } from '../../api/views.ts';
import { Badge, CsvDownload, Joined, ProblemMessage, QueueCard, Section, Term } from '../../components/ui.tsx';
import { Loaded, useLoad, Table, LoadedList } from '../../components/data.tsx';
import { Field, formText, onFormSubmit, Form, useSubmit, Select, TextArea } from '../../components/form.tsx';
import { currentQuarter, dateTime, today, workingDaysLeft, yuan } from '../../format.ts';
import { both, COMPLAINT_CATEGORY, COMPLAINT_STATUS, INSPECTION_CATEGORY, SEVERITY, t, W } from '../../i18n.ts';
import { deptName, Ranking, useDepartments } from '../Public.tsx';
import { currentDeadline } from './Department.tsx';
import { TimeLeft, useCalendars } from '../../components/time.tsx';

/** How often the alerts view asks for new alerts. */
const ALERT_POLL_MS = 3000;

export function OversightConsole({ office, supervisor }: { office: boolean; supervisor: boolean }) {
  const calendars = useCalendars();
  const pending = useLoad(() =>
    itemsOf<Inspection>((cursor) => api.GET('/inspections', pageQuery({ status: 'pending-approval' as const }, cursor))),
  );
  const complaints = useLoad(() => itemsOf<Complaint>((cursor) => api.GET('/complaints', pageQuery({}, cursor))));
  const accepted = useLoad(() =>
    itemsOf<Application>((cursor) => api.GET('/applications', pageQuery({ status: 'accepted' as const }, cursor))),
  );
  const departments = useDepartments();
  const nameOf = (id: string) => deptName(departments.data, id);
  return (
    <>
      <LiveAlerts />
      <Section id="approvals" title={both(W.approvals)}>
        <LoadedList state={pending} listClass="queue">
          {(inspection) => (
            <Approval
              inspection={inspection}
              deptName={nameOf(inspection.department)}
              calendars={calendars.data}
              office={office}
              onDecided={pending.reload}
            />
          )}
        </LoadedList>
      </Section>
      <Section id="near" title={both(W.nearDeadline)}>
        <Loaded state={complaints}>
          {(open) => (
            <Loaded state={accepted}>
              {(decisionsDue) => <NearDeadline matters={limitedMatters(open, decisionsDue, nameOf)} calendars={calendars.data} />}
            </Loaded>
          )}
        </Loaded>
      </Section>
      {supervisor && (
        <Section id="verdicts" title={both(W.verdicts)}>
          <LoadedList
            state={complaints}
            only={(c) => c.status === 'resolved' || (c.routedTo === 'supervisors' && c.status !== 'closed')}
            listClass="queue"
          >
            {(c) => <Verdict complaint={c} deptName={nameOf(c.againstDept)} onDone={complaints.reload} />}
          </LoadedList>
        </Section>
      )}
      <Audit nameOf={nameOf} />
      <EvaluationSection />
    </>
  );
}

function LiveAlerts() {
  const departments = useDepartments();
  const [alerts, setAlerts] = useState<Alert[]>();
  const [error, setError] = useState<unknown>();
  useEffect(() => {
    let live = true;
    const poll = async () => {
      try {
        const page = await call<Page<Alert>>(api.GET('/alerts', { params: { query: { limit: '50' } } }));
        if (live) {
          setAlerts(page.items);
          setError(undefined);
        }
      } catch (caught) {
        if (live) setError(caught);
      }
    };
    void poll();
    const timer = setInterval(() => void poll(), ALERT_POLL_MS);
    return () => {
      live = false;
      clearInterval(timer);
    };
  }, []);
  return (
    <Section id="alerts" title={both(W.liveAlerts)}>
      <p class="muted">{t(W.alertsHelp)}</p>
      <ProblemMessage error={error} />
      <ul class="alerts" aria-live="polite" aria-relevant="additions">
        {alerts?.length === 0 && <li>{t(W.none)}</li>}
        {alerts?.map((alert) => (
          <li key={alert.id} class={`alert ${alert.severity}`}>
            <Badge map={SEVERITY} value={alert.severity} /> <strong>{alert.title}</strong>{' '}
            <span class="muted">
              {alert.department === 'none' ? t(W.wholeCounty) : deptName(departments.data, alert.department)} · {dateTime(alert.at)}
            </span>
            <p>{alert.detail}</p>
          </li>
        ))}
      </ul>
    </Section>
  );
}

/** The office's decision form, as the API takes it (the radios offer only approve and reject). */
const decisionOf = (form: FormData) => ({
  decision: formText(form, 'decision') as 'approve' | 'reject',
  comment: formText(form, 'comment'),
});

function Approval({
  inspection,
  deptName: name,
  calendars,
  office,
  onDecided,
}: {
  inspection: Inspection;
  deptName: string;
  calendars?: CalendarYear[];
  office: boolean;
  onDecided: () => void;
}) {
  const id = `a-${inspection.id}`;
  const decide = useSubmit(
    (form) => call(api.POST('/inspections/{id}/decision', { params: { path: { id: inspection.id } }, body: decisionOf(form) })),
    onDecided,
  );
  return (
    <QueueCard id={id} heading={[inspection.plannedDate, name, <Term map={INSPECTION_CATEGORY} value={inspection.category} />]}>
      <p>
        {inspection.reason} · {inspection.enterpriseId}
      </p>
      {inspection.approval && (
        <p>
          {t(W.decisionLimit)}: <TimeLeft deadline={inspection.approval.timeline.deadline} calendars={calendars} />
        </p>
      )}
      {office && (
        <Form submit={decide} label={W.submit}>
          <fieldset>
            <legend>{t(W.decide)}</legend>
            <label class="choice">
              <input type="radio" name="decision" value="approve" required /> {t(W.approve)}
            </label>
            <label class="choice">
              <input type="radio" name="decision" value="reject" /> {t(W.reject)}
            </label>
          </fieldset>
          <TextArea id={`${id}-comment`} name="comment" label={W.comment} rows={2} />
        </Form>
      )}
    </QueueCard>
  );
}

/** A matter under a limit: what it is (its parts, joined by ' · ') and the limit it is under now. */
interface Limited {
  id: string;
  parts: ComponentChildren[];
  deadline: string;
}

/** Open complaints, and accepted applications (限时办结), each under the limit it is under now. */
function limitedMatters(complaints: Complaint[], applications: Application[], nameOf: (id: string) => string): Limited[] {
  return [
    ...complaints
      .filter((complaint) => complaint.status !== 'closed')
      .map((complaint) => ({
        id: complaint.id,
        parts: [
          <Term map={COMPLAINT_CATEGORY} value={complaint.category} />,
          nameOf(complaint.againstDept),
          <Term map={COMPLAINT_STATUS} value={complaint.status} />,
        ],
        deadline: currentDeadline(complaint),
      })),
    ...applications.flatMap(({ id, itemName, dept, deadline }) =>
      deadline ? [{ id, parts: [`${t(W.applicationShort)} ${itemName}`, nameOf(dept)], deadline }] : [],
    ),
  ];
}

/** The matters whose limit is less than a working day away, or past: the nearest first. */
function NearDeadline({ matters, calendars }: { matters: Limited[]; calendars?: CalendarYear[] }) {
  if (!calendars) return <p class="muted">{t(W.loading)}</p>;
  const near = matters
    .map((matter) => ({ ...matter, left: workingDaysLeft(matter.deadline, calendars) }))
    .filter((matter) => matter.left < 1)
    .sort((a, b) => a.left - b.left);
  if (near.length === 0) return <p>{t(W.none)}</p>;
  return (
    <ul>
      {near.map(({ id, parts, deadline }) => (
        <li key={id}>
          <Joined parts={parts} /> · <TimeLeft deadline={deadline} calendars={calendars} />
        </li>
      ))}
    </ul>
  );
}

const FINDINGS = [
  ['substantiated', ['查实', 'Substantiated']],
  ['unsubstantiated', ['不属实', 'Unsubstantiated']],
] as const;

/** The verdict's form, as the API takes it (the select offers only the two findings). */
const verdictOf = (form: FormData) => ({
  finding: formText(form, 'finding') as 'substantiated' | 'unsubstantiated',
  action: formText(form, 'action'),
});

function Verdict({ complaint, deptName: name, onDone }: { complaint: Complaint; deptName: string; onDone: () => void }) {
  const submit = useSubmit(
    (form) => call(api.POST('/complaints/{id}/verdict', { params: { path: { id: complaint.id } }, body: verdictOf(form) })),
    onDone,
  );
  const id = `v-${complaint.id}`;
  return (
    <QueueCard id={id} heading={[<Term map={COMPLAINT_CATEGORY} value={complaint.category} />, name]}>
      <p class="description">{complaint.description}</p>
      {complaint.resolution && (
        <p>
          {t(W.answer)}: {complaint.resolution.summary}
        </p>
      )}
      <Form submit={submit} label={W.giveVerdict}>
        <Select id={`${id}-finding`} name="finding" label={W.finding} options={FINDINGS} required />
        <TextArea id={`${id}-action`} name="action" label={W.action} rows={2} />
      </Form>
    </QueueCard>
  );
}

function Audit({ nameOf }: { nameOf: (id: string) => string }) {
  const month = today().slice(0, 7);
  const [range, setRange] = useState({ from: `${month}-01`, to: today() });
  const audit = useLoad(() => call<FeeAudit>(api.GET('/fee-audit', { params: { query: range } })), [range.from, range.to]);
  return (
    <Section id="audit" title={both(W.feeAudit)}>
      <form class="form inline" onSubmit={onFormSubmit((form) => setRange({ from: formText(form, 'from'), to: formText(form, 'to') }))}>
        <Field id="audit-from" label={W.from} name="from" type="date" defaultValue={range.from} required />
        <Field id="audit-to" label={W.to} name="to" type="date" defaultValue={range.to} required />
        <button type="submit">{t(W.show)}</button>
        <CsvDownload path={`/fee-audit?from=${range.from}&to=${range.to}`} fileName={`fee-audit-${range.from}-${range.to}.csv`} />
      </form>
      <Loaded state={audit}>
        {(data) =>
          data.totals.byUnit.length === 0 ? (
            <p>{t(W.none)}</p>
          ) : (
            <Table
              head={[W.department, W.entries, W.total, W.refused, W.rejectedAttempts]}
              rows={data.totals.byUnit}
              rowKey={(row) => row.unit}
              cells={(row) => [
                nameOf(row.unit),
                row.entries,
                yuan(row.amount),
                `${row.refused} (${yuan(row.refusedAmount)})`,
                row.rejectedAttempts,
              ]}
            />
          )
        }
      </Loaded>
    </Section>
  );
}

function EvaluationSection() {
  const quarter = currentQuarter();
  const evaluation = useLoad(() => call<Evaluation>(api.GET('/evaluations/{quarter}', { params: { path: { quarter } } })));
  return (
    <Section id="console-evaluation" title={both(W.evaluation)}>
      <p>
        <CsvDownload path={`/evaluations/${quarter}`} fileName={`evaluation-${quarter}.csv`} />
      </p>
      <Loaded state={evaluation}>{(data) => <Ranking evaluation={data} />}</Loaded>
    </Section>
  );
}
