import type { Polygon, Position } from 'geojson';
import type { AreaGeometry } from '../data/grid-index.ts';

const METERS_PER_DEGREE = 111_320;

/** Distance in metres from p to segment ab, in a local equirectangular frame (fine at cell scale). */
function pointSegmentMeters(p: Position, a: Position, b: Position): number {
  const k = Math.cos(((p[1] as number) * Math.PI) / 180) * METERS_PER_DEGREE;
  const px = (p[0] as number) * k;
  const py = (p[1] as number) * METERS_PER_DEGREE;
  const ax = (a[0] as number) * k;
  const ay = (a[1] as number) * METERS_PER_DEGREE;
  const bx = (b[0] as number) * k;
  const by = (b[1] as number) * METERS_PER_DEGREE;
  const dx = bx - ax;
  const dy = by - ay;
  const len2 = dx * dx + dy * dy;
  const t = len2 === 0 ? 0 : Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / len2));
  return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
}

/** Perimeter of a polygon (all rings) in metres, in the same local frame. */
export function perimeterM(piece: Polygon): number {
  let total = 0;
  for (const r of piece.coordinates) {
    for (let i = 0; i < r.length - 1; i++)
      total += pointSegmentMeters(r[i] as Position, r[i + 1] as Position, r[i + 1] as Position);
  }
  return total;
}

/** Average width of a piece, 2·area / perimeter: a long thin sliver scores near its thickness. */
export function meanWidthM(piece: Polygon, areaM2: number): number {
  const p = perimeterM(piece);
  return p === 0 ? 0 : (2 * areaM2) / p;
}

function ringsOf(g: AreaGeometry): Position[][] {
  return g.type === 'Polygon' ? g.coordinates : g.coordinates.flat();
}

/**
 * True when some vertex of `piece` lies within `toleranceM` of an edge of `cell`: the cell borders the
 * piece. Used to name the cells around a gap; exact adjacency is not needed, only a helpful list.
 */
export function bordersPolygon(cell: AreaGeometry, piece: Polygon, toleranceM = 1): boolean {
  const rings = ringsOf(cell);
  for (const ring of piece.coordinates) {
    for (const p of ring) {
      for (const r of rings) {
        for (let i = 0; i < r.length - 1; i++) {
          if (pointSegmentMeters(p, r[i] as Position, r[i + 1] as Position) <= toleranceM) return true;
        }
      }
    }
  }
  return false;
}
