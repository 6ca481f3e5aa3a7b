/**
 * Suzhou Creek (苏州河) through Putuo. The district boundary runs mid-stream along the creek for most of
 * Putuo's southern edge (the "半马苏河": about 21 km of shoreline with its many bends; the quantised
 * outline keeps only the larger bends, so the line here is shorter). The creek is taken from the outline
 * itself — from the outline vertex nearest CREEK_WEST (near the Outer Ring crossing) to the one nearest
 * CREEK_EAST (by 梦清园/M50, where the boundary turns north along Jing'an), along the southern side —
 * and the riverside projects are bands inside the district along stretches of it.
 */
import {
  buffer,
  cleanCoords,
  featureCollection as fc,
  intersect,
  kinks,
  length,
  lineSliceAlong,
  lineString,
  polygon,
  truncate,
} from '@turf/turf';
import type { LineString, MultiPolygon, Polygon } from 'geojson';
import { at, distKm, type Pos, type Ring } from '../../geo.ts';

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
 * The riverside band: the land inside the district within `widthM` of a stretch of the creek, rounded to
 * six decimals and checked to be a valid polygon (no repeated positions, no self-intersections).
 */
export function riversideBand(
  creek: Pos[],
  fromKm: number,
  toKm: number,
  widthM: number,
  outline: Ring,
): Polygon | MultiPolygon {
  const stretch = lineString(creekStretch(creek, fromKm, toKm).coordinates);
  const zone = buffer(stretch, widthM / 1000, { units: 'kilometers', steps: 6 });
  if (!zone) throw new Error('creek: empty buffer');
  const inside = intersect(fc([zone, polygon([outline])]));
  if (!inside) throw new Error('creek: the band misses the district');
  const clean = cleanCoords(truncate(inside, { precision: 6 }));
  if (kinks(clean).features.length > 0) throw new Error('creek: a band ring crosses itself after rounding');
  return clean.geometry;
}
