import type { Feature, FeatureCollection, Geometry } from 'geojson';
import type { Finding } from '../../analysis/finding.ts';
import type { Lang } from '../../data/localized.ts';
import type { RegionPack } from '../../data/region-pack.ts';
import { type StringKey, translate } from '../../i18n/strings.ts';
import type { CsvCell } from '../export/csv.ts';
import { cellName, kindLabelKey, levelNames, severityLabelKey, townNames } from './planner-model.ts';

/**
 * The findings as files a planner takes to a meeting: a table (CSV) in the interface language and
 * GeoJSON for a GIS. Both list the findings in the order and with the filters on screen.
 */

const COLUMNS: StringKey[] = [
  'csvRank',
  'csvKind',
  'csvSeverity',
  'csvLevel',
  'csvTown',
  'csvIds',
  'csvNames',
  'csvArea',
  'csvPopulation',
  'csvShare',
  'csvDays',
  'csvMessage',
];

/** Header and one row per finding; numbers stay numbers (no grouping) so a spreadsheet can sum them. */
export function findingsTable(findings: readonly Finding[], pack: RegionPack, lang: Lang): CsvCell[][] {
  const levels = levelNames(pack, lang);
  const towns = townNames(pack, null, lang);
  const rows: CsvCell[][] = [COLUMNS.map((key) => translate(lang, key))];
  findings.forEach((f, i) => {
    rows.push([
      i + 1,
      translate(lang, kindLabelKey(f.kind)),
      translate(lang, severityLabelKey(f.severity)),
      f.level === undefined ? '' : (levels.get(f.level) ?? f.level),
      f.town === undefined ? '' : (towns.get(f.town) ?? f.town),
      f.ids.join(';'),
      f.ids.map((id) => cellName(pack, id)).join(';'),
      Math.round(f.areaM2),
      f.population ?? null,
      f.fraction === undefined ? null : Number(f.fraction.toFixed(4)),
      f.kind === 'no-activity' ? (f.daysSinceLast ?? null) : null,
      f.message,
    ]);
  });
  return rows;
}

export interface FindingFeatureProps {
  rank: number;
  kind: string;
  severity: string;
  level: string | null;
  town: string | null;
  townName: string | null;
  ids: string[];
  names: string[];
  areaM2: number;
  population: number | null;
  fraction: number | null;
  lastEvent: string | null;
  daysSinceLast: number | null;
  message: string;
}

/**
 * One feature per finding. Whole-cell findings carry no geometry across the worker boundary; here they
 * get their cell's geometry from the pack, so the file stands on its own.
 */
export function findingsGeoJson(
  findings: readonly Finding[],
  pack: RegionPack,
): FeatureCollection<Geometry | null, FindingFeatureProps> {
  const towns = townNames(pack, null, 'zh');
  const features = findings.map(
    (f, i): Feature<Geometry | null, FindingFeatureProps> => ({
      type: 'Feature',
      geometry: f.geometry ?? pack.grid.byId.get(f.ids[0] ?? '')?.geometry ?? null,
      properties: {
        rank: i + 1,
        kind: f.kind,
        severity: f.severity,
        level: f.level ?? null,
        town: f.town ?? null,
        townName: f.town === undefined ? null : (towns.get(f.town) ?? null),
        ids: [...f.ids],
        names: f.ids.map((id) => cellName(pack, id)),
        areaM2: Math.round(f.areaM2 * 100) / 100,
        population: f.population ?? null,
        fraction: f.fraction ?? null,
        lastEvent: f.lastEvent ?? null,
        daysSinceLast: f.daysSinceLast ?? null,
        message: f.message,
      },
    }),
  );
  return { type: 'FeatureCollection', features };
}
