/**
 * Deliberate, documented imperfections, so that the validator and the coverage tools have something
 * real to find. Each flaw is built to produce exactly one finding:
 *  - a gap at level L removes a region from one cell of level L and from all its descendants, so every
 *    child still lies inside its parent, and only the parent (or the boundary, for the top level) is
 *    left uncovered there;
 *  - the overlap grows micro cell A into its sibling B by a half-disc that lies inside B, so both stay
 *    inside their parent and the parent stays covered.
 */
import {
  areaM2,
  at,
  bboxOf,
  circle,
  clipDifference,
  clipIntersect,
  clipUnion,
  distanceToOutlineKm,
  distKm,
  fromKm,
  type MultiPoly,
  type Pos,
  pointInShape,
  type Ring,
  toKm,
} from './geo.ts';
import type { Cell, LevelId } from './grids.ts';
import type { Rng } from './random.ts';

export interface Flaw {
  kind: 'gap' | 'overlap';
  level: LevelId;
  /** The cell whose children no longer cover it (gap) or the common parent (overlap); null = boundary. */
  parent: string | null;
  /** Gap: the level-L cells the region was cut from. Overlap: the two overlapping cells. */
  ids: string[];
  /** Filled in from the final, rounded geometry (turf.area of the uncovered / doubly covered piece). */
  areaM2: number;
  description: string;
}

interface Ctx {
  cells: Map<string, Cell>;
  rng: Rng;
  fix: (shapes: MultiPoly[]) => MultiPoly[];
  used: Set<string>; // communities already carrying a flaw, to keep flaws apart
}

const descendants = (ctx: Ctx, cell: Cell): Cell[] =>
  cell.children.flatMap((id) => {
    const c = ctx.cells.get(id);
    return c ? [c, ...descendants(ctx, c)] : [];
  });

/** The community a cell belongs to (itself for communities; the area's own id for areas). */
const communityOf = (cell: Cell): string => (cell.level === 'micro' ? (cell.parent ?? '') : cell.id);

/** Removes `region` from the cell and every descendant it touches; refuses (returns false) when a cell
 * would fall apart or lose most of itself, which would create findings other than the one intended. */
function cut(ctx: Ctx, cell: Cell, region: MultiPoly): boolean {
  const targets = [cell, ...descendants(ctx, cell)];
  const next: { c: Cell; shape: MultiPoly }[] = [];
  for (const c of targets) {
    const [a, b, c2, d] = bboxOf(c.shape);
    const [e, f, g, h] = bboxOf(region);
    if (c2 < e || g < a || d < f || h < b) continue;
    const hit = clipIntersect(c.shape, region);
    if (hit.length === 0) continue;
    const shape = clipDifference(c.shape, region);
    if (shape.length !== 1 || areaM2(shape) < 0.5 * areaM2(c.shape)) return false;
    next.push({ c, shape });
  }
  const fixed = ctx.fix(next.map((n) => n.shape));
  next.forEach((n, i) => {
    n.c.shape = at(fixed, i);
  });
  return true;
}

/** A point inside the shape far from its outline: the best of some candidates. */
function deepPoint(shape: MultiPoly, rng: Rng): { p: Pos; depthKm: number } {
  const [minX, minY, maxX, maxY] = bboxOf(shape);
  let best: Pos = [minX, minY];
  let bestDepth = -1;
  for (let i = 0; i < 150; i++) {
    const p: Pos = [rng.uniform(minX, maxX), rng.uniform(minY, maxY)];
    if (!pointInShape(p, shape)) continue;
    const d = distanceToOutlineKm(p, shape);
    if (d > bestDepth) {
      bestDepth = d;
      best = p;
    }
  }
  return { p: best, depthKm: bestDepth };
}

/** Straight edges two cells share (same two vertices, opposite directions), longest first. */
function sharedEdges(a: MultiPoly, b: MultiPoly): [Pos, Pos][] {
  const k = (p: Pos) => `${p[0]},${p[1]}`;
  const theirs = new Set<string>();
  for (const poly of b)
    for (const ring of poly)
      for (let i = 0; i + 1 < ring.length; i++) theirs.add(`${k(at(ring, i + 1))}|${k(at(ring, i))}`);
  const out: [Pos, Pos][] = [];
  for (const poly of a) {
    for (const ring of poly) {
      for (let i = 0; i + 1 < ring.length; i++) {
        if (theirs.has(`${k(at(ring, i))}|${k(at(ring, i + 1))}`)) out.push([at(ring, i), at(ring, i + 1)]);
      }
    }
  }
  return out.sort((x, y) => distKm(y[0], y[1]) - distKm(x[0], x[1]));
}

