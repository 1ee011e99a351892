/** A form's pieces: its submit (busy, its problem shown), its fields. */
import { useState } from 'preact/hooks';
import { t, type Words } from '../i18n.ts';
import { ProblemMessage } from './ui.tsx';

/** A form's submit: busy while it runs, the problem shown if it fails, its `result` (cleared when it runs again) and `onDone` when it succeeds. */
export function useSubmit<T>(action: (form: FormData) => Promise<T>, onDone?: (result: T) => void) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const [result, setResult] = useState<T>();
  const run = async (form: HTMLFormElement) => {
    setBusy(true);
    setError(undefined);
    setResult(undefined);
    try {
      const done = await action(new FormData(form));
      setResult(done);
      onDone?.(done);
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };
  // The form's handler returns at once; the action's failure is shown, never left floating.
  const onSubmit = (event: Event) => {
    event.preventDefault();
    void run(event.currentTarget as HTMLFormElement);
  };
  return { busy, error, result, onSubmit };
}

/** A form field's text, trimmed (a file input would give no text). */
export function formText(form: FormData, name: string): string {
  const value = form.get(name);
  return typeof value === 'string' ? value.trim() : '';
}

/** A form's end: the problem of its last submit, if any, and its submit button (busy while it runs). */
export function Submit({ state, label }: { state: { busy: boolean; error: unknown }; label: Words }) {
  return (
    <>
      <ProblemMessage error={state.error} />
      <button type="submit" disabled={state.busy}>
        {t(label)}
      </button>
    </>
  );
}

/** A labelled, required text area. */
export function TextArea({
  id,
  name,
  label,
  rows,
  maxLength,
}: {
  id: string;
  name: string;
  label: Words;
  rows: number;
  maxLength?: number;
}) {
  return (
    <>
      <label for={id}>{t(label)}</label>
      <textarea id={id} name={name} required rows={rows} maxLength={maxLength} />
    </>
  );
}
