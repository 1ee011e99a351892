/** The supervisors' workbench: findings recorded, cases opened, flags of the retaliation watch, each with its cards. */
import { api, call, itemsOf, pageQuery } from '../../../api/client.ts';
import type { AccountabilityCase, Flag, SupervisionFinding } from '../../../api/views.ts';
import { Section } from '../../../components/ui.tsx';
import { LoadedList, useLoad } from '../../../components/data.tsx';
import { Field, Form, formText, Select, TextArea, useSubmit } from '../../../components/form.tsx';
import { both, t } from '../../../i18n.ts';
import { FINDING_METHOD_WORDS, SOURCE_TYPES, SOURCE_WORDS, type Clause } from '#functions/accountability/rules';
import { deptName, useDepartments } from '../../Public.tsx';
import { AW, CLAUSE_OPTIONS, nowLocal } from './words.ts';
import { FindingCard } from './Findings.tsx';
import { CaseCard } from './Cases.tsx';
import { FlagCard } from './Flags.tsx';

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
