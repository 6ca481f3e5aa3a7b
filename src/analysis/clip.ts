import { area, difference, featureCollection, intersect, multiPolygon, polygon } from '@turf/turf';
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import type { AreaGeometry } from '../data/grid-index.ts';
import type { Box } from './planar.ts';

/**
 * Thin, failure-aware wrappers over turf's clipping (polyclip-ts). Clipping of Voronoi-like grids can
 * throw ("Unable to complete output ring", turf #2409 / #2277, polyclip-ts #5); callers get the error
 * back as a value so that one bad pair is reported and the rest of the analysis still finishes.
 */
export type ClipResult = { ok: true; geometry: AreaGeometry | null } | { ok: false; error: string };

/** The two clipping operations the grid check needs; a parameter so tests can inject a failing one. */
export interface ClipOps {
  intersect(a: AreaGeometry, b: AreaGeometry): ClipResult;
  /** a minus every geometry in `bs`. */
  difference(a: AreaGeometry, bs: readonly AreaGeometry[]): ClipResult;
}

const asFeature = (g: AreaGeometry): Feature<Polygon | MultiPolygon> =>
  g.type === 'Polygon' ? polygon(g.coordinates) : multiPolygon(g.coordinates);

function run(op: () => Feature<Polygon | MultiPolygon> | null): ClipResult {
  try {
    return { ok: true, geometry: op()?.geometry ?? null };
  } catch (err) {
    return { ok: false, error: err instanceof Error ? err.message : String(err) };
  }
}

export const clipIntersect = (a: AreaGeometry, b: AreaGeometry): ClipResult =>
  run(() => intersect(featureCollection([asFeature(a), asFeature(b)])));

/** a minus every geometry in `bs`, in one operation (polyclip-ts takes many subtrahends). */
export const clipDifference = (a: AreaGeometry, bs: readonly AreaGeometry[]): ClipResult =>
  run(() =>
    bs.length === 0 ? asFeature(a) : difference(featureCollection([asFeature(a), ...bs.map(asFeature)])),
  );

export const turfClip: ClipOps = { intersect: clipIntersect, difference: clipDifference };

/** Wraps injected operations so that even one that throws is turned into a reported failure. */
export function guardedClip(ops: ClipOps): ClipOps {
  const guard = (f: () => ClipResult): ClipResult => {
    try {
      return f();
    } catch (err) {
      return { ok: false, error: err instanceof Error ? err.message : String(err) };
    }
  };
  return {
    intersect: (a, b) => guard(() => ops.intersect(a, b)),
    difference: (a, bs) => guard(() => ops.difference(a, bs)),
  };
}

export const areaM2 = (g: AreaGeometry | null): number => (g ? area(g) : 0);

/** Splits a clipping result into its polygons, so each gap or overlap piece is reported on its own. */
export function polygonsOf(g: AreaGeometry | null): Polygon[] {
  if (!g) return [];
  if (g.type === 'Polygon') return [g];
  return g.coordinates.map((coordinates) => ({ type: 'Polygon', coordinates }));
}

export const boxGeometry = ([x0, y0, x1, y1]: Box): Polygon => ({
  type: 'Polygon',
  coordinates: [
    [
      [x0, y0],
      [x1, y0],
      [x1, y1],
      [x0, y1],
      [x0, y0],
    ],
  ],
});
