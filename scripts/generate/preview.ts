/**
 * Draws a pack (or any GeoJSON files) to SVG so a person can look at the generated shapes:
 *   npx tsx scripts/generate/preview.ts <out.svg> <file.geojson>[:stroke[:width[:fill]]] ...
 *   [--bbox minLon,minLat,maxLon,maxLat] (default: the extent of the layers) [--size 1600]
 * Convert with `rsvg-convert -o out.png out.svg`. A development aid; the pack does not depend on it.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';

type Coords = number | Coords[];
interface Geo {
  type: string;
  coordinates: Coords;
}

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { bbox: { type: 'string' }, size: { type: 'string' } },
});
const [out, ...layers] = positionals;
if (!out || layers.length === 0) {
  console.error('usage: preview.ts <out.svg> <file.geojson>[:stroke[:width[:fill]]] ... [--bbox a,b,c,d]');
  process.exit(2);
}
const size = Number(values.size ?? 1600);
const parsed = layers.map((spec) => {
  const [file = '', stroke = '#333', width = '1', fill = 'none'] = spec.split(':');
  const fc = JSON.parse(readFileSync(file, 'utf8')) as { features: { geometry: Geo }[] };
  return { fc, stroke, width: Number(width), fill };
});
/** Without --bbox: the extent of everything drawn, with a 3 % margin. */
function extent(): number[] {
  let [x0, y0, x1, y1] = [Infinity, Infinity, -Infinity, -Infinity];
  const visit = (c: Coords): void => {
    if (typeof c === 'number') return;
    const [x, y] = c;
    if (typeof x === 'number' && typeof y === 'number') {
      [x0, y0, x1, y1] = [Math.min(x0, x), Math.min(y0, y), Math.max(x1, x), Math.max(y1, y)];
    } else for (const d of c) visit(d);
  };
  for (const { fc } of parsed) for (const f of fc.features) visit(f.geometry.coordinates);
  const m = 0.03 * Math.max(x1 - x0, y1 - y0);
  return [x0 - m, y0 - m, x1 + m, y1 + m];
}
const bbox = values.bbox?.split(',').map(Number) ?? extent();
const [minX = 0, minY = 0, maxX = 1, maxY = 1] = bbox;
const kx = Math.cos((((minY + maxY) / 2) * Math.PI) / 180);
const scale = size / Math.max((maxX - minX) * kx, maxY - minY);
const W = Math.ceil((maxX - minX) * kx * scale);
const H = Math.ceil((maxY - minY) * scale);
const px = (p: Coords): string => {
  const [x, y] = p as number[];
  return `${(((x ?? 0) - minX) * kx * scale).toFixed(1)},${((maxY - (y ?? 0)) * scale).toFixed(1)}`;
};
const ringPath = (ring: Coords) => `M${(ring as Coords[]).map(px).join('L')}Z`;
const parts: string[] = [
  `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}"><rect width="100%" height="100%" fill="#fff"/>`,
];
for (const { fc, stroke, width, fill } of parsed) {
  for (const f of fc.features) {
    const g = f.geometry;
    const c = g.coordinates as Coords[];
    if (g.type === 'Polygon' || g.type === 'MultiPolygon') {
      const polys = (g.type === 'Polygon' ? [c] : c) as Coords[][];
      const d = polys.map((poly) => poly.map(ringPath).join('')).join('');
      parts.push(
        `<path d="${d}" fill="${fill}" fill-rule="evenodd" stroke="${stroke}" stroke-width="${width}"/>`,
      );
    } else if (g.type === 'LineString') {
      parts.push(
        `<path d="M${c.map(px).join('L')}" fill="none" stroke="${stroke}" stroke-width="${width}"/>`,
      );
    } else if (g.type === 'MultiLineString') {
      for (const line of c as Coords[][])
        parts.push(
          `<path d="M${line.map(px).join('L')}" fill="none" stroke="${stroke}" stroke-width="${width}"/>`,
        );
    } else if (g.type === 'Point' || g.type === 'MultiPoint') {
      for (const p of g.type === 'Point' ? [c] : c) {
        const [x, y] = px(p).split(',');
        parts.push(`<circle cx="${x}" cy="${y}" r="${width}" fill="${fill === 'none' ? stroke : fill}"/>`);
      }
    }
  }
}
parts.push('</svg>');
writeFileSync(out, parts.join('\n'));
