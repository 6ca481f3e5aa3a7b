interface SparklineProps {
  values: readonly number[];
  target: number;
  label: string;
  width?: number;
  height?: number;
}

/**
 * A tiny trend line drawn as SVG (no chart library): the values left to right, the last one marked, and
 * the target as a dashed line when it lies within twice the values' range (a far-off target would
 * flatten the line).
 */
export function Sparkline({ values, target, label, width = 64, height = 20 }: SparklineProps) {
  if (values.length < 2) return null;
  let lo = Math.min(...values);
  let hi = Math.max(...values);
  const span = hi - lo || Math.abs(hi) || 1;
  const showTarget = target >= lo - span && target <= hi + span;
  if (showTarget) {
    lo = Math.min(lo, target);
    hi = Math.max(hi, target);
  }
  const pad = 2;
  const x = (i: number) => pad + (i * (width - 2 * pad)) / (values.length - 1);
  const y = (v: number) =>
    hi === lo ? height / 2 : height - pad - ((v - lo) * (height - 2 * pad)) / (hi - lo);
  const points = values.map((v, i) => `${x(i).toFixed(1)},${y(v).toFixed(1)}`).join(' ');
  const last = values[values.length - 1] ?? 0;
  return (
    <svg
      className="sparkline"
      width={width}
      height={height}
      viewBox={`0 0 ${width} ${height}`}
      role="img"
      aria-label={label}
    >
      {showTarget && (
        <line x1={pad} x2={width - pad} y1={y(target)} y2={y(target)} className="sparkline-target" />
      )}
      <polyline points={points} className="sparkline-line" />
      <circle cx={x(values.length - 1)} cy={y(last)} r={2.2} className="sparkline-dot" />
    </svg>
  );
}
