/**
 * A small trend as SVG: crisp at any screen size, no canvas, no listeners, nothing to leak. The figures
 * it draws are on the tile as text; the drawing is decoration for the eye (aria-hidden).
 */
interface SparklineProps {
  values: readonly number[];
  kind?: 'line' | 'bars';
  /** Highlight the last bar or point (today, now). */
  markLast?: boolean;
  className?: string;
}

const W = 100;
const H = 30;

export function Sparkline({ values, kind = 'line', markLast = true, className }: SparklineProps) {
  const n = values.length;
  const max = Math.max(1, ...values);
  const y = (v: number) => H - 1 - (v / max) * (H - 3);
  // A line spans its own range (a trend of 40 → 42 should not look flat); a constant sits mid-height.
  const lo = Math.min(...values);
  const hi = Math.max(...values);
  const yLine = (v: number) => (hi === lo ? H / 2 : H - 2 - ((v - lo) / (hi - lo)) * (H - 4));
  if (n === 0)
    return <svg className={`spark ${className ?? ''}`} viewBox={`0 0 ${W} ${H}`} aria-hidden="true" />;
  if (kind === 'bars') {
    const w = W / n;
    return (
      <svg
        className={`spark ${className ?? ''}`}
        viewBox={`0 0 ${W} ${H}`}
        preserveAspectRatio="none"
        aria-hidden="true"
      >
        {values.map((v, i) => (
          <rect
            // biome-ignore lint/suspicious/noArrayIndexKey: bars are positions in a fixed window.
            key={i}
            className={markLast && i === n - 1 ? 'spark-last' : 'spark-bar'}
            x={i * w + w * 0.12}
            width={w * 0.76}
            y={y(v)}
            height={H - y(v)}
          />
        ))}
      </svg>
    );
  }
  const x = (i: number) => (n === 1 ? W : (i / (n - 1)) * W);
  const points = values.map((v, i) => `${x(i).toFixed(2)},${yLine(v).toFixed(2)}`).join(' ');
  const last = values[n - 1] ?? 0;
  return (
    <svg
      className={`spark ${className ?? ''}`}
      viewBox={`0 0 ${W} ${H}`}
      preserveAspectRatio="none"
      aria-hidden="true"
    >
      <polyline className="spark-area" points={`0,${H} ${points} ${W},${H}`} />
      <polyline className="spark-line" points={points} vectorEffect="non-scaling-stroke" />
      {markLast && <circle className="spark-dot" cx={x(n - 1)} cy={yLine(last)} r="1.6" />}
    </svg>
  );
}

/** Bars of several named values (composition: per committee, per town), largest scale = 1. */
export function ShareBars({ values }: { values: readonly { key: string; value: number }[] }) {
  const max = Math.max(1e-9, ...values.map((v) => v.value));
  const w = W / Math.max(1, values.length);
  return (
    <svg className="spark" viewBox={`0 0 ${W} ${H}`} preserveAspectRatio="none" aria-hidden="true">
      {values.map((v, i) => (
        <rect
          key={v.key}
          className="spark-bar"
          x={i * w + w * 0.12}
          width={w * 0.76}
          y={H - (v.value / max) * (H - 2)}
          height={(v.value / max) * (H - 2)}
        />
      ))}
    </svg>
  );
}
