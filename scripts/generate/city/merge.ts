/**
 * Union of cells that share exact edges (same vertices, opposite directions), without a clipping
 * library: every directed edge of every ring is collected, each edge that also occurs reversed lies
 * between two members and cancels, and the edges left over are chained into rings. Exact and linear in
 * the number of edges — a turf/polyclip union of thousands of cells takes minutes (turf #2092) — and
 * valid here because the city grid's cells come from one Voronoi diagram and share their vertices.
 */
import { at, type MultiPoly, type Pos, pointInRing, type Ring, ringArea2 } from '../geo.ts';

const key = (p: Pos) => `${p[0]},${p[1]}`;

/** Rings oriented as RFC 7946 wants: outer counter-clockwise, holes clockwise. */
export function orient(shape: MultiPoly): MultiPoly {
  return shape.map((poly) =>
    poly.map((ring, i) => {
      const ccw = ringArea2(ring) > 0;
      return (i === 0) === ccw ? ring : ring.slice().reverse();
    }),
  );
}

interface Edge {
  from: Pos;
  to: Pos;
  used: boolean;
}

/** The union of `shapes` (each oriented, see orient()), as polygons with their holes. */
export function mergeShapes(shapes: readonly MultiPoly[]): MultiPoly {
  const edges = new Map<string, Edge>();
  for (const shape of shapes) {
    for (const poly of shape) {
      for (const ring of poly) {
        for (let i = 0; i + 1 < ring.length; i++) {
          const a = at(ring, i);
          const b = at(ring, i + 1);
          const reverse = `${key(b)}>${key(a)}`;
          if (edges.has(reverse)) edges.delete(reverse);
          else edges.set(`${key(a)}>${key(b)}`, { from: a, to: b, used: false });
        }
      }
    }
  }
  const outgoing = new Map<string, Edge[]>();
  for (const e of edges.values()) {
    const k = key(e.from);
    const list = outgoing.get(k);
    if (list) list.push(e);
    else outgoing.set(k, [e]);
  }
  const rings: Ring[] = [];
  for (const start of edges.values()) {
    if (start.used) continue;
    start.used = true;
    const ring: Ring = [start.from, start.to];
    let current = start;
    while (key(current.to) !== key(start.from)) {
      const candidates = (outgoing.get(key(current.to)) ?? []).filter((e) => !e.used);
      if (candidates.length === 0) throw new Error(`open ring at ${key(current.to)}`);
      // Where the shape touches itself at a vertex, take the leftmost turn: with the interior on the left
      // that closes the smallest loop, so the two lobes become two simple rings.
      const dx = current.to[0] - current.from[0];
      const dy = current.to[1] - current.from[1];
      let best = at(candidates, 0);
      let bestAngle = -Infinity;
      for (const c of candidates) {
        const ex = c.to[0] - c.from[0];
        const ey = c.to[1] - c.from[1];
        const angle = Math.atan2(dx * ey - dy * ex, dx * ex + dy * ey);
        if (angle > bestAngle) {
          bestAngle = angle;
          best = c;
        }
      }
      best.used = true;
      ring.push(best.to);
      current = best;
    }
    rings.push(ring);
  }
  const outers = rings.filter((r) => ringArea2(r) > 0).map((r): Ring[] => [r]);
  for (const hole of rings.filter((r) => ringArea2(r) < 0)) {
    // A hole's vertices lie inside exactly one outer ring (possibly touching it at a vertex): test the
    // midpoint of its first edge.
    const a = at(hole, 0);
    const b = at(hole, 1);
    const mid: Pos = [(a[0] + b[0]) / 2, (a[1] + b[1]) / 2];
    // The innermost outer ring containing it (an island inside a hole may hold a hole of its own).
    const owners = outers.filter((poly) => pointInRing(mid, at(poly, 0)));
    const owner = owners.sort((x, y) => ringArea2(at(x, 0)) - ringArea2(at(y, 0)))[0];
    if (!owner) throw new Error(`a hole at ${key(a)} lies in no outer ring`);
    owner.push(hole);
  }
  return outers;
}
