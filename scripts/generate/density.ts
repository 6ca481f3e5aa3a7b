/**
 * Integrates a density field over a shape: ∫ρ dA in km²·ρ. Rings are fanned into signed triangles
 * (holes and concave parts cancel out), and each triangle is subdivided until it is small compared to
 * the density bumps, so the estimate is good to a few percent even for big rural cells.
 */
import { at, fromKm, type MultiPoly, type Pos, toKm } from './geo.ts';

type Field = (p: Pos) => number;

const MAX_EDGE_KM = 0.35;

function triangle(f: Field, a: Pos, b: Pos, c: Pos, depth: number): number {
  // a, b, c are in km; f takes degrees, so evaluate through the inverse at the leaves only.
  const area = ((b[0] - a[0]) * (c[1] - a[1]) - (c[0] - a[0]) * (b[1] - a[1])) / 2;
  const longest = Math.max(
    Math.hypot(b[0] - a[0], b[1] - a[1]),
    Math.hypot(c[0] - b[0], c[1] - b[1]),
    Math.hypot(a[0] - c[0], a[1] - c[1]),
  );
  if (depth >= 6 || longest <= MAX_EDGE_KM) {
    return area * f([(a[0] + b[0] + c[0]) / 3, (a[1] + b[1] + c[1]) / 3]);
  }
  const ab: Pos = [(a[0] + b[0]) / 2, (a[1] + b[1]) / 2];
  const bc: Pos = [(b[0] + c[0]) / 2, (b[1] + c[1]) / 2];
  const ca: Pos = [(c[0] + a[0]) / 2, (c[1] + a[1]) / 2];
  return (
    triangle(f, a, ab, ca, depth + 1) +
    triangle(f, ab, b, bc, depth + 1) +
    triangle(f, ca, bc, c, depth + 1) +
    triangle(f, ab, bc, ca, depth + 1)
  );
}

/** ∫ f over the shape, f given in degrees, the measure in km². */
export function integrate(shape: MultiPoly, f: (p: Pos) => number): number {
  const kmField = (km: Pos) => f(fromKm(km));
  let total = 0;
  for (const poly of shape) {
    poly.forEach((ring, r) => {
      const pts = ring.map(toKm);
      const o = at(pts, 0);
      let s = 0;
      let signedArea = 0;
      for (let i = 1; i + 2 < pts.length; i++) {
        const b = at(pts, i);
        const c = at(pts, i + 1);
        s += triangle(kmField, o, b, c, 0);
        signedArea += ((b[0] - o[0]) * (c[1] - o[1]) - (c[0] - o[0]) * (b[1] - o[1])) / 2;
      }
      // Outer rings add, holes subtract, whatever their winding.
      const oriented = signedArea < 0 ? -s : s;
      total += r === 0 ? oriented : -oriented;
    });
  }
  return total;
}
