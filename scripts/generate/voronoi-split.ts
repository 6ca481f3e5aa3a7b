/**
 * Splits one polygon into `count` irregular cells that exactly partition it: seeded points, a few
 * density-weighted Lloyd steps (k-means over weighted sample points, so no clipping is needed while
 * relaxing), then a Voronoi diagram (d3-delaunay) clipped to the parent with turf.intersect.
 * Fewer Lloyd steps keep cells irregular; the weight makes cells smaller where people live.
 */
import { Delaunay } from 'd3-delaunay';
import {
  areaM2,
  at,
  bboxOf,
  centroidOf,
  clipIntersect,
  clipUnion,
  fromKm,
  type MultiPoly,
  type Poly,
  type Pos,
  pointInShape,
  type Ring,
  ringArea2,
  toKm,
} from './geo.ts';
import type { Rng } from './random.ts';

export interface SplitSpec {
  count: number;
  /** Relative weight of a point (e.g. density^α): seeds and Lloyd centroids follow it. */
  weight: (p: Pos) => number;
  lloydSteps: number;
}

interface Sample {
  km: Pos;
  w: number;
}

function samplePoints(parent: MultiPoly, n: number, weight: (p: Pos) => number, rng: Rng): Sample[] {
  const [minX, minY, maxX, maxY] = bboxOf(parent);
  const out: Sample[] = [];
  for (let tries = 0; out.length < n && tries < n * 200; tries++) {
    const p: Pos = [rng.uniform(minX, maxX), rng.uniform(minY, maxY)];
    if (pointInShape(p, parent)) out.push({ km: toKm(p), w: weight(p) });
  }
  if (out.length < n) throw new Error('could not sample points inside the parent');
  return out;
}

function initialSeeds(samples: Sample[], count: number, rng: Rng): Pos[] {
  const weights = samples.map((s) => s.w);
  const seeds: Pos[] = [];
  while (seeds.length < count) {
    const i = rng.weighted(weights);
    seeds.push(at(samples, i).km);
    weights[i] = 0; // without replacement
  }
  return seeds;
}

function lloyd(seeds: Pos[], samples: Sample[], steps: number): Pos[] {
  let current = seeds;
  for (let s = 0; s < steps; s++) {
    const delaunay = Delaunay.from(current);
    const sx = new Float64Array(current.length);
    const sy = new Float64Array(current.length);
    const sw = new Float64Array(current.length);
    let hint = 0;
    for (const sample of samples) {
      hint = delaunay.find(sample.km[0], sample.km[1], hint);
      sx[hint] = (sx[hint] ?? 0) + sample.km[0] * sample.w;
      sy[hint] = (sy[hint] ?? 0) + sample.km[1] * sample.w;
      sw[hint] = (sw[hint] ?? 0) + sample.w;
    }
    current = current.map((p, i) => {
      const w = sw[i] ?? 0;
      return w > 0 ? [(sx[i] ?? 0) / w, (sy[i] ?? 0) / w] : p;
    });
  }
  return current;
}

/** Shoelace area in km² (local frame), holes subtracted whatever their winding. */
function planarArea(shape: MultiPoly): number {
  let total = 0;
  for (const poly of shape) {
    poly.forEach((ring, r) => {
      // Shifted to the local origin so that the shoelace terms do not cancel catastrophically.
      const a = Math.abs(ringArea2(ring.map((p) => toKm(p)))) / 2;
      total += r === 0 ? a : -a;
    });
  }
  return total;
}

/** Cut points two cells computed separately can differ in the last bits. */
const near = (a: Pos, b: Pos) => Math.abs(a[0] - b[0]) < 1e-10 && Math.abs(a[1] - b[1]) < 1e-10;

/**
 * Gives each detached piece of a cell to the sibling sharing most of its outline. A parent with a deep
 * notch can leave several cells in pieces whose only neighbours are other cells' pieces, so pieces are
 * merged in rounds: a piece waits until one of its neighbours has become part of a main piece.
 */
