/**
 * Plain geometry types and helpers shared by the generator. Areal shapes are always MultiPoly
 * internally (a list of polygons, each an outer ring plus holes, rings closed) so that code never has
 * to branch on Polygon vs MultiPolygon; writers turn one-part shapes back into Polygons.
 */
import { difference, featureCollection, intersect, multiPolygon, area as turfArea, union } from '@turf/turf';
import type { Feature, MultiPolygon, Polygon } from 'geojson';

export type Pos = [number, number];
export type Ring = Pos[];
export type Poly = Ring[];
export type MultiPoly = Poly[];
export type BBox = [number, number, number, number];

/** Reference point of the local metric frame (centre of Jiading). */
export const LON0 = 121.24;
export const LAT0 = 31.36;
const KM_PER_DEG_LAT = 110.574;
const KM_PER_DEG_LON = 111.32 * Math.cos((LAT0 * Math.PI) / 180);

/** Local equirectangular kilometres: good to ~0.1 % across the district, and it keeps lines straight,
 * so a Voronoi diagram built here can be mapped back to degrees and clipped there without bending. */
export const toKm = (p: Pos): Pos => [(p[0] - LON0) * KM_PER_DEG_LON, (p[1] - LAT0) * KM_PER_DEG_LAT];
export const fromKm = (p: Pos): Pos => [p[0] / KM_PER_DEG_LON + LON0, p[1] / KM_PER_DEG_LAT + LAT0];

export function distKm(a: Pos, b: Pos): number {
  return Math.hypot((a[0] - b[0]) * KM_PER_DEG_LON, (a[1] - b[1]) * KM_PER_DEG_LAT);
}

export function at<T>(items: readonly T[], i: number): T {
  const v = items[i];
  if (v === undefined) throw new Error(`index ${i} out of range (${items.length})`);
  return v;
}

export function bboxOf(shape: MultiPoly): BBox {
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (const poly of shape) {
    for (const p of poly[0] ?? []) {
      if (p[0] < minX) minX = p[0];
      if (p[1] < minY) minY = p[1];
      if (p[0] > maxX) maxX = p[0];
      if (p[1] > maxY) maxY = p[1];
    }
  }
  return [minX, minY, maxX, maxY];
}

/** Twice the signed planar area of a closed ring (positive = counter-clockwise). */
export function ringArea2(ring: Ring): number {
  let s = 0;
  for (let i = 0; i + 1 < ring.length; i++) {
    const a = at(ring, i);
    const b = at(ring, i + 1);
    s += a[0] * b[1] - b[0] * a[1];
  }
  return s;
}

export function pointInRing(p: Pos, ring: Ring): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const a = at(ring, i);
    const b = at(ring, j);
    if (a[1] > p[1] !== b[1] > p[1] && p[0] < ((b[0] - a[0]) * (p[1] - a[1])) / (b[1] - a[1]) + a[0]) {
      inside = !inside;
    }
  }
  return inside;
}

export function pointInPoly(p: Pos, poly: Poly): boolean {
  const outer = poly[0];
  if (!outer || !pointInRing(p, outer)) return false;
  for (let h = 1; h < poly.length; h++) if (pointInRing(p, at(poly, h))) return false;
  return true;
}

export const pointInShape = (p: Pos, shape: MultiPoly): boolean => shape.some((poly) => pointInPoly(p, poly));

/** Geodesic area in m² (turf), the same measure the validator uses. */
export const areaM2 = (shape: MultiPoly): number => (shape.length === 0 ? 0 : turfArea(multiPolygon(shape)));

export const asGeometry = (shape: MultiPoly): Polygon | MultiPolygon =>
  shape.length === 1
    ? { type: 'Polygon', coordinates: at(shape, 0) }
    : { type: 'MultiPolygon', coordinates: shape };

function toShape(f: Feature<Polygon | MultiPolygon> | null): MultiPoly {
  if (!f) return [];
  const g = f.geometry;
  return g.type === 'Polygon' ? [g.coordinates as Poly] : (g.coordinates as MultiPoly);
}

const feat = (s: MultiPoly) => multiPolygon(s);

/** turf/polyclip clipping; these can throw on nearly degenerate input, callers decide how to retry. */
export const clipIntersect = (a: MultiPoly, b: MultiPoly): MultiPoly =>
  a.length === 0 || b.length === 0 ? [] : toShape(intersect(featureCollection([feat(a), feat(b)])));
export const clipDifference = (a: MultiPoly, b: MultiPoly): MultiPoly =>
  a.length === 0 ? [] : b.length === 0 ? a : toShape(difference(featureCollection([feat(a), feat(b)])));
export const clipUnion = (a: MultiPoly, b: MultiPoly): MultiPoly =>
  a.length === 0 ? b : b.length === 0 ? a : toShape(union(featureCollection([feat(a), feat(b)])));

/** Area-weighted centroid of the outer rings minus holes (planar, in degrees). */
export function centroidOf(shape: MultiPoly): Pos {
  let sx = 0;
  let sy = 0;
  let sa = 0;
  for (const poly of shape) {
    for (const ring of poly) {
      for (let i = 0; i + 1 < ring.length; i++) {
        const a = at(ring, i);
        const b = at(ring, i + 1);
        const c = a[0] * b[1] - b[0] * a[1];
        sx += (a[0] + b[0]) * c;
        sy += (a[1] + b[1]) * c;
        sa += c;
      }
    }
  }
  return sa === 0 ? at(at(at(shape, 0), 0), 0) : [sx / (3 * sa), sy / (3 * sa)];
}

/** A regular polygon approximating a circle (radius in metres), counter-clockwise and closed. */
export function circle(center: Pos, radiusM: number, steps = 48): Ring {
  const c = toKm(center);
  const r = radiusM / 1000;
  const ring: Ring = [];
  for (let i = 0; i < steps; i++) {
    const t = (2 * Math.PI * i) / steps;
    ring.push(fromKm([c[0] + r * Math.cos(t), c[1] + r * Math.sin(t)]));
  }
  ring.push(at(ring, 0));
  return ring;
}

/** Distance (km) from p to segment ab, in the local metric frame. */
export function pointSegmentKm(p: Pos, a: Pos, b: Pos): number {
  const P = toKm(p);
  const A = toKm(a);
  const B = toKm(b);
  const dx = B[0] - A[0];
  const dy = B[1] - A[1];
  const len2 = dx * dx + dy * dy;
  const t = len2 === 0 ? 0 : Math.max(0, Math.min(1, ((P[0] - A[0]) * dx + (P[1] - A[1]) * dy) / len2));
  return Math.hypot(P[0] - (A[0] + t * dx), P[1] - (A[1] + t * dy));
}

/** Distance (km) from p to the nearest edge of any ring of the shape. */
export function distanceToOutlineKm(p: Pos, shape: MultiPoly): number {
  let best = Infinity;
  for (const poly of shape) {
    for (const ring of poly) {
      for (let i = 0; i + 1 < ring.length; i++) {
        const d = pointSegmentKm(p, at(ring, i), at(ring, i + 1));
        if (d < best) best = d;
      }
    }
  }
  return best;
}