function touchesOthers(
  ctx: Ctx,
  region: MultiPoly,
  siblings: readonly string[],
  allowed: readonly string[],
): boolean {
  return siblings.some((id) => {
    if (allowed.includes(id)) return false;
    const c = ctx.cells.get(id);
    return !!c && clipIntersect(c.shape, region).length > 0;
  });
}

function microsOf(ctx: Ctx, community: Cell): Cell[] {
  return community.children.map((id) => ctx.cells.get(id)).filter((c): c is Cell => !!c);
}

function candidates(ctx: Ctx, level: LevelId, towns: readonly string[]): Cell[] {
  return ctx.rng.shuffle(
    [...ctx.cells.values()].filter(
      (c) => c.level === level && towns.includes(c.town) && !ctx.used.has(communityOf(c)),
    ),
  );
}

/** Top level: a notch at the district outline, inside one area grid. */
function boundaryNotch(ctx: Ctx, outline: Ring, towns: readonly string[]): Flaw {
  const areas = [...ctx.cells.values()].filter((c) => c.level === 'area');
  const outlineKeys = new Set(outline.map((p) => `${p[0]},${p[1]}`));
  for (const area of candidates(ctx, 'area', towns)) {
    const ring = at(at(area.shape, 0), 0);
    for (const v of ctx.rng.shuffle(ring.filter((p) => outlineKeys.has(`${p[0]},${p[1]}`)))) {
      const disk: MultiPoly = [[circle(v, 110)]];
      if (areas.some((o) => o !== area && clipIntersect(o.shape, disk).length > 0)) continue;
      const inside = clipIntersect(area.shape, disk);
      if (areaM2(inside) < 8000) continue;
      if (!cut(ctx, area, disk)) continue;
      ctx.used.add(area.id);
      return {
        kind: 'gap',
        level: 'area',
        parent: null,
        ids: [area.id],
        areaM2: 0,
        description: `${area.name}: a notch of radius 110 m at the district outline near ${v[0].toFixed(5)}, ${v[1].toFixed(5)} belongs to no area grid (cut from the area and the community and micro grids under it).`,
      };
    }
  }
  throw new Error('flaws: no place for the boundary notch');
}

/** A round hole inside one cell of `level` (and its descendants). */
function hole(ctx: Ctx, level: LevelId, towns: readonly string[], radiusM: number): Flaw {
  for (const cell of candidates(ctx, level, towns)) {
    const { p, depthKm } = deepPoint(cell.shape, ctx.rng);
    if (depthKm * 1000 < radiusM + 25) continue;
    const disk: MultiPoly = [[circle(p, radiusM)]];
    if (
      level === 'community' &&
      descendants(ctx, cell).filter((c) => clipIntersect(c.shape, disk).length > 0).length < 2
    ) {
      continue; // a community-level hole should visibly span micro grids
    }
    if (!cut(ctx, cell, disk)) continue;
    ctx.used.add(communityOf(cell));
    const what = level === 'community' ? 'community grid (and the micro grids under it)' : 'micro grid';
    return {
      kind: 'gap',
      level,
      parent: cell.parent,
      ids: [cell.id],
      areaM2: 0,
      description: `${cell.name}: a round hole of radius ${radiusM} m at ${p[0].toFixed(5)}, ${p[1].toFixed(5)} is cut out of this ${what}, so its parent ${cell.parent} is not fully covered.`,
    };
  }
  throw new Error(`flaws: no place for a ${level} hole`);
}

/** A rectangle of half-width w centred on the middle 60 % of an edge, in the local metric frame. */
function strip(a: Pos, b: Pos, halfWidthM: number): MultiPoly {
  const A = toKm(a);
  const B = toKm(b);
  const len = Math.hypot(B[0] - A[0], B[1] - A[1]);
  const ux = (B[0] - A[0]) / len;
  const uy = (B[1] - A[1]) / len;
  const w = halfWidthM / 1000;
  const p = (t: number, s: number): Pos =>
    fromKm([A[0] + ux * len * t - uy * w * s, A[1] + uy * len * t + ux * w * s]);
  const ring: Ring = [p(0.2, -1), p(0.8, -1), p(0.8, 1), p(0.2, 1)];
  ring.push(at(ring, 0));
  return [[ring]];
}

