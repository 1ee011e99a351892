/**
 * Accountability (责任追究) in the console: the supervisors' workbench (findings of open and covert
 * checks, cases with their sources and limits, decisions on the sanction ladder, appeals, flags of
 * the retaliation watch) and the department's part (its findings once shown, its cases, the appeal).
 */
import { api, call, itemsOf, pageQuery } from '../../api/client.ts';
import type { AccountabilityCase, Flag, Notice, Page, SupervisionFinding } from '../../api/views.ts';
import { Badge, QueueCard, Section, Term } from '../../components/ui.tsx';
import { LoadedList, useLoad } from '../../components/data.tsx';
import { Field, Form, formText, Select, TextArea, useSubmit } from '../../components/form.tsx';
import { dateTime } from '../../format.ts';
import { both, t, type Words } from '../../i18n.ts';
import {
  CASE_STATUS_WORDS,
  CLAUSE_WORDS,
  CLAUSES,
  FINDING_METHOD_WORDS,
  FINDING_STATUS_WORDS,
  FLAG_STATUS_WORDS,
  MEASURE_WORDS,
  MEASURES,
  OUTCOME_WORDS,
  SOURCE_TYPES,
  SOURCE_WORDS,
  WATCHED_ACT_WORDS,
  type Clause,
  type Measure,
} from '#functions/accountability/rules';
import { deptName, useDepartments } from '../Public.tsx';

export const AW = {
  workbench: ['问责工作台', 'Accountability workbench'],
  findings: ['明查暗访发现', 'Supervision findings'],
  recordFinding: ['记录发现', 'Record a finding'],
  method: ['方式', 'Method'],
  observedAt: ['发现时间', 'Observed at'],
  place: ['地点', 'Place'],
  clause: ['问责条款(第三部分)', 'Clause (§三)'],
  description: ['情况', 'What was found'],
  post: ['岗位(选填)', 'Post (optional)'],
  hidden: ['暗访,未向部门公开', 'Covert: not shown to the department'],
  disclose: ['向部门公开', 'Show to the department'],
  respondBy: ['回复期限', 'Response due by'],
  response: ['部门回复', "The department's response"],
  statement: ['情况说明', 'Statement'],
  rectification: ['整改措施', 'Rectification'],
  respond: ['提交回复', 'Respond'],
  cases: ['问责案件', 'Accountability cases'],
  openCase: ['立案', 'Open a case'],
  summary: ['案情', 'Summary'],
  sourceType: ['案件来源', 'Source'],
  sourceId: ['来源编号', 'Source id'],
  sources: ['来源', 'Sources'],
  investigateBy: ['调查期限', 'Investigation due by'],
  decide: ['作出决定', 'Decide'],
  outcome: ['结论', 'Outcome'],
  measure: ['问责方式', 'Measure'],
  person: ['责任人(诫勉谈话及以上必填)', 'Person (needed from admonishment talk up)'],
  note: ['说明(选填)', 'Note (optional)'],
  decision: ['决定', 'Decision'],
  appealBy: ['申诉期限', 'Appeal by'],
  appeal: ['申诉', 'Appeal'],
  appealReason: ['申诉理由', 'Reason for the appeal'],
  submitAppeal: ['提出申诉', 'Appeal'],
  appealDecision: ['申诉裁决', 'Appeal decision'],
  upheld: ['维持或撤销', 'Uphold or withdraw'],
  uphold: ['维持原决定', 'Uphold the decision'],
  withdraw: ['撤销问责', 'Withdraw the sanctions'],
  withdrawn: ['已撤销', 'Withdrawn'],
  reason: ['理由', 'Reason'],
  flags: ['打击报复预警', 'Retaliation flags'],
  flagsHelp: [
    '企业投诉某部门后180天内,该部门对该企业的检查、罚款、收费、不予批准或一次性告知均列于此,部门不知情。',
    'For 180 days after an enterprise complains about a department, that department’s inspections, fines, charges, refusals and one-time notices toward it are listed here; the department is not told.',
  ],
  daysAfter: ['投诉后天数', 'Days after the complaint'],
  review: ['审查', 'Review'],
  dismissed: ['排除', 'Dismiss'],
  caseOpened: ['立案调查', 'Open a case'],
  myFindings: ['本部门的督查发现', 'Findings on this department'],
  myCases: ['本部门的问责案件', "This department's cases"],
  notices: ['问责通报', 'Public notices (通报)'],
  noticesHelp: [
    '通报批评及以上的问责决定予以公开,只公布单位,不公布个人姓名。',
    'Decisions from circulated criticism up are public: the unit, never a person.',
  ],
  decidedAt: ['决定日期', 'Decided'],
} as const satisfies Record<string, Words>;

const CLAUSE_OPTIONS = CLAUSES.map((clause) => [clause, `${clause} ${t(CLAUSE_WORDS[clause])}`] as const);
const clauseText = (clause: Clause) => `${clause} ${t(CLAUSE_WORDS[clause])}`;
/** "now", as a datetime-local input takes it, in China time. */
const nowLocal = () => new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 16);

