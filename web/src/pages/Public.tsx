/** `/`: what the work plan makes public (§二.1.四, §二.3.四): the fee list, the pledges, the quarter's ranking. */
import { api, call } from '../api/client.ts';
import type { Department, Evaluation, FeeItem, Page, Pledge } from '../api/views.ts';
import { lazy, Suspense } from 'preact/compat';
import { Loaded, Section, Term, useLoad } from '../components/ui.tsx';
import { currentQuarter, previousQuarter, standardText } from '../format.ts';
import { both, PLEDGE_STATUS, t, W } from '../i18n.ts';

// The chart library loads only where a chart is shown: the complaint form stays light on a phone.
const RankingChart = lazy(() => import('../components/RankingChart.tsx').then((module) => ({ default: module.RankingChart })));

export const useDepartments = () => useLoad(async () => (await call<Page<Department>>(api.GET('/departments'))).items);
export const deptName = (departments: Department[] | undefined, id: string) => departments?.find((d) => d.deptId === id)?.name ?? id;

/** The latest quarter that has figures: this one, or else the one before. */
async function latestEvaluation(): Promise<Evaluation> {
  const current = await call<Evaluation>(api.GET('/evaluations/{quarter}', { params: { path: { quarter: currentQuarter() } } }));
  if (current.departments.length) return current;
  return call<Evaluation>(api.GET('/evaluations/{quarter}', { params: { path: { quarter: previousQuarter(current.quarter) } } }));
}

export function PublicPage() {
  const departments = useDepartments();
  const fees = useLoad(async () => (await call<Page<FeeItem>>(api.GET('/fee-items', { params: { query: { limit: '200' } } }))).items);
  const pledges = useLoad(async () => (await call<Page<Pledge>>(api.GET('/pledges', { params: { query: { limit: '200' } } }))).items);
  const evaluation = useLoad(latestEvaluation);

  return (
    <>
      <p class="cta">
        <a href="/complain" class="button">
          {t(W.complainLink)}
        </a>
      </p>
      <Section id="evaluation" title={both(W.evaluation)}>
        <Loaded state={evaluation}>{(data) => <Ranking evaluation={data} />}</Loaded>
      </Section>
      <Section id="fees" title={both(W.feeList)}>
        <Loaded state={fees}>
          {(items) =>
            items.length === 0 ? (
              <p>{t(W.none)}</p>
            ) : (
              groupBy(items, (item) => item.unit).map(([unit, unitItems]) => (
                <div key={unit}>
                  <h3>{deptName(departments.data, unit)}</h3>
                  <div class="scroll">
                    <table>
                      <thead>
                        <tr>
                          <th>{t(W.code)}</th>
                          <th>{t(W.name)}</th>
                          <th>{t(W.standard)}</th>
                          <th>{t(W.legalBasis)}</th>
                        </tr>
                      </thead>
                      <tbody>
                        {unitItems.map((item) => (
                          <tr key={item.code}>
                            <td>{item.code}</td>
                            <td>{item.name}</td>
                            <td>{standardText(item.standard)}</td>
                            <td>{item.legalBasis}</td>
                          </tr>
                        ))}
                      </tbody>
                    </table>
                  </div>
                </div>
              ))
            )
          }
        </Loaded>
      </Section>
      <Section id="pledges" title={both(W.pledges)}>
        <Loaded state={pledges}>
          {(items) => (items.length === 0 ? <p>{t(W.none)}</p> : <PledgeTable pledges={items} departments={departments.data} />)}
        </Loaded>
      </Section>
    </>
  );
}

export function PledgeTable({ pledges, departments }: { pledges: Pledge[]; departments?: Department[] }) {
  return (
    <div class="scroll">
      <table>
        <thead>
          <tr>
            <th>{t(W.department)}</th>
            <th>{t(W.name)}</th>
            <th>{t(W.status)}</th>
            <th>{t(W.pledgedVsStatutory)}</th>
            <th>{t(W.dueDate)}</th>
          </tr>
        </thead>
        <tbody>
          {pledges.map((pledge) => {
            const status = pledge.overdue && !pledge.final ? 'overdue' : pledge.status;
            return (
              <tr key={pledge.id}>
                <td>{deptName(departments, pledge.department)}</td>
                <td>{pledge.title}</td>
                <td>
                  <span class={`badge ${status}`}>
                    <Term map={PLEDGE_STATUS} value={status} />
                  </span>
                </td>
                <td>
                  {pledge.pledgedLimitDays !== undefined
                    ? `${pledge.pledgedLimitDays} / ${pledge.statutoryLimitDays} ${t(W.workingDays)}`
                    : '—'}
                </td>
                <td>{pledge.dueDate}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

export function Ranking({ evaluation }: { evaluation: Evaluation }) {
  if (evaluation.departments.length === 0) return <p>{t(W.noEvaluation)}</p>;
  const rows = [...evaluation.departments].sort((a, b) => a.rank - b.rank);
  const last = new Set(evaluation.lastPlaced.map((d) => d.deptId));
  return (
    <>
      <p class="quarter">{evaluation.quarter}</p>
      {evaluation.lastPlaced.length > 0 && (
        <p class="last-placed">
          <strong>{t(W.lastPlacedNote)}:</strong> {evaluation.lastPlaced.map((d) => d.name).join('、')}
        </p>
      )}
      <Suspense fallback={<p class="muted">{t(W.loading)}</p>}>
        <RankingChart rows={rows} label={t(W.rankingChart)} lastPlaced={last} />
      </Suspense>
      <div class="scroll">
        <table>
          <thead>
            <tr>
              <th>{t(W.rank)}</th>
              <th>{t(W.department)}</th>
              <th>{t(W.score)}</th>
              <th>{t(W.complaintsReceived)}</th>
              <th>{t(W.substantiated)}</th>
              <th>{t(W.breaches)}</th>
              <th>{t(W.brokenPledges)}</th>
              <th>{t(W.inTime)}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.deptId} class={last.has(row.deptId) ? 'last' : undefined}>
                <td>{row.rank}</td>
                <td>
                  {row.name}
                  {last.has(row.deptId) ? ` (${t(W.lastPlaced)})` : ''}
                </td>
                <td>{row.score}</td>
                <td>{row.figures.complaintsReceived}</td>
                <td>{row.figures.complaintsSubstantiated}</td>
                <td>{row.figures.breaches}</td>
                <td>{row.figures.brokenPledges}</td>
                <td>{row.shareHandledInTime === null ? '—' : `${Math.round(row.shareHandledInTime * 100)}%`}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}

export function groupBy<T>(items: T[], key: (item: T) => string): [string, T[]][] {
  const groups = new Map<string, T[]>();
  for (const item of items) groups.set(key(item), [...(groups.get(key(item)) ?? []), item]);
  return [...groups];
}
