/**
 * Projects from a district's spec list (districts/<id>/projects.ts): Jiading's domain party-building
 * projects (领域党建) and 嘉昆太 cross-boundary projects, Putuo's key construction, charging-network and
 * riverside projects. Geometry is drawn by hand as plausible footprints: points for programmes run from
 * one place, lines for roads and rivers, polygons for sites and districts, or computed by the district
 * from the generated grid. `cells` are computed spatially.
 */
import type { LineString, MultiPoint, MultiPolygon, Point, Polygon } from 'geojson';
import type { CellIndex } from './cell-index.ts';
import { at, distKm, fromKm, type MultiPoly, type Pos, type Ring, toKm } from './geo.ts';
import type { Cell } from './grids.ts';
import type { Partner } from './partners.ts';
import type { Rng } from './random.ts';
import type { Town } from './towns.ts';

export type ProjectStatus = 'planned' | 'active' | 'done' | 'delayed' | 'suspended';

export interface Project {
  id: string;
  name: string;
  domain: string;
  status: ProjectStatus;
  progress: number;
  owner: string;
  start: string;
  due: string;
  cells: string[];
  geometry: ProjectGeometry;
  /** District-specific properties, written after the standard ones (e.g. category, plannedPoints). */
  extra?: Record<string, unknown>;
}

export type ProjectGeometry = Point | MultiPoint | LineString | Polygon | MultiPolygon;

type Shape =
  | { point: Pos }
  | { line: Pos[] }
  | { loop: { center: Pos; rxM: number; ryM: number } }
  | { blob: { center: Pos; radiusM: number } }
  /** A blob centred on the outline vertex nearest `near`, so it lies partly outside the district. */
  | { straddle: { near: Pos; radiusM: number } }
  | { cell: string }
  /** Several sites of one programme (coordinates rounded here). */
  | { points: Pos[] }
  /** A footprint the district computed itself (coordinates already on the 6-decimal grid). */
  | { geometry: LineString | Polygon | MultiPolygon };

export interface ProjectSpec {
  name: string;
  domain: string;
  status: ProjectStatus;
  owner: string; // partner name
  start: string;
  due: string;
  shape: Shape;
  extra?: Record<string, unknown>;
}

/** What a district may use to compute its project specs from the generated pack. */
export interface ProjectContext {
  outline: Ring;
  towns: readonly Town[];
  micros: CellIndex;
  communities: readonly Cell[];
  partners: readonly Partner[];
  population: ReadonlyMap<string, number>;
  /** A stream of its own (forked from the seed), so that district footprints never shift others. */
  rng: Rng;
}

/** The date the pack describes ("today" for statuses): the last day of the activity window. */
export const AS_OF = '2026-10-31';

const r6 = (p: Pos): Pos => [Number(p[0].toFixed(6)), Number(p[1].toFixed(6))];

/** A star-shaped (hence simple) irregular polygon around a centre. */
function blob(center: Pos, radiusM: number, rng: Rng): Pos[] {
  const c = toKm(center);
  const n = 11;
  const ring: Pos[] = [];
  for (let i = 0; i < n; i++) {
    const t = (2 * Math.PI * (i + rng.uniform(-0.25, 0.25))) / n;
    const r = (radiusM / 1000) * rng.uniform(0.75, 1.2);
    ring.push(r6(fromKm([c[0] + r * Math.cos(t), c[1] + r * Math.sin(t)])));
  }
  ring.push(at(ring, 0));
  return ring;
}

function ellipse(center: Pos, rxM: number, ryM: number): Pos[] {
  const c = toKm(center);
  const pts: Pos[] = [];
  for (let i = 0; i < 24; i++) {
    const t = (2 * Math.PI * i) / 24;
    pts.push(r6(fromKm([c[0] + (rxM / 1000) * Math.cos(t), c[1] + (ryM / 1000) * Math.sin(t)])));
  }
  pts.push(at(pts, 0));
  return pts;
}

function progressFor(status: ProjectStatus, rng: Rng): number {
  switch (status) {
    case 'planned':
      return 0;
    case 'done':
      return 100;
    case 'active':
      return rng.int(15, 90);
    case 'delayed':
      return rng.int(35, 85);
    case 'suspended':
      return rng.int(15, 55);
  }
}

export function buildProjects(
  specs: readonly ProjectSpec[],
  partners: readonly Partner[],
  micros: CellIndex,
  communities: readonly Cell[],
  outline: Ring,
  rng: Rng,
): Project[] {
  const nearestOutlineVertex = (p: Pos): Pos =>
    outline.reduce((best, q) => (distKm(q, p) < distKm(best, p) ? q : best), at(outline, 0));
  return specs.map((spec, i) => {
    const owner = partners.find((p) => p.name === spec.owner);
    if (!owner) throw new Error(`projects: owner ${spec.owner} is not a partner`);
    const s = spec.shape;
    let geometry: ProjectGeometry;
    if ('point' in s) geometry = { type: 'Point', coordinates: r6(s.point) };
    else if ('points' in s) geometry = { type: 'MultiPoint', coordinates: s.points.map(r6) };
    else if ('geometry' in s) geometry = s.geometry;
    else if ('line' in s) geometry = { type: 'LineString', coordinates: s.line.map(r6) };
    else if ('loop' in s)
      geometry = { type: 'LineString', coordinates: ellipse(s.loop.center, s.loop.rxM, s.loop.ryM) };
    else if ('blob' in s)
      geometry = { type: 'Polygon', coordinates: [blob(s.blob.center, s.blob.radiusM, rng)] };
    else if ('straddle' in s) {
      const center = nearestOutlineVertex(s.straddle.near);
      geometry = { type: 'Polygon', coordinates: [blob(center, s.straddle.radiusM, rng)] };
    } else {
      const cell = communities.find((c) => c.name === s.cell);
      if (!cell) throw new Error(`projects: no community grid named ${s.cell}`);
      const shape: MultiPoly = cell.shape;
      geometry = { type: 'Polygon', coordinates: at(shape, 0) };
    }
    const cells = geometry.type === 'Point' ? (micros.only(geometry.coordinates as Pos)?.id ?? null) : null;
    const touched =
      geometry.type === 'Point'
        ? cells
          ? [cells]
          : []
        : geometry.type === 'MultiPoint'
          ? [
              ...new Set(
                geometry.coordinates.flatMap((p) => {
                  const hit = micros.only(p as Pos);
                  return hit ? [hit.id] : [];
                }),
              ),
            ].sort()
          : micros.touching(geometry).map((c) => c.id);
    if (spec.status === 'done' && spec.due > AS_OF)
      throw new Error(`projects: ${spec.name} is done but due later`);
    if (spec.status === 'delayed' && spec.due >= AS_OF)
      throw new Error(`projects: ${spec.name} is delayed but not overdue`);
    if (spec.status === 'planned' && spec.start <= AS_OF)
      throw new Error(`projects: ${spec.name} is planned but started`);
    return {
      id: `P${String(i + 1).padStart(2, '0')}`,
      name: spec.name,
      domain: spec.domain,
      status: spec.status,
      progress: progressFor(spec.status, rng),
      owner: owner.id,
      start: spec.start,
      due: spec.due,
      cells: touched,
      geometry,
      ...(spec.extra ? { extra: spec.extra } : {}),
    };
  });
}
