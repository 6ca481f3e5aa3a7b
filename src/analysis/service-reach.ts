import Flatbush from 'flatbush';
import type { Position } from 'geojson';
import type { AreaGeometry, GridCell } from '../data/grid-index.ts';
import type { RegionPack } from '../data/region-pack.ts';
import { leafIds } from './cell-areas.ts';
import { type Pt, polygonMinusDiscs } from './disc-cover.ts';
import type { Finding } from './finding.ts';
import { fmtInt, fmtM2, fmtPct } from './format.ts';
import { degreesFor, type LocalFrame, localFrame } from './local-frame.ts';
import { pointSegmentDistance, polygonsOfGeometry, ringArea } from './planar.ts';
import type { Steps } from './steps.ts';

export interface ServiceReachOptions {
  /** Only service points of this `kind` count; null = any service point. */
  kind: string | null;
  /** The 15-minute circle: the pack's `serviceRadiusMeters` unless overridden. */
  radiusM: number;
  /** Unreached parts smaller than this are not reported. */
  minAreaM2: number;
}

export interface ServiceReachSummary {
  kind: string | null;
  radiusM: number;
  /** Service points of that kind in the pack. */
  services: number;
  /** The level analysed: the finest one, where residents are counted. */
  level: string;
  cells: number;
  /** Cells with no service point of the kind within reach at all. */
  cellsWhollyUnreached: number;
  /** Cells partly beyond reach (at least the minimum area). */
  cellsPartlyUnreached: number;
  unreachedM2: number;
  /** Residents of the analysed cells (null when the pack gives no population). */
  population: number | null;
  /** Residents living beyond reach, assuming people are spread evenly over their cell. */
  affectedPopulation: number | null;
  /** Share of residents within reach, 0…1. */
  reachedShare: number | null;
}

interface CellGeometry {
  frame: LocalFrame;
  /** Rings in metres, shells counter-clockwise, holes clockwise. */
  rings: Pt[][];
  shells: Pt[][];
  planarArea: number;
}

function project(cell: GridCell, bbox: readonly number[]): CellGeometry {
  const frame = localFrame(
    ((bbox[0] as number) + (bbox[2] as number)) / 2,
    ((bbox[1] as number) + (bbox[3] as number)) / 2,
  );
  const rings: Pt[][] = [];
  const shells: Pt[][] = [];
  let planarArea = 0;
  for (const polygon of polygonsOfGeometry(cell.geometry)) {
    polygon.forEach((ring, r) => {
      let pts = ring.map((p) => frame.toLocal(p));
      const a = ringArea(pts);
      // Orientation is not enforced in packs (docs/region-pack.md); Green's theorem needs it.
      if (a > 0 !== (r === 0)) pts = pts.reverse();
      rings.push(pts);
      if (r === 0) shells.push(pts);
      planarArea += r === 0 ? Math.abs(a) : -Math.abs(a);
    });
  }
  return { frame, rings, shells, planarArea };
}

function distanceToCell(p: Pt, g: CellGeometry): number {
  let inside = false;
  let best = Infinity;
  for (const ring of g.rings) {
    for (let i = 0, j = ring.length - 2; i < ring.length - 1; j = i++) {
      const a = ring[i] as Pt;
      const b = ring[j] as Pt;
      if (a[1] > p[1] !== b[1] > p[1] && p[0] < ((b[0] - a[0]) * (p[1] - a[1])) / (b[1] - a[1]) + a[0])
        inside = !inside;
      best = Math.min(best, pointSegmentDistance(p[0], p[1], a[0], a[1], b[0], b[1]));
    }
  }
  return inside ? 0 : best;
}

const coversCell = (c: Pt, r: number, g: CellGeometry) =>
  g.shells.every((ring) => ring.every((p) => (p[0] - c[0]) ** 2 + (p[1] - c[1]) ** 2 <= r * r));

/**
 * Which parts of the finest-level cells lie farther than the radius from every service point of a kind.
 *
 * Why not buffer every service point and union the circles over the district: that is a union of
 * hundreds of polygons (the slow, fragile operation, turf #2092) and approximates each circle. Instead,
 * per cell: a flatbush index gives the few services within radius + cell extent; a cell with none is
 * wholly unreached, a cell inside one circle wholly reached, and only the cells in between are measured,
 * exactly, by disc-cover.ts. Affected residents = the cell's population × the unreached share.
 */
