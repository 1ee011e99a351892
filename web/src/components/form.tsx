/** A form's pieces: its submit (busy, its problem shown), its fields. */
import type { ComponentChildren, JSX } from 'preact';
import { useRef, useState } from 'preact/hooks';
import { t, W, type Words } from '../i18n.ts';
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

/** A form handled on this page (no request of its own): `handle` gets its fields. */
export const onFormSubmit = (handle: (form: FormData) => void) => (event: Event) => {
  event.preventDefault();
  handle(new FormData(event.currentTarget as HTMLFormElement));
};

/** Some of a form's fields, by name, as trimmed text. */
export const formFields = <Name extends string>(form: FormData, ...names: Name[]): Record<Name, string> =>
  Object.fromEntries(names.map((name) => [name, formText(form, name)])) as Record<Name, string>;

/** The fields given, by name, as trimmed text; an optional one left empty is left out (the API takes it as absent). */
export const formOptional = <Name extends string>(form: FormData, ...names: Name[]): Partial<Record<Name, string>> =>
  Object.fromEntries(names.map((name) => [name, formText(form, name)]).filter(([, value]) => value)) as Partial<Record<Name, string>>;

/** A text area's lines, each trimmed, the empty ones left out (one inspector, material or person a line). */
export const formLines = (form: FormData, name: string): string[] =>
  formText(form, name)
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);

/** A datetime-local field as an instant: the console's times are China time (UTC+8, no daylight saving). */
export const formInstant = (form: FormData, name: string): string => `${formText(form, name)}:00+08:00`;

/** A form field's text, trimmed (a file input would give no text). */
export function formText(form: FormData, name: string): string {
  const value = form.get(name);
  return typeof value === 'string' ? value.trim() : '';
}

/**
 * A form that `submit` (useSubmit) sends: its fields, then the problem of its last submit if any,
 * what it did (`done`), and its button (busy while it runs). A button alone needs no field grid.
 */
export function Form({
  submit,
  label,
  done,
  id,
  children,
}: {
  submit: { busy: boolean; error: unknown; onSubmit: (event: Event) => void };
  label: Words;
  done?: ComponentChildren;
  id?: string;
  children?: ComponentChildren;
}) {
  const element = useRef<HTMLFormElement>(null);
  // An invalid field the API names by its path (body.sanctions.0.person) is named here by its label.
  const fieldLabel = (path: string) => {
    const name = path.split('.').findLast((segment) => !/^\d+$/.test(segment));
    const field = name ? element.current?.elements.namedItem(name) : null;
    const labelled = field instanceof HTMLElement && field.id ? element.current?.querySelector(`label[for="${field.id}"]`) : null;
    return labelled?.textContent.trim() || undefined;
  };
  return (
    <form ref={element} id={id} class={children ? 'form' : undefined} onSubmit={submit.onSubmit}>
      {children}
      <ProblemMessage error={submit.error} fieldLabel={fieldLabel} />
      {done && (
        <p role="status" class="ok">
          {done}
        </p>
      )}
      <button type="submit" disabled={submit.busy}>
        {t(label)}
      </button>
    </form>
  );
}

/** What every labelled field has: its id (the label's `for`), its name in the form, its label. */
interface Labelled {
  id: string;
  name: string;
  label: Words;
}

/** A labelled text area, required unless `optional`. */
export function TextArea({
  id,
  label,
  optional,
  ...textarea
}: Labelled & { rows: number; maxLength?: number; optional?: boolean; defaultValue?: string }) {
  return (
    <>
      <label for={id}>{t(label)}</label>
      <textarea id={id} required={!optional} {...textarea} />
    </>
  );
}

/** A labelled select of `options` ([value, words]); `choose` puts 请选择 (choose) first, with no value. */
export function Select({
  id,
  label,
  options,
  choose,
  ...select
}: Labelled & { options: readonly (readonly [value: string, words: Words | string])[]; required?: boolean; choose?: boolean }) {
  return (
    <>
      <label for={id}>{t(label)}</label>
      <select id={id} {...select}>
        {choose && <option value="">{t(W.chooseOne)}</option>}
        {options.map(([value, words]) => (
          <option key={value} value={value}>
            {typeof words === 'string' ? words : t(words)}
          </option>
        ))}
      </select>
    </>
  );
}

/** A labelled input: the other props are the input's. */
export function Field({ id, label, ...input }: { id: string; label: Words } & JSX.IntrinsicElements['input']) {
  return (
    <>
      <label for={id}>{t(label)}</label>
      <input id={id} {...input} />
    </>
  );
}

/** The enterprise's unified social credit code (统一社会信用代码): 18 characters of its alphabet. */
export const CreditCodeField = ({ id }: { id: string }) => (
  <Field id={id} name="enterpriseId" label={W.enterpriseId} required pattern="[0-9A-HJ-NPQRTUWXY]{18}" maxLength={18} autoComplete="off" />
);
