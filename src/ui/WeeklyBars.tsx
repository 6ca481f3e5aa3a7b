import { useEffect, useRef } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import type { WeekBucket } from '../data/pack-index/activity-index.ts';

const toData = (weeks: WeekBucket[]): uPlot.AlignedData => [
  weeks.map((w) => w.start / 1000),
  weeks.map((w) => w.events),
];

/** Events per week as bars (uPlot: small, canvas-based, fast). Default export for React.lazy. */
export default function WeeklyBars({ weeks }: { weeks: WeekBucket[] }) {
  const ref = useRef<HTMLDivElement>(null);
  const plotRef = useRef<uPlot | null>(null);
  const firstWeeks = useRef(weeks);

  // One chart per panel: later subjects only swap its data (a new canvas per click costs a paint).
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const plot = new uPlot(
      {
        width: el.clientWidth || 320,
        height: 110,
        legend: { show: false },
        cursor: { show: false },
        scales: { x: { time: true }, y: { range: (_u, _min, max) => [0, Math.max(1, max)] } },
        axes: [
          {
            size: 24,
            font: '11px sans-serif',
            values: (_u, ticks) => ticks.map((t) => new Date(t * 1000).toISOString().slice(5, 10)),
          },
          { size: 32, font: '11px sans-serif' },
        ],
        series: [
          {},
          {
            stroke: '#1f5f99',
            fill: 'rgba(31, 95, 153, 0.55)',
            paths: uPlot.paths.bars?.({ size: [0.8, 40] }),
            points: { show: false },
          },
        ],
      },
      toData(firstWeeks.current),
      el,
    );
    plotRef.current = plot;
    return () => {
      plot.destroy();
      plotRef.current = null;
    };
  }, []);

  useEffect(() => {
    plotRef.current?.setData(toData(weeks));
  }, [weeks]);

  return <div ref={ref} className="weekly-bars" data-testid="weekly-chart" />;
}
