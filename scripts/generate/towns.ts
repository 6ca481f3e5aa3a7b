/**
 * Street/town (街镇) shapes. No open boundary data exists for Jiading's towns, so they are generated as
 * a power diagram (weighted Voronoi) of the real town seats, restricted to the real district outline.
 * Weights are iterated until every town's area is close to its real area; a weight gap is never allowed
 * to push a seat out of its own cell (w_j − w_i < d_ij² keeps site i inside cell i).
 */
import type { TownFact } from './district.ts';
import {
  areaM2,
  at,
  clipIntersect,
  clipUnion,
  fromKm,
  type MultiPoly,
  type Pos,
  pointInShape,
  type Ring,
  ringArea2,
  toKm,
} from './geo.ts';
import type { Rng } from './random.ts';

export interface Town {
  fact: TownFact;
  shape: MultiPoly;
}

type HalfPlane = { a: Pos; c: number }; // a·x ≤ c

function clipConvex(poly: Pos[], h: HalfPlane): Pos[] {
  const out: Pos[] = [];
  const val = (p: Pos) => h.a[0] * p[0] + h.a[1] * p[1] - h.c;
  for (let i = 0; i < poly.length; i++) {
    const p = at(poly, i);
    const q = at(poly, (i + 1) % poly.length);
    const vp = val(p);
    const vq = val(q);
    if (vp <= 0) out.push(p);
    if ((vp < 0 && vq > 0) || (vp > 0 && vq < 0)) {
      const t = vp / (vp - vq);
      out.push([p[0] + t * (q[0] - p[0]), p[1] + t * (q[1] - p[1])]);
    }
  }
  return out;
}

/** Sutherland–Hodgman of a (possibly concave) subject against a convex window: only its area is used,
 * which stays exact even where the algorithm leaves zero-width bridges. */
function clippedArea(subject: Pos[], window: Pos[]): number {
  let out = subject;
  for (let i = 0; i < window.length && out.length > 0; i++) {
    const p = at(window, i);
    const q = at(window, (i + 1) % window.length);
    // Left of p→q is inside for a counter-clockwise window: n·x ≤ n·p with n = (dy, −dx).
    const a: Pos = [q[1] - p[1], -(q[0] - p[0])];
    out = clipConvex(out, { a, c: a[0] * p[0] + a[1] * p[1] });
  }
  const closed = [...out, ...(out.length ? [at(out, 0)] : [])];
  return Math.abs(ringArea2(closed)) / 2;
}

function powerCells(sites: Pos[], weights: number[], box: Pos[]): Pos[][] {
  return sites.map((si, i) => {
    let cell = box;
    sites.forEach((sj, j) => {
      if (i === j) return;
      const wi = at(weights, i);
      const wj = at(weights, j);
      const a: Pos = [2 * (sj[0] - si[0]), 2 * (sj[1] - si[1])];
      const c = sj[0] * sj[0] + sj[1] * sj[1] - (si[0] * si[0] + si[1] * si[1]) - wj + wi;
      cell = clipConvex(cell, { a, c });
    });
    return cell;
  });
}

/** Makes vertices that several cells computed separately (and so differ in the last bits) identical,
 * so that neighbouring towns share their edges exactly. */
function unifyVertices(cells: Pos[][]): Pos[][] {
  const seen: Pos[] = [];
  return cells.map((cell) =>
    cell.map((p) => {
      const hit = seen.find((q) => Math.abs(q[0] - p[0]) < 1e-9 && Math.abs(q[1] - p[1]) < 1e-9);
      if (hit) return hit;
      seen.push(p);
      return p;
    }),
  );
}

/**
 * Straight power-diagram edges look nothing like town borders, which follow creeks and roads. A smooth
 * displacement field bends every edge; because the field depends on position only, both towns along an
 * edge bend it the same way and still share it exactly. The field fades to zero within 1.5 km (× scale) of
 * every seat (so no seat can fall out of its town), and its Lipschitz constant stays below 1
 * (|D| ≤ 0.245 km × scale times a fade slope ≤ 1/(km × scale), plus Σ 2π·amp/len ≈ 0.64), so it is one-to-one and cannot
 * fold an edge over itself.
 */
