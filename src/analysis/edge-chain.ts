import type { Position } from 'geojson';
import { type Box, boxesOverlap } from './planar.ts';

/**
 * Exact tiling test by edge bookkeeping, no clipping.
 *
 * Give every valid region (valid-region.ts: shells counter-clockwise, holes clockwise) its boundary as
 * a sum of directed edges. If the children's edges minus the parent's edges cancel exactly — every edge
 * a child has is matched by the same edge reversed in a sibling, or by the same edge in the parent — then
 * the children's winding numbers add up to the parent's at every point. Valid regions have winding 1
 * inside and 0 outside, so the children then tile the parent exactly: no gap, no overlap, nothing
 * outside. This needs shared edges to carry identical vertices, which packs cut from their parent do
 * (docs/region-pack.md, "Practical notes"); it compares coordinates for equality, so it is exact.
 *
 * Where edges do not cancel, the leftover ("residual") edges form closed chains, and every gap, overlap
 * or piece outside the parent lies inside the bounding box of one of them (a closed chain winds zero
 * times around any point outside its box). `residualWindows` returns those boxes, so that clipping is
 * confined to them.
 */
export interface ResidualEdge {
  ax: number;
  ay: number;
  bx: number;
  by: number;
}

/**
 * Edges of Σ children − parent that do not cancel; empty means the children tile the parent exactly.
 * Edges are put in canonical direction (smaller end first, the direction becoming a ±1 sign) and sorted,
 * so equal edges sit side by side and their signs are summed — typed arrays and one sort rather than a
 * string key per edge, which kept the garbage collector busy on 60,000 edges.
 */
export function residualEdges(
  children: readonly (readonly Position[][][])[],
  parent: readonly Position[][][],
): ResidualEdge[] {
  let n = 0;
  const count = (polygons: readonly Position[][][]) => {
    for (const rings of polygons) for (const ring of rings) n += Math.max(0, ring.length - 1);
  };
  for (const child of children) count(child);
  count(parent);
  const xy = new Float64Array(4 * n);
  const sign = new Int8Array(n);
  let m = 0;
  const add = (polygons: readonly Position[][][], s: 1 | -1) => {
    for (const rings of polygons) {
      for (const ring of rings) {
        for (let i = 0; i < ring.length - 1; i++) {
          const a = ring[i] as Position;
          const b = ring[i + 1] as Position;
          const ax = a[0] as number;
          const ay = a[1] as number;
          const bx = b[0] as number;
          const by = b[1] as number;
          if (ax === bx && ay === by) continue;
          const forward = ax < bx || (ax === bx && ay < by);
          const o = 4 * m;
          xy[o] = forward ? ax : bx;
          xy[o + 1] = forward ? ay : by;
          xy[o + 2] = forward ? bx : ax;
          xy[o + 3] = forward ? by : ay;
          sign[m] = forward ? s : -s;
          m++;
        }
      }
    }
  };
  for (const child of children) add(child, 1);
  add(parent, -1);
  const order = new Uint32Array(m);
  for (let i = 0; i < m; i++) order[i] = i;
  const cmp = (i: number, j: number) =>
    (xy[4 * i] as number) - (xy[4 * j] as number) ||
    (xy[4 * i + 1] as number) - (xy[4 * j + 1] as number) ||
    (xy[4 * i + 2] as number) - (xy[4 * j + 2] as number) ||
    (xy[4 * i + 3] as number) - (xy[4 * j + 3] as number);
  order.sort(cmp);
  const out: ResidualEdge[] = [];
  for (let k = 0; k < m; ) {
    const first = order[k] as number;
    let total = 0;
    let l = k;
    for (; l < m && cmp(first, order[l] as number) === 0; l++) total += sign[order[l] as number] as number;
    if (total !== 0) {
      const o = 4 * first;
      out.push({
        ax: xy[o] as number,
        ay: xy[o + 1] as number,
        bx: xy[o + 2] as number,
        by: xy[o + 3] as number,
      });
    }
    k = l;
  }
  return out;
}

/**
 * Boxes around the connected chains of residual edges, grown by `margin` degrees so that each problem
 * piece lies strictly inside one, and merged where they overlap so that no piece is counted twice.
 */
export function residualWindows(edges: readonly ResidualEdge[], margin: number): Box[] {
  // Union-find over the edges' end points: one set per connected chain.
  const vertex = new Map<string, number>();
  const parent: number[] = [];
  const idOf = (x: number, y: number): number => {
    const key = `${x},${y}`;
    let id = vertex.get(key);
    if (id === undefined) {
      id = parent.length;
      vertex.set(key, id);
      parent.push(id);
    }
    return id;
  };
  const find = (i: number): number => {
    let root = i;
    while (parent[root] !== root) root = parent[root] as number;
    for (let c = i; parent[c] !== root; ) {
      const next = parent[c] as number;
      parent[c] = root;
      c = next;
    }
    return root;
  };
  const starts = edges.map((e) => {
    const a = idOf(e.ax, e.ay);
    const ra = find(a);
    const rb = find(idOf(e.bx, e.by));
    if (ra !== rb) parent[ra] = rb;
    return a;
  });
  const boxes = new Map<number, Box>();
  edges.forEach((e, i) => {
    const root = find(starts[i] as number);
    const box = boxes.get(root) ?? [Infinity, Infinity, -Infinity, -Infinity];
    box[0] = Math.min(box[0], e.ax, e.bx);
    box[1] = Math.min(box[1], e.ay, e.by);
    box[2] = Math.max(box[2], e.ax, e.bx);
    box[3] = Math.max(box[3], e.ay, e.by);
    boxes.set(root, box);
  });
  let windows: Box[] = [...boxes.values()].map((b) => [
    b[0] - margin,
    b[1] - margin,
    b[2] + margin,
    b[3] + margin,
  ]);
  // Merge until no two overlap (few windows per parent in practice, so the quadratic loop is fine).
  for (let merged = true; merged; ) {
    merged = false;
    const next: Box[] = [];
    for (const w of windows) {
      const hit = next.find((n) => boxesOverlap(n, w));
      if (hit) {
        hit[0] = Math.min(hit[0], w[0]);
        hit[1] = Math.min(hit[1], w[1]);
        hit[2] = Math.max(hit[2], w[2]);
        hit[3] = Math.max(hit[3], w[3]);
        merged = true;
      } else next.push([...w]);
    }
    windows = next;
  }
  return windows;
}
