/** A supervision finding: as the supervisors see it (shown to the department or not) and as the department answers it. */
import { api, call } from '../../../api/client.ts';
import type { SupervisionFinding } from '../../../api/views.ts';
import { Badge, QueueCard, Term } from '../../../components/ui.tsx';
import { Form, formText, TextArea, useSubmit } from '../../../components/form.tsx';
import { dateTime } from '../../../format.ts';
import { t } from '../../../i18n.ts';
import { FINDING_METHOD_WORDS, FINDING_STATUS_WORDS } from '#functions/accountability/rules';
import { AW, clauseText } from './words.ts';

export function FindingCard({
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

export function FindingResponse({ finding, onDone }: { finding: SupervisionFinding; onDone: () => void }) {
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
