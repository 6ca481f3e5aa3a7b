import type {
  DataDrivenPropertyValueSpecification,
  ExpressionSpecification,
  LayerSpecification,
  StyleSpecification,
} from 'maplibre-gl';
import type { Lang } from '../data/localized.ts';
import {
  ACTIVITY_SOURCE,
  type ActivityStyle,
  activityCellsLayer,
  activityHeatLayer,
  activityPointsLayer,
  activitySource,
  HIDDEN_ACTIVITY,
} from './activity-layers.ts';
import { ALERT_SOURCE, alertLayers } from './alert-layers.ts';
import {
  COVERAGE_SOURCE,
  type CoverageStyle,
  coverageHighlightLayers,
  coverageShadeLayer,
  EMPTY_PIECES,
  NO_COVERAGE,
} from './coverage-layers.ts';
import { focusLayers } from './focus-layers.ts';
import type { FocusTarget } from './focus-style.ts';
import type { MapData } from './map-data.ts';
import { overlayStyleParts } from './overlay-layers.ts';
import { DEFAULT_OVERLAY_STYLE, type OverlayStyle, withOverlayVisibility } from './overlay-style.ts';
import { EMPTY_PROGRAMME_MAP, PROGRAMME_SOURCE, programmeLayers } from './programme-layers.ts';
import { lineStyle, THEME } from './theme.ts';
import { onVectorTiles } from './tiled-style.ts';

/** Our source ids carry a prefix so that they never collide with an optional basemap's sources. */
export const SOURCE = {
  boundary: 'ga-boundary',
  admin: 'ga-admin',
  grid: 'ga-grid',
  labels: 'ga-labels',
} as const;

/** Layer ids, so that tests and the map controller name layers the same way. */
export const layerId = {
  gridFill: (level: string) => `grid-fill-${level}`,
  gridLine: (level: string) => `grid-line-${level}`,
  gridLabel: (level: string) => `grid-label-${level}`,
};

/** The admin units' names: the one label layer that stays on GeoJSON when the grid is on tiles. */
export const ADMIN_LABEL_LAYER = 'admin-label';

const MAX_ZOOM = 24;
/**
 * Fonts: MapLibre 6 draws glyphs locally (TinySDF) when the style has no `glyphs` URL, so no request
 * leaves the page. The stack names the CJK fonts installed with Debian's fonts-noto-cjk, then generic.
 */
const FONT = ['Noto Sans CJK SC Regular', 'sans-serif'];
const FONT_BOLD = ['Noto Sans CJK SC Bold', 'sans-serif'];

function labelText(lang: Lang): DataDrivenPropertyValueSpecification<string> {
  return lang === 'en' ? ['coalesce', ['get', 'nameEn'], ['get', 'name']] : ['get', 'name'];
}

const paletteExpression = (): ExpressionSpecification =>
  [
    'match',
    ['get', 'colour'],
    ...THEME.fills.flatMap((c, i) => [i, c]),
    THEME.fills[0],
  ] as unknown as ExpressionSpecification;

function gridLayers(
  data: MapData,
  lang: Lang,
): { fills: LayerSpecification[]; lines: LayerSpecification[]; labels: LayerSpecification[] } {
  const fills: LayerSpecification[] = [];
  const lines: LayerSpecification[] = [];
  const labels: LayerSpecification[] = [];
  data.zooms.forEach(({ level, linesFrom, focusFrom, labelsFrom }, depth) => {
    const next = data.zooms[depth + 1];
    const focusUntil = next?.focusFrom ?? MAX_ZOOM;
    const isLevel: ExpressionSpecification = ['==', ['get', 'level'], level];
    const line = lineStyle(depth);
    fills.push({
      id: layerId.gridFill(level),
      type: 'fill',
      source: SOURCE.grid,
      filter: isLevel,
      minzoom: focusFrom,
      maxzoom: focusUntil,
      paint: { 'fill-color': paletteExpression(), 'fill-opacity': 0.42 },
    });
    lines.push({
      id: layerId.gridLine(level),
      type: 'line',
      source: SOURCE.grid,
      filter: isLevel,
      minzoom: linesFrom,
      layout: { 'line-join': 'round' },
      paint: {
        'line-color': line.color,
        // Fade in over one zoom level so a new level does not pop in.
        'line-opacity': [
          'interpolate',
          ['linear'],
          ['zoom'],
          linesFrom,
          depth === 0 ? 1 : 0,
          linesFrom + 1,
          1,
        ],
        'line-width': [
          'interpolate',
          ['linear'],
          ['zoom'],
          focusFrom,
          line.width,
          focusFrom + 4,
          line.width * 1.8,
        ],
      },
    });
    labels.push({
      id: layerId.gridLabel(level),
      type: 'symbol',
      source: SOURCE.labels,
      filter: ['==', ['get', 'kind'], level],
      minzoom: labelsFrom,
      maxzoom: next ? next.labelsFrom + 0.5 : MAX_ZOOM,
      layout: {
        'text-field': labelText(lang),
        'text-font': FONT,
        'text-size': 13 - Math.min(depth, 2),
        'text-max-width': 7,
        'text-padding': 2,
      },
      paint: {
        'text-color': THEME.labels[Math.min(depth, THEME.labels.length - 1)] ?? '#000',
        'text-halo-color': THEME.labelHalo,
        'text-halo-width': 1.4,
      },
    });
  });
  return { fills, lines, labels };
}

