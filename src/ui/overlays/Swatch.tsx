import { useId } from 'react';
import type { LegendSwatch } from '../../layers/overlays.ts';
import { GLYPH_OFFSET, shapePoints } from '../../layers/symbols.ts';

const SIZE = 18;

/**
 * A legend row's swatch, drawn as SVG from the same definition the map layer uses (colour, shape,
 * glyph). Decorative: the row's text says what it is.
 */
export function Swatch({ swatch, size = SIZE }: { swatch: LegendSwatch; size?: number }) {
  const gradientId = useId();
  const c = size / 2;
  let body: React.ReactNode;
  switch (swatch.shape) {
    case 'circle':
      body = (
        <circle
          cx={c}
          cy={c}
          r={c * 0.62}
          fill={swatch.colour}
          stroke={swatch.outline ?? 'rgba(0,0,0,0.25)'}
          strokeWidth={1.2}
        />
      );
      break;
    case 'square':
      body = (
        <rect
          x={4}
          y={4}
          width={size - 8}
          height={size - 8}
          fill={swatch.colour}
          stroke={swatch.outline ?? '#ffffff'}
          strokeWidth={1.2}
        />
      );
      break;
    case 'line':
      body = (
        <line
          x1={1}
          y1={c}
          x2={size - 1}
          y2={c}
          stroke={swatch.colour}
          strokeWidth={4}
          strokeLinecap="round"
        />
      );
      break;
    case 'area':
      body = (
        <rect
          x={1.5}
          y={3.5}
          width={size - 3}
          height={size - 7}
          fill={swatch.colour}
          fillOpacity={0.35}
          stroke={swatch.outline ?? swatch.colour}
          strokeWidth={1.5}
        />
      );
      break;
    case 'ramp':
      body = (
        <>
          <defs>
            <linearGradient id={gradientId}>
              {swatch.colours.map((colour, i) => (
                <stop
                  key={colour}
                  offset={`${(100 * i) / Math.max(1, swatch.colours.length - 1)}%`}
                  stopColor={colour}
                />
              ))}
            </linearGradient>
          </defs>
          <rect x={0} y={3} width={size} height={size - 6} fill={`url(#${gradientId})`} />
        </>
      );
      break;
    case 'symbol': {
      const r = c - 1;
      body = (
        <>
          {swatch.symbol === 'circle' ? (
            <circle cx={c} cy={c} r={r * 0.92} fill={swatch.colour} />
          ) : (
            <polygon points={shapePoints(swatch.symbol, size, 1)} fill={swatch.colour} />
          )}
          <text
            x={c}
            y={c + GLYPH_OFFSET[swatch.symbol] * r}
            fill="#fff"
            fontSize={size * 0.5}
            fontWeight={700}
            textAnchor="middle"
            dominantBaseline="central"
          >
            {swatch.glyph}
          </text>
        </>
      );
      break;
    }
  }
  return (
    <svg className="swatch-svg" width={size} height={size} viewBox={`0 0 ${size} ${size}`} aria-hidden="true">
      {body}
    </svg>
  );
}
