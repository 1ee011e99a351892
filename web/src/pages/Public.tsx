/** `/`: what the work plan makes public (§二.1.四, §二.3.四): the fee list, the pledges, the approval items with their record, the quarter's ranking. */
import { api, call, itemsOf, pageQuery } from '../api/client.ts';
import type { ApprovalItem, Department, Evaluation, FeeItem, Pledge } from '../api/views.ts';
import { lazy, Suspense } from 'preact/compat';
import { Badge, Section } from '../components/ui.tsx';
import { Loaded, useLoad, Table, LoadedItems } from '../components/data.tsx';
import { currentQuarter, previousQuarter, standardText } from '../format.ts';
import { both, PLEDGE_STATUS, t, W } from '../i18n.ts';
import { NoticesSection } from './console/Accountability.tsx';

// The chart library loads only where a chart is shown: the complaint form stays light on a phone.
const RankingChart = lazy(() => import('../components/RankingChart.tsx').then((module) => ({ default: module.RankingChart })));

/** Every department of the county (all pages: the names of any department a page shows are known). */
export const useDepartments = () => useLoad(() => itemsOf<Department>((cursor) => api.GET('/departments', pageQuery({}, cursor))));
export const deptName = (departments: Department[] | undefined, id: string) => departments?.find((d) => d.deptId === id)?.name ?? id;

/** The latest quarter that has figures: this one, or else the one before. */
async function latestEvaluation(): Promise<Evaluation> {
  const current = await call<Evaluation>(api.GET('/evaluations/{quarter}', { params: { path: { quarter: currentQuarter() } } }));
  if (current.departments.length) return current;
  return call<Evaluation>(api.GET('/evaluations/{quarter}', { params: { path: { quarter: previousQuarter(current.quarter) } } }));
}

export function PublicPage() {
  const departments = useDepartments();
  const fees = useLoad(() => itemsOf<FeeItem>((cursor) => api.GET('/fee-items', pageQuery({}, cursor))));
  const pledges = useLoad(() => itemsOf<Pledge>((cursor) => api.GET('/pledges', pageQuery({}, cursor))));
  const evaluation = useLoad(latestEvaluation);
  const approvalItems = useApprovalItems();

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
        <LoadedItems state={fees}>
          {(items) =>
            groupBy(items, (item) => item.unit).map(([unit, unitItems]) => (
              <div key={unit}>
                <h3>{deptName(departments.data, unit)}</h3>
                <Table
                  head={[W.code, W.name, W.standard, W.legalBasis]}
                  rows={unitItems}
                  rowKey={(item) => item.code}
                  cells={(item) => [item.code, item.name, standardText(item.standard), item.legalBasis]}
                />
              </div>
            ))
          }
        </LoadedItems>
      </Section>
      <Section id="pledges" title={both(W.pledges)}>
        <LoadedItems state={pledges}>{(items) => <PledgeTable pledges={items} departments={departments.data} />}</LoadedItems>
      </Section>
      <NoticesSection />
      <Section id="approval-items" title={both(W.approvalItems)}>
        <p class="muted">{t(W.approvalItemsHelp)}</p>
        <LoadedItems state={approvalItems}>
          {(items) => (
            <Table
              head={[W.approvalItem, W.department, W.limits, W.decidedCount, W.onTimeRate, W.requiredMaterials]}
              rows={items}
              rowKey={(item) => item.code}
              cells={(item) => [
                `${item.code} ${item.name}`,
                deptName(departments.data, item.dept),
                limitsText(item.pledgedDays, item.statutoryDays),
                item.performance.decided,
                item.performance.decided ? `${Math.round((item.performance.onTime / item.performance.decided) * 100)}%` : '—',
                item.materials.join('、'),
              ]}
            />
          )}
        </LoadedItems>
      </Section>
    </>
  );
}

/** A pledged limit beside the statutory one, in working days. */
export const limitsText = (pledgedDays: number, statutoryDays: number) =>
  `${String(pledgedDays)} / ${String(statutoryDays)} ${t(W.workingDays)}`;

/** The approval items (审批事项) of every department. */
export const useApprovalItems = () => useLoad(() => itemsOf<ApprovalItem>((cursor) => api.GET('/approval-items', pageQuery({}, cursor))));

export function PledgeTable({ pledges, departments }: { pledges: Pledge[]; departments: Department[] | undefined }) {
  const limits = (pledge: Pledge) =>
    pledge.pledgedLimitDays !== undefined && pledge.statutoryLimitDays !== undefined
      ? limitsText(pledge.pledgedLimitDays, pledge.statutoryLimitDays)
      : '—';
  return (
    <Table
      head={[W.department, W.name, W.status, W.pledgedVsStatutory, W.dueDate]}
      rows={pledges}
      rowKey={(pledge) => pledge.id}
      cells={(pledge) => {
        const status = pledge.overdue && !pledge.final ? 'overdue' : pledge.status;
        const badge = <Badge map={PLEDGE_STATUS} value={status} />;
        return [deptName(departments, pledge.department), pledge.title, badge, limits(pledge), pledge.dueDate];
      }}
    />
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
      <Table
        head={[
          W.rank,
          W.department,
          W.score,
          W.complaintsReceived,
          W.substantiated,
          W.breaches,
          W.brokenPledges,
          W.inTime,
          W.accountabilityDeduction,
        ]}
        rows={rows}
        rowKey={(row) => row.deptId}
        rowClass={(row) => (last.has(row.deptId) ? 'last' : undefined)}
        cells={(row) => [
          row.rank,
          `${row.name}${last.has(row.deptId) ? ` (${t(W.lastPlaced)})` : ''}`,
          row.score,
          row.figures.complaintsReceived,
          row.figures.complaintsSubstantiated,
          row.figures.breaches,
          row.figures.brokenPledges,
          row.shareHandledInTime === null ? '—' : `${Math.round(row.shareHandledInTime * 100)}%`,
          row.accountabilityDeduction ? `−${row.accountabilityDeduction}` : '0',
        ]}
      />
    </>
  );
}

export function groupBy<T>(items: T[], key: (item: T) => string): [string, T[]][] {
  const groups = new Map<string, T[]>();
  for (const item of items) groups.set(key(item), [...(groups.get(key(item)) ?? []), item]);
  return [...groups];
}
