import type {
  ExpressionSpecification,
  FilterSpecification,
  GeoJSONSourceSpecification,
  LayerSpecification,
} from 'maplibre-gl';
import { PROJECT_STATUSES, type ProjectStatus } from '../data/feature-schemas.ts';
import type { Lang } from '../data/localized.ts';
import type { StringKey } from '../i18n/strings.ts';
import type { OverlayData } from './overlay-data.ts';
import type { OverlayNames } from './overlay-style.ts';
import {
  type OverlayFilters,
  type OverlaySelection,
  overlayMetadata,
  type ProjectColourBy,
  projectFilterExpression,
  projectShown,
} from './overlay-style.ts';
import type { OverlayLegend } from './overlays.ts';

/**
 * Projects with their own geometry (points, road and river lines, site areas), coloured by status or
 * by domain, with their progress in the label. The status and domain colour tables feed the paint
 * expressions and the legends alike; filters are layer filters (no data re-upload).
 */

export const PROJECT_SOURCE = 'ga-projects';
/** One name point per point or area project (see projectLabelPoint). */
export const PROJECT_LABEL_SOURCE = 'ga-project-labels';

export const PROJECT_LAYER = {
  fill: 'project-fill',
  outline: 'project-outline',
  casing: 'project-line-casing',
  line: 'project-line',
  point: 'project-point',
  selectedLine: 'project-selected-line',
  selectedPoint: 'project-selected-point',
  lineLabel: 'project-line-label',
  label: 'project-label',
} as const;

/**
 * Clicks on these select a project. Site areas are selected by their outline or label only, so a click
 * inside a large site still drills into the cell under it.
 */
export const PROJECT_CLICKABLE = [
  PROJECT_LAYER.point,
  PROJECT_LAYER.line,
  PROJECT_LAYER.outline,
  PROJECT_LAYER.label,
  PROJECT_LAYER.lineLabel,
] as const;

/** One colour per status: delayed red stands out; done green; suspended grey; planned violet. */
export const STATUS_COLOUR: Record<ProjectStatus, string> = {
  planned: '#7048e8',
  active: '#1971c2',
  done: '#2f9e44',
  delayed: '#e03131',
  suspended: '#868e96',
};

/** Domain colours in the manifest's order (Tableau 10 plus two); cycled past twelve domains. */
export const DOMAIN_PALETTE = [
  '#4e79a7',
  '#f28e2b',
  '#e15759',
  '#76b7b2',
  '#59a14f',
  '#edc948',
  '#b07aa1',
  '#ff9da7',
  '#9c755f',
  '#17becf',
  '#8c564b',
  '#bab0ac',
] as const;
const UNKNOWN_DOMAIN = '#495057';
/** Swatch of the dimension that does not colour the map (so the legend never shows a false colour). */
const NEUTRAL = '#adb5bd';

export const domainColour = (domains: readonly string[], domain: string): string => {
  const i = domains.indexOf(domain);
  return i < 0 ? UNKNOWN_DOMAIN : (DOMAIN_PALETTE[i % DOMAIN_PALETTE.length] ?? UNKNOWN_DOMAIN);
};

/** The colour of every project layer: a match over the chosen table. */
export function projectColourExpression(
  by: ProjectColourBy,
  domains: readonly string[],
): ExpressionSpecification {
  const pairs: string[] =
    by === 'status'
      ? PROJECT_STATUSES.flatMap((s) => [s, STATUS_COLOUR[s]])
      : domains.flatMap((d) => [d, domainColour(domains, d)]);
  if (pairs.length === 0) return ['literal', UNKNOWN_DOMAIN] as unknown as ExpressionSpecification;
  return ['match', ['get', by], ...pairs, UNKNOWN_DOMAIN] as unknown as ExpressionSpecification;
}

const AREA: FilterSpecification = ['==', ['geometry-type'], 'Polygon'];
const LINE: FilterSpecification = ['==', ['geometry-type'], 'LineString'];
const POINT: FilterSpecification = ['==', ['geometry-type'], 'Point'];

const none = ['==', ['get', 'id'], '\u0000'] as FilterSpecification;
const selectedFilter = (selection: OverlaySelection | null): FilterSpecification =>
  selection?.kind === 'project' ? ['==', ['get', 'id'], selection.id] : none;

