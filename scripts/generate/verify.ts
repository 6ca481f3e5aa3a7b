/**
 * Checks the generated grid before anything is written, and measures the deliberate flaws on the final
 * (rounded) geometry. Two independent methods:
 *  - topology: outside the flawed parents, the children's edges that are not shared between two children
 *    must be exactly the parent's edges (same vertices, same direction), i.e. a perfect partition;
 *    The boundary (noded outline) is the parent of the area grids; the towns must tile it too.
 *  - area: turf.area bookkeeping per parent, and turf clipping (difference / intersect) for the flawed
 *    parents, where every piece other than the flaw must stay under NOISE_LIMIT_M2.
 */
import { kinks, polygon } from '@turf/turf';
import type { Flaw } from './flaws.ts';
import { areaM2, at, clipDifference, clipIntersect, type MultiPoly, pointInShape, type Ring } from './geo.ts';
import type { Cell, GridCounts } from './grids.ts';
import type { Town } from './towns.ts';

export const NOISE_LIMIT_M2 = 10;

export interface GridReport {
  parents: number;
  exactPartitions: number;
  maxBookkeepingM2: number;
  /** Largest stray piece (gap, overlap or outside) found by clipping the flawed parents. */
  maxNoisePieceM2: number;
}

const LEVELS = ['area', 'community', 'micro'] as const;

function directedEdges(shapes: readonly MultiPoly[]): Map<string, number> {
  const m = new Map<string, number>();
  for (const shape of shapes) {
    for (const poly of shape) {
      for (const ring of poly) {
        for (let i = 0; i + 1 < ring.length; i++) {
          const a = at(ring, i);
          const b = at(ring, i + 1);
          const e = `${a[0]},${a[1]}>${b[0]},${b[1]}`;
          m.set(e, (m.get(e) ?? 0) + 1);
        }
      }
    }
  }
  return m;
}

/** Edges of the children left once every edge shared by two children (opposite directions) is removed. */
function outerEdges(shapes: readonly MultiPoly[]): Set<string> {
  const all = directedEdges(shapes);
  const out = new Set<string>();
  for (const [e, n] of all) {
    const [a, b] = e.split('>');
    const back = all.get(`${b}>${a}`) ?? 0;
    if (n > back) out.add(e);
  }
  return out;
}

function pieces(shape: MultiPoly): number[] {
  return shape.map((poly) => areaM2([poly])).sort((a, b) => b - a);
}

export function checkStructure(cells: readonly Cell[], counts: GridCounts): void {
  const byId = new Map(cells.map((c) => [c.id, c]));
  if (byId.size !== cells.length) throw new Error('verify: duplicate cell ids');
  const n = (l: string) => cells.filter((c) => c.level === l).length;
  if (n('area') !== counts.areas || n('community') !== counts.communities || n('micro') !== counts.micros) {
    throw new Error(`verify: counts ${n('area')}/${n('community')}/${n('micro')}`);
  }
  for (const c of cells) {
    const depth = LEVELS.indexOf(c.level);
    if (!c.name) throw new Error(`verify: ${c.id} has no name`);
    if (depth === 0) {
      if (c.parent !== null) throw new Error(`verify: top-level ${c.id} has a parent`);
      continue;
    }
    const p = c.parent ? byId.get(c.parent) : undefined;
    if (!p || LEVELS.indexOf(p.level) !== depth - 1)
      throw new Error(`verify: ${c.id}: parent not one level up`);
    if (!p.children.includes(c.id)) throw new Error(`verify: ${p.id} does not list ${c.id}`);
    if (p.town !== c.town) throw new Error(`verify: ${c.id} is in another town than its parent`);
  }
}

export function checkRings(label: string, shapes: readonly MultiPoly[]): void {
  shapes.forEach((shape, i) => {
    for (const poly of shape) {
      for (const ring of poly) {
        const first = at(ring, 0);
        const last = at(ring, ring.length - 1);
        if (ring.length < 4 || first[0] !== last[0] || first[1] !== last[1])
          throw new Error(`verify: ${label} ${i}: bad ring`);
        for (let j = 0; j + 1 < ring.length; j++) {
          const a = at(ring, j);
          const b = at(ring, j + 1);
          if (a[0] === b[0] && a[1] === b[1]) throw new Error(`verify: ${label} ${i}: repeated position`);
        }
      }
      if (kinks(polygon(poly)).features.length > 0)
        throw new Error(`verify: ${label} ${i}: self-intersection`);
    }
  });
}

