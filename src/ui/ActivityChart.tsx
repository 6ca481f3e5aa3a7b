import { lazy, Suspense } from 'react';
import type { WeekBucket } from '../data/pack-index/activity-index.ts';

// uPlot loads on first use: the first screen does not need it (bundle budget).
const WeeklyBars = lazy(() => import('./WeeklyBars.tsx'));

interface ActivityChartProps {
  weeks: WeekBucket[];
  label: string;
  /** Accessible text alternative: one line per week. */
  describeWeek: (w: WeekBucket) => string;
}

export function ActivityChart({ weeks, label, describeWeek }: ActivityChartProps) {
  return (
    <figure className="activity-chart">
      <figcaption>{label}</figcaption>
      <Suspense fallback={<div className="chart-placeholder" />}>
        <WeeklyBars weeks={weeks} />
      </Suspense>
      <details>
        <summary>{label}</summary>
        <ul className="week-list">
          {weeks.map((w) => (
            <li key={w.start}>{describeWeek(w)}</li>
          ))}
        </ul>
      </details>
    </figure>
  );
}
