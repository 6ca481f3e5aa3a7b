/**
 * Area of a polygon minus a union of equal discs, exactly (in the plane), without polygonising circles.
 *
 * Green's theorem: area = ½∮(x dy − y dx) around the region's boundary, taken with the region on the
 * left. The boundary of "cell minus discs" is made of (a) the parts of the cell's edges outside every
 * disc and (b) the arcs of each circle that lie inside the cell and outside every other disc, run
 * clockwise. Both kinds of piece have closed-form integrals, so the area needs only segment–circle and
 * circle–circle intersections — no clipping, nothing that can fail to close a ring, and no error from
 * approximating circles by polygons (a 64-gon would already miss 0.16 % of each disc).
 *
 * The same pieces, with arcs sampled, are chained into rings to draw the unreached part; that drawing is
 * best effort (null when the pieces do not chain), the area never depends on it.
 *
 * Coordinates are planar metres (local-frame.ts); rings must be oriented shell counter-clockwise,
 * holes clockwise.
 */
import { ringArea } from './planar.ts';

export type Pt = [number, number];

export interface DiscCoverResult {
  /** Area of the polygon outside every disc, in the coordinates' units squared. */
  area: number;
  /** That region as polygons (rings, shell first), or null when the pieces did not chain. */
  polygons: Pt[][][] | null;
}

interface Piece {
  pts: Pt[];
}

interface Cut {
  angle: number;
  /** The exact point that produced the cut, so neighbouring pieces end on identical coordinates. */
  at: Pt;
}

const TWO_PI = 2 * Math.PI;
const norm = (a: number) => ((a % TWO_PI) + TWO_PI) % TWO_PI;

/** Parameters t in (0, 1) where segment p→q crosses the circle (c, r), as [t1, t2] with t1 ≤ t2, or null. */
function segmentCircle(p: Pt, q: Pt, c: Pt, r: number): [number, number] | null {
  const dx = q[0] - p[0];
  const dy = q[1] - p[1];
  const a = dx * dx + dy * dy;
  if (a === 0) return null;
  const fx = p[0] - c[0];
  const fy = p[1] - c[1];
  const b = 2 * (dx * fx + dy * fy);
  const cc = fx * fx + fy * fy - r * r;
  const disc = b * b - 4 * a * cc;
  if (disc <= 0) return null; // missing or tangent: no length of the edge is inside
  const s = Math.sqrt(disc);
  return [(-b - s) / (2 * a), (-b + s) / (2 * a)];
}

const lerp = (p: Pt, q: Pt, t: number): Pt =>
  t === 0 ? p : t === 1 ? q : [p[0] + (q[0] - p[0]) * t, p[1] + (q[1] - p[1]) * t];

/** ½∫(x dy − y dx) along the circle (c, r) from angle `from` to `to` (counter-clockwise when to > from). */
function arcTerm(c: Pt, r: number, from: number, to: number): number {
  return (
    0.5 *
    r *
    (c[0] * (Math.sin(to) - Math.sin(from)) - c[1] * (Math.cos(to) - Math.cos(from)) + r * (to - from))
  );
}

function pointInRings(x: number, y: number, rings: readonly Pt[][]): boolean {
  // Even-odd over all rings: for valid polygons (holes inside shells) this is "inside, not in a hole".
  let inside = false;
  for (const ring of rings) {
    for (let i = 0, j = ring.length - 2; i < ring.length - 1; j = i++) {
      const a = ring[i] as Pt;
      const b = ring[j] as Pt;
      if (a[1] > y !== b[1] > y && x < ((b[0] - a[0]) * (y - a[1])) / (b[1] - a[1]) + a[0]) inside = !inside;
    }
  }
  return inside;
}

/**
 * @param rings  all rings of the polygon(s), closed, shells CCW and holes CW
 * @param centres disc centres (duplicates are ignored)
 * @param r      disc radius
 * @param sagitta largest gap between a drawn arc and the true circle, in the coordinates' units
 */
