/** The quarter's scores as a bar chart (ECharts, only the parts it needs: bars, axes, tooltip, SVG). */
import { useEffect, useRef } from 'preact/hooks';
import * as echarts from 'echarts/core';
import { BarChart } from 'echarts/charts';
import { AriaComponent, GridComponent, TooltipComponent } from 'echarts/components';
import { SVGRenderer } from 'echarts/renderers';
import type { EvaluationRow } from '../api/views.ts';

echarts.use([BarChart, GridComponent, TooltipComponent, AriaComponent, SVGRenderer]);

export function RankingChart({ rows, label, lastPlaced }: { rows: EvaluationRow[]; label: string; lastPlaced: Set<string> }) {
  const element = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!element.current) return;
    const chart = echarts.init(element.current, undefined, { renderer: 'svg' });
    const ordered = [...rows].sort((a, b) => a.rank - b.rank);
    chart.setOption({
      aria: { enabled: true },
      grid: { left: 8, right: 40, top: 8, bottom: 8, containLabel: true },
      tooltip: { trigger: 'axis' },
      xAxis: { type: 'value', max: 100 },
      yAxis: { type: 'category', inverse: true, data: ordered.map((row) => row.name) },
      series: [
        {
          name: label,
          type: 'bar',
          label: { show: true, position: 'right' },
          data: ordered.map((row) => ({ value: row.score, itemStyle: { color: lastPlaced.has(row.deptId) ? '#c0392b' : '#1f6feb' } })),
        },
      ],
    });
    const resize = () => chart.resize();
    addEventListener('resize', resize);
    return () => {
      removeEventListener('resize', resize);
      chart.dispose();
    };
  }, [rows, label]);
  return <div ref={element} class="chart" role="img" aria-label={label} style={{ height: `${Math.max(160, rows.length * 36 + 40)}px` }} />;
}
