import type { Position } from 'geojson';
import type { AreaGeometry } from '../data/grid-index.ts';
import {
  boxesOverlap,
  pointInPolygonRings,
  pointInRing,
  pointSegmentDistance,
  polygonsOfGeometry,
  signedArea2,
} from './planar.ts';

/**
 * Certifies that an areal geometry is a *valid region*: its rings are simple closed curves that touch
 * nothing (not themselves, not each other), every hole lies in its own shell, no hole lies in another,
 * and no polygon of a MultiPolygon overlaps another. Only then is its winding number 1 inside and 0
 * outside once shells run counter-clockwise and holes clockwise — which the exact edge bookkeeping in
 * edge-chain.ts relies on.
 *
 * Why this is needed although the loader checks rings: the loader rejects only *proper* crossings
 * (docs/region-pack.md, ring-self-intersection). A figure-eight whose lobes meet at a shared vertex, a
 * hole outside its shell or two overlapping parts of a MultiPolygon pass it, and would let the edge
 * bookkeeping call a broken tiling perfect. Such geometries are sent down the clipping path instead.
 *
 * The test is conservative: anything within `TOUCH_TOLERANCE` degrees (≈ 0.1 mm) of touching counts as
 * touching, so floating-point rounding can only send a valid geometry to the slower path, never certify
 * an invalid one.
 */
export type ValidRegion =
  | { ok: true /** Polygons with shells counter-clockwise and holes clockwise. */; polygons: Position[][][] }
  | { ok: false; reason: string };

export const TOUCH_TOLERANCE = 1e-9;
/** Rings with less area than this (deg², ≈ 1e-8 m²) have no reliable orientation. */
const MIN_RING_AREA2 = 1e-18;

interface Segment {
  ax: number;
  ay: number;
  bx: number;
  by: number;
  ring: number;
  /** Index among the ring's non-degenerate edges, and their count (for adjacency). */
  k: number;
  n: number;
  minX: number;
  maxX: number;
}

function orient(ring: Position[], counterClockwise: boolean): Position[] | null {
  const a2 = signedArea2(ring);
  if (Math.abs(a2) < MIN_RING_AREA2) return null;
  return a2 > 0 === counterClockwise ? ring : [...ring].reverse();
}

function segmentsOf(rings: Position[][]): Segment[] {
  const out: Segment[] = [];
  rings.forEach((ring, r) => {
    const edges: [Position, Position][] = [];
    for (let i = 0; i < ring.length - 1; i++) {
      const a = ring[i] as Position;
      const b = ring[i + 1] as Position;
      if (a[0] !== b[0] || a[1] !== b[1]) edges.push([a, b]);
    }
    edges.forEach(([a, b], k) => {
      const ax = a[0] as number;
      const ay = a[1] as number;
      const bx = b[0] as number;
      const by = b[1] as number;
      out.push({
        ax,
        ay,
        bx,
        by,
        ring: r,
        k,
        n: edges.length,
        minX: Math.min(ax, bx),
        maxX: Math.max(ax, bx),
      });
    });
  });
  return out;
}

const cross = (ax: number, ay: number, bx: number, by: number, cx: number, cy: number) =>
  (bx - ax) * (cy - ay) - (by - ay) * (cx - ax);

/** True when two segments touch or cross, counting "within the tolerance" as touching. */
function segmentsMeet(s: Segment, t: Segment): boolean {
  const tol = TOUCH_TOLERANCE;
  if (
    pointSegmentDistance(t.ax, t.ay, s.ax, s.ay, s.bx, s.by) <= tol ||
    pointSegmentDistance(t.bx, t.by, s.ax, s.ay, s.bx, s.by) <= tol ||
    pointSegmentDistance(s.ax, s.ay, t.ax, t.ay, t.bx, t.by) <= tol ||
    pointSegmentDistance(s.bx, s.by, t.ax, t.ay, t.bx, t.by) <= tol
  )
    return true;
  // Every endpoint is clear of the other segment, so the signs below are reliable.
  const d1 = cross(s.ax, s.ay, s.bx, s.by, t.ax, t.ay);
  const d2 = cross(s.ax, s.ay, s.bx, s.by, t.bx, t.by);
  const d3 = cross(t.ax, t.ay, t.bx, t.by, s.ax, s.ay);
  const d4 = cross(t.ax, t.ay, t.bx, t.by, s.bx, s.by);
  return d1 > 0 !== d2 > 0 && d3 > 0 !== d4 > 0;
}

