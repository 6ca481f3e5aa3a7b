import type { Polygon, Position } from 'geojson';
import { type AreaGeometry, geometryBBox } from '../data/grid-index.ts';
import type { Problem } from '../data/problem.ts';
import type { RegionPack } from '../data/region-pack.ts';
import { type ClipOps, guardedClip, turfClip } from './clip.ts';
import { residualEdges, residualWindows } from './edge-chain.ts';
import { type Finding, findingToProblem } from './finding.ts';
import { checkGroup, type Group, type GroupChild } from './group-check.ts';
import { meanWidthM } from './nearness.ts';
import { runToEnd } from './steps.ts';
import { type ValidRegion, validRegion } from './valid-region.ts';

export interface CoverageOptions {
  /**
   * Pieces smaller than this are not reported. Coordinates rounded to 6 decimals (≈ 0.1 m) leave
   * slivers of a few m² along shared edges; 100 m² keeps those out and any real gap in.
   */
  minAreaM2: number;
  /**
   * Pieces thinner than this on average (2·area / perimeter) are not reported either: a 1 km shared
   * edge whose rounded vertices drift by 0.1 m leaves a 100 m² strip that is noise, not a gap.
   */
  minWidthM: number;
}

export const DEFAULT_COVERAGE_OPTIONS: CoverageOptions = { minAreaM2: 100, minWidthM: 0.5 };

/** Parameters that are code, not data (so they never cross the worker boundary). */
export interface GridCoverageHooks {
  /** Clipping operations; tests inject a failing one. Default: turf (polyclip-ts). */
  clip?: ClipOps;
  /** false: clip every group, skipping the exact edge test (a reference path for tests). Default true. */
  exactFirst?: boolean;
}

/** How one parent was checked: `exact` = edges cancel, no clipping; `windows` = clipped where they do not; `clipped` = everywhere. */
export type GroupMethod = 'exact' | 'windows' | 'clipped';

export interface GroupResult {
  parentId: string | null;
  /** Level of the children. */
  level: string;
  parentTown?: string;
  method: GroupMethod;
  gapM2: number;
  overlapM2: number;
  outsideM2: number;
  failed: boolean;
}

export interface GridCoverageResult {
  findings: Finding[];
  groups: GroupResult[];
}

/** Grow residual windows by ≈ 1 m so that a piece touching a chain's box is not cut by the window. */
const WINDOW_MARGIN_DEG = 1e-5;

function boundaryPolygons(pack: RegionPack): Position[][][] {
  return pack.boundary.flatMap((f) =>
    f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates,
  );
}

function asGeometry(polys: Position[][][]): AreaGeometry {
  return polys.length === 1
    ? { type: 'Polygon', coordinates: polys[0] ?? [] }
    : { type: 'MultiPolygon', coordinates: polys };
}

function* groupsOf(pack: RegionPack): Generator<Group> {
  const { grid } = pack;
  const child = (id: string): GroupChild[] => {
    const cell = grid.byId.get(id);
    if (!cell) return [];
    const { town } = cell.properties;
    return [
      {
        id,
        geometry: cell.geometry,
        bbox: grid.bbox.get(id) ?? geometryBBox(cell.geometry),
        ...(town !== undefined ? { town } : {}),
      },
    ];
  };
  const boundary = asGeometry(boundaryPolygons(pack));
  yield {
    parentId: null,
    parentLabel: 'the boundary',
    parent: boundary,
    parentBox: geometryBBox(boundary),
    level: grid.levels[0] ?? '',
    children: (grid.byDepth[0] ?? []).flatMap(child),
  };
  for (let depth = 0; depth < grid.levels.length - 1; depth++) {
    for (const id of grid.byDepth[depth] ?? []) {
      const cell = grid.byId.get(id);
      if (!cell) continue;
      const { town } = cell.properties;
      yield {
        parentId: id,
        parentLabel: `"${id}"`,
        parent: cell.geometry,
        parentBox: grid.bbox.get(id) ?? geometryBBox(cell.geometry),
        ...(town !== undefined ? { parentTown: town } : {}),
        level: grid.levels[depth + 1] ?? '',
        children: (grid.children.get(id) ?? []).flatMap(child),
      };
    }
  }
}

