/** What the centre's and the enterprise's views share: the cases read whole, opening one, its facts and the applications filed for it. */
import { api, call, itemsOf, pageQuery } from '../../../api/client.ts';
import type { AssistedCase, AssistedTask, CaseSummary, Department } from '../../../api/views.ts';
import { Badge } from '../../../components/ui.tsx';
import { useLoad } from '../../../components/data.tsx';
import { CreditCodeField, Field, Form, formFields, formOptional, formText, useSubmit } from '../../../components/form.tsx';
import { dateTime } from '../../../format.ts';
import { A, APPLICATION_STATUS, CASE_OUTCOME, t } from '../../../i18n.ts';
import { deptName } from '../../Public.tsx';

export const OPEN_TASKS = ['assigned', 'accepted', 'returned'];
export const caseParams = (id: string) => ({ path: { id } });
export const taskParams = (task: AssistedTask) => ({ path: { id: task.caseId, taskId: task.id } });
export type Options = readonly (readonly [string, string])[];

/** The cases the caller may see, each read whole (a department's: its own tasks only). */
export const useCases = (owner: string, only: (item: CaseSummary) => boolean = () => true) =>
  useLoad(async () => {
    const listed = await itemsOf<CaseSummary>((cursor) => api.GET('/assisted-cases', pageQuery({}, cursor)));
    return Promise.all(
      listed.filter(only).map((item) => call<AssistedCase>(api.GET('/assisted-cases/{id}', { params: caseParams(item.id) }))),
    );
  }, [owner]);

export function OpenCase({ onOpened, centre }: { onOpened: () => void; centre?: boolean }) {
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

export const CaseFacts = ({ record }: { record: AssistedCase }) => (
  <p>
    {t(A.steward)}: {record.steward ? record.steward.sub : t(A.noSteward)}
    {record.mandateRef && ` · ${t(A.mandate)} ${record.mandateRef}`} · {dateTime(record.openedAt)}
    {record.closure && ` · ${t(CASE_OUTCOME[record.closure.outcome] ?? A.close)}: ${record.closure.summary}`}
  </p>
);

export function CaseApplications({ record, departments }: { record: AssistedCase; departments?: Department[] }) {
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
