/**
 * The city-scale grid of one district, bottom-up and fast enough for tens of thousands of cells:
 *  1. micro-grid seeds drawn where people live (denser towards the city centre), relaxed twice
 *     (Lloyd, weighted k-means over sample points);
 *  2. one Voronoi diagram (d3-delaunay) over the district: each seed's cell, rounded to 6 decimals —
 *     neighbours share the very same vertices; only cells crossing the district outline are clipped
 *     (polyclip), the rest are kept as they are;
 *  3. community grids = k-means groups of micro seeds, area grids = groups of communities; each parent's
 *     shape is the exact union of its children by shared-edge cancellation (merge.ts), so children tile
 *     their parent with no gap and no overlap.
 * Unlike the district generator (scripts/generate/pack.ts) it does not bend cells along town borders or
 * name cells after real committees: there are no open street/town boundaries or committee lists for
 * all 16 districts (see the pack README).
 */
import { Delaunay } from 'd3-delaunay';
import Flatbush from 'flatbush';
import { clipToBox } from '../../../src/analysis/box-clip.ts';
import { checkGeometry } from '../../../src/data/geometry-rules.ts';
import {
  at,
  bboxOf,
  clipIntersect,
  distKm,
  fromKm,
  type MultiPoly,
  type Pos,
  pointInShape,
  type Ring,
  ringArea2,
  toKm,
} from '../geo.ts';
import type { Rng } from '../random.ts';
import type { District } from './districts.ts';
import { mergeShapes, orient } from './merge.ts';

/** People's Square: resident density falls off with the distance from it. */
const CITY_CENTRE: Pos = [121.4737, 31.2304];

/** Relative resident density (dimensionless) at a point. */
export function cityDensity(p: Pos): number {
  return 0.12 + Math.exp(-distKm(p, CITY_CENTRE) / 9) + 0.35 * Math.exp(-distKm(p, CITY_CENTRE) / 30);
}

export interface MicroDraft {
  shape: MultiPoly;
  /** The seed, in the km frame of geo.ts. */
  seedKm: Pos;
}

export interface CommunityDraft {
  shape: MultiPoly;
  micros: MicroDraft[];
}

export interface AreaDraft {
  shape: MultiPoly;
  communities: CommunityDraft[];
}

/** A district's grid as a tree, each level in map order (north to south, west to east). */
export interface DistrictGrid {
  areas: AreaDraft[];
  /** Micro cells that lost a piece whose ring failed the loader's geometry rules after rounding. */
  repaired: number;
}

const round6 = (p: Pos): Pos => [Math.round(p[0] * 1e6) / 1e6, Math.round(p[1] * 1e6) / 1e6];

/** Rings with repeated consecutive vertices removed, too-short rings and zero-area rings dropped. */
function clean(shape: MultiPoly): MultiPoly {
  const out: MultiPoly = [];
  for (const poly of shape) {
    const rings = poly
      .map((ring) =>
        ring
          .map(round6)
          .filter((p, j, all) => j === 0 || p[0] !== all[j - 1]?.[0] || p[1] !== all[j - 1]?.[1]),
      )
      .map((ring) => (ring.length >= 4 && Math.abs(ringArea2(ring)) > 1e-12 ? ring : null));
    // Without its outer ring a polygon is gone (a sliver the rounding flattened); a flattened hole is not.
    if (rings[0]) out.push(rings.filter((r): r is Ring => r !== null));
  }
  return orient(out);
}

/** Keeps only the polygons whose rings pass the loader's own geometry rules. */
function validPolygons(shape: MultiPoly): { shape: MultiPoly; dropped: number } {
  const kept = shape.filter(
    (poly) => checkGeometry({ type: 'Polygon', coordinates: poly }, ['Polygon']).length === 0,
  );
  return { shape: kept, dropped: shape.length - kept.length };
}

function sampleInside(district: District, n: number, rng: Rng): Pos[] {
  const [minX, minY, maxX, maxY] = bboxOf(district.shape);
  const out: Pos[] = [];
  for (let tries = 0; out.length < n; tries++) {
    if (tries > n * 400) throw new Error(`${district.name}: could not sample ${n} points`);
    const p: Pos = [rng.uniform(minX, maxX), rng.uniform(minY, maxY)];
    if (rng.next() * 1.5 < cityDensity(p) && pointInShape(p, district.shape)) out.push(p);
  }
  return out;
}

/** k-means in the km frame: `steps` rounds of "assign to the nearest centre, move it to the mean". */
function kMeans(
  points: readonly Pos[],
  centres: Pos[],
  steps: number,
): { centres: Pos[]; assign: Int32Array } {
  let current = centres;
  const assign = new Int32Array(points.length);
  for (let s = 0; s <= steps; s++) {
    const delaunay = Delaunay.from(current);
    let hint = 0;
    const sx = new Float64Array(current.length);
    const sy = new Float64Array(current.length);
    const n = new Float64Array(current.length);
    points.forEach((p, i) => {
      hint = delaunay.find(p[0], p[1], hint);
      assign[i] = hint;
      sx[hint] = (sx[hint] ?? 0) + p[0];
      sy[hint] = (sy[hint] ?? 0) + p[1];
      n[hint] = (n[hint] ?? 0) + 1;
    });
    if (s === steps) break;
    current = current.map((c, i) =>
      (n[i] ?? 0) > 0 ? [(sx[i] ?? 0) / (n[i] ?? 1), (sy[i] ?? 0) / (n[i] ?? 1)] : c,
    );
  }
  return { centres: current, assign };
}

