/**
 * Turns the floating-point shapes into a clean, shared-edge topology on the 6-decimal grid.
 *
 * Rounding each polygon on its own would make neighbours disagree: a cut point two siblings computed
 * separately may round differently, and a child's cut point on its parent's edge is not a vertex of the
 * parent (or of the parent's neighbour), so the rounded child pokes ~0.05 m past or short of it. Over a
 * 1 km edge that is tens of m² of fake gap or overlap. So, working in integer micro-degrees:
 *  1. round, then snap vertices within 1 unit (0.1 m) of each other to one canonical vertex (the
 *     outline's vertices come first, so they never move);
 *  2. "node" every ring, the district outline included: any vertex lying on one of its edges (within
 *     3 units) is inserted there, so the outline, parents, children and neighbours all carry the same
 *     vertex sequence along shared edges. The outline only gains vertices, each within ~0.2 m of its
 *     edge; without them the top level could not tile it exactly;
 *  3. drop duplicates and zero-width spikes, orient rings (RFC 7946: outer counter-clockwise), and check
 *     with exact integer arithmetic that no ring crosses or touches itself.
 */
import Flatbush from 'flatbush';
import { at, type MultiPoly, type Pos, type Ring } from './geo.ts';

type IRing = Pos[]; // integer micro-degrees, closed
type IPoly = IRing[];
type IShape = IPoly[];

const SCALE = 1e6;
const SNAP = 1;
const NODE_TOL = 3;

const key = (p: Pos) => `${p[0]},${p[1]}`;
const toInt = (p: Pos): Pos => [Math.round(p[0] * SCALE), Math.round(p[1] * SCALE)];
const cross = (a: Pos, b: Pos, c: Pos) => (b[0] - a[0]) * (c[1] - a[1]) - (b[1] - a[1]) * (c[0] - a[0]);

export interface TopologyReport {
  vertices: number;
  snapped: number;
  outlineVerticesAdded: number;
  inserted: number;
  spikesRemoved: number;
  ringsDropped: number;
}

export interface TopologyOptions {
  /**
   * Also node vertices lying beside an edge's end (within NODE_TOL of the edge, but more than 0.5 units
   * from the end). Without it, two vertices 2–3 units apart that did not snap can leave a ring with a
   * tiny jog its neighbour lacks (seen on some Putuo seeds). Off for Jiading, whose committed pack was
   * made without it and must stay byte-identical; on for districts added since.
   */
  nodeNearEnds: boolean;
}

class Canonical {
  private buckets = new Map<string, Pos[]>();
  readonly map = new Map<string, Pos>();
  snapped = 0;

  private bucketKey(x: number, y: number) {
    return `${Math.floor(x / (2 * SNAP))},${Math.floor(y / (2 * SNAP))}`;
  }

  add(p: Pos): Pos {
    const k = key(p);
    const known = this.map.get(k);
    if (known) return known;
    const bx = Math.floor(p[0] / (2 * SNAP));
    const by = Math.floor(p[1] / (2 * SNAP));
    for (let dx = -1; dx <= 1; dx++) {
      for (let dy = -1; dy <= 1; dy++) {
        for (const q of this.buckets.get(`${bx + dx},${by + dy}`) ?? []) {
          if (Math.abs(q[0] - p[0]) <= SNAP && Math.abs(q[1] - p[1]) <= SNAP) {
            this.map.set(k, q);
            this.snapped++;
            return q;
          }
        }
      }
    }
    const bk = this.bucketKey(p[0], p[1]);
    const list = this.buckets.get(bk) ?? [];
    list.push(p);
    this.buckets.set(bk, list);
    this.map.set(k, p);
    return p;
  }
}

function cleanRing(ring: IRing, report: TopologyReport): IRing | null {
  const pts = ring.slice(0, -1);
  let changed = true;
  while (changed && pts.length >= 3) {
    changed = false;
    for (let i = 0; i < pts.length; i++) {
      const p = at(pts, i);
      const next = at(pts, (i + 1) % pts.length);
      if (p[0] === next[0] && p[1] === next[1]) {
        pts.splice(i, 1);
        changed = true;
        break;
      }
      const prev = at(pts, (i - 1 + pts.length) % pts.length);
      if (prev[0] === next[0] && prev[1] === next[1]) {
        // A→B→A spike: remove B (the duplicate A goes in the next pass).
        pts.splice(i, 1);
        report.spikesRemoved++;
        changed = true;
        break;
      }
      // A vertex collinear with its neighbours and pointing back (a fold) is a spike too.
      if (
        cross(prev, p, next) === 0 &&
        (p[0] - prev[0]) * (next[0] - p[0]) + (p[1] - prev[1]) * (next[1] - p[1]) < 0
      ) {
        pts.splice(i, 1);
        report.spikesRemoved++;
        changed = true;
        break;
      }
    }
  }
  if (pts.length < 3) return null;
  return [...pts, at(pts, 0)];
}

