/**
 * The soft-environment office's and the supervisors' console: live alerts, matters near or past
 * their limit, inspections awaiting approval (the office decides), the fee audit, complaint
 * verdicts (supervisors), the evaluation.
 */
import { useEffect, useState } from 'preact/hooks';
import { api, call, downloadCsv, itemsOf } from '../../api/client.ts';
import type { Alert, CalendarYear, Complaint, Evaluation, FeeAudit, Inspection, Page } from '../../api/views.ts';
import { ProblemMessage, Section, Term } from '../../components/ui.tsx';
import { Loaded, useLoad, Table, LoadedItems } from '../../components/data.tsx';
import { formText, onFormSubmit, useSubmit, Select, Submit, TextArea } from '../../components/form.tsx';
import { currentQuarter, dateTime, today, workingDaysLeft, yuan } from '../../format.ts';
import { both, COMPLAINT_CATEGORY, COMPLAINT_STATUS, INSPECTION_CATEGORY, SEVERITY, t, W } from '../../i18n.ts';
import { deptName, Ranking, useDepartments } from '../Public.tsx';
import { currentDeadline, TimeLeft, useCalendars } from './Department.tsx';

/** How often the alerts view asks for new alerts. */
const ALERT_POLL_MS = 3000;

export function OversightConsole({ office, supervisor }: { office: boolean; supervisor: boolean }) {
  const calendars = useCalendars();
  const pending = useLoad(() =>
    itemsOf<Inspection>(api.GET('/inspections', { params: { query: { status: 'pending-approval', limit: '200' } } })),
  );
  const complaints = useLoad(() => itemsOf<Complaint>(api.GET('/complaints', { params: { query: { limit: '200' } } })));
  const departments = useDepartments();
  const nameOf = (id: string) => deptName(departments.data, id);
  return (
    <>
      <LiveAlerts />
      <Section id="approvals" title={both(W.approvals)}>
        <LoadedItems state={pending}>
          {(items) => (
            <ul class="queue">
              {items.map((inspection) => (
                <Approval
                  key={inspection.id}
                  inspection={inspection}
                  deptName={nameOf(inspection.department)}
                  calendars={calendars.data}
                  office={office}
                  onDecided={pending.reload}
                />
              ))}
            </ul>
          )}
        </LoadedItems>
      </Section>
      <Section id="near" title={both(W.nearDeadline)}>
        <Loaded state={complaints}>{(items) => <NearDeadline complaints={items} calendars={calendars.data} nameOf={nameOf} />}</Loaded>
      </Section>
      {supervisor && (
        <Section id="verdicts" title={both(W.verdicts)}>
          <LoadedItems state={complaints} only={(c) => c.status === 'resolved' || (c.routedTo === 'supervisors' && c.status !== 'closed')}>
            {(waiting) => (
              <ul class="queue">
                {waiting.map((c) => (
                  <Verdict key={c.id} complaint={c} deptName={nameOf(c.againstDept)} onDone={complaints.reload} />
                ))}
              </ul>
            )}
          </LoadedItems>
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
            <span class={`badge ${alert.severity}`}>
              <Term map={SEVERITY} value={alert.severity} />
            </span>{' '}
            <strong>{alert.title}</strong>{' '}
            <span class="muted">
              {deptName(departments.data, alert.department)} · {dateTime(alert.at)}
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
  const params = { params: { path: { id: inspection.id } } };
  const decide = useSubmit((form) => call(api.POST('/inspections/{id}/decision', { ...params, body: decisionOf(form) })), onDecided);
  const id = `a-${inspection.id}`;
  return (
    <li class="queue-item">
      <h3>
        {inspection.plannedDate} · {name} · <Term map={INSPECTION_CATEGORY} value={inspection.category} />
      </h3>
      <p>
        {inspection.reason} · {inspection.enterpriseId}
      </p>
      {inspection.approval && (
        <p>
          {t(W.decisionLimit)}: <TimeLeft deadline={inspection.approval.timeline.deadline} calendars={calendars} />
        </p>
      )}
      {office && (
        <form class="form" onSubmit={decide.onSubmit}>
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
          <Submit state={decide} label={W.submit} />
        </form>
      )}
    </li>
  );
}

/** Open complaints whose current limit is less than a working day away, or past. */
function NearDeadline({
  complaints,
  calendars,
  nameOf,
}: {
  complaints: Complaint[];
  calendars?: CalendarYear[];
  nameOf: (id: string) => string;
}) {
  if (!calendars) return <p class="muted">{t(W.loading)}</p>;
  const near = complaints
    .flatMap((c) => {
      if (c.status === 'closed') return [];
      const deadline = currentDeadline(c);
      const left = workingDaysLeft(deadline, calendars);
      return left < 1 ? [{ complaint: c, deadline, left }] : [];
    })
    .sort((a, b) => a.left - b.left);
  if (near.length === 0) return <p>{t(W.none)}</p>;
  return (
    <ul>
      {near.map(({ complaint, deadline }) => (
        <li key={complaint.id}>
          <Term map={COMPLAINT_CATEGORY} value={complaint.category} /> · {nameOf(complaint.againstDept)} ·{' '}
          <Term map={COMPLAINT_STATUS} value={complaint.status} /> · <TimeLeft deadline={deadline} calendars={calendars} />
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
  const params = { params: { path: { id: complaint.id } } };
  const submit = useSubmit((form) => call(api.POST('/complaints/{id}/verdict', { ...params, body: verdictOf(form) })), onDone);
  const id = `v-${complaint.id}`;
  return (
    <li class="queue-item">
      <h3>
        <Term map={COMPLAINT_CATEGORY} value={complaint.category} /> · {name}
      </h3>
      <p class="description">{complaint.description}</p>
      {complaint.resolution && (
        <p>
          {t(W.answer)}: {complaint.resolution.summary}
        </p>
      )}
      <form class="form" onSubmit={submit.onSubmit}>
        <Select id={`${id}-finding`} name="finding" label={W.finding} options={FINDINGS} required />
        <TextArea id={`${id}-action`} name="action" label={W.action} rows={2} />
        <Submit state={submit} label={W.giveVerdict} />
      </form>
    </li>
  );
}

function Audit({ nameOf }: { nameOf: (id: string) => string }) {
  const month = today().slice(0, 7);
  const [range, setRange] = useState({ from: `${month}-01`, to: today() });
  const audit = useLoad(() => call<FeeAudit>(api.GET('/fee-audit', { params: { query: range } })), [range.from, range.to]);
  const [csvError, setCsvError] = useState<unknown>();
  return (
    <Section id="audit" title={both(W.feeAudit)}>
      <form class="form inline" onSubmit={onFormSubmit((form) => setRange({ from: formText(form, 'from'), to: formText(form, 'to') }))}>
        <label for="audit-from">{t(W.from)}</label>
        <input id="audit-from" name="from" type="date" defaultValue={range.from} required />
        <label for="audit-to">{t(W.to)}</label>
        <input id="audit-to" name="to" type="date" defaultValue={range.to} required />
        <button type="submit">{t(W.show)}</button>
        <button
          type="button"
          onClick={() => {
            downloadCsv(`/fee-audit?from=${range.from}&to=${range.to}`, `fee-audit-${range.from}-${range.to}.csv`).catch(setCsvError);
          }}
        >
          {t(W.downloadCsv)}
        </button>
      </form>
      <ProblemMessage error={csvError} />
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
  const [csvError, setCsvError] = useState<unknown>();
  return (
    <Section id="console-evaluation" title={both(W.evaluation)}>
      <p>
        <button
          type="button"
          onClick={() => {
            downloadCsv(`/evaluations/${quarter}`, `evaluation-${quarter}.csv`).catch(setCsvError);
          }}
        >
          {t(W.downloadCsv)}
        </button>
      </p>
      <ProblemMessage error={csvError} />
      <Loaded state={evaluation}>{(data) => <Ranking evaluation={data} />}</Loaded>
    </Section>
  );
}
