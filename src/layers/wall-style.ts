import type { LayerSpecification, StyleSpecification } from 'maplibre-gl';
import { FOCUS_THEME, THEME } from './theme.ts';

/**
 * The wall screen's map: the dashboard's style (buildMapStyle) passed through one pure function that
 * swaps its office colours for a dark command-centre palette and scales strokes, labels and markers to
 * the screen's real size (a 4K wall at 100 % has twice the pixels of 1080p; MapLibre sizes are pixels).
 * Working on the built style, not on a copy of buildMapStyle, keeps one definition of the layers: a
 * layer added to the dashboard later appears on the wall too, in its own colours until listed here.
 */
const DARK: Readonly<Record<string, string>> = {
  [THEME.outside]: '#050b13',
  [THEME.land]: '#0e1b2a',
  [THEME.boundary]: '#ffd27a',
  [THEME.adminLine]: '#d9a55a',
  [THEME.adminLabel]: '#ffe3b0',
  // Neighbour colouring, darkened and saturated so the white labels above stay readable.
  [THEME.fills[0]]: '#2a5f8f',
  [THEME.fills[1]]: '#356f3d',
  [THEME.fills[2]]: '#8a6a20',
  [THEME.fills[3]]: '#6a3f78',
  [THEME.fills[4]]: '#8a3f32',
  [THEME.fills[5]]: '#257a72',
  [THEME.lines[0].color]: '#a9d4ff',
  [THEME.lines[1].color]: '#74a9dc',
  [THEME.lines[2].color]: '#4f7aa3',
  [THEME.lines[3].color]: '#3f6186',
  [THEME.labels[0]]: '#f4f8fc',
  [THEME.labels[1]]: '#e2ecf6',
  [THEME.labels[2]]: '#c9d8e7',
  [THEME.labels[3]]: '#b0c4d8',
  [FOCUS_THEME.accent]: '#ffa94d',
  [FOCUS_THEME.clickableLine]: '#8cc8ff',
  [FOCUS_THEME.label]: '#ffffff',
  [FOCUS_THEME.veil]: '#02060b',
};
/** White is a label halo on the dashboard (dark on the wall) but also the alert markers' ring (kept). */
const HALO = '#06101a';

/** Paint and layout properties measured in pixels: scaled with the screen. */
const SIZES = new Set([
  'line-width',
  'text-size',
  'text-halo-width',
  'circle-radius',
  'circle-stroke-width',
  'line-gap-width',
]);

function recolour(value: unknown, property: string): unknown {
  if (typeof value === 'string') {
    if (property === 'text-halo-color' && value.toLowerCase() === '#ffffff') return HALO;
    return DARK[value] ?? value;
  }
  if (Array.isArray(value)) return value.map((v) => recolour(v, property));
  return value;
}

/**
 * Multiplies the numeric outputs of a size: a number, or the outputs of an `interpolate`, `step`,
 * `match` or `case` expression (inputs and zoom stops stay as they are). Anything else is left alone.
 */
export function scaleSize(value: unknown, k: number): unknown {
  if (typeof value === 'number') return value * k;
  if (!Array.isArray(value) || typeof value[0] !== 'string') return value;
  const [op, ...args] = value as [string, ...unknown[]];
  const out = (v: unknown) => scaleSize(v, k);
  switch (op) {
    case 'interpolate':
      // ['interpolate', type, input, stop, out, stop, out…]
      return [op, args[0], args[1], ...args.slice(2).map((v, i) => (i % 2 === 1 ? out(v) : v))];
    case 'step':
      // ['step', input, out0, stop, out, …]
      return [op, args[0], out(args[1]), ...args.slice(2).map((v, i) => (i % 2 === 1 ? out(v) : v))];
    case 'match':
      // ['match', input, label, out, label, out…, fallback]
      return [
        op,
        args[0],
        ...args.slice(1).map((v, i, rest) => (i % 2 === 1 || i === rest.length - 1 ? out(v) : v)),
      ];
    case 'case':
      // ['case', cond, out, cond, out…, fallback]
      return [op, ...args.map((v, i, rest) => (i % 2 === 1 || i === rest.length - 1 ? out(v) : v))];
    default:
      return value;
  }
}

const isZoom = (v: unknown) => Array.isArray(v) && v.length === 1 && v[0] === 'zoom';

/**
 * Moves the zoom stops of a top-level zoom expression by `shift` (the only place the style spec
 * allows ['zoom']): a 4K screen shows the same ground at one zoom level more, and should show it the
 * way a 1080p screen does, not with one more level of detail crammed in.
 */
export function shiftZoom(value: unknown, shift: number): unknown {
  if (shift === 0 || !Array.isArray(value) || typeof value[0] !== 'string') return value;
  const [op, ...args] = value as [string, ...unknown[]];
  const move = (v: unknown, i: number) => (i % 2 === 0 && typeof v === 'number' ? v + shift : v);
  if (op.startsWith('interpolate') && isZoom(args[1]))
    return [op, args[0], args[1], ...args.slice(2).map(move)];
  if (op === 'step' && isZoom(args[0])) return [op, args[0], args[1], ...args.slice(2).map(move)];
  return value;
}

const clampZoom = (z: number) => Math.min(24, Math.max(0, z));

/** Alert markers are what a room looks for first: larger on the wall than on a desk. */
const ALERT_BOOST = 1.6;

function restyleLayer(layer: LayerSpecification, scale: number): LayerSpecification {
  const shift = Math.log2(scale);
  const k = layer.id.startsWith('alert-') ? scale * ALERT_BOOST : scale;
  const next = { ...layer } as LayerSpecification & {
    paint?: Record<string, unknown>;
    layout?: Record<string, unknown>;
  };
  if (typeof layer.minzoom === 'number' && layer.minzoom > 0) next.minzoom = clampZoom(layer.minzoom + shift);
  if (typeof layer.maxzoom === 'number' && layer.maxzoom < 24)
    next.maxzoom = clampZoom(layer.maxzoom + shift);
  const source = layer as { paint?: Record<string, unknown>; layout?: Record<string, unknown> };
  if (source.paint) {
    next.paint = Object.fromEntries(
      Object.entries(source.paint).map(([p, v]) => {
        const coloured = shiftZoom(p.endsWith('-color') ? recolour(v, p) : v, shift);
        return [p, SIZES.has(p) ? scaleSize(coloured, k) : coloured];
      }),
    );
    // Brighter fills on a dark ground: the dashboard's 0.42 would look muddy.
    if (layer.id.startsWith('grid-fill-') && typeof next.paint['fill-opacity'] === 'number')
      next.paint['fill-opacity'] = 0.55;
  }
  if (source.layout) {
    next.layout = Object.fromEntries(
      Object.entries(source.layout).map(([p, v]) => {
        const shifted = shiftZoom(v, shift);
        return [p, SIZES.has(p) ? scaleSize(shifted, k) : shifted];
      }),
    );
  }
  return next;
}

/**
 * Pure: the wall's version of a built style. `scale` is the screen's size relative to the 1080-line
 * design (1 at 1920×1080, 2 at 3840×2160, 1.33 on a 5120×1440 wall).
 */
export function wallStyle(style: StyleSpecification, scale: number): StyleSpecification {
  const k = Number.isFinite(scale) && scale > 0 ? scale : 1;
  return { ...style, layers: style.layers.map((l) => restyleLayer(l, k)) };
}

/** The wall's scale for a viewport: its height against 1080 lines, between 1 and 3. */
export const wallScale = (height: number): number => Math.min(3, Math.max(1, height / 1080));
