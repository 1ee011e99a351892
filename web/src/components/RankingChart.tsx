/**
 * The quarter's scores as a horizontal bar chart, drawn as plain SVG: one chart of bars, a value
 * axis and labels needs a few kilobytes, where a chart library's core alone is some 300 KB.
 * Each bar's title is its tooltip; the table below the chart holds the same figures.
 */
import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { EvaluationRow } from '../api/views.ts';

const FONT = 13;
const ROW = 36;
const BAR = 20;
const TOP = 8;
const AXIS = 24;
const VALUE_SPACE = 44;
const TICKS = [0, 20, 40, 60, 80, 100];

/** Roughly how wide a text is drawn: Chinese characters a full em, others about half. */
const textWidth = (text: string) => Array.from(text).reduce((width, char) => width + (char.charCodeAt(0) >= 0x2e80 ? FONT : FONT * 0.6), 0);

/** The name cut to `width`, with an ellipsis when it was cut (the bar's title keeps it whole). */
function fitted(name: string, width: number): string {
  if (textWidth(name) <= width) return name;
  let cut = '';
  for (const char of name) {
    if (textWidth(`${cut}${char}…`) > width) break;
    cut += char;
  }
  return `${cut}…`;
}

export function RankingChart({ rows, label, lastPlaced }: { rows: EvaluationRow[]; label: string; lastPlaced: Set<string> }) {
  const element = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(640);
  useLayoutEffect(() => {
    const measure = () => element.current && setWidth(element.current.clientWidth || 640);
    measure();
    addEventListener('resize', measure);
    return () => removeEventListener('resize', measure);
  }, []);
  const ordered = [...rows].sort((a, b) => a.rank - b.rank);
  const labelWidth = Math.min(Math.max(...ordered.map((row) => textWidth(row.name)), FONT * 2) + 8, width * 0.4);
  const plotWidth = Math.max(40, width - labelWidth - VALUE_SPACE);
  const x = (score: number) => labelWidth + (Math.min(100, Math.max(0, score)) / 100) * plotWidth;
  const height = TOP + ordered.length * ROW + AXIS;
  return (
    <div ref={element} class="chart" role="img" aria-label={label}>
      <svg width={width} height={height} viewBox={`0 0 ${width} ${height}`} font-size={FONT} fill="currentColor">
        {TICKS.map((tick) => (
          <g key={tick}>
            <line x1={x(tick)} x2={x(tick)} y1={TOP} y2={height - AXIS} stroke="#d8dee6" />
            <text x={x(tick)} y={height - 8} text-anchor="middle" fill="#57606a">
              {tick}
            </text>
          </g>
        ))}
        {ordered.map((row, index) => {
          const y = TOP + index * ROW + (ROW - BAR) / 2;
          const middle = y + BAR / 2 + FONT * 0.35;
          return (
            <g key={row.deptId}>
              <title>{`${row.name}: ${row.score}`}</title>
              <text x={labelWidth - 8} y={middle} text-anchor="end">
                {fitted(row.name, labelWidth - 8)}
              </text>
              <rect
                x={labelWidth}
                y={y}
                width={x(row.score) - labelWidth}
                height={BAR}
                fill={lastPlaced.has(row.deptId) ? '#c0392b' : '#1f6feb'}
              />
              <text x={x(row.score) + 6} y={middle}>
                {row.score}
              </text>
            </g>
          );
        })}
      </svg>
    </div>
  );
}