/**
 * The whole map as one style object, a pure function of the pack's derived data, the language, the
 * drill-down focus, the planner's shading and highlight, and the activity overlay.
 * The map controller applies it with setStyle(…, { diff: true }), so a language switch becomes a few
 * setLayoutProperty calls rather than a reload of the data.
 */
export function buildMapStyle(
  data: MapData,
  lang: Lang,
  basemap: StyleSpecification | null = null,
  focus: FocusTarget = null,
  coverage: CoverageStyle = NO_COVERAGE,
  overlays: OverlayStyle = DEFAULT_OVERLAY_STYLE,
  activity: ActivityStyle = HIDDEN_ACTIVITY,
): StyleSpecification {
  const grid = gridLayers(data, lang);
  const overlay = overlayStyleParts(data.overlays, lang, overlays, SOURCE.grid);
  const adminUntil = data.zooms[1]?.labelsFrom ?? 12;
  const own: StyleSpecification = {
    version: 8,
    name: `gridatlas-${data.regionId}`,
    sources: {
      [SOURCE.boundary]: { type: 'geojson', data: data.boundary },
      [SOURCE.admin]: { type: 'geojson', data: data.admin },
      [SOURCE.grid]: { type: 'geojson', data: data.grid, promoteId: 'id' },
      [SOURCE.labels]: { type: 'geojson', data: data.labels },
      // Filled by the map controller from the live feed (setData): it changes every poll.
      [ALERT_SOURCE]: { type: 'geojson', data: { type: 'FeatureCollection', features: [] } },
      // The planner's chosen finding; in the style too, so a style diff (language switch) keeps it.
      [COVERAGE_SOURCE]: { type: 'geojson', data: coverage.highlight?.pieces ?? EMPTY_PIECES },
      // Committees' areas, filled by the map controller (setData) while the programme panel shows them.
      [PROGRAMME_SOURCE]: { type: 'geojson', data: EMPTY_PROGRAMME_MAP },
      // Partners, projects, services (`ga-` ids): in the style, so a style diff keeps them.
      ...overlay.sources,
      // Volunteer events: uploaded once per pack; time and kind are layer filters (activity-layers.ts).
      [ACTIVITY_SOURCE]: activitySource(data.activity),
    },
    layers: [
      { id: 'background', type: 'background', paint: { 'background-color': THEME.outside } },
      {
        id: 'boundary-fill',
        type: 'fill',
        source: SOURCE.boundary,
        // Over a basemap the district is only tinted, so streets and rivers show through.
        paint: { 'fill-color': THEME.land, 'fill-opacity': basemap ? 0.35 : 1 },
      },
      ...grid.fills,
      activityCellsLayer(SOURCE.grid, data.zooms.length - 1, activity),
      coverageShadeLayer(SOURCE.grid, data.zooms.length - 1, coverage.shading),
      activityHeatLayer(data.activity, activity),
      ...grid.lines,
      ...overlay.shapes,
      ...grid.labels,
      ...focusLayers(data, lang, focus, SOURCE),
      ...coverageHighlightLayers(SOURCE.grid, coverage.highlight),
      ...programmeLayers(),
      {
        id: 'admin-line',
        type: 'line',
        source: SOURCE.admin,
        paint: {
          'line-color': THEME.adminLine,
          'line-width': 1.6,
          'line-dasharray': [3, 2],
          'line-opacity': 0.9,
        },
      },
      {
        id: 'boundary-line',
        type: 'line',
        source: SOURCE.boundary,
        paint: { 'line-color': THEME.boundary, 'line-width': 3 },
      },
      {
        id: ADMIN_LABEL_LAYER,
        type: 'symbol',
        source: SOURCE.labels,
        filter: ['==', ['get', 'kind'], 'admin'],
        maxzoom: adminUntil,
        layout: {
          'text-field': labelText(lang),
          'text-font': FONT_BOLD,
          'text-size': 16,
          'text-max-width': 8,
        },
        paint: { 'text-color': THEME.adminLabel, 'text-halo-color': THEME.labelHalo, 'text-halo-width': 2 },
      },
      activityPointsLayer(data.activity, activity),
      ...overlay.top,
      ...alertLayers(),
    ],
  };
  // Overlay layers carry their overlay in `metadata`; switched-off overlays are built hidden.
  own.layers = withOverlayVisibility(own.layers, overlays.active);
  const drawn = data.gridTiles ? onVectorTiles(own, data.gridTiles, SOURCE, [ADMIN_LABEL_LAYER]) : own;
  return basemap ? overBasemap(drawn, basemap) : drawn;
}

/**
 * Our layers drawn over a configured basemap: its sources, layers, glyphs and sprite first, then ours
 * minus our background. Basemap layer ids that clash with ours are dropped (ours win).
 */
function overBasemap(own: StyleSpecification, basemap: StyleSpecification): StyleSpecification {
  const ownLayers = own.layers.filter((l) => l.type !== 'background');
  const ownIds = new Set(ownLayers.map((l) => l.id));
  return {
    ...own,
    ...(basemap.glyphs ? { glyphs: basemap.glyphs } : {}),
    ...(basemap.sprite ? { sprite: basemap.sprite } : {}),
    sources: { ...basemap.sources, ...own.sources },
    layers: [...basemap.layers.filter((l) => !ownIds.has(l.id)), ...ownLayers],
  };
}
