import type { Position } from 'geojson';
import type { AreaGeometry } from '../data/grid-index.ts';
import { type Box, boxContains, polygonsOfGeometry, signedArea2 } from './planar.ts';

/**
 * Cuts an areal geometry to an axis-aligned box with Sutherland–Hodgman, ring by ring: linear time,
 * no sweep. Cutting a 700-vertex district outline to a 200 m window this way and then clipping the small
 * pieces is far cheaper than handing polyclip-ts the whole outline (its cost grows with every edge it
 * is given, `npm run bench`).
 *
 * Where a concave ring leaves and re-enters the box, the result has zero-width "bridges" along the box
 * edge. polyclip-ts reads rings by the non-zero rule and accepts self-touching rings (its README,
 * "Input"), so the bridges add nothing to any area; callers only pass these cuts to polyclip.
 */
export function clipToBox(g: AreaGeometry, box: Box): AreaGeometry | null {
  const polygons: Position[][][] = [];
  for (const rings of polygonsOfGeometry(g)) {
    const [outer, ...holes] = rings;
    if (!outer) continue;
    const cutOuter = clipRing(outer, box);
    if (!cutOuter) continue;
    const cut = [cutOuter];
    for (const h of holes) {
      const c = clipRing(h, box);
      if (c) cut.push(c);
    }
    polygons.push(cut);
  }
  if (polygons.length === 0) return null;
  return polygons.length === 1
    ? { type: 'Polygon', coordinates: polygons[0] as Position[][] }
    : { type: 'MultiPolygon', coordinates: polygons };
}

/** The geometry itself when it already lies in the box. */
export const cutToBox = (g: AreaGeometry, gBox: readonly number[], box: Box): AreaGeometry | null =>
  boxContains(box, gBox) ? g : clipToBox(g, box);

type Inside = (p: Position) => boolean;
type Cross = (a: Position, b: Position) => Position;

function clipRing(ring: readonly Position[], [x0, y0, x1, y1]: Box): Position[] | null {
  const at = (p: Position, i: 0 | 1) => p[i] as number;
  const onX =
    (x: number): Cross =>
    (a, b) => [x, at(a, 1) + ((at(b, 1) - at(a, 1)) * (x - at(a, 0))) / (at(b, 0) - at(a, 0))];
  const onY =
    (y: number): Cross =>
    (a, b) => [at(a, 0) + ((at(b, 0) - at(a, 0)) * (y - at(a, 1))) / (at(b, 1) - at(a, 1)), y];
  const planes: [Inside, Cross][] = [
    [(p) => at(p, 0) >= x0, onX(x0)],
    [(p) => at(p, 0) <= x1, onX(x1)],
    [(p) => at(p, 1) >= y0, onY(y0)],
    [(p) => at(p, 1) <= y1, onY(y1)],
  ];
  // Open ring (without the closing position) through each half-plane in turn.
  let pts = ring.slice(0, -1);
  for (const [inside, cross] of planes) {
    const next: Position[] = [];
    for (let i = 0; i < pts.length; i++) {
      const cur = pts[i] as Position;
      const prev = pts[(i + pts.length - 1) % pts.length] as Position;
      const curIn = inside(cur);
      if (curIn !== inside(prev)) next.push(cross(prev, cur));
      if (curIn) next.push(cur);
    }
    pts = next;
    if (pts.length < 3) return null;
  }
  const closed = [...pts, pts[0] as Position];
  return signedArea2(closed) === 0 ? null : closed;
}