export function polygonMinusDiscs(
  rings: readonly Pt[][],
  centres: readonly Pt[],
  r: number,
  sagitta = 0.05,
): DiscCoverResult {
  const arcStep = Math.min(TWO_PI / 64, 2 * Math.acos(Math.max(-1, 1 - sagitta / r)));
  // Drawing arcs as chords adds r²/2·(Δ − sin Δ) per step to the drawn region; tracked so that the
  // drawn rings can be checked against the exact area.
  let chordExcess = 0;
  const arc = (c: Pt, from: number, to: number, start: Pt | null, end: Pt | null): Pt[] => {
    const n = Math.max(1, Math.ceil(Math.abs(from - to) / arcStep));
    const step = Math.abs(from - to) / n;
    chordExcess += (n * r * r * (step - Math.sin(step))) / 2;
    return sampleArc(c, r, from, to, n, start, end);
  };
  const seen = new Set<string>();
  const discs = centres.filter((c) => {
    const k = `${c[0]},${c[1]}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
  const r2 = r * r;
  const inOtherDisc = (x: number, y: number, skip: number) =>
    discs.some((c, j) => j !== skip && (x - c[0]) ** 2 + (y - c[1]) ** 2 < r2);
  let area = 0;
  const pieces: Piece[] = [];

  // (a) Edge parts outside every disc.
  for (const ring of rings) {
    for (let k = 0; k < ring.length - 1; k++) {
      const p = ring[k] as Pt;
      const q = ring[k + 1] as Pt;
      if (p[0] === q[0] && p[1] === q[1]) continue;
      const covered: [number, number][] = [];
      for (const c of discs) {
        const t = segmentCircle(p, q, c, r);
        if (!t) continue;
        const lo = Math.max(0, t[0]);
        const hi = Math.min(1, t[1]);
        if (lo < hi) covered.push([lo, hi]);
      }
      covered.sort((u, v) => u[0] - v[0]);
      let from = 0;
      const free: [number, number][] = [];
      for (const [lo, hi] of covered) {
        if (lo > from) free.push([from, lo]);
        from = Math.max(from, hi);
      }
      if (from < 1) free.push([from, 1]);
      for (const [u0, u1] of free) {
        const a = lerp(p, q, u0);
        const b = lerp(p, q, u1);
        area += 0.5 * (a[0] * b[1] - b[0] * a[1]);
        pieces.push({ pts: [a, b] });
      }
    }
  }

  // (b) Circle arcs inside the polygon and outside the other discs, run clockwise.
  discs.forEach((c, i) => {
    const cuts: Cut[] = [];
    discs.forEach((o, j) => {
      if (j === i) return;
      const dx = o[0] - c[0];
      const dy = o[1] - c[1];
      const d = Math.hypot(dx, dy);
      if (d >= 2 * r) return;
      // The two crossing points, computed the same way from either circle so that both arcs end on
      // identical coordinates: the midpoint of the centres ± h along the perpendicular.
      const h = Math.sqrt(r2 - (d / 2) ** 2);
      const [ux, uy] = c[0] < o[0] || (c[0] === o[0] && c[1] < o[1]) ? [dx / d, dy / d] : [-dx / d, -dy / d];
      const mx = (c[0] + o[0]) / 2;
      const my = (c[1] + o[1]) / 2;
      for (const s of [1, -1]) {
        const at: Pt = [mx - s * h * uy, my + s * h * ux];
        cuts.push({ angle: norm(Math.atan2(at[1] - c[1], at[0] - c[0])), at });
      }
    });
    for (const ring of rings) {
      for (let k = 0; k < ring.length - 1; k++) {
        const p = ring[k] as Pt;
        const q = ring[k + 1] as Pt;
        const t = segmentCircle(p, q, c, r);
        if (!t) continue;
        for (const tt of t) {
          if (tt < 0 || tt > 1) continue;
          const at = lerp(p, q, tt);
          cuts.push({ angle: norm(Math.atan2(at[1] - c[1], at[0] - c[0])), at });
        }
      }
    }
    const keep = (mid: number) => {
      const x = c[0] + r * Math.cos(mid);
      const y = c[1] + r * Math.sin(mid);
      return pointInRings(x, y, rings) && !inOtherDisc(x, y, i);
    };
    if (cuts.length === 0) {
      if (!keep(0)) return;
      area += arcTerm(c, r, TWO_PI, 0);
      pieces.push({ pts: arc(c, TWO_PI, 0, null, null) });
      return;
    }
    cuts.sort((u, v) => u.angle - v.angle);
    for (let k = 0; k < cuts.length; k++) {
      const a = cuts[k] as Cut;
      const b = cuts[(k + 1) % cuts.length] as Cut;
      const end = k + 1 < cuts.length ? b.angle : b.angle + TWO_PI;
      if (end - a.angle <= 0) continue;
      if (!keep((a.angle + end) / 2)) continue;
      area += arcTerm(c, r, end, a.angle);
      pieces.push({ pts: arc(c, end, a.angle, b.at, a.at) });
    }
  });

  return { area, polygons: chain(pieces, area + chordExcess) };
}

/** n + 1 points along the arc from angle `from` to `to`, starting and ending on the exact cut points. */
function sampleArc(
  c: Pt,
  r: number,
  from: number,
  to: number,
  n: number,
  start: Pt | null,
  end: Pt | null,
): Pt[] {
  const pts: Pt[] = [];
  for (let i = 0; i <= n; i++) {
    const a = from + ((to - from) * i) / n;
    pts.push([c[0] + r * Math.cos(a), c[1] + r * Math.sin(a)]);
  }
  if (start) pts[0] = start;
  if (end) pts[n] = end;
  return pts;
}

/**
 * Joins pieces end to start into closed rings, then nests holes (clockwise) in shells (counter-clockwise).
 * Gives up (null) when a piece has no successor or the rings' area strays from the expected one (the
 * exact area plus what the chords add) by more than 0.1 %.
 */
function chain(pieces: Piece[], expectedArea: number): Pt[][][] | null {
  const tol = 1e-6;
  const used = new Array<boolean>(pieces.length).fill(false);
  const rings: Pt[][] = [];
  for (let i = 0; i < pieces.length; i++) {
    if (used[i]) continue;
    used[i] = true;
    const ring = [...(pieces[i] as Piece).pts];
    for (let guard = 0; guard <= pieces.length; guard++) {
      const end = ring[ring.length - 1] as Pt;
      const first = ring[0] as Pt;
      if (ring.length > 3 && Math.abs(end[0] - first[0]) <= tol && Math.abs(end[1] - first[1]) <= tol) {
        ring[ring.length - 1] = first;
        break;
      }
      let best = -1;
      let bestD = tol;
      for (let j = 0; j < pieces.length; j++) {
        if (used[j]) continue;
        const s = (pieces[j] as Piece).pts[0] as Pt;
        const d = Math.max(Math.abs(s[0] - end[0]), Math.abs(s[1] - end[1]));
        if (d <= bestD) {
          best = j;
          bestD = d;
        }
      }
      if (best < 0) return null;
      used[best] = true;
      ring.push(...(pieces[best] as Piece).pts.slice(1));
    }
    const last = ring[ring.length - 1] as Pt;
    if (last !== ring[0]) return null;
    if (ringArea(ring) !== 0) rings.push(ring);
  }
  const total = rings.reduce((s, ring) => s + ringArea(ring), 0);
  if (Math.abs(total - expectedArea) > 1e-3 * Math.max(expectedArea, 1e-6)) return null;
  const shells = rings.filter((ring) => ringArea(ring) > 0);
  const holes = rings.filter((ring) => ringArea(ring) < 0);
  const polygons: Pt[][][] = shells.map((s) => [s]);
  for (const h of holes) {
    const [x, y] = h[0] as Pt;
    // The smallest shell around the hole's first point owns it.
    let owner: Pt[][] | undefined;
    let ownerArea = Infinity;
    for (const p of polygons) {
      const shell = p[0] as Pt[];
      const a = ringArea(shell);
      if (a < ownerArea && pointInRings(x, y, [shell])) {
        owner = p;
        ownerArea = a;
      }
    }
    if (!owner) return null;
    owner.push(h);
  }
  return polygons;
}
