import type { CoverageReport } from '../../analysis/analyse-pack.ts';
import {
  type Finding,
  type FindingKind,
  type FindingSeverity,
  GRID_FINDING_KINDS,
  type RankBy,
  rankFindings,
} from '../../analysis/finding.ts';
import { geometryBBox, unionBBox } from '../../data/grid-index.ts';
import { type Lang, pickName } from '../../data/localized.ts';
import type { RegionPack } from '../../data/region-pack.ts';
import { formatNumber, isStringKey, type StringKey, translate } from '../../i18n/strings.ts';
import {
  type CellShading,
  EMPTY_PIECES,
  type FindingTarget,
  NEVER_ACTIVE,
  type ShadingMeasure,
} from '../../layers/coverage-layers.ts';

/**
 * The planner view as plain data: filtering and ranking the findings, their labels in the interface
 * language, the cells' shading values and what the map flies to. Pure functions, tested in node.
 */

/** 'grid' = every grid flaw kind (gaps, overlaps, pieces outside, unprocessable geometry). */
export type KindFilter = 'all' | 'grid' | FindingKind;

export interface FindingFilters {
  kind: KindFilter;
  /** A level id, or null for every level. */
  level: string | null;
  /** A town id, '' for findings without a town, or null for every town. */
  town: string | null;
}

export const NO_FILTERS: FindingFilters = { kind: 'all', level: null, town: null };

export function filterFindings(findings: readonly Finding[], filters: FindingFilters): Finding[] {
  const { kind, level, town } = filters;
  return findings.filter(
    (f) =>
      (kind === 'all' || (kind === 'grid' ? GRID_FINDING_KINDS.includes(f.kind) : f.kind === kind)) &&
      (level === null || f.level === level) &&
      (town === null || (f.town ?? '') === town),
  );
}

/** The report's findings in the order asked for (the worker ranks by its own option; re-rank only if needed). */
export function rankedFindings(report: CoverageReport, by: RankBy): Finding[] {
  return by === report.options.rankBy ? report.findings : rankFindings(report.findings, by);
}

/**
 * Shading values of every finest-level cell, from the report's findings: the share of the cell within
 * service reach (1 unless a service-gap finding says less), and the days from its last event to the
 * window's end (0 when it had one in the window). -1 = no data (the pack has no such layer).
 */
export function cellShading(report: CoverageReport, pack: RegionPack): CellShading {
  const leaves = pack.grid.byDepth[pack.grid.levels.length - 1] ?? [];
  const unreached = new Map<string, number>();
  const idleDays = new Map<string, number>();
  for (const f of report.findings) {
    const id = f.ids[0];
    if (id === undefined) continue;
    if (f.kind === 'service-gap') unreached.set(id, f.fraction ?? 1);
    else if (f.kind === 'no-activity')
      idleDays.set(id, f.daysSinceLast == null ? NEVER_ACTIVE : Math.max(1, f.daysSinceLast));
  }
  const values = new Map<string, { reach: number; activity: number }>();
  for (const id of leaves) {
    values.set(id, {
      reach: report.service ? 1 - (unreached.get(id) ?? 0) : -1,
      activity: report.activity ? (idleDays.get(id) ?? 0) : -1,
    });
  }
  return values;
}

/** Where the map goes for a finding: its own geometry when it has one, else the cells it names. */
export function findingTarget(f: Finding, pack: RegionPack): FindingTarget | null {
  const boxes = f.geometry
    ? [geometryBBox(f.geometry)]
    : f.ids.flatMap((id) => {
        const b = pack.grid.bbox.get(id);
        return b ? [b] : [];
      });
  if (boxes.length === 0) return null;
  const [w, s, e, n] = unionBBox(boxes) as [number, number, number, number];
  return {
    cellIds: [...f.ids],
    pieces: f.geometry
      ? { type: 'FeatureCollection', features: [{ type: 'Feature', geometry: f.geometry, properties: {} }] }
      : EMPTY_PIECES,
    bbox: [w, s, e, n],
  };
}

/** A stable key for a finding within one report (kind and ids identify it). */
export const findingKey = (f: Finding): string => `${f.kind}:${f.ids.join(',')}`;

export const kindLabelKey = (kind: FindingKind): StringKey =>
  `finding_${kind.replace(/-/g, '_')}` as StringKey;

export const severityLabelKey = (s: FindingSeverity): StringKey => `findingSeverity_${s}` as StringKey;

/** A pack's service kind in the interface language; kinds the app does not know stay as written. */
export function serviceKindLabel(lang: Lang, kind: string | null): string {
  if (kind === null) return translate(lang, 'serviceAny');
  const key = `service_${kind}`;
  return isStringKey(key) ? translate(lang, key) : kind;
}

