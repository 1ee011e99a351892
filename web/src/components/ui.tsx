/** Small pieces every page uses: a problem shown in Chinese with the API's detail, a section, a term. */
import type { ComponentChildren } from 'preact';
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

export const Term = ({ map, value }: { map: Record<string, Words>; value: string }) => <>{map[value] ? t(map[value]) : value}</>;

export function Section({ id, title, children }: { id?: string; title: string; children: ComponentChildren }) {
  return (
    <section aria-labelledby={id ? `${id}-title` : undefined} class="card">
      <h2 id={id ? `${id}-title` : undefined}>{title}</h2>
      {children}
    </section>
  );
}
