/**
 * A small horizontal bar chart in SVG (no chart library): one row per category, one bar per series.
 * The numbers are also printed beside the bars, and every dashboard chart sits next to a table with
 * the same numbers, which is what screen readers and keyboard users read.
 */
import { useTranslation } from 'react-i18next';

export interface BarSeries {
  name: string;
  /** CSS class of its bars (colour). */
  className: string;
}

export interface BarRow {
  label: string;
  values: number[];
}

interface BarChartProps {
  title: string;
  series: BarSeries[];
  rows: BarRow[];
  /** How a value is printed (defaults to the number). */
  format?: (value: number) => string;
  testId?: string;
}

const WIDTH = 600;
const LABEL = 170;
const VALUE = 90;
const BAR = 14;
const GAP = 8;

export function BarChart({ title, series, rows, format = String, testId }: BarChartProps) {
  const { t } = useTranslation();
  const max = Math.max(1, ...rows.flatMap((r) => r.values));
  const rowHeight = series.length * BAR + GAP;
  const height = rows.length * rowHeight + GAP;
  const scale = (v: number) => ((WIDTH - LABEL - VALUE) * v) / max;
  return (
    <figure className="bar-chart" data-testid={testId}>
      <svg viewBox={`0 0 ${WIDTH} ${height}`} role="img" aria-label={t('appView.dashboard.chart', { title })} preserveAspectRatio="xMinYMin meet">
        {rows.map((row, r) => {
          const top = GAP + r * rowHeight;
          return (
            <g key={`${row.label}:${r}`}>
              <text x={LABEL - 8} y={top + (series.length * BAR) / 2} textAnchor="end" dominantBaseline="middle" className="bar-label">
                <title>{row.label}</title>
                {row.label.length > 22 ? `${row.label.slice(0, 21)}…` : row.label}
              </text>
              {series.map((s, k) => (
                <g key={s.name}>
                  <rect x={LABEL} y={top + k * BAR} width={Math.max(row.values[k] > 0 ? 2 : 0, scale(row.values[k] ?? 0))} height={BAR - 2} rx={2} className={s.className}>
                    <title>{`${row.label} · ${s.name}: ${format(row.values[k] ?? 0)}`}</title>
                  </rect>
                  <text x={LABEL + scale(row.values[k] ?? 0) + 6} y={top + k * BAR + (BAR - 2) / 2} dominantBaseline="middle" className="bar-value">
                    {format(row.values[k] ?? 0)}
                  </text>
                </g>
              ))}
            </g>
          );
        })}
      </svg>
      {series.length > 1 && (
        <figcaption className="bar-legend">
          {series.map((s) => (
            <span key={s.name}>
              <svg width="12" height="12" aria-hidden="true">
                <rect width="12" height="12" rx="2" className={s.className} />
              </svg>{' '}
              {s.name}
            </span>
          ))}
        </figcaption>
      )}
    </figure>
  );
}
