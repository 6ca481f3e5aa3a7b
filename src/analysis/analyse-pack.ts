import type { RegionPack } from '../data/region-pack.ts';
import { type ActivitySummary, activitySteps, resolveActivityWindow } from './activity.ts';
import { cellAreas } from './cell-areas.ts';
import { type SpatialSummary, summariseSpatial } from './coverage-summary.ts';
import { FINDING_KINDS, type Finding, type FindingKind, type RankBy, rankFindings } from './finding.ts';
import {
  DEFAULT_COVERAGE_OPTIONS,
  type GridCoverageHooks,
  type GroupMethod,
  gridCoverageSteps,
} from './grid-coverage.ts';
import { type PartnershipSummary, partnershipSteps } from './partnership.ts';
import { type ServiceReachSummary, serviceReachSteps } from './service-reach.ts';
import { runToEnd, type Steps } from './steps.ts';

/** What a planner chooses. Plain data: it crosses the worker boundary. */
export interface AnalysisOptions {
  /** Smallest gap, overlap or unreached piece reported (m²). Default 100. */
  minAreaM2?: number;
  /** Thinnest gap or overlap reported (mean width, m). Default 0.5. */
  minWidthM?: number;
  /** Service kind for the reach analysis; null or absent = any service point. */
  serviceKind?: string | null;
  /** Default: the pack's `serviceRadiusMeters`. */
  serviceRadiusM?: number;
  /** Activity window bounds: `YYYY-MM-DD` (whole days, `to` included) or ISO date-times with offset. */
  activityFrom?: string;
  activityTo?: string;
  /** Order of `findings`. Default `area`. */
  rankBy?: RankBy;
}

export interface CoverageReport {
  region: { id: string; name: string; nameEn: string | null; generated: boolean };
  /** The options in effect, defaults filled in. */
  options: {
    minAreaM2: number;
    minWidthM: number;
    serviceKind: string | null;
    serviceRadiusM: number;
    rankBy: RankBy;
  };
  spatial: SpatialSummary;
  /** How many parents each grid method checked (grid-coverage.ts). */
  gridMethods: Record<GroupMethod, number>;
  /** Null when the pack has no such layer. */
  service: ServiceReachSummary | null;
  serviceKinds: string[];
  partnership: PartnershipSummary | null;
  activity: ActivitySummary | null;
  counts: Record<FindingKind, number>;
  /** Every finding, ranked by `options.rankBy`. */
  findings: Finding[];
}

/**
 * The whole coverage analysis of a pack, as steps (steps.ts): grid coverage, service reach,
 * partnership, activity. The CLI runs it straight through (`analysePack`), the worker in slices.
 * Throws (before the first step) only for options it cannot read, e.g. a malformed date.
 */
export function analysisSteps(
  pack: RegionPack,
  options: AnalysisOptions = {},
  hooks: GridCoverageHooks = {},
): Steps<CoverageReport> {
  const minAreaM2 = options.minAreaM2 ?? DEFAULT_COVERAGE_OPTIONS.minAreaM2;
  const minWidthM = options.minWidthM ?? DEFAULT_COVERAGE_OPTIONS.minWidthM;
  const serviceKind = options.serviceKind ?? null;
  const serviceRadiusM = options.serviceRadiusM ?? pack.manifest.serviceRadiusMeters;
  const rankBy = options.rankBy ?? 'area';
  if (!(minAreaM2 >= 0) || !(minWidthM >= 0)) throw new Error('minimum area and width must be numbers ≥ 0');
  if (!(serviceRadiusM > 0)) throw new Error('the service radius must be a number > 0');
  const window =
    pack.files.activity !== undefined
      ? resolveActivityWindow(pack, { from: options.activityFrom, to: options.activityTo })
      : null;
  return run();

  function* run(): Steps<CoverageReport> {
    const cellArea = cellAreas(pack.grid);
    const grid = yield* gridCoverageSteps(pack, { minAreaM2, minWidthM }, hooks);
    const service =
      pack.files.services !== undefined
        ? yield* serviceReachSteps(pack, { kind: serviceKind, radiusM: serviceRadiusM, minAreaM2 }, cellArea)
        : null;
    const partnership = pack.files.partners !== undefined ? yield* partnershipSteps(pack, cellArea) : null;
    const activity = window ? yield* activitySteps(pack, window, cellArea) : null;
    const findings = [
      ...grid.findings,
      ...(service?.findings ?? []),
      ...(partnership?.findings ?? []),
      ...(activity?.findings ?? []),
    ];
    const counts = Object.fromEntries(FINDING_KINDS.map((k) => [k, 0])) as Record<FindingKind, number>;
    for (const f of findings) counts[f.kind]++;
    const gridMethods: Record<GroupMethod, number> = { exact: 0, windows: 0, clipped: 0 };
    for (const g of grid.groups) gridMethods[g.method]++;
    const { name } = pack.manifest;
    return {
      region: {
        id: pack.manifest.id,
        name: name.zh,
        nameEn: name.en ?? null,
        generated: pack.manifest.generated,
      },
      options: { minAreaM2, minWidthM, serviceKind, serviceRadiusM, rankBy },
      spatial: summariseSpatial(pack, grid),
      gridMethods,
      service: service?.summary ?? null,
      serviceKinds: [...new Set(pack.services.map((s) => s.properties.kind))].sort(),
      partnership: partnership?.summary ?? null,
      activity: activity?.summary ?? null,
      counts,
      findings: rankFindings(findings, rankBy),
    };
  }
}

export const analysePack = (
  pack: RegionPack,
  options: AnalysisOptions = {},
  hooks: GridCoverageHooks = {},
): CoverageReport => runToEnd(analysisSteps(pack, options, hooks));
