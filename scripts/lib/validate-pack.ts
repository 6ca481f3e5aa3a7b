import { basename, resolve } from 'node:path';
import {
  analyseGridCoverage,
  type CoverageOptions,
  DEFAULT_COVERAGE_OPTIONS,
} from '../../src/analysis/grid-coverage.ts';
import { loadRegionPack } from '../../src/data/pack-loader.ts';
import type { Problem } from '../../src/data/problem.ts';
import type { RegionPack } from '../../src/data/region-pack.ts';
import { fsPackSource } from './fs-pack-source.ts';

export interface ValidationReport {
  folder: string;
  pack: RegionPack | null;
  errors: Problem[];
  findings: Problem[];
}

/** Loads a pack folder and, when it loads, checks how its grid covers space. Shared by CLI and tests. */
export async function validatePackFolder(
  folder: string,
  options: CoverageOptions = DEFAULT_COVERAGE_OPTIONS,
): Promise<ValidationReport> {
  const { pack, problems } = await loadRegionPack(fsPackSource(folder), {
    expectedId: basename(resolve(folder)),
  });
  const errors = problems.filter((p) => p.severity === 'error');
  const findings = pack ? analyseGridCoverage(pack, options) : [];
  return { folder, pack, errors, findings };
}
