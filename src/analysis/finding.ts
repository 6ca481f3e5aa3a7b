import type { AreaGeometry } from '../data/grid-index.ts';
import type { Problem } from '../data/problem.ts';

/**
 * What a planner sees: one record per place where the grid, the services, the partners or the
 * volunteers do not reach. Plain data (structured-cloneable), so the same records come out of the
 * CLI, the Web Worker and the tests. docs/coverage.md describes every field.
 */
export const FINDING_KINDS = [
  'gap-boundary',
  'gap',
  'overlap',
  'outside-parent',
  'geometry-unprocessable',
  'service-gap',
  'no-partner',
  'no-activity',
] as const;
export type FindingKind = (typeof FINDING_KINDS)[number];

/** The grid findings: the ones `npm run validate` also prints. */
export const GRID_FINDING_KINDS: readonly FindingKind[] = [
  'gap-boundary',
  'gap',
  'overlap',
  'outside-parent',
  'geometry-unprocessable',
];

export type FindingSeverity = 'high' | 'medium' | 'low';
const SEVERITY_ORDER: Record<FindingSeverity, number> = { high: 0, medium: 1, low: 2 };

export interface Finding {
  kind: FindingKind;
  severity: FindingSeverity;
  /** Level id of the cells at fault (for a gap: the level that fails to cover its parent). */
  level?: string;
  /** Every feature id involved; the first is the one the finding is filed under (see docs/coverage.md). */
  ids: string[];
  /** Admin unit (town) id, from the cells' `town`. */
  town?: string;
  /**
   * The piece of ground concerned, in WGS84, when it is not simply the whole cell `ids[0]`
   * (a gap, an overlap, the unreached part of a cell). Absent for whole-cell findings: the cell's own
   * geometry is in the pack, so it is not copied across the worker boundary.
   */
  geometry?: AreaGeometry;
  /** Area concerned in m² (turf.area on the sphere); for whole-cell findings the cell's area. */
  areaM2: number;
  /** Residents affected where the pack gives population (cell population × share affected). */
  population?: number;
  /** Share of the cell concerned, 0…1 (service reach, partnership and activity findings). */
  fraction?: number;
  /** Activity findings: the last event at or before the window's end (ISO, as in the pack), or null. */
  lastEvent?: string | null;
  /** Activity findings: whole days from that event to the window's end, or null when there is none. */
  daysSinceLast?: number | null;
  /** One plain sentence; never a stack trace. */
  message: string;
}

export type RankBy = 'area' | 'population';

const byIds = (a: Finding, b: Finding) => a.ids.join(',').localeCompare(b.ids.join(','));

/**
 * Largest area first (`area`) or most people first (`population`; findings without a population come
 * last). Ties: the other measure, then severity, then ids, so the order is stable across runs.
 */
export function rankFindings(list: readonly Finding[], by: RankBy = 'area'): Finding[] {
  const people = (f: Finding) => f.population ?? -1;
  return [...list].sort((a, b) => {
    const primary = by === 'area' ? b.areaM2 - a.areaM2 : people(b) - people(a);
    if (primary !== 0) return primary;
    const secondary = by === 'area' ? people(b) - people(a) : b.areaM2 - a.areaM2;
    if (secondary !== 0) return secondary;
    return SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] || byIds(a, b);
  });
}

/**
 * The validator's view of a grid finding (docs/region-pack.md, "Findings"): filed under the feature id
 * the rule names, in the grids file.
 */
export function findingToProblem(f: Finding, file: string): Problem {
  const featureId = f.kind === 'gap-boundary' ? undefined : f.ids[0];
  return {
    severity: 'finding',
    file,
    ...(featureId !== undefined ? { featureId } : {}),
    rule: f.kind,
    ...(f.level !== undefined ? { level: f.level } : {}),
    ids: f.ids,
    ...(f.kind === 'geometry-unprocessable' ? {} : { areaM2: f.areaM2 }),
    ...(f.geometry ? { geometry: f.geometry } : {}),
    message: f.message,
  };
}
