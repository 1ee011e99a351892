/** `/complain`: anyone may complain (§三); the answer is a tracking code, the only key to follow it. */
import { api, call } from '../api/client.ts';
import type { Filed } from '../api/views.ts';
import { Section } from '../components/ui.tsx';
import { Field, formInstant, formOptional, formText, Form, useSubmit, Select, TextArea } from '../components/form.tsx';
import { dateTime } from '../format.ts';
import { both, COMPLAINT_CATEGORY, t, W } from '../i18n.ts';
import { useDepartments } from './Public.tsx';

import type { paths } from '../api/schema';

type Category = paths['/complaints']['post']['requestBody']['content']['application/json']['category'];

export function ComplainPage() {
  const departments = useDepartments();
  const submit = useSubmit(async (form) => {
    const occurredAt = formText(form, 'occurredAt');
    return call<Filed>(
      api.POST('/complaints', {
        body: {
          againstDept: formText(form, 'againstDept'),
          // The select offers only the plan's categories; the API checks it again.
          category: formText(form, 'category') as Category,
          description: formText(form, 'description'),
          ...(occurredAt ? { occurredAt: formInstant(form, 'occurredAt') } : {}),
          ...formOptional(form, 'contact'),
        },
      }),
    );
  });
  const filed = submit.result;

  if (filed) {
    return (
      <Section id="filed" title={both(W.yourTrackingCode)}>
        <p class="tracking-code" aria-label={t(W.yourTrackingCode)}>
          {filed.trackingCode}
        </p>
        <p>{t(W.keepCode)}</p>
        <p>
          {t(W.answerDueBy)}: {dateTime(filed.answerDueBy)}
        </p>
        <p>
          <a class="button" href={`/track/${encodeURIComponent(filed.trackingCode)}`}>
            {t(W.followIt)}
          </a>
        </p>
      </Section>
    );
  }
  return (
    <Section id="complain" title={both(W.complain)}>
      <Form submit={submit} label={W.submitComplaint}>
        <Select
          id="againstDept"
          name="againstDept"
          label={W.againstDept}
          options={(departments.data ?? []).map((d) => [d.deptId, d.name] as const)}
          required
          choose
        />
        <Select id="category" name="category" label={W.category} options={Object.entries(COMPLAINT_CATEGORY)} required choose />
        <TextArea id="description" name="description" label={W.whatHappened} rows={6} maxLength={5000} />
        <Field id="occurredAt" label={W.occurredAt} name="occurredAt" type="datetime-local" />
        <Field id="contact" label={W.contact} name="contact" type="text" maxLength={200} autoComplete="tel" />
      </Form>
    </Section>
  );
}