/**
 * Checks that each level tiles its parent: children inside their parent, siblings not overlapping,
 * children covering their parent, the top level covering the boundary. Yields after each parent so a
 * worker can stop a stale run (steps.ts).
 *
 * Why not union everything and subtract: a global turf.union over thousands of cells takes minutes and
 * can throw on Voronoi-like grids (turf #2092, #2409; `npm run bench` shows it on Jiading). The grid is a
 * hierarchy, so each parent is checked against its own children only, and clipping is the last resort:
 * 1. exact edge bookkeeping (edge-chain.ts) proves most parents tiled without any clipping — the
 *    children of a parent cut from it share its vertices;
 * 2. where edges do not cancel, only the boxes around the leftover edges are clipped;
 * 3. geometries that are not certified valid regions (valid-region.ts), and every parent when
 *    `exactFirst` is false, are clipped everywhere, as the straightforward method would.
 */
export function* gridCoverageSteps(
  pack: RegionPack,
  options: CoverageOptions = DEFAULT_COVERAGE_OPTIONS,
  hooks: GridCoverageHooks = {},
): Generator<void, GridCoverageResult, void> {
  const { minAreaM2, minWidthM } = options;
  const ctx = {
    clip: guardedClip(hooks.clip ?? turfClip),
    significant: (piece: Polygon, area: number) => area >= minAreaM2 && meanWidthM(piece, area) >= minWidthM,
  };
  const exactFirst = hooks.exactFirst ?? true;
  const regions = new Map<string, ValidRegion>();
  const regionOf = (id: string, g: AreaGeometry): ValidRegion => {
    let r = regions.get(id);
    if (!r) {
      r = validRegion(g);
      regions.set(id, r);
    }
    return r;
  };
  const findings: Finding[] = [];
  const groups: GroupResult[] = [];

  for (const group of groupsOf(pack)) {
    let method: GroupMethod = 'clipped';
    let windows: ReturnType<typeof residualWindows> | null = null;
    if (exactFirst) {
      const parent = regionOf(group.parentId ?? '\0boundary', group.parent);
      const children = group.children.map((c) => regionOf(c.id, c.geometry));
      if (parent.ok && children.every((c) => c.ok)) {
        const residual = residualEdges(
          children.flatMap((c) => (c.ok ? [c.polygons] : [])),
          parent.polygons,
        );
        method = residual.length === 0 ? 'exact' : 'windows';
        windows = residualWindows(residual, WINDOW_MARGIN_DEG);
      }
    }
    const base = {
      parentId: group.parentId,
      level: group.level,
      ...(group.parentTown !== undefined ? { parentTown: group.parentTown } : {}),
      method,
    };
    if (method === 'exact') {
      groups.push({ ...base, gapM2: 0, overlapM2: 0, outsideM2: 0, failed: false });
    } else {
      const outcome = safeCheck(group, windows, ctx);
      findings.push(...outcome.findings);
      groups.push({
        ...base,
        gapM2: outcome.gapM2,
        overlapM2: outcome.overlapM2,
        outsideM2: outcome.outsideM2,
        failed: outcome.failed,
      });
    }
    yield;
  }
  return { findings, groups };
}

/** Never let one parent stop the analysis, whatever its geometry does to the code below. */
function safeCheck(
  group: Group,
  windows: ReturnType<typeof residualWindows> | null,
  ctx: Parameters<typeof checkGroup>[2],
): ReturnType<typeof checkGroup> {
  try {
    return checkGroup(group, windows, ctx);
  } catch (err) {
    const reason = err instanceof Error ? err.message : String(err);
    return {
      findings: [
        {
          kind: 'geometry-unprocessable',
          severity: 'high',
          level: group.level,
          ids: group.parentId ? [group.parentId] : group.children.map((c) => c.id),
          areaM2: 0,
          message: `could not check ${group.parentLabel} (${reason}); this check was skipped for these cells`,
        },
      ],
      gapM2: 0,
      overlapM2: 0,
      outsideM2: 0,
      failed: true,
    };
  }
}

export const gridCoverage = (
  pack: RegionPack,
  options: CoverageOptions = DEFAULT_COVERAGE_OPTIONS,
  hooks: GridCoverageHooks = {},
): GridCoverageResult => runToEnd(gridCoverageSteps(pack, options, hooks));

/** The validator's entry point (scripts/lib/validate-pack.ts): the grid findings as problem records. */
export function analyseGridCoverage(
  pack: RegionPack,
  options: CoverageOptions = DEFAULT_COVERAGE_OPTIONS,
  hooks: GridCoverageHooks = {},
): Problem[] {
  return gridCoverage(pack, options, hooks).findings.map((f) => findingToProblem(f, pack.files.grids));
}
