import type { Position } from 'geojson';
import type { AreaGeometry } from '../data/grid-index.ts';

/** Small planar helpers shared by the analyses. Rings are closed (first = last). */

export type Ring = readonly Position[];

/** The polygons of an areal geometry, each as its rings (outer first). */
export const polygonsOfGeometry = (g: AreaGeometry): Position[][][] =>
  g.type === 'Polygon' ? [g.coordinates] : g.coordinates;

/** Twice the signed area (positive when counter-clockwise), relative to the first vertex for precision. */
export function signedArea2(ring: Ring): number {
  const o = ring[0];
  if (!o) return 0;
  const ox = o[0] as number;
  const oy = o[1] as number;
  let s = 0;
  for (let i = 1; i < ring.length - 1; i++) {
    const a = ring[i] as Position;
    const b = ring[i + 1] as Position;
    s +=
      ((a[0] as number) - ox) * ((b[1] as number) - oy) - ((b[0] as number) - ox) * ((a[1] as number) - oy);
  }
  return s;
}

/** Signed area of a closed ring in its own units (positive when counter-clockwise). */
export const ringArea = (ring: Ring): number => signedArea2(ring) / 2;

/** Even-odd ray test; a point exactly on an edge may go either way (callers avoid relying on it). */
export function pointInRing(x: number, y: number, ring: Ring): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 2; i < ring.length - 1; j = i++) {
    const a = ring[i] as Position;
    const b = ring[j] as Position;
    const ay = a[1] as number;
    const by = b[1] as number;
    if (ay > y !== by > y) {
      const ax = a[0] as number;
      const bx = b[0] as number;
      if (x < ((bx - ax) * (y - ay)) / (by - ay) + ax) inside = !inside;
    }
  }
  return inside;
}

/** Inside the outer ring and in none of the holes. */
export function pointInPolygonRings(x: number, y: number, rings: readonly Ring[]): boolean {
  const [outer, ...holes] = rings;
  if (!outer || !pointInRing(x, y, outer)) return false;
  return !holes.some((h) => pointInRing(x, y, h));
}

export function pointInArea(x: number, y: number, polygons: readonly (readonly Ring[])[]): boolean {
  return polygons.some((rings) => pointInPolygonRings(x, y, rings));
}

/** Distance from (px, py) to segment a–b, in the coordinates' own units. */
export function pointSegmentDistance(
  px: number,
  py: number,
  ax: number,
  ay: number,
  bx: number,
  by: number,
): number {
  const dx = bx - ax;
  const dy = by - ay;
  const len2 = dx * dx + dy * dy;
  const t = len2 === 0 ? 0 : Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / len2));
  return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
}

export type Box = [number, number, number, number];

export const boxesOverlap = (a: readonly number[], b: readonly number[]): boolean =>
  (a[0] as number) <= (b[2] as number) &&
  (b[0] as number) <= (a[2] as number) &&
  (a[1] as number) <= (b[3] as number) &&
  (b[1] as number) <= (a[3] as number);

export const boxContains = (outer: readonly number[], inner: readonly number[]): boolean =>
  (outer[0] as number) <= (inner[0] as number) &&
  (outer[1] as number) <= (inner[1] as number) &&
  (outer[2] as number) >= (inner[2] as number) &&
  (outer[3] as number) >= (inner[3] as number);
