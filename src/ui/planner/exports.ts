import type { CoverageReport } from '../../analysis/analyse-pack.ts';
import type { Finding } from '../../analysis/finding.ts';
import { type Lang, pickName } from '../../data/localized.ts';
import type { RegionPack } from '../../data/region-pack.ts';
import { translate } from '../../i18n/strings.ts';
import { SHADING, type ShadingMeasure, shadingLegend } from '../../layers/coverage-layers.ts';
import { lineStyle } from '../../layers/theme.ts';
import { toCsv } from '../export/csv.ts';
import { downloadBlob } from '../export/download.ts';
import { canvasToPngBlob, composeMapImage, type ImageLegendRow } from '../export/map-image.ts';
import { findingsGeoJson, findingsTable } from './findings-export.ts';
import { exportFileName, shadingContext, shanghaiDate } from './planner-model.ts';

/** The planner's three downloads, each named `<region>-coverage-<date>.<ext>`. */

export function exportFindingsCsv(findings: readonly Finding[], pack: RegionPack, lang: Lang): void {
  const text = toCsv(findingsTable(findings, pack, lang));
  downloadBlob(
    new Blob([text], { type: 'text/csv;charset=utf-8' }),
    exportFileName(pack.manifest.id, 'csv', Date.now()),
  );
}

export function exportFindingsGeoJson(findings: readonly Finding[], pack: RegionPack): void {
  const text = JSON.stringify(findingsGeoJson(findings, pack));
  downloadBlob(
    new Blob([text], { type: 'application/geo+json' }),
    exportFileName(pack.manifest.id, 'geojson', Date.now()),
  );
}

/**
 * The map as on screen, with the legend of what it shows: the shading's classes (from the same
 * definitions as the layer) or, without shading, the grid levels' outlines.
 */
export async function exportMapPng(
  map: HTMLCanvasElement | null,
  pack: RegionPack,
  lang: Lang,
  shading: ShadingMeasure | null,
  report: CoverageReport | null,
): Promise<void> {
  if (!map) throw new Error('the map is not ready');
  const legend: ImageLegendRow[] = shading
    ? shadingLegend(shading).map((row) => ({
        colour: row.colour,
        label: translate(lang, row.label),
        swatch: 'fill',
      }))
    : pack.manifest.levels.map((level, depth) => ({
        colour: lineStyle(depth).color,
        width: Math.max(1, lineStyle(depth).width * 1.5),
        label: pickName(level.name, lang),
        swatch: 'line',
      }));
  const now = Date.now();
  const image = composeMapImage(
    map,
    {
      title: translate(lang, 'pngTitle', {
        region: pickName(pack.manifest.name, lang),
        date: shanghaiDate(now),
      }),
      legendTitle: translate(lang, shading ? SHADING[shading].title : 'levelLegend'),
      ...(shading
        ? { legendNote: shadingContext(shading, report, lang) ?? translate(lang, SHADING[shading].note) }
        : {}),
      legend,
      footer: pack.manifest.attribution,
    },
    // The snapshot is in device pixels; text and legend scale with them.
    Math.max(1, globalThis.devicePixelRatio || 1),
  );
  downloadBlob(await canvasToPngBlob(image), exportFileName(pack.manifest.id, 'png', now));
}