// The supervisors' workbench -------------------------------------------------------------------

export function AccountabilityWorkbench({ supervisor }: { supervisor: boolean }) {
  const departments = useDepartments();
  const nameOf = (id: string) => deptName(departments.data, id);
  const deptOptions = (departments.data ?? []).map((d) => [d.deptId, d.name] as const);
  const findings = useLoad(() => itemsOf<SupervisionFinding>((cursor) => api.GET('/supervision-findings', pageQuery({}, cursor))));
  const cases = useLoad(() => itemsOf<AccountabilityCase>((cursor) => api.GET('/accountability-cases', pageQuery({}, cursor))));
  const flags = useLoad(() => itemsOf<Flag>((cursor) => api.GET('/retaliation-flags', pageQuery({ status: 'open' as const }, cursor))));
  const reload = () => {
    findings.reload();
    cases.reload();
    flags.reload();
  };
  const record = useSubmit(
    (form) =>
      call(
        api.POST('/supervision-findings', {
          body: {
            dept: formText(form, 'dept'),
            method: formText(form, 'method') as 'open' | 'covert',
            observedAt: `${formText(form, 'observedAt')}:00+08:00`,
            place: formText(form, 'place'),
            clause: formText(form, 'clause') as Clause,
            description: formText(form, 'description'),
            ...(formText(form, 'post') ? { post: formText(form, 'post') } : {}),
          },
        }),
      ),
    findings.reload,
  );
  const open = useSubmit(
    (form) =>
      call(
        api.POST('/accountability-cases', {
          body: {
            dept: formText(form, 'dept'),
            clause: formText(form, 'clause') as Clause,
            summary: formText(form, 'summary'),
            sources: [{ type: formText(form, 'type') as (typeof SOURCE_TYPES)[number], id: formText(form, 'id') }],
          },
        }),
      ),
    cases.reload,
  );
  return (
    <>
      <Section id="acc-findings" title={both(AW.findings)}>
        {supervisor && (
          <details>
            <summary>{t(AW.recordFinding)}</summary>
            <Form submit={record} label={AW.recordFinding}>
              <Select id="f-dept" name="dept" label={['部门', 'Department']} options={deptOptions} choose required />
              <Select id="f-method" name="method" label={AW.method} options={Object.entries(FINDING_METHOD_WORDS)} required />
              <Field id="f-observed" name="observedAt" label={AW.observedAt} type="datetime-local" defaultValue={nowLocal()} required />
              <Field id="f-place" name="place" label={AW.place} required />
              <Select id="f-clause" name="clause" label={AW.clause} options={CLAUSE_OPTIONS} choose required />
              <TextArea id="f-description" name="description" label={AW.description} rows={3} />
              <Field id="f-post" name="post" label={AW.post} />
            </Form>
          </details>
        )}
        <LoadedList state={findings} listClass="queue">
          {(finding) => <FindingCard finding={finding} deptName={nameOf(finding.dept)} supervisor={supervisor} onDone={reload} />}
        </LoadedList>
      </Section>
      <Section id="acc-cases" title={both(AW.cases)}>
        {supervisor && (
          <details>
            <summary>{t(AW.openCase)}</summary>
            <Form submit={open} label={AW.openCase}>
              <Select id="c-dept" name="dept" label={['部门', 'Department']} options={deptOptions} choose required />
              <Select id="c-clause" name="clause" label={AW.clause} options={CLAUSE_OPTIONS} choose required />
              <TextArea id="c-summary" name="summary" label={AW.summary} rows={2} />
              <Select id="c-type" name="type" label={AW.sourceType} options={Object.entries(SOURCE_WORDS)} required />
              <Field id="c-id" name="id" label={AW.sourceId} required />
            </Form>
          </details>
        )}
        <LoadedList state={cases} listClass="queue">
          {(record) => <CaseCard record={record} deptName={nameOf(record.dept)} supervisor={supervisor} onDone={reload} />}
        </LoadedList>
      </Section>
      <Section id="acc-flags" title={both(AW.flags)}>
        <p class="muted">{t(AW.flagsHelp)}</p>
        <LoadedList state={flags} listClass="queue">
          {(flag) => <FlagCard flag={flag} deptName={nameOf(flag.dept)} supervisor={supervisor} onDone={reload} />}
        </LoadedList>
      </Section>
    </>
  );
}

function FindingCard({
  finding,
  deptName: name,
  supervisor,
  onDone,
}: {
  finding: SupervisionFinding;
  deptName: string;
  supervisor: boolean;
  onDone: () => void;
}) {
  const disclose = useSubmit(
    () => call(api.POST('/supervision-findings/{id}/disclosure', { params: { path: { id: finding.id } }, body: {} })),
    onDone,
  );
  const id = `f-${finding.id}`;
  return (
    <QueueCard id={id} heading={[<Badge map={FINDING_METHOD_WORDS} value={finding.method} />, name, clauseText(finding.clause)]}>
      <p class="description">{finding.description}</p>
      <p class="muted">
        {finding.place} · {dateTime(finding.observedAt)} · <Term map={FINDING_STATUS_WORDS} value={finding.status} />
        {finding.responseDueBy && ` · ${t(AW.respondBy)} ${dateTime(finding.responseDueBy)}`}
      </p>
      {!finding.shownAt && <p class="covert">{t(AW.hidden)}</p>}
      {finding.response && (
        <p>
          {t(AW.response)}: {finding.response.statement} / {finding.response.rectification}
        </p>
      )}
      {supervisor && !finding.shownAt && <Form submit={disclose} label={AW.disclose} />}
    </QueueCard>
  );
}

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