/** True when the children's unshared edges are exactly the parent's edges (a perfect partition). */
function partitions(parent: MultiPoly, kids: readonly MultiPoly[]): boolean {
  const outer = outerEdges(kids);
  const own = new Set(directedEdges([parent]).keys());
  return outer.size === own.size && [...own].every((e) => outer.has(e));
}

/** Measures the flaws (fills areaM2) and checks that nothing else is wrong with the tiling. */
export function checkTiling(
  cells: readonly Cell[],
  towns: readonly Town[],
  outline: Ring,
  flaws: Flaw[],
): GridReport {
  const byId = new Map(cells.map((c) => [c.id, c]));
  const shapeOf = (id: string) => {
    const c = byId.get(id);
    if (!c) throw new Error(`verify: unknown cell ${id}`);
    return c.shape;
  };
  const report: GridReport = {
    parents: 0,
    exactPartitions: 0,
    maxBookkeepingM2: 0,
    maxNoisePieceM2: 0,
  };
  const flawed = new Map(flaws.map((f) => [f.parent ?? '', f]));
  const boundary: MultiPoly = [[outline]];

  for (const town of towns) {
    const ratio = areaM2(town.shape) / 1e6 / town.fact.areaKm2;
    if (Math.abs(ratio - 1) > 0.15)
      throw new Error(`verify: ${town.fact.name} is ${ratio.toFixed(2)}× its real area`);
    if (town.shape.length !== 1 || !pointInShape(town.fact.seat, town.shape)) {
      throw new Error(`verify: ${town.fact.name} is not one shape around its seat`);
    }
  }
  // The towns tile the outline, and the area grids of each town tile it (except where the notch is).
  if (
    !partitions(
      boundary,
      towns.map((t) => t.shape),
    )
  )
    throw new Error('verify: the towns do not tile the outline exactly');
  const notch = flawed.get('');
  for (const town of towns) {
    const areas = cells.filter((c) => c.level === 'area' && c.town === town.fact.code);
    const hasNotch = areas.some((a) => notch?.ids.includes(a.id));
    if (
      !hasNotch &&
      !partitions(
        town.shape,
        areas.map((a) => a.shape),
      )
    ) {
      throw new Error(`verify: the area grids of ${town.fact.name} do not tile it exactly`);
    }
  }

  const groups: { id: string; shape: MultiPoly; kids: MultiPoly[] }[] = [
    { id: '', shape: boundary, kids: cells.filter((c) => c.level === 'area').map((c) => c.shape) },
    ...cells
      .filter((c) => c.children.length > 0)
      .map((c) => ({ id: c.id, shape: c.shape, kids: c.children.map(shapeOf) })),
  ];
  for (const { id, shape, kids } of groups) {
    report.parents++;
    const flaw = flawed.get(id);
    if (!flaw) {
      if (!partitions(shape, kids))
        throw new Error(`verify: the children of ${id || 'the boundary'} do not tile it exactly`);
      report.exactPartitions++;
      const bookkeeping = areaM2(shape) - kids.reduce((s, k) => s + areaM2(k), 0);
      report.maxBookkeepingM2 = Math.max(report.maxBookkeepingM2, Math.abs(bookkeeping));
      continue;
    }
    // Flawed: measure with turf clipping; every piece but the flaw must be rounding noise.
    const gap = pieces(clipDifference(shape, kids.flat()));
    const outside = pieces(clipDifference(kids.flat(), shape));
    report.maxNoisePieceM2 = Math.max(report.maxNoisePieceM2, outside[0] ?? 0);
    if (flaw.kind === 'gap') {
      flaw.areaM2 = Math.round(gap[0] ?? 0);
      report.maxNoisePieceM2 = Math.max(report.maxNoisePieceM2, gap[1] ?? 0);
    } else {
      report.maxNoisePieceM2 = Math.max(report.maxNoisePieceM2, gap[0] ?? 0);
      const [a, b] = flaw.ids;
      const both = pieces(clipIntersect(shapeOf(a ?? ''), shapeOf(b ?? '')));
      flaw.areaM2 = Math.round(both[0] ?? 0);
      report.maxNoisePieceM2 = Math.max(report.maxNoisePieceM2, both[1] ?? 0);
    }
  }
  if (report.maxNoisePieceM2 > NOISE_LIMIT_M2) {
    throw new Error(`verify: a rounding piece of ${report.maxNoisePieceM2} m²`);
  }
  for (const f of flaws) {
    if (f.areaM2 < 2000) throw new Error(`verify: flaw on ${f.parent} measures only ${f.areaM2} m²`);
  }
  return report;
}
