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
  // A tiled pack without its GeoJSON grid has only bounding boxes: gaps and overlaps cannot be measured.
  const findings = pack && !pack.grid.geometryless ? analyseGridCoverage(pack, options) : [];
  if (pack?.grid.geometryless) {
    findings.push({
      severity: 'finding',
      file: pack.files.grids,
      rule: 'geometry-unprocessable',
      message:
        'the grid is served as tiles only (no layers.grids): gaps and overlaps were not checked; list the GeoJSON grid in layers.grids to check them',
    });
  }
  return { folder, pack, errors, findings };
}