function ringArea2(ring: IRing): number {
  const o = at(ring, 0);
  let s = 0;
  for (let i = 1; i + 1 < ring.length; i++) s += cross(o, at(ring, i), at(ring, i + 1));
  return s;
}

/** First pair of non-adjacent edges that touch or cross, by exact integer tests, or null. */
export function ringDefect(ring: IRing): string | null {
  const n = ring.length - 1;
  const seen = new Set<string>();
  for (let i = 0; i < n; i++) {
    const k = key(at(ring, i));
    if (seen.has(k)) return `vertex ${k} visited twice`;
    seen.add(k);
  }
  const order = Array.from({ length: n }, (_, i) => i);
  const minX = (i: number) => Math.min(at(ring, i)[0], at(ring, i + 1)[0]);
  const maxX = (i: number) => Math.max(at(ring, i)[0], at(ring, i + 1)[0]);
  order.sort((a, b) => minX(a) - minX(b));
  const sgn = (v: number) => (v > 0 ? 1 : v < 0 ? -1 : 0);
  for (let oi = 0; oi < n; oi++) {
    const i = at(order, oi);
    const a = at(ring, i);
    const b = at(ring, i + 1);
    for (let oj = oi + 1; oj < n; oj++) {
      const j = at(order, oj);
      if (minX(j) > maxX(i)) break;
      if (Math.abs(i - j) === 1 || Math.abs(i - j) === n - 1) continue;
      const c = at(ring, j);
      const d = at(ring, j + 1);
      if (Math.min(c[1], d[1]) > Math.max(a[1], b[1]) || Math.min(a[1], b[1]) > Math.max(c[1], d[1]))
        continue;
      const d1 = sgn(cross(a, b, c));
      const d2 = sgn(cross(a, b, d));
      const d3 = sgn(cross(c, d, a));
      const d4 = sgn(cross(c, d, b));
      if (d1 * d2 < 0 && d3 * d4 < 0) return `edges ${i} and ${j} cross`;
      if (d1 === 0 && d2 === 0 && d3 === 0 && d4 === 0) {
        // Collinear: overlapping if their extents along the line intersect.
        const t = (p: Pos) => (p[0] - a[0]) * (b[0] - a[0]) + (p[1] - a[1]) * (b[1] - a[1]);
        const lo = Math.min(t(c), t(d));
        const hi = Math.max(t(c), t(d));
        if (hi > 0 && lo < t(b)) return `edges ${i} and ${j} overlap`;
      }
    }
  }
  return null;
}

/**
 * Holds the canonical vertices between calls: `fix` is applied to every level as soon as it is made,
 * before it is split further, so children are cut from exactly the shape that will be written; `finish`
 * then nodes everything (outline included) against everything once.
 */
export class Topology {
  readonly report: TopologyReport = {
    vertices: 0,
    snapped: 0,
    outlineVerticesAdded: 0,
    inserted: 0,
    spikesRemoved: 0,
    ringsDropped: 0,
  };
  private canon = new Canonical();
  private outlineInt: IRing;

  constructor(
    outline: Ring,
    private readonly options: TopologyOptions = { nodeNearEnds: false },
  ) {
    this.outlineInt = outline.map(toInt);
    for (const p of this.outlineInt) this.canon.add(p);
  }

  private clean(list: IShape[]): IShape[] {
    return list.map((shape) =>
      shape.flatMap((poly) => {
        const [outer, ...holes] = poly.map((ring) => cleanRing(ring, this.report));
        if (!outer) {
          // A collapsed outer ring takes its holes with it.
          this.report.ringsDropped += poly.length;
          return [];
        }
        const kept = holes.filter((h): h is IRing => h !== null);
        this.report.ringsDropped += holes.length - kept.length;
        return [[outer, ...kept]];
      }),
    );
  }

  /** Rounds and snaps new shapes; returns them in degrees, holding exact 6-decimal values. */
  fix(shapes: readonly MultiPoly[]): MultiPoly[] {
    const ints: IShape[] = shapes.map((shape) =>
      shape.map((poly) => poly.map((ring) => ring.map((p) => this.canon.add(toInt(p))))),
    );
    this.report.snapped = this.canon.snapped;
    return this.clean(ints).map(toDegrees);
  }