function CaseCard({
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

function FlagCard({ flag, deptName: name, supervisor, onDone }: { flag: Flag; deptName: string; supervisor: boolean; onDone: () => void }) {
  const review = useSubmit(
    (form) =>
      call(
        api.POST('/retaliation-flags/{id}/review', {
          params: { path: { id: flag.id } },
          body: { outcome: formText(form, 'outcome') as 'dismissed' | 'case-opened', reason: formText(form, 'reason') },
        }),
      ),
    onDone,
  );
  const id = `r-${flag.id}`;
  return (
    <QueueCard id={id} heading={[name, t(WATCHED_ACT_WORDS[flag.act.type]), <Badge map={FLAG_STATUS_WORDS} value={flag.status} />]}>
      <p class="muted">
        {flag.enterpriseId} · {dateTime(flag.act.at)} · {t(AW.daysAfter)} {flag.daysSinceComplaint}
      </p>
      {supervisor && flag.status === 'open' && (
        <Form submit={review} label={AW.review}>
          <Select
            id={`${id}-outcome`}
            name="outcome"
            label={AW.outcome}
            options={[
              ['dismissed', AW.dismissed],
              ['case-opened', AW.caseOpened],
            ]}
            required
          />
          <TextArea id={`${id}-reason`} name="reason" label={AW.reason} rows={2} />
        </Form>
      )}
    </QueueCard>
  );
}

// The department's part ------------------------------------------------------------------------

export function DepartmentAccountability() {
  const findings = useLoad(() => itemsOf<SupervisionFinding>((cursor) => api.GET('/supervision-findings', pageQuery({}, cursor))));
  const cases = useLoad(() => itemsOf<AccountabilityCase>((cursor) => api.GET('/accountability-cases', pageQuery({}, cursor))));
  return (
    <>
      <Section id="acc-my-findings" title={both(AW.myFindings)}>
        <LoadedList state={findings} listClass="queue">
          {(finding) => <FindingResponse finding={finding} onDone={findings.reload} />}
        </LoadedList>
      </Section>
      <Section id="acc-my-cases" title={both(AW.myCases)}>
        <LoadedList state={cases} listClass="queue">
          {(record) => <CaseAppeal record={record} onDone={cases.reload} />}
        </LoadedList>
      </Section>
    </>
  );
}

function FindingResponse({ finding, onDone }: { finding: SupervisionFinding; onDone: () => void }) {
  const respond = useSubmit(
    (form) =>
      call(
        api.POST('/supervision-findings/{id}/response', {
          params: { path: { id: finding.id } },
          body: { statement: formText(form, 'statement'), rectification: formText(form, 'rectification') },
        }),
      ),
    onDone,
  );
  const id = `mf-${finding.id}`;
  return (
    <QueueCard id={id} heading={[<Term map={FINDING_METHOD_WORDS} value={finding.method} />, clauseText(finding.clause)]}>
      <p class="description">{finding.description}</p>
      <p class="muted">
        {finding.place} · {dateTime(finding.observedAt)}
        {finding.responseDueBy && finding.status === 'recorded' && ` · ${t(AW.respondBy)} ${dateTime(finding.responseDueBy)}`}
      </p>
      {finding.response ? (
        <p>
          {t(AW.response)}: {finding.response.statement} / {finding.response.rectification}
        </p>
      ) : (
        <Form submit={respond} label={AW.respond}>
          <TextArea id={`${id}-statement`} name="statement" label={AW.statement} rows={2} />
          <TextArea id={`${id}-rectification`} name="rectification" label={AW.rectification} rows={2} />
        </Form>
      )}
    </QueueCard>
  );
}

function CaseAppeal({ record, onDone }: { record: AccountabilityCase; onDone: () => void }) {
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

// The public notices ---------------------------------------------------------------------------

export function NoticesSection() {
  const departments = useDepartments();
  const notices = useLoad(() => call<Page<Notice>>(api.GET('/accountability-notices', { params: { query: { limit: '50' } } })));
  return (
    <Section id="acc-notices" title={both(AW.notices)}>
      <p class="muted">{t(AW.noticesHelp)}</p>
      {notices.data?.items.length === 0 && <p>{t(['暂无', 'None yet'])}</p>}
      <ul>
        {notices.data?.items.map((notice) => (
          <li key={notice.caseId}>
            {deptName(departments.data, notice.dept)} · {clauseText(notice.clause)} · <strong>{t(MEASURE_WORDS[notice.measure])}</strong> ·{' '}
            {dateTime(notice.decidedAt)}
          </li>
        ))}
      </ul>
    </Section>
  );
}
