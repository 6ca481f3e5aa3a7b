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

/** At most this many problems are listed per file (or per list of a document). */
export const MAX_PROBLEMS_LISTED = 200;

/**
 * A file's errors, listing at most MAX_PROBLEMS_LISTED and counting the rest in one closing line: a
 * city-size file with one systematic fault would otherwise list tens of thousands.
 */
export class ProblemList {
  #listed = 0;
  #more = 0;

  /** `into`: where the listed problems go (a document's several lists may share one array). */
  constructor(
    readonly file: string,
    readonly into: Problem[] = [],
  ) {}

  add(p: Omit<Problem, 'severity' | 'file'>): void {
    if (this.#listed < MAX_PROBLEMS_LISTED) {
      this.#listed++;
      this.into.push({ severity: 'error', file: this.file, ...p });
    } else this.#more++;
  }

  /** The problems, ending with the count of those not listed when there are any. */
  close(): Problem[] {
    if (this.#more > 0) {
      this.into.push({
        severity: 'error',
        file: this.file,
        rule: 'too-many-problems',
        message: `${this.#more} more problems not listed (first ${MAX_PROBLEMS_LISTED} shown)`,
      });
      this.#more = 0;
    }
    return this.into;
  }
}
