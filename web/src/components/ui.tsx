/** Small pieces every page uses: a problem shown in Chinese with the API's detail, loading, tables. */
import type { ComponentChildren } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { ApiProblem } from '../api/client.ts';
import { PROBLEM, t, W, type Words } from '../i18n.ts';

export function ProblemMessage({ error }: { error: unknown }) {
  if (!error) return null;
  const problem = error instanceof ApiProblem ? error : undefined;
  const known = problem && PROBLEM[problem.rule];
  return (
    <div class="problem" role="alert">
      <strong>{known ? t(known) : (problem?.title ?? t(W.error))}</strong>
      {problem?.detail ? <p>{problem.detail}</p> : !problem && <p>{error instanceof Error ? error.message : t(W.error)}</p>}
      {problem?.errors.length ? (
        <ul>
          {problem.errors.map((e) => (
            <li key={e.path}>
              <code>{e.path}</code>: {e.message}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

/** Loads on mount and when `deps` change; `reload()` fetches again. */
export function useLoad<T>(load: () => Promise<T>, deps: unknown[] = []) {
  const [state, setState] = useState<{ data?: T; error?: unknown; loading: boolean }>({ loading: true });
  const [version, setVersion] = useState(0);
  useEffect(() => {
    let live = true;
    load().then(
      (data) => live && setState({ data, loading: false }),
      (error: unknown) => live && setState({ error, loading: false }),
    );
    return () => {
      live = false;
    };
  }, [...deps, version]);
  return { ...state, reload: () => setVersion((v) => v + 1) };
}

export function Loaded<T>({
  state,
  children,
}: {
  state: { data?: T; error?: unknown; loading: boolean };
  children: (data: T) => ComponentChildren;
}) {
  if (state.error) return <ProblemMessage error={state.error} />;
  if (state.loading || state.data === undefined)
    return (
      <p class="muted" aria-busy="true">
        {t(W.loading)}
      </p>
    );
  return <>{children(state.data)}</>;
}

export const Term = ({ map, value }: { map: Record<string, Words>; value: string }) => <>{map[value] ? t(map[value]) : value}</>;

export function Section({ id, title, children }: { id?: string; title: string; children: ComponentChildren }) {
  return (
    <section aria-labelledby={id ? `${id}-title` : undefined} class="card">
      <h2 id={id ? `${id}-title` : undefined}>{title}</h2>
      {children}
    </section>
  );
}

/** A form's submit: busy while it runs, the problem shown if it fails, `onDone` when it succeeds. */
export function useSubmit<T>(action: (form: FormData) => Promise<T>, onDone?: (result: T) => void) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const run = async (form: HTMLFormElement) => {
    setBusy(true);
    setError(undefined);
    try {
      const result = await action(new FormData(form));
      onDone?.(result);
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
  return { busy, error, onSubmit };
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

/** A table: its column heads, and each row's cells in the same order. */
export function Table<Row>({
  head,
  rows,
  rowKey,
  rowClass,
  cells,
}: {
  head: Words[];
  rows: Row[];
  rowKey: (row: Row) => string;
  rowClass?: (row: Row) => string | undefined;
  cells: (row: Row) => ComponentChildren[];
}) {
  return (
    <div class="scroll">
      <table>
        <thead>
          <tr>
            {head.map((words) => (
              <th key={words[1]}>{t(words)}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={rowKey(row)} class={rowClass?.(row)}>
              {cells(row).map((cell, column) => (
                <td key={column}>{cell}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