/** The filter of each project layer under the given filters and selection (used by style and controller). */
export function projectLayerFilters(
  filters: OverlayFilters,
  selection: OverlaySelection | null,
): Record<string, FilterSpecification> {
  const shown = projectFilterExpression(filters);
  const and = (geometry: FilterSpecification): FilterSpecification =>
    ['all', geometry, shown] as FilterSpecification;
  const selected = selectedFilter(selection);
  return {
    [PROJECT_LAYER.fill]: and(AREA),
    [PROJECT_LAYER.outline]: and(AREA),
    [PROJECT_LAYER.casing]: and(LINE),
    [PROJECT_LAYER.line]: and(LINE),
    [PROJECT_LAYER.point]: and(POINT),
    [PROJECT_LAYER.selectedLine]: [
      'all',
      ['!=', ['geometry-type'], 'Point'],
      selected,
    ] as FilterSpecification,
    [PROJECT_LAYER.selectedPoint]: ['all', POINT, selected] as FilterSpecification,
    [PROJECT_LAYER.lineLabel]: and(LINE),
    [PROJECT_LAYER.label]: shown,
  };
}

/** The layers whose paint follows the colour choice, and the paint property that carries it. */
export const PROJECT_COLOURED: [string, 'fill-color' | 'line-color' | 'circle-color'][] = [
  [PROJECT_LAYER.fill, 'fill-color'],
  [PROJECT_LAYER.outline, 'line-color'],
  [PROJECT_LAYER.line, 'line-color'],
  [PROJECT_LAYER.point, 'circle-color'],
];

export function projectSources(data: OverlayData): Record<string, GeoJSONSourceSpecification> {
  return {
    [PROJECT_SOURCE]: { type: 'geojson', data: data.projects },
    [PROJECT_LABEL_SOURCE]: { type: 'geojson', data: data.projectLabels },
  };
}

const FONT = ['Noto Sans CJK SC Regular', 'sans-serif'];