/** A thin strip along the middle of an edge two sibling micro grids share, cut from both. */
function sliver(ctx: Ctx, towns: readonly string[]): Flaw {
  for (const community of candidates(ctx, 'community', towns)) {
    const micros = microsOf(ctx, community);
    for (const m1 of micros) {
      for (const m2 of micros) {
        if (m1.id >= m2.id) continue;
        const edge = sharedEdges(m1.shape, m2.shape)[0];
        if (!edge) continue;
        const lenM = distKm(edge[0], edge[1]) * 1000;
        if (lenM < 350) continue;
        const halfWidth = Math.min(8, Math.max(4, 5000 / (0.6 * lenM * 2)));
        const region = strip(edge[0], edge[1], halfWidth);
        if (clipDifference(region, community.shape).length > 0) continue;
        if (touchesOthers(ctx, region, community.children, [m1.id, m2.id])) continue;
        const s1 = clipDifference(m1.shape, region);
        const s2 = clipDifference(m2.shape, region);
        if (s1.length !== 1 || s2.length !== 1) continue;
        const [f1, f2] = ctx.fix([s1, s2]);
        m1.shape = f1 ?? m1.shape;
        m2.shape = f2 ?? m2.shape;
        ctx.used.add(community.id);
        return {
          kind: 'gap',
          level: 'micro',
          parent: community.id,
          ids: [m1.id, m2.id],
          areaM2: 0,
          description: `${community.name}: a strip ${Math.round(2 * halfWidth)} m wide and ${Math.round(0.6 * lenM)} m long along the edge between ${m1.id} and ${m2.id} belongs to neither.`,
        };
      }
    }
  }
  throw new Error('flaws: no place for the sliver');
}

/** Micro grid A grows into its sibling B by a half-disc centred on their shared edge. */
function overlap(ctx: Ctx, towns: readonly string[]): Flaw {
  for (const community of candidates(ctx, 'community', towns)) {
    const micros = microsOf(ctx, community);
    for (const a of micros) {
      for (const b of micros) {
        if (a.id === b.id) continue;
        const edge = sharedEdges(a.shape, b.shape)[0];
        if (!edge) continue;
        const lenM = distKm(edge[0], edge[1]) * 1000;
        if (lenM < 250) continue;
        const radius = Math.min(70, 0.3 * lenM);
        const mid: Pos = [(edge[0][0] + edge[1][0]) / 2, (edge[0][1] + edge[1][1]) / 2];
        const disk: MultiPoly = [[circle(mid, radius)]];
        // The disc must stay within A ∪ B, so that the overlap is a clean half-disc inside B.
        if (touchesOthers(ctx, disk, community.children, [a.id, b.id])) continue;
        const bite = clipIntersect(b.shape, disk);
        if (bite.length !== 1) continue;
        const grown = clipUnion(a.shape, bite);
        if (grown.length !== 1 || (grown[0]?.length ?? 0) !== 1) continue;
        a.shape = at(ctx.fix([grown]), 0);
        ctx.used.add(community.id);
        return {
          kind: 'overlap',
          level: 'micro',
          parent: community.id,
          ids: [a.id, b.id],
          areaM2: 0,
          description: `${community.name}: ${a.id} reaches ${Math.round(radius)} m into its sibling ${b.id} (a half-disc on their shared edge), so both claim that ground.`,
        };
      }
    }
  }
  throw new Error('flaws: no place for the overlap');
}

/** One deliberate flaw and the towns (street codes) where it may go. */
export type FlawSpec =
  | { kind: 'notch'; towns: readonly string[] }
  | { kind: 'hole'; level: LevelId; towns: readonly string[]; radiusM: number }
  | { kind: 'sliver'; towns: readonly string[] }
  | { kind: 'overlap'; towns: readonly string[] };

export function applyFlaws(
  cells: Cell[],
  outline: Ring,
  rng: Rng,
  fix: (shapes: MultiPoly[]) => MultiPoly[],
  plan: readonly FlawSpec[],
): Flaw[] {
  const ctx: Ctx = { cells: new Map(cells.map((c) => [c.id, c])), rng, fix, used: new Set() };
  return plan.map((spec) => {
    if (spec.kind === 'notch') return boundaryNotch(ctx, outline, spec.towns);
    if (spec.kind === 'hole') return hole(ctx, spec.level, spec.towns, spec.radiusM);
    if (spec.kind === 'sliver') return sliver(ctx, spec.towns);
    return overlap(ctx, spec.towns);
  });
}