export function* serviceReachSteps(
  pack: RegionPack,
  options: ServiceReachOptions,
  cellArea: (id: string) => number,
): Steps<{ summary: ServiceReachSummary; findings: Finding[] }> {
  const { grid } = pack;
  const { kind, radiusM: r, minAreaM2 } = options;
  const services = pack.services.filter((s) => kind === null || s.properties.kind === kind);
  const index = services.length > 0 ? new Flatbush(services.length) : null;
  if (index) {
    for (const s of services) {
      const [x, y] = s.geometry.coordinates as [number, number];
      index.add(x, y, x, y);
    }
    index.finish();
  }
  const level = grid.levels[grid.levels.length - 1] ?? '';
  const what = kind === null ? 'any service point' : `any "${kind}" service point`;
  const findings: Finding[] = [];
  const summary: ServiceReachSummary = {
    kind,
    radiusM: r,
    services: services.length,
    level,
    cells: 0,
    cellsWhollyUnreached: 0,
    cellsPartlyUnreached: 0,
    unreachedM2: 0,
    population: null,
    affectedPopulation: null,
    reachedShare: null,
  };
  let population = 0;
  let affected = 0;
  let withPopulation = 0;

  const ids = leafIds(grid);
  for (let n = 0; n < ids.length; n++) {
    const id = ids[n] as string;
    const cell = grid.byId.get(id);
    const bbox = grid.bbox.get(id);
    if (!cell || !bbox) continue;
    summary.cells++;
    const g = project(cell, bbox);
    const { dLon, dLat } = degreesFor(r, bbox[1], bbox[3]);
    const centres: Pt[] = [];
    for (const i of index?.search(bbox[0] - dLon, bbox[1] - dLat, bbox[2] + dLon, bbox[3] + dLat) ?? []) {
      const c = g.frame.toLocal(services[i]?.geometry.coordinates as Position);
      if (distanceToCell(c, g) < r) centres.push(c);
    }
    let fraction: number;
    let piece: AreaGeometry | undefined;
    if (centres.length === 0) fraction = 1;
    else if (centres.some((c) => coversCell(c, r, g))) fraction = 0;
    else {
      const result = polygonMinusDiscs(g.rings, centres, r);
      fraction = g.planarArea > 0 ? Math.min(1, Math.max(0, result.area / g.planarArea)) : 0;
      piece = result.polygons ? toGeometry(result.polygons, g.frame) : undefined;
    }
    const pop = cell.properties.population;
    if (pop !== undefined) {
      withPopulation++;
      population += pop;
      affected += pop * fraction;
    }
    const areaM2 = fraction * cellArea(id);
    if (areaM2 >= minAreaM2 && fraction > 0) {
      const whole = centres.length === 0;
      if (whole) summary.cellsWhollyUnreached++;
      else summary.cellsPartlyUnreached++;
      summary.unreachedM2 += areaM2;
      const { town } = cell.properties;
      findings.push({
        kind: 'service-gap',
        severity: whole ? 'medium' : 'low',
        level,
        ids: [id],
        ...(town !== undefined ? { town } : {}),
        ...(piece && !whole ? { geometry: piece } : {}),
        areaM2,
        ...(pop !== undefined ? { population: Math.round(pop * fraction) } : {}),
        fraction,
        message: `${whole ? 'all' : `${fmtM2(areaM2)} (${fmtPct(fraction)})`} of this ${level} cell is farther than ${fmtInt(r)} m from ${what}${pop !== undefined ? `; about ${fmtInt(pop * fraction)} residents` : ''}`,
      });
    }
    if (n % 64 === 63) yield;
  }
  if (withPopulation > 0) {
    summary.population = population;
    summary.affectedPopulation = Math.round(affected);
    summary.reachedShare = population > 0 ? 1 - affected / population : null;
  }
  return { summary, findings };
}

function toGeometry(polygons: Pt[][][], frame: LocalFrame): AreaGeometry | undefined {
  const coords = polygons.map((rings) => rings.map((ring) => ring.map((p) => frame.toLonLat(p))));
  if (coords.length === 0) return undefined;
  return coords.length === 1
    ? { type: 'Polygon', coordinates: coords[0] as Position[][] }
    : { type: 'MultiPolygon', coordinates: coords };
}
