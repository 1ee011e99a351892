/** What the API answered, shown: loading, the answer or its problem, lists and tables. */
import { Fragment, type ComponentChildren } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { t, W, type Words } from '../i18n.ts';
import { ProblemMessage } from './ui.tsx';

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

/** What useLoad gives: loading, then the data or the error. */
type LoadState<T> = { data?: T; error?: unknown; loading: boolean };

export function Loaded<T>({ state, children }: { state: LoadState<T>; children: (data: T) => ComponentChildren }) {
  if (state.error) return <ProblemMessage error={state.error} />;
  if (state.loading || state.data === undefined)
    return (
      <p class="muted" aria-busy="true">
        {t(W.loading)}
      </p>
    );
  return <>{children(state.data)}</>;
}

/** Loaded, for a list: 暂无 (none) when it is empty (of the items `only` keeps). */
interface ItemsState<T> {
  state: LoadState<T[]>;
  /** Shows only the items it keeps. */
  only?: (item: T) => boolean;
}

export function LoadedItems<T>({ state, only, children }: ItemsState<T> & { children: (items: T[]) => ComponentChildren }) {
  return (
    <Loaded state={state}>
      {(loaded) => {
        const items = only ? loaded.filter(only) : loaded;
        return items.length === 0 ? <p>{t(W.none)}</p> : children(items);
      }}
    </Loaded>
  );
}

/** LoadedItems as a list (`<ul class={listClass}>`): `children` gives each item's own `<li>`. */
export function LoadedList<T extends { id: string }>({
  listClass,
  children,
  ...items
}: ItemsState<T> & { listClass: string; children: (item: T) => ComponentChildren }) {
  return (
    <LoadedItems {...items}>
      {(items) => (
        <ul class={listClass}>
          {items.map((item) => (
            <Fragment key={item.id}>{children(item)}</Fragment>
          ))}
        </ul>
      )}
    </LoadedItems>
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
