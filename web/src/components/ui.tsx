/** Small pieces every page uses: a problem shown in Chinese with the API's detail, a section, a term. */
import { Fragment, type ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import { ApiProblem, downloadCsv } from '../api/client.ts';
import { PROBLEM, t, W, type Words } from '../i18n.ts';

/**
 * The problem of a request, Chinese first: the rule's name, the API's detail, and each invalid
 * field named by its label where the form shows one (`fieldLabel`), else by its path.
 */
export function ProblemMessage({ error, fieldLabel }: { error: unknown; fieldLabel?: (path: string) => string | undefined }) {
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
              {fieldLabel?.(e.path) ? <strong title={e.path}>{fieldLabel(e.path)}</strong> : <code>{e.path}</code>}: {e.message}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

export const Term = ({ map, value }: { map: Record<string, Words>; value: string }) => <>{map[value] ? t(map[value]) : value}</>;

/** A status as a badge: its term, coloured by the status (style.css has a colour for each). */
export const Badge = ({ map, value }: { map: Record<string, Words>; value: string }) => (
  <span class={`badge ${value}`}>
    <Term map={map} value={value} />
  </span>
);

export function Section({ id, title, children }: { id?: string; title: string; children: ComponentChildren }) {
  return (
    <section aria-labelledby={id ? `${id}-title` : undefined} class="card">
      <h2 id={id ? `${id}-title` : undefined}>{title}</h2>
      {children}
    </section>
  );
}

/** Parts of a line joined by ' · ' (a matter's kind, department, status ...). */
export const Joined = ({ parts }: { parts: ComponentChildren[] }) => (
  <>
    {parts.map((part, n) => (
      <Fragment key={n}>
        {n > 0 && ' · '}
        {part}
      </Fragment>
    ))}
  </>
);

/** One matter in a work queue (`<li>`), named for assistive technology by its heading: `heading`'s parts joined by ' · '. */
export function QueueCard({ id, heading, children }: { id: string; heading: ComponentChildren[]; children: ComponentChildren }) {
  return (
    <li class="queue-item" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>
        <Joined parts={heading} />
      </h3>
      {children}
    </li>
  );
}

/** 下载 CSV: the `path` as CSV, fetched with the session's token and saved as `fileName`; a failure is shown beside the button. */
export function CsvDownload({ path, fileName }: { path: string; fileName: string }) {
  const [error, setError] = useState<unknown>();
  const download = () => {
    setError(undefined);
    downloadCsv(path, fileName).catch(setError);
  };
  return (
    <>
      <button type="button" onClick={download}>
        {t(W.downloadCsv)}
      </button>
      <ProblemMessage error={error} />
    </>
  );
}

/** A part folded away until asked for (a notice given only now and then). */
export const Folded = ({ summary, children }: { summary: Words; children: ComponentChildren }) => (
  <details>
    <summary>{t(summary)}</summary>
    {children}
  </details>
);
