/** 滞后反馈告知: a delay notice, for a complaint's answer and an application's decision alike (the API holds the rule: once, before the limit). */
import type { ComponentChildren } from 'preact';
import { api, call } from '../../api/client.ts';
import { Field, Form, formFields, TextArea, useSubmit } from '../../components/form.tsx';
import { today } from '../../format.ts';
import { W } from '../../i18n.ts';
import { Folded } from '../../components/ui.tsx';

/** A matter its holder may give a delay notice on: none once one was given. */
interface DelayedMatter {
  kind: 'complaints' | 'applications';
  id: string;
  delayNotice?: object;
}

const EXPECTED_BY = { complaints: W.expectedBy, applications: W.delayExpectedBy };

/** What the holder of a matter being handled does: answers or decides it (`children`), or, once, gives a delay notice. */
export const HolderActions = ({ matter, onDone, children }: { matter: DelayedMatter; onDone: () => void; children: ComponentChildren }) => (
  <div class="actions">
    {children}
    <DelayNoticeForm matter={matter} onDone={onDone} />
  </div>
);

/** Folded away until needed: why it will be late, and the date it is expected by. */
function DelayNoticeForm({ matter, onDone }: { matter: DelayedMatter; onDone: () => void }) {
  const submit = useSubmit((form) => {
    const request = { params: { path: { id: matter.id } }, body: formFields(form, 'reason', 'expectedBy') };
    return call(
      matter.kind === 'complaints'
        ? api.POST('/complaints/{id}/delay-notice', request)
        : api.POST('/applications/{id}/delay-notice', request),
    );
  }, onDone);
  if (matter.delayNotice) return null;
  const id = `${matter.kind}-${matter.id}-delay`;
  return (
    <Folded summary={W.giveDelayNotice}>
      <Form submit={submit} label={W.giveDelayNotice}>
        <TextArea id={`${id}-reason`} name="reason" label={W.reason} rows={2} />
        <Field id={`${id}-expected`} label={EXPECTED_BY[matter.kind]} name="expectedBy" type="date" required min={today()} />
      </Form>
    </Folded>
  );
}
