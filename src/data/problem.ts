import type { Geometry } from 'geojson';

/**
 * An error means the pack cannot be trusted and is not loaded; a finding means the pack is usable but
 * the grid is imperfect (a gap, an overlap). Both are plain records so that the CLI, the app and the
 * tests read them the same way (see docs/region-pack.md, "Errors and findings").
 */
export type Severity = 'error' | 'finding';

export interface Problem {
  severity: Severity;
  /** Pack-relative file the problem is in, e.g. "grids.geojson". */
  file: string;
  /** Feature id where there is one. */
  featureId?: string;
  /** Short stable rule code, e.g. "parent-level" or "gap"; tests and filters match on it. */
  rule: string;
  /** One human sentence saying what is wrong; never a stack trace. */
  message: string;
  /** Every feature id involved (for findings: the parent and the cells around the problem). */
  ids?: string[];
  /** Area in square metres, for spatial findings. */
  areaM2?: number;
  /** Grid level id the finding is about (the level whose cells fail to cover, overlap or stick out). */
  level?: string;
  geometry?: Geometry;
}

export function formatProblem(p: Problem): string {
  return `${p.file}: ${p.featureId ?? '-'}: ${p.message} [${p.rule}]`;
}

export const isError = (p: Problem): boolean => p.severity === 'error';
