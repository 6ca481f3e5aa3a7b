import type { Geometry, Position } from 'geojson';

/** A geometry rule broken: `rule` is a stable code, `message` says where. */
export interface GeometryIssue {
  rule: string;
  message: string;
}

export type GeometryKind = Geometry['type'];
export const AREAL: readonly GeometryKind[] = ['Polygon', 'MultiPolygon'];
export const POINT: readonly GeometryKind[] = ['Point'];
export const ANY: readonly GeometryKind[] = [
  'Point',
  'MultiPoint',
  'LineString',
  'MultiLineString',
  'Polygon',
  'MultiPolygon',
];

const isNumberPair = (p: unknown): p is Position =>
  Array.isArray(p) && p.length >= 2 && Number.isFinite(p[0]) && Number.isFinite(p[1]);

function checkPosition(p: unknown, where: string, out: GeometryIssue[]): boolean {
  if (!isNumberPair(p)) {
    out.push({
      rule: 'coordinate-invalid',
      message: `${where}: a position must be [longitude, latitude] numbers`,
    });
    return false;
  }
  const [lon, lat] = p as [number, number];
  if (lon < -180 || lon > 180 || lat < -90 || lat > 90) {
    out.push({
      rule: 'coordinate-range',
      message: `${where}: [${lon}, ${lat}] is outside WGS84 range (longitude −180…180, latitude −90…90)`,
    });
    return false;
  }
  return true;
}

function checkPositions(list: unknown, where: string, out: GeometryIssue[]): list is Position[] {
  if (!Array.isArray(list)) {
    out.push({ rule: 'coordinate-invalid', message: `${where}: expected an array of positions` });
    return false;
  }
  let ok = true;
  for (let i = 0; i < list.length && ok; i++) ok = checkPosition(list[i], `${where} position ${i}`, out);
  return ok;
}

const cross = (a: Position, b: Position, c: Position): number =>
  ((b[0] as number) - (a[0] as number)) * ((c[1] as number) - (a[1] as number)) -
  ((b[1] as number) - (a[1] as number)) * ((c[0] as number) - (a[0] as number));

/**
 * Index of the first pair of non-adjacent edges of a closed ring that properly cross, or null.
 * Edges are swept in order of their left end so that only edges whose x-ranges overlap are compared:
 * near-linear on real cell outlines, where turf.kinks is quadratic (and skips some ring pairs).
 */
export function findRingCrossing(ring: Position[]): [number, number] | null {
  const n = ring.length - 1; // edges; the ring is closed
  const order = Array.from({ length: n }, (_, i) => i);
  const minX = (i: number) => Math.min(ring[i]?.[0] as number, ring[i + 1]?.[0] as number);
  const maxX = (i: number) => Math.max(ring[i]?.[0] as number, ring[i + 1]?.[0] as number);
  order.sort((a, b) => minX(a) - minX(b));
  for (let oi = 0; oi < n; oi++) {
    const i = order[oi] as number;
    const a = ring[i] as Position;
    const b = ring[i + 1] as Position;
    const right = maxX(i);
    for (let oj = oi + 1; oj < n; oj++) {
      const j = order[oj] as number;
      if (minX(j) > right) break;
      const adjacent = Math.abs(i - j) === 1 || Math.abs(i - j) === n - 1;
      if (adjacent) continue;
      const c = ring[j] as Position;
      const d = ring[j + 1] as Position;
      const d1 = cross(a, b, c);
      const d2 = cross(a, b, d);
      const d3 = cross(c, d, a);
      const d4 = cross(c, d, b);
      if (((d1 > 0 && d2 < 0) || (d1 < 0 && d2 > 0)) && ((d3 > 0 && d4 < 0) || (d3 < 0 && d4 > 0))) {
        return [Math.min(i, j), Math.max(i, j)];
      }
    }
  }
  return null;
}

function checkRing(ring: unknown, where: string, out: GeometryIssue[]): void {
  if (!checkPositions(ring, where, out)) return;
  if (ring.length < 4) {
    out.push({
      rule: 'ring-too-short',
      message: `${where}: a ring needs at least 4 positions, has ${ring.length}`,
    });
    return;
  }
  const first = ring[0] as Position;
  const last = ring[ring.length - 1] as Position;
  if (first[0] !== last[0] || first[1] !== last[1]) {
    out.push({
      rule: 'ring-unclosed',
      message: `${where}: the ring is not closed (first and last positions differ)`,
    });
    return;
  }
  const crossing = findRingCrossing(ring);
  if (crossing) {
    out.push({
      rule: 'ring-self-intersection',
      message: `${where}: the ring crosses itself (edges ${crossing[0]} and ${crossing[1]})`,
    });
  }
}

function checkPolygon(rings: unknown, where: string, out: GeometryIssue[]): void {
  if (!Array.isArray(rings) || rings.length === 0) {
    out.push({ rule: 'coordinate-invalid', message: `${where}: a polygon needs at least one ring` });
    return;
  }
  rings.forEach((ring, r) => {
    checkRing(ring, `${where} ${r === 0 ? 'outer ring' : `hole ${r}`}`, out);
  });
}

/** Checks structure, WGS84 range and ring validity of an untrusted geometry. */
export function checkGeometry(geometry: unknown, allowed: readonly GeometryKind[]): GeometryIssue[] {
  const out: GeometryIssue[] = [];
  if (geometry === null || typeof geometry !== 'object') {
    return [{ rule: 'geometry-missing', message: 'the feature has no geometry' }];
  }
  const g = geometry as { type?: unknown; coordinates?: unknown };
  if (typeof g.type !== 'string' || !allowed.includes(g.type as GeometryKind)) {
    return [
      {
        rule: 'geometry-type',
        message: `geometry type ${String(g.type)} is not allowed here (expected ${allowed.join(' or ')})`,
      },
    ];
  }
  const c = g.coordinates;
  switch (g.type) {
    case 'Point':
      checkPosition(c, 'point', out);
      break;
    case 'MultiPoint':
      checkPositions(c, 'multipoint', out);
      break;
    case 'LineString':
      if (checkPositions(c, 'line', out) && c.length < 2) {
        out.push({ rule: 'line-too-short', message: 'line: a line needs at least 2 positions' });
      }
      break;
    case 'MultiLineString':
      if (!Array.isArray(c))
        out.push({ rule: 'coordinate-invalid', message: 'multiline: expected an array of lines' });
      else
        c.forEach((line, i) => {
          checkPositions(line, `line ${i}`, out);
        });
      break;
    case 'Polygon':
      checkPolygon(c, 'polygon', out);
      break;
    case 'MultiPolygon':
      if (!Array.isArray(c) || c.length === 0) {
        out.push({ rule: 'coordinate-invalid', message: 'multipolygon: expected at least one polygon' });
      } else
        c.forEach((poly, i) => {
          checkPolygon(poly, `polygon ${i}`, out);
        });
      break;
  }
  return out;
}
