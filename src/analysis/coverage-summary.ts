import { area } from '@turf/turf';
import type { RegionPack } from '../data/region-pack.ts';
import type { Finding } from './finding.ts';
import type { GridCoverageResult } from './grid-coverage.ts';

export interface LevelCoverage {
  level: string;
  cells: number;
  /**
   * Ground in no cell of this level: the level's own gaps plus every gap above it (a hole in an area
   * grid is a hole in the micro grid too). Sum of the reported gap pieces, so it equals the findings.
   */
  uncoveredM2: number;
  /** 1 − uncovered / reference area (the boundary's area for the district). */
  coveredShare: number;
  gaps: number;
  overlapM2: number;
  outsideParentM2: number;
  /** False when a clipping operation failed at this level or above: the numbers may be too small. */
  complete: boolean;
}

export interface TownLevelCoverage {
  level: string;
  uncoveredM2: number;
  coveredShare: number;
}

export interface TownCoverage {
  /** Admin unit id from the cells' `town`; null for cells without one. */
  town: string | null;
  /** Its name from the admin layer, when the pack has one. */
  name: string | null;
  /** Its top-level cells' area (minus what lies outside the boundary) plus the boundary gaps beside them. */
  areaM2: number;
  levels: TownLevelCoverage[];
}

export interface SpatialSummary {
  boundaryAreaM2: number;
  levels: LevelCoverage[];
  towns: TownCoverage[];
}

const share = (uncovered: number, total: number) => (total > 0 ? Math.max(0, 1 - uncovered / total) : 1);

/**
 * Coverage figures from the grid findings: per level and per town. Gaps are attributed to the town of
 * their parent cell (a boundary gap: of the first top-level cell beside it).
 */
export function summariseSpatial(pack: RegionPack, grid: GridCoverageResult): SpatialSummary {
  const { levels } = pack.grid;
  const depthOf = (level: string | undefined) =>
    level === undefined ? -1 : (pack.grid.depthOf.get(level) ?? -1);
  const boundaryAreaM2 = pack.boundary.reduce((s, f) => s + area(f.geometry), 0);
  const of = (kind: Finding['kind']) => grid.findings.filter((f) => f.kind === kind);
  const gaps = [...of('gap-boundary'), ...of('gap')];
  const failedDepth = Math.min(
    ...grid.groups.filter((g) => g.failed).map((g) => depthOf(g.level)),
    ...of('geometry-unprocessable').map((f) => depthOf(f.level)),
    Infinity,
  );

  const levelRows: LevelCoverage[] = levels.map((level, depth) => {
    const uncoveredM2 = gaps.filter((f) => depthOf(f.level) <= depth).reduce((s, f) => s + f.areaM2, 0);
    const sum = (kind: Finding['kind']) =>
      of(kind)
        .filter((f) => f.level === level)
        .reduce((s, f) => s + f.areaM2, 0);
    return {
      level,
      cells: pack.grid.byDepth[depth]?.length ?? 0,
      uncoveredM2,
      coveredShare: share(uncoveredM2, boundaryAreaM2),
      gaps: gaps.filter((f) => f.level === level).length,
      overlapM2: sum('overlap'),
      outsideParentM2: sum('outside-parent'),
      complete: depth < failedDepth,
    };
  });

  const townArea = new Map<string | null, number>();
  const addArea = (town: string | null, a: number) => townArea.set(town, (townArea.get(town) ?? 0) + a);
  for (const id of pack.grid.byDepth[0] ?? []) {
    const cell = pack.grid.byId.get(id);
    if (cell) addArea(cell.properties.town ?? null, area(cell.geometry));
  }
  for (const f of of('outside-parent')) if (depthOf(f.level) === 0) addArea(f.town ?? null, -f.areaM2);
  for (const f of of('gap-boundary')) addArea(f.town ?? null, f.areaM2);
  const names = new Map(pack.admin.map((a) => [a.properties.id, a.properties.name] as const));
  const towns: TownCoverage[] = [...townArea.entries()]
    .sort(([a], [b]) => (a ?? '\uffff').localeCompare(b ?? '\uffff'))
    .map(([town, areaM2]) => ({
      town,
      name: town === null ? null : (names.get(town) ?? null),
      areaM2,
      levels: levels.map((level, depth) => {
        const uncoveredM2 = gaps
          .filter((f) => (f.town ?? null) === town && depthOf(f.level) <= depth)
          .reduce((s, f) => s + f.areaM2, 0);
        return { level, uncoveredM2, coveredShare: share(uncoveredM2, areaM2) };
      }),
    }));
  return { boundaryAreaM2, levels: levelRows, towns };
}