/** Outline segments in a spatial index: which Voronoi cells cross the outline and need clipping. */
function outlineIndex(shape: MultiPoly): Flatbush {
  const segments: [Pos, Pos][] = [];
  for (const poly of shape)
    for (const ring of poly)
      for (let i = 0; i + 1 < ring.length; i++) segments.push([at(ring, i), at(ring, i + 1)]);
  const index = new Flatbush(segments.length);
  for (const [a, b] of segments)
    index.add(Math.min(a[0], b[0]), Math.min(a[1], b[1]), Math.max(a[0], b[0]), Math.max(a[1], b[1]));
  index.finish();
  return index;
}

/** North to south, then west to east, in bands of about 600 m: ids then read like a map. */
function mapOrder(a: Pos, b: Pos): number {
  return Math.round(b[1] / 0.6) - Math.round(a[1] / 0.6) || a[0] - b[0];
}

export function buildDistrictGrid(
  district: District,
  counts: { micros: number; communities: number; areas: number },
  rng: Rng,
): DistrictGrid {
  // 1. Seeds where people live, relaxed twice.
  const samples = sampleInside(district, counts.micros * 4, rng.fork('samples')).map(toKm);
  const initial = rng.fork('seeds').shuffle(samples).slice(0, counts.micros);
  const seeds = kMeans(samples, initial, 2).centres.sort(mapOrder);

  // 2. One Voronoi diagram; clip only the cells that cross the outline.
  const [minX, minY, maxX, maxY] = bboxOf(district.shape);
  const lo = toKm([minX, minY]);
  const hi = toKm([maxX, maxY]);
  const voronoi = Delaunay.from(seeds).voronoi([lo[0] - 1, lo[1] - 1, hi[0] + 1, hi[1] + 1]);
  const segments = outlineIndex(district.shape);
  const outline = { type: 'MultiPolygon' as const, coordinates: district.shape };
  const micros: MicroDraft[] = [];
  let repaired = 0;
  seeds.forEach((seed, i) => {
    const polygon = voronoi.cellPolygon(i);
    if (!polygon) return; // a duplicate seed: its twin's cell covers it
    const ring: Ring = polygon.map((p) => round6(fromKm([p[0] ?? 0, p[1] ?? 0])));
    const [w, s, e, n] = bboxOf([[ring]]);
    let shape: MultiPoly = [[ring]];
    if (segments.search(w, s, e, n).length > 0) {
      // The outline cut to the cell's box first: polyclip's cost grows with every edge it is given.
      const pad = 1e-4;
      const cut = clipToBox(outline, [w - pad, s - pad, e + pad, n + pad]);
      shape = cut
        ? clipIntersect(
            shape,
            cut.type === 'Polygon' ? [cut.coordinates as Ring[]] : (cut.coordinates as MultiPoly),
          )
        : [];
    }
    const cleaned = validPolygons(clean(shape));
    if (cleaned.dropped > 0) repaired++;
    if (cleaned.shape.length > 0) micros.push({ shape: cleaned.shape, seedKm: seed });
  });

  // 3. Communities and areas: groups of seeds (k-means), shapes by exact union of the children.
  const microSeeds = micros.map((m) => m.seedKm);
  const communityCount = Math.max(1, Math.min(counts.communities, micros.length));
  const c = kMeans(microSeeds, rng.fork('communities').shuffle(microSeeds).slice(0, communityCount), 4);
  const communities = groups(c.assign, communityCount)
    .filter((list) => list.length > 0)
    .map((list) => {
      const kids = list.map((i) => at(micros, i)).sort((x, y) => mapOrder(x.seedKm, y.seedKm));
      return { seed: mean(kids.map((k) => k.seedKm)), micros: kids };
    });
  const communitySeeds = communities.map((g) => g.seed);
  const areaCount = Math.max(1, Math.min(counts.areas, communities.length));
  const a = kMeans(communitySeeds, rng.fork('areas').shuffle(communitySeeds).slice(0, areaCount), 4);
  const areas: AreaDraft[] = groups(a.assign, areaCount)
    .filter((list) => list.length > 0)
    .map((list) => {
      const kids = list.map((i) => at(communities, i)).sort((x, y) => mapOrder(x.seed, y.seed));
      return { seed: mean(kids.map((k) => k.seed)), kids };
    })
    .sort((x, y) => mapOrder(x.seed, y.seed))
    .map(({ kids }) => {
      const drafts: CommunityDraft[] = kids.map((k) => ({
        shape: mergeShapes(k.micros.map((m) => m.shape)),
        micros: k.micros,
      }));
      return { shape: mergeShapes(drafts.map((d) => d.shape)), communities: drafts };
    });
  return { areas, repaired };
}

function groups(assign: Int32Array, count: number): number[][] {
  const out: number[][] = Array.from({ length: count }, () => []);
  assign.forEach((g, i) => {
    out[g]?.push(i);
  });
  return out;
}

function mean(points: readonly Pos[]): Pos {
  let x = 0;
  let y = 0;
  for (const p of points) {
    x += p[0];
    y += p[1];
  }
  return points.length ? [x / points.length, y / points.length] : [0, 0];
}