/** Areas, lines and points under the grid's labels; their labels above them. */
export function projectLayers(
  data: OverlayData,
  lang: Lang,
  filters: OverlayFilters,
  colourBy: ProjectColourBy,
  selection: OverlaySelection | null,
): { shapes: LayerSpecification[]; labels: LayerSpecification[] } {
  const metadata = overlayMetadata('projects');
  const f = projectLayerFilters(filters, selection);
  const colour = projectColourExpression(colourBy, data.domains);
  const source = PROJECT_SOURCE;
  const name: ExpressionSpecification =
    lang === 'en' ? ['coalesce', ['get', 'nameEn'], ['get', 'name']] : ['get', 'name'];
  const text: ExpressionSpecification = ['concat', name, ' ', ['to-string', ['get', 'progress']], '%'];
  // Labels stay dark whatever colours the shapes: light domain colours would not read as text.
  const textPaint = { 'text-color': '#1d2b3a', 'text-halo-color': '#ffffff', 'text-halo-width': 1.6 };
  const shapes: LayerSpecification[] = [
    {
      id: PROJECT_LAYER.fill,
      type: 'fill',
      source,
      metadata,
      filter: f[PROJECT_LAYER.fill],
      paint: { 'fill-color': colour, 'fill-opacity': 0.2 },
    },
    {
      id: PROJECT_LAYER.selectedLine,
      type: 'line',
      source,
      metadata,
      filter: f[PROJECT_LAYER.selectedLine],
      layout: { 'line-join': 'round', 'line-cap': 'round' },
      // A yellow glow wider than the line and its casing: the selected project stands out in any colour.
      paint: { 'line-color': '#fcc419', 'line-width': 16, 'line-opacity': 0.75, 'line-blur': 2 },
    },
    {
      id: PROJECT_LAYER.outline,
      type: 'line',
      source,
      metadata,
      filter: f[PROJECT_LAYER.outline],
      layout: { 'line-join': 'round' },
      paint: { 'line-color': colour, 'line-width': 2, 'line-dasharray': [3, 1.5] },
    },
    {
      id: PROJECT_LAYER.casing,
      type: 'line',
      source,
      metadata,
      filter: f[PROJECT_LAYER.casing],
      layout: { 'line-join': 'round', 'line-cap': 'round' },
      paint: { 'line-color': '#ffffff', 'line-width': ['interpolate', ['linear'], ['zoom'], 10, 4.5, 15, 8] },
    },
    {
      id: PROJECT_LAYER.line,
      type: 'line',
      source,
      metadata,
      filter: f[PROJECT_LAYER.line],
      layout: { 'line-join': 'round', 'line-cap': 'round' },
      paint: { 'line-color': colour, 'line-width': ['interpolate', ['linear'], ['zoom'], 10, 2.5, 15, 5] },
    },
    {
      id: PROJECT_LAYER.selectedPoint,
      type: 'circle',
      source,
      metadata,
      filter: f[PROJECT_LAYER.selectedPoint],
      paint: { 'circle-radius': 13, 'circle-color': '#fcc419', 'circle-opacity': 0.75, 'circle-blur': 0.2 },
    },
    {
      id: PROJECT_LAYER.point,
      type: 'circle',
      source,
      metadata,
      filter: f[PROJECT_LAYER.point],
      paint: {
        'circle-radius': ['interpolate', ['linear'], ['zoom'], 10, 4, 15, 7],
        'circle-color': colour,
        'circle-stroke-color': '#ffffff',
        'circle-stroke-width': 1.8,
      },
    },
  ];
  const labels: LayerSpecification[] = [
    {
      id: PROJECT_LAYER.lineLabel,
      type: 'symbol',
      source,
      metadata,
      minzoom: 12,
      filter: f[PROJECT_LAYER.lineLabel],
      layout: {
        'symbol-placement': 'line',
        'text-field': text,
        'text-font': FONT,
        'text-size': 12,
        'text-offset': [0, -0.9],
        'text-max-angle': 35,
      },
      paint: textPaint,
    },
    {
      id: PROJECT_LAYER.label,
      type: 'symbol',
      source: PROJECT_LABEL_SOURCE,
      metadata,
      minzoom: 12.5,
      filter: f[PROJECT_LAYER.label],
      layout: {
        'text-field': text,
        'text-font': FONT,
        'text-size': 12,
        'text-anchor': 'top',
        'text-offset': [0, 0.7],
        'text-max-width': 10,
        'text-optional': true,
      },
      paint: textPaint,
    },
  ];
  return { shapes, labels };
}

type Translate = (key: StringKey) => string;

/**
 * Status and domain legends. A row's count is what its category shows under the other dimension's
 * filter (facet counts: the count of a filtered-out row says what switching it on would add).
 */
export function projectLegends(
  data: OverlayData,
  filters: OverlayFilters,
  colourBy: ProjectColourBy,
  t: Translate,
  names: OverlayNames,
): OverlayLegend[] {
  const all = data.projects.features.map((f) => f.properties);
  const byDomain = all.filter((p) => projectShown(p, { ...filters, statuses: null }));
  const byStatus = all.filter((p) => projectShown(p, { ...filters, domains: null }));
  const statuses = PROJECT_STATUSES.filter((s) => all.some((p) => p.status === s));
  const domains = [
    ...data.domains,
    ...new Set(all.map((p) => p.domain).filter((d) => !data.domains.includes(d))),
  ];
  return [
    {
      overlay: 'projects',
      id: 'status',
      toggles: 'status',
      title: t('legendStatus'),
      entries: statuses.map((s) => ({
        key: s,
        label: t(`status_${s}` as StringKey),
        swatch: { shape: 'line', colour: colourBy === 'status' ? STATUS_COLOUR[s] : NEUTRAL },
        count: byDomain.filter((p) => p.status === s).length,
        filtered: filters.statuses !== null && !filters.statuses.includes(s),
      })),
    },
    {
      overlay: 'projects',
      id: 'domain',
      toggles: 'domain',
      title: t('legendDomain'),
      entries: domains
        .filter((d) => all.some((p) => p.domain === d))
        .map((d) => ({
          key: d,
          label: names.domain(d),
          swatch: { shape: 'line', colour: colourBy === 'domain' ? domainColour(data.domains, d) : NEUTRAL },
          count: byStatus.filter((p) => p.domain === d).length,
          filtered: filters.domains !== null && !filters.domains.includes(d),
        })),
    },
  ];
}