function makeWarp(rng: Rng, seats: readonly Pos[], scale: number): (p: Pos) => Pos {
  const waves = [
    { amp: 0.15, len: 5.0 },
    { amp: 0.07, len: 1.6 },
    { amp: 0.025, len: 0.9 },
  ].flatMap(({ amp, len }) =>
    [0, 1].map(() => {
      const theta = rng.uniform(0, Math.PI);
      const dir = rng.uniform(0, 2 * Math.PI);
      return {
        amp: (amp * scale) / 2, // two waves per octave
        k: (2 * Math.PI) / (len * scale),
        u: [Math.cos(theta), Math.sin(theta)] as Pos,
        e: [Math.cos(dir), Math.sin(dir)] as Pos,
        phase: rng.uniform(0, 2 * Math.PI),
      };
    }),
  );
  const FADE_KM = 1.5 * scale;
  return (p) => {
    let near = Infinity;
    for (const s of seats) near = Math.min(near, Math.hypot(p[0] - s[0], p[1] - s[1]));
    const t = Math.min(1, near / FADE_KM);
    const fade = t * t * (3 - 2 * t); // smoothstep: slope ≤ 1.5 / FADE_KM = 1 / scale per km
    let x = p[0];
    let y = p[1];
    for (const w of waves) {
      const s = fade * w.amp * Math.sin(w.k * (p[0] * w.u[0] + p[1] * w.u[1]) + w.phase);
      x += s * w.e[0];
      y += s * w.e[1];
    }
    return [x, y];
  };
}

/** Points every ~stepKm along a→b, computed from the lexicographically smaller end so that the two
 * cells sharing the edge get bit-identical points. */
function densify(a: Pos, b: Pos, stepKm: number): Pos[] {
  const flip = a[0] > b[0] || (a[0] === b[0] && a[1] > b[1]);
  const [p, q] = flip ? [b, a] : [a, b];
  const n = Math.max(1, Math.ceil(Math.hypot(q[0] - p[0], q[1] - p[1]) / stepKm));
  const pts: Pos[] = [];
  for (let i = 1; i < n; i++) pts.push([p[0] + ((q[0] - p[0]) * i) / n, p[1] + ((q[1] - p[1]) * i) / n]);
  return flip ? pts.reverse() : pts;
}

const BOX: Pos[] = [
  [-60, -60],
  [60, -60],
  [60, 60],
  [-60, 60],
];

/** Iterates power weights until each (unwarped) cell ∩ outline has its goal area (km²). */
function solveWeights(subject: Pos[], sites: Pos[], goals: number[], start: number[]): number[] {
  const weights = start.slice();
  const d2 = (i: number, j: number) => {
    const a = at(sites, i);
    const b = at(sites, j);
    return (a[0] - b[0]) ** 2 + (a[1] - b[1]) ** 2;
  };
  let bestWorst = Infinity;
  let bestIter = 0;
  for (let iter = 0; iter < 600; iter++) {
    const areas = powerCells(sites, weights, BOX).map((c) => clippedArea(subject, c));
    let worst = 0;
    areas.forEach((a, i) => {
      worst = Math.max(worst, Math.abs(a - at(goals, i)) / at(goals, i));
      weights[i] = at(weights, i) + 0.35 * (at(goals, i) - a);
    });
    // Keep each seat inside its own cell: a neighbour may not outweigh it by more than 0.97·d².
    for (let pass = 0; pass < 4; pass++) {
      for (let i = 0; i < sites.length; i++) {
        for (let j = 0; j < sites.length; j++) {
          if (i === j) continue;
          const limit = at(weights, i) + 0.97 * d2(i, j);
          if (at(weights, j) > limit) weights[j] = limit;
        }
      }
    }
    // Stop when close enough, or when the seat-inside clamp keeps a town from getting any closer.
    if (worst < bestWorst - 1e-4) {
      bestWorst = worst;
      bestIter = iter;
    }
    if (worst < 0.01 || iter - bestIter > 40) break;
  }
  return weights;
}

