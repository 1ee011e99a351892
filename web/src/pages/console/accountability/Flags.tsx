/** A flag of the retaliation watch, and the supervisors' review of it. */
import { api, call } from '../../../api/client.ts';
import type { Flag } from '../../../api/views.ts';
import { Badge, QueueCard } from '../../../components/ui.tsx';
import { Form, formText, Select, TextArea, useSubmit } from '../../../components/form.tsx';
import { dateTime } from '../../../format.ts';
import { t } from '../../../i18n.ts';
import { FLAG_STATUS_WORDS, WATCHED_ACT_WORDS } from '#functions/accountability/rules';
import { AW } from './words.ts';

export function FlagCard({
  flag,
  deptName: name,
  supervisor,
  onDone,
}: {
  flag: Flag;
  deptName: string;
  supervisor: boolean;
  onDone: () => void;
}) {
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
