import type { Position } from 'geojson';
import type { Pt } from './disc-cover.ts';

/**
 * A local equirectangular frame in metres around one cell: x east, y north. Over a few kilometres its
 * distances differ from great-circle ones by well under 0.1 % (cos φ varies little across a cell), and
 * it keeps turf's sphere (R = 6,371,008.8 m) so "1,000 m" means what turf.distance means.
 */
export const EARTH_RADIUS_M = 6_371_008.8;
export const METERS_PER_DEGREE = (Math.PI * EARTH_RADIUS_M) / 180;

export interface LocalFrame {
  toLocal(p: Position): Pt;
  toLonLat(p: Pt): Position;
}

/** Positions rounded to 1e-7° (≈ 1 cm): plenty for drawing, and half the bytes across the worker boundary. */
const round7 = (v: number) => Math.round(v * 1e7) / 1e7;

export function localFrame(lon0: number, lat0: number): LocalFrame {
  const kx = Math.cos((lat0 * Math.PI) / 180) * METERS_PER_DEGREE;
  const ky = METERS_PER_DEGREE;
  return {
    toLocal: (p) => [((p[0] as number) - lon0) * kx, ((p[1] as number) - lat0) * ky],
    toLonLat: ([x, y]) => [round7(lon0 + x / kx), round7(lat0 + y / ky)],
  };
}

/** Degrees of longitude and latitude that cover `m` metres everywhere between the two latitudes. */
export function degreesFor(m: number, lat0: number, lat1: number): { dLon: number; dLat: number } {
  const maxAbsLat = Math.min(89, Math.max(Math.abs(lat0), Math.abs(lat1)));
  return {
    dLon: m / (METERS_PER_DEGREE * Math.cos((maxAbsLat * Math.PI) / 180)),
    dLat: m / METERS_PER_DEGREE,
  };
}