/**
 * `warpScale` shrinks the displacement field's amplitudes, wavelengths and fade distance together (its
 * Lipschitz bound stays the same): 1 for a district of large towns (Jiading), less where seats are only a
 * kilometre or two apart, so that borders still bend between them.
 */
export function buildTowns(boundary: Ring, facts: readonly TownFact[], rng: Rng, warpScale = 1): Town[] {
  const subject = boundary.slice(0, -1).map(toKm);
  if (ringArea2([...subject, at(subject, 0)]) < 0) subject.reverse();
  const totalKm2 = clippedArea(subject, [
    [-100, -100],
    [100, -100],
    [100, 100],
    [-100, 100],
  ]);
  const sumFacts = facts.reduce((s, f) => s + f.areaKm2, 0);
  const targets = facts.map((f) => (f.areaKm2 * totalKm2) / sumFacts);
  const sites = facts.map((f) => toKm(f.seat));
  const warp = makeWarp(rng, sites, warpScale);
  // The warp changes areas a little, so the weights are solved against corrected targets until the
  // warped, clipped towns come out near their real areas.
  let goals = targets.slice();
  let clipped: MultiPoly[] = [];
  let weights = sites.map(() => 0);
  for (let round = 0; round < 5; round++) {
    weights = solveWeights(subject, sites, goals, weights);
    clipped = unifyVertices(powerCells(sites, weights, BOX)).map((cell) => {
      const bent = cell
        .flatMap((p, i) => [p, ...densify(p, at(cell, (i + 1) % cell.length), 0.15)])
        .map(warp);
      const ring: Ring = bent.map(fromKm);
      ring.push(at(ring, 0));
      return clipIntersect([[ring]], [[boundary]]);
    });
    const ratios = clipped.map((shape, i) => (at(targets, i) * 1e6) / areaM2(shape));
    if (ratios.every((r) => Math.abs(r - 1) < 0.05)) break;
    goals = goals.map((g, i) => g * Math.sqrt(at(ratios, i)));
  }
  // A convex cell cut by a concave outline can fall apart; each stray piece joins the neighbour that
  // shares the longest stretch of its outline, so every town stays one shape around its seat.
  const shapes = clipped.map((shape, i) => {
    const seat = at(facts, i).seat;
    const main = shape.find((poly) => pointInShape(seat, [poly]));
    if (!main) throw new Error(`town ${at(facts, i).name}: the seat fell outside its cell`);
    return { main: [main] as MultiPoly, strays: shape.filter((p) => p !== main) };
  });
  for (const [i, s] of shapes.entries()) {
    for (const stray of s.strays) {
      let best = -1;
      let bestShared = 0;
      shapes.forEach((o, j) => {
        if (j === i) return;
        const theirs = o.main.flat(2);
        const shared = (stray[0] ?? []).filter((p) =>
          theirs.some((q) => Math.abs(q[0] - p[0]) < 1e-9 && Math.abs(q[1] - p[1]) < 1e-9),
        ).length;
        if (shared > bestShared) {
          bestShared = shared;
          best = j;
        }
      });
      const target = shapes[best];
      if (!target || bestShared < 2) {
        throw new Error(
          `town ${at(facts, i).name}: a detached piece of ${areaM2([stray]).toFixed(0)} m² has no neighbour`,
        );
      }
      target.main = clipUnion(target.main, [stray]);
    }
  }
  return facts.map((fact, i) => {
    const shape = at(shapes, i).main;
    if (shape.length !== 1) throw new Error(`town ${fact.name}: not one shape`);
    if (areaM2(shape) <= 0) throw new Error(`town ${fact.name}: empty`);
    return { fact, shape };
  });
}