function mergeStrays(cells: MultiPoly[]): MultiPoly[] | null {
  const mains: MultiPoly[] = [];
  const pending: { owner: number; poly: Poly }[] = [];
  cells.forEach((c, i) => {
    let best = -1;
    let bestArea = -1;
    c.forEach((poly, j) => {
      const a = areaM2([poly]);
      if (a > bestArea) {
        bestArea = a;
        best = j;
      }
    });
    mains.push(best >= 0 ? [at(c, best)] : []);
    c.forEach((poly, j) => {
      if (j !== best) pending.push({ owner: i, poly });
    });
  });
  while (pending.length > 0) {
    let progress = false;
    for (let k = 0; k < pending.length; k++) {
      const { owner, poly } = at(pending, k);
      let target = -1;
      let shared = 1;
      mains.forEach((m, j) => {
        if (j === owner) return;
        const theirs = m.flat(2);
        const n = (poly[0] ?? []).filter((p) => theirs.some((q) => near(p, q))).length;
        if (n > shared) {
          shared = n;
          target = j;
        }
      });
      if (target < 0) continue;
      const merged = clipUnion(at(mains, target), [poly]);
      if (merged.length !== 1) return null;
      mains[target] = merged;
      pending.splice(k, 1);
      k--;
      progress = true;
    }
    if (!progress) return null;
  }
  return mains;
}

function attempt(parent: MultiPoly, parentArea: number, spec: SplitSpec, rng: Rng): MultiPoly[] | string {
  const n = Math.min(6000, Math.max(300, 60 * spec.count));
  const samples = samplePoints(parent, n, spec.weight, rng);
  const seeds = lloyd(initialSeeds(samples, spec.count, rng), samples, spec.lloydSteps);
  const [minX, minY, maxX, maxY] = bboxOf(parent);
  const lo = toKm([minX, minY]);
  const hi = toKm([maxX, maxY]);
  const voronoi = Delaunay.from(seeds).voronoi([lo[0] - 1, lo[1] - 1, hi[0] + 1, hi[1] + 1]);
  const cells: MultiPoly[] = [];
  for (let i = 0; i < seeds.length; i++) {
    const poly = voronoi.cellPolygon(i);
    if (!poly) return 'a seed has no Voronoi cell (duplicate seeds)';
    const ring: Ring = poly.map((p) => fromKm([p[0] ?? 0, p[1] ?? 0]));
    const cell = clipIntersect([[ring]], parent);
    if (cell.length === 0) return 'a Voronoi cell misses the parent';
    cells.push(cell);
  }
  const merged = mergeStrays(cells);
  if (!merged) return 'a detached piece of a cell has no neighbour to join';
  // Never silently lose area: the children must add up to the parent. Planar (shoelace) area is used
  // because it is exactly additive when an edge is cut in two; turf's spherical formula is not (a cut
  // point changes it by up to ~1e-6 relative), which would hide real losses of that size.
  const sum = merged.reduce((s, c) => s + planarArea(c), 0);
  if (Math.abs(sum - parentArea) > parentArea * 1e-8) {
    return `the cells add up to ${sum} km², the parent has ${parentArea} km²`;
  }
  return merged;
}

/** Children ordered north to south (ids and names then read like a map). */
export function splitShape(parent: MultiPoly, spec: SplitSpec, rng: Rng, what: string): MultiPoly[] {
  if (spec.count === 1) return [parent];
  const parentArea = planarArea(parent);
  const reasons: string[] = [];
  for (let tries = 0; tries < 12; tries++) {
    let result: MultiPoly[] | string;
    try {
      result = attempt(parent, parentArea, spec, rng);
    } catch (err) {
      // polyclip can throw on nearly degenerate input; new seeds give a different diagram.
      result = `clipping failed: ${err instanceof Error ? err.message : String(err)}`;
    }
    if (typeof result === 'string') reasons.push(result);
    else {
      const keyed = result.map((shape) => ({ shape, c: centroidOf(shape) }));
      keyed.sort((a, b) => b.c[1] - a.c[1] || a.c[0] - b.c[0]);
      return keyed.map((k) => k.shape);
    }
  }
  throw new Error(`could not split ${what} into ${spec.count} cells: ${[...new Set(reasons)].join('; ')}`);
}
