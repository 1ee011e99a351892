/** An accountability case: the supervisors decide it and rule on its appeal; the department reads the decision and appeals. */
import { api, call } from '../../../api/client.ts';
import type { AccountabilityCase } from '../../../api/views.ts';
import { Badge, QueueCard, Term } from '../../../components/ui.tsx';
import { Field, Form, formText, Select, TextArea, useSubmit } from '../../../components/form.tsx';
import { dateTime } from '../../../format.ts';
import { t } from '../../../i18n.ts';
import { CASE_STATUS_WORDS, MEASURE_WORDS, MEASURES, OUTCOME_WORDS, SOURCE_WORDS, type Measure } from '#functions/accountability/rules';
import { AW, clauseText } from './words.ts';

/** The decision's form, as the API takes it: the ladder as a select, a person for the personal measures. */
const decisionOf = (form: FormData) => {
  const outcome = formText(form, 'outcome') as 'sanctioned' | 'not-substantiated';
  const measure = formText(form, 'measure') as Measure | '';
  const person = formText(form, 'person');
  const note = formText(form, 'note');
  return {
    outcome,
    sanctions: outcome === 'sanctioned' && measure ? [{ measure, ...(person ? { person } : {}), ...(note ? { note } : {}) }] : [],
  };
};

export function CaseCard({
  record,
  deptName: name,
  supervisor,
  onDone,
}: {
  record: AccountabilityCase;
  deptName: string;
  supervisor: boolean;
  onDone: () => void;
}) {
  const path = { params: { path: { id: record.id } } };
  const decide = useSubmit((form) => call(api.POST('/accountability-cases/{id}/decision', { ...path, body: decisionOf(form) })), onDone);
  const ruling = useSubmit(
    (form) =>
      call(
        api.POST('/accountability-cases/{id}/appeal-decision', {
          ...path,
          body: { upheld: formText(form, 'upheld') === 'true', reason: formText(form, 'reason') },
        }),
      ),
    onDone,
  );
  const id = `c-${record.id}`;
  return (
    <QueueCard id={id} heading={[name, clauseText(record.clause), <Badge map={CASE_STATUS_WORDS} value={record.status} />]}>
      <p class="description">{record.summary}</p>
      <p class="muted">
        {t(AW.sources)}:{' '}
        {record.sources.map((source) => `${t(SOURCE_WORDS[source.type])} ${source.id.slice(0, 8)}`).join('、') || t(['暂无', 'None'])}
        {record.status === 'investigating' && ` · ${t(AW.investigateBy)} ${dateTime(record.investigationDueBy)}`}
      </p>
      <CaseDecision record={record} />
      {supervisor && record.status === 'investigating' && (
        <Form submit={decide} label={AW.decide}>
          <Select id={`${id}-outcome`} name="outcome" label={AW.outcome} options={Object.entries(OUTCOME_WORDS)} required />
          <Select
            id={`${id}-measure`}
            name="measure"
            label={AW.measure}
            options={MEASURES.map((m) => [m, MEASURE_WORDS[m]] as const)}
            choose
          />
          <Field id={`${id}-person`} name="person" label={AW.person} />
          <Field id={`${id}-note`} name="note" label={AW.note} />
        </Form>
      )}
      {supervisor && record.status === 'appealed' && (
        <Form submit={ruling} label={AW.appealDecision}>
          <Select
            id={`${id}-upheld`}
            name="upheld"
            label={AW.upheld}
            options={[
              ['true', AW.uphold],
              ['false', AW.withdraw],
            ]}
            required
          />
          <TextArea id={`${id}-reason`} name="reason" label={AW.reason} rows={2} />
        </Form>
      )}
    </QueueCard>
  );
}

function CaseDecision({ record }: { record: AccountabilityCase }) {
  if (!record.decision) return null;
  return (
    <>
      <p>
        {t(AW.decision)}: <Term map={OUTCOME_WORDS} value={record.decision.outcome} />
        {record.decision.sanctions.map((s, n) => (
          <span key={n} class={`badge${record.withdrawn ? ' withdrawn' : ''}`}>
            {' '}
            {t(MEASURE_WORDS[s.measure])}
            {s.person ? `(${s.person})` : ''}
          </span>
        ))}
        {record.withdrawn && ` · ${t(AW.withdrawn)}`} · {t(AW.appealBy)} {dateTime(record.decision.appealBy)}
      </p>
      {record.appeal && (
        <p>
          {t(AW.appeal)}: {record.appeal.reason}
        </p>
      )}
      {record.appealDecision && (
        <p>
          {t(AW.appealDecision)}: {t(record.appealDecision.upheld ? AW.uphold : AW.withdraw)} — {record.appealDecision.reason}
        </p>
      )}
    </>
  );
}

export function CaseAppeal({ record, onDone }: { record: AccountabilityCase; onDone: () => void }) {
  const appeal = useSubmit(
    (form) =>
      call(
        api.POST('/accountability-cases/{id}/appeal', { params: { path: { id: record.id } }, body: { reason: formText(form, 'reason') } }),
      ),
    onDone,
  );
  const id = `mc-${record.id}`;
  const appealable = record.status === 'decided' && record.decision?.outcome === 'sanctioned';
  return (
    <QueueCard id={id} heading={[clauseText(record.clause), <Badge map={CASE_STATUS_WORDS} value={record.status} />]}>
      <p class="description">{record.summary}</p>
      <CaseDecision record={record} />
      {appealable && (
        <Form submit={appeal} label={AW.submitAppeal}>
          <TextArea id={`${id}-reason`} name="reason" label={AW.appealReason} rows={2} />
        </Form>
      )}
    </QueueCard>
  );
}