  /**
   * Nodes all shapes and the outline against each other's vertices, orients and validates them.
   * Returns the shapes and the noded outline (its own vertices unchanged, counter-clockwise).
   */
  finish(shapes: readonly MultiPoly[]): { shapes: MultiPoly[]; outline: Ring } {
    const outlineShape: IShape = [[this.outlineInt]];
    let current: IShape[] = [
      ...this.clean([outlineShape]),
      ...this.clean(shapes.map((shape) => shape.map((poly) => poly.map((ring) => ring.map(toInt))))),
    ];
    const vertexMap = new Map<string, Pos>();
    for (const shape of current)
      for (const poly of shape) for (const ring of poly) for (const p of ring) vertexMap.set(key(p), p);
    const vertices = [...vertexMap.values()];
    this.report.vertices = vertices.length;
    const pointIndex = new Flatbush(vertices.length);
    for (const p of vertices) pointIndex.add(p[0], p[1], p[0], p[1]);
    pointIndex.finish();
    for (let pass = 0; pass < 6; pass++) {
      let added = 0;
      current = current.map((shape) =>
        shape.map((poly) =>
          poly.map((ring) => {
            const r = nodeRing(ring, vertices, pointIndex, this.options.nodeNearEnds);
            added += r.added;
            return r.ring;
          }),
        ),
      );
      this.report.inserted += added;
      if (added === 0) break;
    }
    current = this.clean(current);
    const problems: string[] = [];
    const result = current.map((shape, si) =>
      shape.map((poly) =>
        poly.map((ring, r) => {
          const oriented = ringArea2(ring) > 0 === (r === 0) ? ring : ring.slice().reverse();
          const defect = ringDefect(oriented);
          if (defect)
            problems.push(`shape ${si} ring ${r}: ${defect} in ${JSON.stringify(oriented.slice(0, 12))}`);
          return oriented;
        }),
      ),
    );
    if (problems.length > 0) {
      throw new Error(`topology: ${problems.length} invalid rings: ${problems.slice(0, 5).join('; ')}`);
    }
    const [outline, ...rest] = result.map(toDegrees);
    const outlineRing = outline?.[0]?.[0];
    if (!outlineRing || outline.length !== 1) throw new Error('topology: the outline fell apart');
    this.report.outlineVerticesAdded = outlineRing.length - this.outlineInt.length;
    return { shapes: rest, outline: outlineRing };
  }
}

const toDegrees = (shape: IShape): MultiPoly =>
  shape.map((poly) => poly.map((ring) => ring.map((p) => [p[0] / SCALE, p[1] / SCALE] as Pos)));

/** Inserts into each edge of the ring every vertex lying on it (within NODE_TOL units). */
function nodeRing(
  ring: IRing,
  vertices: readonly Pos[],
  index: Flatbush,
  nearEnds: boolean,
): { ring: IRing; added: number } {
  const out: IRing = [];
  let added = 0;
  for (let i = 0; i + 1 < ring.length; i++) {
    const a = at(ring, i);
    const b = at(ring, i + 1);
    out.push(a);
    const len = Math.hypot(b[0] - a[0], b[1] - a[1]);
    const hits: { t: number; p: Pos }[] = [];
    for (const vi of index.search(
      Math.min(a[0], b[0]) - NODE_TOL,
      Math.min(a[1], b[1]) - NODE_TOL,
      Math.max(a[0], b[0]) + NODE_TOL,
      Math.max(a[1], b[1]) + NODE_TOL,
    )) {
      const v = at(vertices, vi);
      const t = ((v[0] - a[0]) * (b[0] - a[0]) + (v[1] - a[1]) * (b[1] - a[1])) / (len * len);
      if (nearEnds) {
        // Skip only the ends themselves: a vertex a few units beside an end, which the projection test
        // below would skip, is a real vertex of a neighbour; the edge must carry it too, or the two
        // rings disagree there by a sliver and the partition check fails.
        if (t * len <= 0 || (1 - t) * len <= 0) continue;
        if (Math.hypot(v[0] - a[0], v[1] - a[1]) <= 0.5 || Math.hypot(v[0] - b[0], v[1] - b[1]) <= 0.5)
          continue;
      } else if (t * len <= 0.5 || (1 - t) * len <= 0.5) continue;
      if (Math.abs(cross(a, b, v)) / len > NODE_TOL) continue;
      hits.push({ t, p: v });
    }
    hits.sort((x, y) => x.t - y.t);
    for (const h of hits) out.push(h.p);
    added += hits.length;
  }
  out.push(at(out, 0));
  return { ring: out, added };
}
