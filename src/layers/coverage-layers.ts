import type { FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import type { ExpressionSpecification, FilterSpecification, LayerSpecification } from 'maplibre-gl';
import type { StringKey } from '../i18n/strings.ts';

/**
 * The planner's map: finest-level cells shaded by how well they are covered, and the finding chosen in
 * the coverage panel highlighted. Plain data from pure functions; the map controller applies it.
 *
 * Shading reads each cell's value from feature-state (set once per analysis report), so switching the
 * measure is one paint property and a new report re-uploads no geometry. The legend is generated from
 * the same definitions (`SHADING`), on screen and in the exported PNG.
 */

/** The piece of ground of the chosen finding (a gap, an overlap, the unreached part of a cell). */
export const COVERAGE_SOURCE = 'ga-coverage-highlight';

export const COVERAGE_LAYER = {
  shade: 'coverage-shade',
  cellsFill: 'coverage-highlight-cells-fill',
  cellsLine: 'coverage-highlight-cells-line',
  pieceFill: 'coverage-highlight-fill',
  pieceLine: 'coverage-highlight-line',
} as const;

export const SHADING_MEASURES = ['reach', 'activity'] as const;
export type ShadingMeasure = (typeof SHADING_MEASURES)[number];

/** Value per finest-level cell and measure (the feature-state the shade layer reads). */
export type CellShading = ReadonlyMap<string, Partial<Record<ShadingMeasure, number>>>;

export interface ShadeClass {
  /** Lower bound of the class (inclusive) on the measure's scale. */
  from: number;
  colour: string;
  label: StringKey;
}

export interface ShadingDefinition {
  measure: ShadingMeasure;
  title: StringKey;
  /** What the value is, in one line under the legend's title. */
  note: StringKey;
  /** Ascending by `from`; the first class starts at the smallest value the measure takes. */
  classes: ShadeClass[];
  /** Cells without a value (the pack has no such layer, or no report yet). */
  noData: { colour: string; label: StringKey };
}

/** "Never had an event" on the activity scale (days since the last event): above any real span. */
export const NEVER_ACTIVE = 1_000_000;

/**
 * ColorBrewer RdYlBu (5 classes): ordered and readable with the common colour-vision deficiencies,
 * red for poorly covered, blue for well covered.
 */
const POOR_TO_GOOD = ['#d73027', '#fc8d59', '#fee090', '#91bfdb', '#4575b4'] as const;
const NO_DATA = '#c8ced6';

export const SHADING: Record<ShadingMeasure, ShadingDefinition> = {
  reach: {
    measure: 'reach',
    title: 'shadeReachTitle',
    note: 'shadeReachNote',
    // Share of the cell within the radius of a service point of the chosen kind.
    classes: [
      { from: 0, colour: POOR_TO_GOOD[0], label: 'shadeReach0' },
      { from: 0.25, colour: POOR_TO_GOOD[1], label: 'shadeReach25' },
      { from: 0.5, colour: POOR_TO_GOOD[2], label: 'shadeReach50' },
      { from: 0.75, colour: POOR_TO_GOOD[3], label: 'shadeReach75' },
      { from: 1, colour: POOR_TO_GOOD[4], label: 'shadeReach100' },
    ],
    noData: { colour: NO_DATA, label: 'shadeNoData' },
  },
  activity: {
    measure: 'activity',
    title: 'shadeActivityTitle',
    note: 'shadeActivityNote',
    // Days from the cell's last event to the window's end; 0 when it had an event in the window.
    classes: [
      { from: 0, colour: POOR_TO_GOOD[4], label: 'shadeActive' },
      { from: 1, colour: POOR_TO_GOOD[2], label: 'shadeIdle' },
      { from: 180, colour: POOR_TO_GOOD[1], label: 'shadeIdle180' },
      { from: NEVER_ACTIVE, colour: POOR_TO_GOOD[0], label: 'shadeNever' },
    ],
    noData: { colour: NO_DATA, label: 'shadeNoData' },
  },
};

/** The legend rows of a measure, in the order of the scale, then "no data": the layer's own colours. */
export function shadingLegend(measure: ShadingMeasure): { colour: string; label: StringKey }[] {
  const def = SHADING[measure];
  return [...def.classes.map((c) => ({ colour: c.colour, label: c.label })), def.noData];
}

/** fill-color of the shade layer: a step over the cell's feature-state, grey where it has none. */
export function shadeColour(measure: ShadingMeasure): ExpressionSpecification {
  const def = SHADING[measure];
  return [
    'step',
    ['coalesce', ['feature-state', measure], -1],
    def.noData.colour,
    ...def.classes.flatMap((c) => [c.from, c.colour]),
  ] as unknown as ExpressionSpecification;
}

/** The map's part of the planner view: what is shaded and what is highlighted. */
export interface CoverageStyle {
  shading: ShadingMeasure | null;
  highlight: CoverageHighlight | null;
}

export interface CoverageHighlight {
  /** Cells named by the finding, outlined (and lightly filled) by id on the grid source. */
  cellIds: string[];
  /** The finding's own geometry, when it has one; empty for whole-cell findings. */
  pieces: FeatureCollection<Polygon | MultiPolygon>;
}

/** A finding to fly to and highlight; a new object for every choice, even of the same finding. */
export interface FindingTarget extends CoverageHighlight {
  bbox: [number, number, number, number];
}

/** What the planner view hands the map: null outside the planner. */
export interface CoverageMapState {
  shading: ShadingMeasure | null;
  values: CellShading | null;
  target: FindingTarget | null;
}

export const NO_COVERAGE: CoverageStyle = { shading: null, highlight: null };

export const EMPTY_PIECES: FeatureCollection<Polygon | MultiPolygon> = {
  type: 'FeatureCollection',
  features: [],
};

export const HIGHLIGHT_THEME = { piece: '#c2255c', cells: '#5f3dc4' } as const;

export function highlightCellFilter(h: CoverageHighlight | null): FilterSpecification {
  return ['in', ['get', 'id'], ['literal', h?.cellIds ?? []]];
}

/** Goes between the grid's fills and its outlines, so outlines and names stay readable over it. */
export function coverageShadeLayer(
  gridSource: string,
  leafDepth: number,
  shading: ShadingMeasure | null,
): LayerSpecification {
  return {
    id: COVERAGE_LAYER.shade,
    type: 'fill',
    source: gridSource,
    filter: ['==', ['get', 'depth'], leafDepth],
    layout: { visibility: shading ? 'visible' : 'none' },
    paint: { 'fill-color': shadeColour(shading ?? 'reach'), 'fill-opacity': 0.8 },
  };
}

/** Above the drill-down layers: the chosen finding must stand out whatever the focus. */
export function coverageHighlightLayers(
  gridSource: string,
  highlight: CoverageHighlight | null,
): LayerSpecification[] {
  const cells = highlightCellFilter(highlight);
  return [
    {
      id: COVERAGE_LAYER.cellsFill,
      type: 'fill',
      source: gridSource,
      filter: cells,
      paint: { 'fill-color': HIGHLIGHT_THEME.cells, 'fill-opacity': 0.14 },
    },
    {
      id: COVERAGE_LAYER.cellsLine,
      type: 'line',
      source: gridSource,
      filter: cells,
      layout: { 'line-join': 'round' },
      paint: { 'line-color': HIGHLIGHT_THEME.cells, 'line-width': 3, 'line-dasharray': [2, 1] },
    },
    {
      id: COVERAGE_LAYER.pieceFill,
      type: 'fill',
      source: COVERAGE_SOURCE,
      paint: { 'fill-color': HIGHLIGHT_THEME.piece, 'fill-opacity': 0.55 },
    },
    {
      id: COVERAGE_LAYER.pieceLine,
      type: 'line',
      source: COVERAGE_SOURCE,
      layout: { 'line-join': 'round' },
      paint: { 'line-color': HIGHLIGHT_THEME.piece, 'line-width': 3 },
    },
  ];
}