/** Level id → its name in the pack, in the interface language. */
export function levelNames(pack: RegionPack, lang: Lang): Map<string, string> {
  return new Map(pack.manifest.levels.map((l) => [l.id, pickName(l.name, lang)]));
}

/** Town id → name: the admin layer's, else the report's; '' (no town) → the "no street/town" label. */
export function townNames(pack: RegionPack, report: CoverageReport | null, lang: Lang): Map<string, string> {
  const names = new Map<string, string>();
  for (const t of report?.spatial.towns ?? []) if (t.town !== null && t.name) names.set(t.town, t.name);
  for (const a of pack.admin) names.set(a.properties.id, a.properties.name);
  names.set('', translate(lang, 'unknownTown'));
  return names;
}

export const cellName = (pack: RegionPack, id: string): string =>
  pack.grid.byId.get(id)?.properties.name ?? id;

/** A share as a percentage that never rounds up to 100 % when something is missing. */
export function formatShare(share: number, digits = 2): string {
  if (share >= 1) return '100%';
  const f = 10 ** digits;
  return `${(Math.floor(Math.max(0, share) * 100 * f) / f).toFixed(digits)}%`;
}

/** m² up to a square kilometre, km² with two decimals above. */
export function formatArea(lang: Lang, m2: number): string {
  return m2 >= 1_000_000
    ? translate(lang, 'areaKm2', { value: (m2 / 1_000_000).toFixed(2) })
    : translate(lang, 'areaM2', { value: formatNumber(lang, Math.round(m2)) });
}

/** What a finding is about, in a few words: the names of its cells (or "the district boundary"). */
export function findingSubject(f: Finding, pack: RegionPack, lang: Lang): string {
  const names = f.ids.slice(0, 3).map((id) => cellName(pack, id));
  const more = f.ids.length > 3 ? ` +${f.ids.length - 3}` : '';
  const sep = lang === 'zh' ? '、' : ', ';
  if (f.kind === 'gap-boundary') return `${translate(lang, 'boundary')} · ${names.join(sep)}${more}`;
  return `${names.join(sep)}${more}`;
}

/** The measured part of a finding, in the interface language: share, days idle, people. */
export function findingDetails(f: Finding, lang: Lang): string[] {
  const parts = [formatArea(lang, f.areaM2)];
  if (f.kind === 'service-gap' && f.fraction !== undefined && f.fraction < 1)
    parts.push(translate(lang, 'findingShare', { share: formatShare(f.fraction, 1) }));
  if (f.kind === 'no-activity')
    parts.push(
      f.daysSinceLast == null
        ? translate(lang, 'findingNever')
        : translate(lang, 'findingDays', { days: f.daysSinceLast }),
    );
  if (f.population !== undefined) parts.push(translate(lang, 'findingPeople', { count: f.population }));
  return parts;
}

/** The kinds present in a report, in the documented order, with their counts. */
export function kindCounts(report: CoverageReport): { kind: FindingKind; count: number }[] {
  return (Object.entries(report.counts) as [FindingKind, number][])
    .filter(([, n]) => n > 0)
    .map(([kind, count]) => ({ kind, count }));
}

/**
 * What a shading was computed for, in a few words under its legend: the service kind and radius, or
 * the activity window (from the report, so it always matches the colours on the map).
 */
export function shadingContext(
  measure: ShadingMeasure,
  report: CoverageReport | null,
  lang: Lang,
): string | null {
  if (measure === 'reach' && report?.service)
    return translate(lang, 'serviceReach', {
      kind: serviceKindLabel(lang, report.service.kind),
      radius: report.service.radiusM,
    });
  if (measure === 'activity' && report?.activity) {
    const from = report.activity.from.slice(0, 10);
    // `to` is exclusive: the window's last day is the one before it.
    const last = new Date(Date.parse(`${report.activity.to.slice(0, 10)}T00:00:00Z`) - 86_400_000)
      .toISOString()
      .slice(0, 10);
    return `${from} – ${last}`;
  }
  return null;
}

/** Calendar day in Shanghai (the pack's and the app's dates), YYYY-MM-DD. */
export const shanghaiDate = (t: number): string => new Date(t + 8 * 3_600_000).toISOString().slice(0, 10);

/** `jiading-coverage-2026-11-22.csv`: region, analysis and the day of the export. */
export const exportFileName = (regionId: string, ext: string, now: number): string =>
  `${regionId}-coverage-${shanghaiDate(now)}.${ext}`;