const adjacent = (s: Segment, t: Segment) =>
  s.ring === t.ring && (Math.abs(s.k - t.k) === 1 || Math.abs(s.k - t.k) === s.n - 1);

/** A sweep over x: only segments whose x-ranges overlap are compared (near-linear on cell outlines). */
function firstContact(segments: Segment[]): [Segment, Segment] | null {
  const sorted = [...segments].sort((a, b) => a.minX - b.minX);
  const tol = TOUCH_TOLERANCE;
  for (let i = 0; i < sorted.length; i++) {
    const s = sorted[i] as Segment;
    const sMinY = Math.min(s.ay, s.by) - tol;
    const sMaxY = Math.max(s.ay, s.by) + tol;
    for (let j = i + 1; j < sorted.length; j++) {
      const t = sorted[j] as Segment;
      if (t.minX > s.maxX + tol) break;
      if (Math.max(t.ay, t.by) < sMinY || Math.min(t.ay, t.by) > sMaxY) continue;
      if (adjacent(s, t)) continue;
      if (segmentsMeet(s, t)) return [s, t];
    }
  }
  return null;
}

const boxOf = (ring: Position[]): number[] => {
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (const p of ring) {
    const x = p[0] as number;
    const y = p[1] as number;
    if (x < minX) minX = x;
    if (y < minY) minY = y;
    if (x > maxX) maxX = x;
    if (y > maxY) maxY = y;
  }
  return [minX, minY, maxX, maxY];
};

export function validRegion(geometry: AreaGeometry | Position[][][]): ValidRegion {
  const polygons: Position[][][] = [];
  for (const rings of Array.isArray(geometry) ? geometry : polygonsOfGeometry(geometry)) {
    const oriented: Position[][] = [];
    for (let r = 0; r < rings.length; r++) {
      const ring = orient(rings[r] as Position[], r === 0);
      if (!ring) return { ok: false, reason: 'a ring has (almost) no area' };
      oriented.push(ring);
    }
    if (oriented.length > 0) polygons.push(oriented);
  }
  if (polygons.length === 0) return { ok: false, reason: 'no polygon' };
  const contact = firstContact(segmentsOf(polygons.flat()));
  if (contact) return { ok: false, reason: 'rings touch or cross' };

  // Rings are now pairwise disjoint, so one vertex decides how two rings nest.
  for (const [shell, ...holes] of polygons) {
    for (let h = 0; h < holes.length; h++) {
      const hole = holes[h] as Position[];
      const [x, y] = hole[0] as [number, number];
      if (!pointInRing(x, y, shell as Position[]))
        return { ok: false, reason: 'a hole lies outside its shell' };
      for (let g = 0; g < holes.length; g++) {
        if (g !== h && pointInRing(x, y, holes[g] as Position[]))
          return { ok: false, reason: 'a hole lies inside another hole' };
      }
    }
  }
  if (polygons.length > 1) {
    const boxes = polygons.map((rings) => boxOf(rings[0] as Position[]));
    for (let i = 0; i < polygons.length; i++) {
      const [x, y] = ((polygons[i] as Position[][])[0] as Position[])[0] as [number, number];
      for (let j = 0; j < polygons.length; j++) {
        if (i === j || !boxesOverlap(boxes[i] as number[], boxes[j] as number[])) continue;
        if (pointInPolygonRings(x, y, polygons[j] as Position[][]))
          return { ok: false, reason: 'two polygons of the MultiPolygon overlap' };
      }
    }
  }
  return { ok: true, polygons };
}
