/**
 * Suzhou Creek (苏州河) through Putuo. The district boundary runs mid-stream along the creek for most of
 * Putuo's southern edge (the "半马苏河": about 21 km of shoreline with its many bends; the quantised
 * outline keeps only the larger bends, so the line here is shorter). The creek is taken from the outline
 * itself — from the outline vertex nearest CREEK_WEST (near the Outer Ring crossing) to the one nearest
 * CREEK_EAST (by 梦清园/M50, where the boundary turns north along Jing'an), along the southern side —
 * and the riverside projects are bands inside the district along stretches of it.
 */
import {
  along,
  area,
  buffer,
  difference,
  featureCollection as fc,
  intersect,
  kinks,
  length,
  lineSliceAlong,
  lineString,
  nearestPointOnLine,
  pointOnFeature,
  polygon,
  truncate,
} from '@turf/turf';
import type { Feature, LineString, MultiPolygon, Polygon, Position } from 'geojson';
import { at, distKm, fromKm, type Pos, type Ring, toKm } from '../../geo.ts';

/** Where the creek meets the outline (approximate; outline vertices of the reference polygon). */
const CREEK_WEST: Pos = [121.35672, 31.22844];
const CREEK_EAST: Pos = [121.44559, 31.24503];
/** A point of the outline the creek passes (its southernmost bend, by 长风). */
const CREEK_VIA: Pos = [121.39476, 31.22059];

const nearestIndex = (ring: Ring, p: Pos): number => {
  let best = 0;
  for (let i = 1; i + 1 < ring.length; i++) if (distKm(at(ring, i), p) < distKm(at(ring, best), p)) best = i;
  return best;
};

/** The creek as a line from west to east, on the outline's vertices. */
export function suzhouCreek(outline: Ring): Pos[] {
  const n = outline.length - 1; // closed ring: last = first
  const a = nearestIndex(outline, CREEK_WEST);
  const b = nearestIndex(outline, CREEK_EAST);
  const via = nearestIndex(outline, CREEK_VIA);
  const walk = (from: number, to: number): Pos[] => {
    const out: Pos[] = [];
    for (let i = from; ; i = (i + 1) % n) {
      out.push(at(outline, i));
      if (i === to) return out;
    }
  };
  const forward = walk(a, b);
  const line = forward.some((p) => p === at(outline, via)) ? forward : walk(b, a).reverse();
  if (!line.some((p) => p === at(outline, via))) throw new Error('creek: the outline does not pass its bend');
  return line;
}

export const creekLengthKm = (creek: Pos[]): number => length(lineString(creek), { units: 'kilometers' });

/** The stretch of the creek between two distances from its western end (km). */
export function creekStretch(creek: Pos[], fromKm: number, toKm: number): LineString {
  const slice = lineSliceAlong(lineString(creek), fromKm, toKm, { units: 'kilometers' });
  return truncate(slice, { precision: 6 }).geometry;
}

/**
 * Drops vertices within 2 units of the sixth decimal (≈ 0.2 m) of the previous one: clipping leaves such
 * near-duplicates where two cut lines meet, and after rounding they can fold an edge back on itself.
 */
function dropNearVertices(ring: Position[]): Position[] {
  const out: Position[] = [];
  const near = (a: Position, b: Position) =>
    Math.abs((a[0] ?? 0) - (b[0] ?? 0)) <= 2.5e-6 && Math.abs((a[1] ?? 0) - (b[1] ?? 0)) <= 2.5e-6;
  for (const p of ring.slice(0, -1)) {
    const last = out[out.length - 1];
    if (!last || !near(last, p)) out.push(p);
  }
  while (out.length > 1 && near(out[0] as Position, out[out.length - 1] as Position)) out.pop();
  const first = out[0];
  return first ? [...out, first] : [];
}

/**
 * The riverside bands of `sections` equal stretches of the creek: the land inside the district within
 * `widthM` of the creek, cut across at each section boundary by a 1 m slot perpendicular to the creek,
 * each piece going to the section whose stretch is nearest. So the sections do not overlap (buffering
 * each stretch on its own would give neighbours the same round end). Rounded to six decimals, pieces
 * under 50 m² dropped, and checked to be valid polygons.
 */
export function riversideBands(
  creek: Pos[],
  sections: number,
  widthM: number,
  outline: Ring,
): (Polygon | MultiPolygon)[] {
  const line = lineString(creek);
  const step = creekLengthKm(creek) / sections;
  const zone = buffer(line, widthM / 1000, { units: 'kilometers', steps: 6 });
  if (!zone) throw new Error('creek: empty buffer');
  let strip: Feature<Polygon | MultiPolygon> | null = intersect(fc([zone, polygon([outline])]));
  const w = widthM / 1000;
  for (let k = 1; k < sections && strip; k++) {
    const [a, b] = [k * step - 0.005, k * step + 0.005].map((d) =>
      toKm(along(line, d, { units: 'kilometers' }).geometry.coordinates as Pos),
    ) as [Pos, Pos];
    const len = Math.hypot(b[0] - a[0], b[1] - a[1]);
    const [ux, uy] = [(b[0] - a[0]) / len, (b[1] - a[1]) / len]; // along the creek
    const c: Pos = [(a[0] + b[0]) / 2, (a[1] + b[1]) / 2];
    const corner = (s: number, t: number): Pos => fromKm([c[0] + ux * s - uy * t, c[1] + uy * s + ux * t]);
    const h = 0.0005; // half the slot's width: 0.5 m
    const slot = polygon([
      [corner(-h, -3 * w), corner(h, -3 * w), corner(h, 3 * w), corner(-h, 3 * w), corner(-h, -3 * w)],
    ]);
    strip = difference(fc([strip, slot]));
  }
  if (!strip) throw new Error('creek: the riverside strip vanished');
  const g = strip.geometry;
  const groups: Position[][][][] = Array.from({ length: sections }, () => []);
  for (const rings of g.type === 'Polygon' ? [g.coordinates] : g.coordinates) {
    const piece = polygon(rings);
    if (area(piece) < 50) continue;
    const at = nearestPointOnLine(line, pointOnFeature(piece), { units: 'kilometers' }).properties
      .totalDistance;
    groups[Math.min(sections - 1, Math.floor(at / step))]?.push(rings);
  }
  return groups.map((parts, i) => {
    const rounded = parts
      .map((rings) =>
        rings
          .map((ring) =>
            dropNearVertices(
              ring.map((p) => [Number((p[0] ?? 0).toFixed(6)), Number((p[1] ?? 0).toFixed(6))]),
            ),
          )
          .filter((r) => r.length >= 4),
      )
      .filter((rings) => rings.length > 0 && area(polygon(rings)) >= 50);
    if (rounded.length === 0) throw new Error(`creek: section ${i + 1} has no riverside land`);
    const geometry: Polygon | MultiPolygon =
      rounded.length === 1
        ? { type: 'Polygon', coordinates: rounded[0] ?? [] }
        : { type: 'MultiPolygon', coordinates: rounded };
    if (kinks({ type: 'Feature', properties: {}, geometry }).features.length > 0)
      throw new Error(`creek: section ${i + 1} crosses itself after rounding`);
    return geometry;
  });
}
