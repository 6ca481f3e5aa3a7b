/**
 * Map symbols drawn in code, with no sprite and no request: a shape with a glyph (a partner unit) and
 * a ring of coloured segments (a cluster's mix of kinds). The style names them by image ids that carry
 * everything needed to draw them; the map controller draws an image the first time MapLibre asks for
 * it (`styleimagemissing`), and legends draw the same shapes as SVG from the same outlines.
 */

export const SYMBOL_SHAPES = [
  'circle',
  'square',
  'diamond',
  'hexagon',
  'pentagon',
  'octagon',
  'shield',
  'house',
  'triangle',
] as const;
export type SymbolShape = (typeof SYMBOL_SHAPES)[number];

const regular = (n: number, startDeg: number, r = 1, dy = 0): [number, number][] =>
  Array.from({ length: n }, (_, i) => {
    const a = ((startDeg + (360 / n) * i) * Math.PI) / 180;
    return [r * Math.cos(a), r * Math.sin(a) + dy];
  });

/** Outlines in a unit box (−1…1, y down as on a canvas and in SVG); the circle is drawn as a circle. */
export const SHAPE_OUTLINE: Record<Exclude<SymbolShape, 'circle'>, [number, number][]> = {
  square: [
    [-0.84, -0.84],
    [0.84, -0.84],
    [0.84, 0.84],
    [-0.84, 0.84],
  ],
  diamond: [
    [0, -1],
    [1, 0],
    [0, 1],
    [-1, 0],
  ],
  hexagon: regular(6, -90),
  pentagon: regular(5, -90, 1.04, 0.1),
  octagon: regular(8, 22.5),
  shield: [
    [-0.86, -0.88],
    [0.86, -0.88],
    [0.86, 0.22],
    [0, 1],
    [-0.86, 0.22],
  ],
  house: [
    [0, -1],
    [0.92, -0.18],
    [0.92, 0.9],
    [-0.92, 0.9],
    [-0.92, -0.18],
  ],
  triangle: [
    [0, -1],
    [1, 0.8],
    [-1, 0.8],
  ],
};

/** Where the glyph sits (fraction of the radius, downwards) so it looks centred in the shape. */
export const GLYPH_OFFSET: Record<SymbolShape, number> = {
  circle: 0,
  square: 0,
  diamond: 0,
  hexagon: 0,
  pentagon: 0.1,
  octagon: 0,
  shield: -0.04,
  house: 0.2,
  triangle: 0.3,
};

export interface SymbolImage {
  kind: 'symbol';
  shape: SymbolShape;
  fill: string;
  glyph: string;
}

export interface DonutImage {
  kind: 'donut';
  segments: { colour: string; count: number }[];
}

const PREFIX = { symbol: 'ga-sym|', donut: 'ga-donut|' } as const;
const HEX = /^#[0-9a-f]{6}$/i;

export const symbolImageId = (s: Omit<SymbolImage, 'kind'>): string =>
  `${PREFIX.symbol}${s.shape}|${s.fill}|${s.glyph}`;

/** Reads an image id back into what to draw; null for ids that are not ours (e.g. a basemap's). */
export function parseImageId(id: string): SymbolImage | DonutImage | null {
  if (id.startsWith(PREFIX.symbol)) {
    const [shape, fill, glyph = ''] = id.slice(PREFIX.symbol.length).split('|');
    if (!(SYMBOL_SHAPES as readonly string[]).includes(shape ?? '') || !HEX.test(fill ?? '')) return null;
    return { kind: 'symbol', shape: shape as SymbolShape, fill: fill as string, glyph };
  }
  if (id.startsWith(PREFIX.donut)) {
    const segments: DonutImage['segments'] = [];
    for (const part of id.slice(PREFIX.donut.length).split(',')) {
      const [colour, n] = part.split(':');
      const count = Number(n);
      if (!HEX.test(colour ?? '') || !Number.isFinite(count) || count < 0) return null;
      segments.push({ colour: colour as string, count });
    }
    return { kind: 'donut', segments };
  }
  return null;
}

/** The SVG `points` of a shape in a box of `size` pixels (for legends). */
export function shapePoints(shape: Exclude<SymbolShape, 'circle'>, size: number, inset = 1): string {
  const r = size / 2 - inset;
  return SHAPE_OUTLINE[shape]
    .map(([x, y]) => `${(size / 2 + x * r).toFixed(2)},${(size / 2 + y * r).toFixed(2)}`)
    .join(' ');
}
