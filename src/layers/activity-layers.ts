import type { FeatureCollection, Point } from 'geojson';
import type {
  DataDrivenPropertyValueSpecification,
  ExpressionSpecification,
  FilterSpecification,
  LayerSpecification,
  SourceSpecification,
} from 'maplibre-gl';
import { shanghaiDayNumber } from '../data/calendar-day.ts';
import type { Lang } from '../data/localized.ts';
import type { CellActivity } from '../data/pack-index/activity-cells.ts';
import type { ActivityTotals } from '../data/pack-index/activity-timeline.ts';
import type { RegionPack } from '../data/region-pack.ts';
import { formatNumber, isStringKey, translate } from '../i18n/strings.ts';
import { type ClassBreaks, classOf, quantileBreaks, rampIndex } from './class-breaks.ts';
import type { LegendEntry, OverlayLegend } from './overlays.ts';

/**
 * Volunteer activity on the map, as plain data from pure functions (the map controller applies them):
 * a heatmap at district zoom that hands over to points coloured by kind when zoomed in, and a
 * choropleth of the finest-level cells by their activity in the time window.
 *
 * Moving through time never re-uploads the events: each point carries its calendar day as a number,
 * so a new window is a new layer `filter` (two number comparisons). The choropleth reads each cell's
 * figures and class from feature-state on the grid source, written only for the cells that changed.
 * The legend (`activityLegend`) is generated from the same tables that style the layers.
 */

export const ACTIVITY_SOURCE = 'ga-activity';

export const ACTIVITY_LAYER = {
  cells: 'activity-cells',
  heat: 'activity-heat',
  points: 'activity-points',
} as const;

export const ACTIVITY_MEASURES = ['events', 'volunteers', 'hours'] as const;
export type ActivityMeasure = (typeof ACTIVITY_MEASURES)[number];

/** Heat and points, or the finest-level cells coloured by their figures (points still show up close). */
export const ACTIVITY_VIEWS = ['heat', 'cells'] as const;
export type ActivityView = (typeof ACTIVITY_VIEWS)[number];

/**
 * Feature-state keys on the grid source. Distinct from the planner's shading keys ('reach',
 * 'activity'), so both can be written to the same cells without either overwriting the other.
 */
export const ACTIVITY_STATE = {
  events: 'actEvents',
  volunteers: 'actVolunteers',
  hours: 'actHours',
  /** Colour of the cell: 0 = no activity in the window, 1… = index into CELL_RAMP plus one. */
  colour: 'actColour',
} as const;

export interface ActivityCellState {
  actEvents: number;
  actVolunteers: number;
  actHours: number;
  actColour: number;
}

/** What a point carries into MapLibre's worker: no more than the filter and the paint need. */
export interface ActivityPointProps {
  id: string;
  kind: string;
  /** Shanghai calendar day as a day number (calendar-day.ts): the time filter compares it. */
  day: number;
  volunteers: number;
  hours: number;
}

export interface ActivityMapData {
  points: FeatureCollection<Point, ActivityPointProps>;
  /** The pack's kinds, most frequent first. */
  kinds: readonly string[];
  /** Mean volunteers and hours per event: heat weights are relative to them, so every measure reads alike. */
  means: { volunteers: number; hours: number };
}

/** Each event as a slim point with its day number, computed once per pack (never per slider step). */
export function activityMapData(pack: RegionPack): ActivityMapData {
  const counts = new Map<string, number>();
  let volunteers = 0;
  let hours = 0;
  const features = pack.activity.map((e) => {
    const p = e.properties;
    counts.set(p.kind, (counts.get(p.kind) ?? 0) + 1);
    volunteers += p.volunteers;
    hours += p.hours;
    return {
      type: 'Feature' as const,
      geometry: e.geometry,
      properties: {
        id: p.id,
        kind: p.kind,
        day: shanghaiDayNumber(Date.parse(p.time)),
        volunteers: p.volunteers,
        hours: p.hours,
      },
    };
  });
  const n = Math.max(1, features.length);
  return {
    points: { type: 'FeatureCollection', features },
    kinds: [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([k]) => k),
    means: { volunteers: volunteers / n || 1, hours: hours / n || 1 },
  };
}

/** What the activity layers show: the map controller diffs two of these and changes only what differs. */
export interface ActivityStyle {
  /** The overlay is switched on (layer control, `?layers=`). */
  visible: boolean;
  view: ActivityView;
  measure: ActivityMeasure;
  /** The time window as day numbers, both days included. */
  fromDay: number;
  toDay: number;
  /** Kinds shown; null = all. */
  kinds: readonly string[] | null;
  /** Heat intensity factor for the window's length (heatIntensityScale). */
  intensity: number;
  /** prefers-reduced-motion: window steps swap at once instead of easing the heat. */
  reducedMotion: boolean;
}

/** What the map needs of the activity overlay (MapView hands it to the map controller). */
export interface ActivityMapState {
  visible: boolean;
  style: Omit<ActivityStyle, 'visible'>;
  /** Feature-state per finest-level cell, in the cells view; null otherwise (nothing is written). */
  cells: ReadonlyMap<string, ActivityCellState> | null;
}

export const HIDDEN_ACTIVITY: ActivityStyle = {
  visible: false,
  view: 'heat',
  measure: 'events',
  fromDay: 0,
  toDay: -1,
  kinds: null,
  intensity: 1,
  reducedMotion: false,
};

/**
 * Colours by kind: fixed for the kinds the generator and the status feed use (Tableau 10, readable on
 * the light map and distinct from the heat ramp), then spare colours in order of frequency for a pack's
 * own words.
 */
const KIND_COLOURS: Record<string, string> = {
  patrol: '#4e79a7',
  elderly_care: '#e15759',
  environment: '#59a14f',
  publicity: '#b07aa1',
  traffic: '#f28e2b',
  courier_help: '#9c755f',
  epidemic: '#17becf',
  other: '#79706e',
};
const SPARE_KIND_COLOURS = ['#edc948', '#ff9da7', '#1b9e77', '#7570b3', '#e7298a', '#66a61e', '#a6761d'];
const LAST_RESORT_COLOUR = '#495057';

export function kindColours(kinds: readonly string[]): Map<string, string> {
  const out = new Map<string, string>();
  let spare = 0;
  for (const kind of kinds) {
    out.set(kind, KIND_COLOURS[kind] ?? SPARE_KIND_COLOURS[spare++] ?? LAST_RESORT_COLOUR);
  }
  return out;
}

export function kindColourExpression(colours: ReadonlyMap<string, string>): ExpressionSpecification {
  if (colours.size === 0) return ['literal', LAST_RESORT_COLOUR] as unknown as ExpressionSpecification;
  return [
    'match',
    ['get', 'kind'],
    ...[...colours].flat(),
    LAST_RESORT_COLOUR,
  ] as unknown as ExpressionSpecification;
}

/** Heat colours by density (ColorBrewer YlOrRd, transparent where there is nothing). */
export const HEAT_RAMP: readonly { density: number; colour: string }[] = [
  { density: 0, colour: 'rgba(255,255,178,0)' },
  { density: 0.08, colour: 'rgba(254,217,118,0.55)' },
  { density: 0.25, colour: '#feb24c' },
  { density: 0.45, colour: '#fd8d3c' },
  { density: 0.65, colour: '#f03b20' },
  { density: 1, colour: '#bd0026' },
];

/** Cell colours by class (ColorBrewer YlGnBu, 5 classes); cells with no activity in the window are grey. */
export const CELL_RAMP = ['#c7e9b4', '#7fcdbb', '#41b6c4', '#2c7fb8', '#253494'] as const;
export const CELL_NONE_COLOUR = '#dee2e6';
export const CELL_CLASSES = CELL_RAMP.length;

/** Zoom band where the heat hands over to points (a crossfade, so nothing pops). */
export const CROSSFADE = { from: 12.5, to: 14.5 } as const;

/** Heat weight per event for a measure, relative to the pack's mean (1 for events). */
export function heatWeight(
  measure: ActivityMeasure,
  means: ActivityMapData['means'],
): DataDrivenPropertyValueSpecification<number> {
  if (measure === 'events') return 1;
  return ['/', ['get', measure], means[measure]] as unknown as DataDrivenPropertyValueSpecification<number>;
}

/**
 * How much to scale the heat for a window of `days` days. The heat sums the events under each pixel,
 * so a year would be a red blanket and a day a few faint specks; scaling by (28 / days)^0.7 keeps both
 * readable while a busier window of the same length still looks hotter (comparable across play steps).
 */
export function heatIntensityScale(days: number): number {
  return Math.min(6, Math.max(0.12, (28 / Math.max(1, days)) ** 0.7));
}

export function heatIntensity(scale: number): ExpressionSpecification {
  return [
    'interpolate',
    ['linear'],
    ['zoom'],
    8,
    0.15 * scale,
    11,
    0.5 * scale,
    14,
    1.5 * scale,
  ] as unknown as ExpressionSpecification;
}

/** Events of the window and kinds: two comparisons on the day number, and the kind when filtered. */
export function activityFilter(s: Pick<ActivityStyle, 'fromDay' | 'toDay' | 'kinds'>): FilterSpecification {
  const time: ExpressionSpecification[] = [
    ['>=', ['get', 'day'], s.fromDay],
    ['<=', ['get', 'day'], s.toDay],
  ];
  const kind: ExpressionSpecification[] =
    s.kinds === null ? [] : [['in', ['get', 'kind'], ['literal', [...s.kinds]]]];
  return ['all', ...time, ...kind] as FilterSpecification;
}

/** Layout visibility of each activity layer. */
export function activityVisibility(s: ActivityStyle): Record<string, 'visible' | 'none'> {
  const on = (shown: boolean) => (shown ? 'visible' : 'none');
  return {
    [ACTIVITY_LAYER.heat]: on(s.visible && s.view === 'heat'),
    [ACTIVITY_LAYER.points]: on(s.visible),
    [ACTIVITY_LAYER.cells]: on(s.visible && s.view === 'cells'),
  };
}

/** fill-color of the cells layer: one constant expression over the colour index in feature-state. */
export function cellsFillColour(): ExpressionSpecification {
  return [
    'match',
    ['coalesce', ['feature-state', ACTIVITY_STATE.colour], -1],
    0,
    CELL_NONE_COLOUR,
    ...CELL_RAMP.flatMap((c, i) => [i + 1, c]),
    'rgba(0,0,0,0)',
  ] as unknown as ExpressionSpecification;
}

const intensityTransition = (reducedMotion: boolean) => ({ duration: reducedMotion ? 0 : 300, delay: 0 });

export function activitySource(data: ActivityMapData): SourceSpecification {
  return { type: 'geojson', data: data.points };
}

/** The cells layer: between the grid's fills and its outlines (outlines and names stay readable). */
export function activityCellsLayer(
  gridSource: string,
  leafDepth: number,
  s: ActivityStyle,
): LayerSpecification {
  return {
    id: ACTIVITY_LAYER.cells,
    type: 'fill',
    source: gridSource,
    filter: ['==', ['get', 'depth'], leafDepth],
    layout: { visibility: activityVisibility(s)[ACTIVITY_LAYER.cells] },
    paint: { 'fill-color': cellsFillColour(), 'fill-opacity': 0.82 },
  };
}

/** The heat: under the grid's outlines and names, fading out as the points fade in. */
export function activityHeatLayer(data: ActivityMapData, s: ActivityStyle): LayerSpecification {
  return {
    id: ACTIVITY_LAYER.heat,
    type: 'heatmap',
    source: ACTIVITY_SOURCE,
    maxzoom: CROSSFADE.to,
    filter: activityFilter(s),
    layout: { visibility: activityVisibility(s)[ACTIVITY_LAYER.heat] },
    paint: {
      'heatmap-weight': heatWeight(s.measure, data.means),
      'heatmap-intensity': heatIntensity(s.intensity),
      'heatmap-intensity-transition': intensityTransition(s.reducedMotion),
      'heatmap-radius': ['interpolate', ['exponential', 1.6], ['zoom'], 8, 5, 11, 12, 14, 30],
      'heatmap-color': [
        'interpolate',
        ['linear'],
        ['heatmap-density'],
        ...HEAT_RAMP.flatMap((r) => [r.density, r.colour]),
      ] as unknown as ExpressionSpecification,
      'heatmap-opacity': ['interpolate', ['linear'], ['zoom'], CROSSFADE.from, 0.85, CROSSFADE.to, 0],
    },
  };
}

/** Points by kind, sized by volunteers: above the grid, fading in as the heat fades out. */
export function activityPointsLayer(data: ActivityMapData, s: ActivityStyle): LayerSpecification {
  const fadeIn: ExpressionSpecification = [
    'interpolate',
    ['linear'],
    ['zoom'],
    CROSSFADE.from,
    0,
    CROSSFADE.from + 1.5,
    0.92,
  ];
  return {
    id: ACTIVITY_LAYER.points,
    type: 'circle',
    source: ACTIVITY_SOURCE,
    minzoom: CROSSFADE.from,
    filter: activityFilter(s),
    layout: { visibility: activityVisibility(s)[ACTIVITY_LAYER.points] },
    paint: {
      'circle-color': kindColourExpression(kindColours(data.kinds)),
      'circle-radius': [
        'interpolate',
        ['linear'],
        ['zoom'],
        CROSSFADE.from,
        ['+', 1.5, ['*', 0.5, ['sqrt', ['get', 'volunteers']]]],
        17,
        ['+', 3, ['*', 2, ['sqrt', ['get', 'volunteers']]]],
      ],
      'circle-opacity': fadeIn,
      'circle-stroke-color': '#ffffff',
      'circle-stroke-width': ['interpolate', ['linear'], ['zoom'], CROSSFADE.from, 0.5, 16, 1.2],
      'circle-stroke-opacity': fadeIn,
    },
  };
}

/** The choropleth for one window: each cell's figures and colour, and the classes for the legend. */
export interface ActivityChoropleth {
  measure: ActivityMeasure;
  breaks: ClassBreaks;
  /** Per class: its bounds (upper = the next class's bound, or the largest value), colour and cells. */
  classes: { from: number; to: number; colour: string; cells: number }[];
  /** Cells with nothing in the window (grey). */
  emptyCells: number;
  /** Values of hours are fractional: bounds with one decimal. */
  decimals: number;
  states: Map<string, ActivityCellState>;
}

/**
 * Quantile classes of the measure over the cells that had activity, and each cell's feature-state.
 * Colours follow the class through `rampIndex`, so the layer's paint never changes; only states do.
 */
export function activityChoropleth(
  values: ReadonlyMap<string, CellActivity>,
  measure: ActivityMeasure,
): ActivityChoropleth {
  const decimals = measure === 'hours' ? 1 : 0;
  const breaks = quantileBreaks(
    [...values.values()].map((v) => v[measure]),
    CELL_CLASSES,
    decimals,
  );
  const colourOf = (cls: number) => rampIndex(cls, breaks.length, CELL_CLASSES);
  let max = 0;
  let emptyCells = 0;
  const counts = breaks.map(() => 0);
  const states = new Map<string, ActivityCellState>();
  for (const [id, v] of values) {
    const value = v[measure];
    const cls = classOf(value, breaks);
    if (value > max) max = value;
    if (cls < 0) emptyCells++;
    else counts[cls] = (counts[cls] as number) + 1;
    states.set(id, {
      actEvents: v.events,
      actVolunteers: v.volunteers,
      // Sums of one-decimal hours carry float noise (28.200000000000003); hundredths are exact enough.
      actHours: Math.round(v.hours * 100) / 100,
      actColour: cls < 0 ? 0 : colourOf(cls) + 1,
    });
  }
  const classes = breaks.map((from, i) => ({
    from,
    to: breaks[i + 1] ?? max,
    colour: CELL_RAMP[colourOf(i)] as string,
    cells: counts[i] as number,
  }));
  return { measure, breaks, classes, emptyCells, decimals, states };
}

/** Same figures and colour: no feature-state call is needed for this cell. */
export function sameCellState(a: ActivityCellState, b: ActivityCellState): boolean {
  return (
    a.actEvents === b.actEvents &&
    a.actVolunteers === b.actVolunteers &&
    a.actHours === b.actHours &&
    a.actColour === b.actColour
  );
}

/** A kind's name in the interface language: the pack's own word when the app has no name for it. */
export function kindLabel(lang: Lang, kind: string): string {
  const key = `activityKind_${kind}`;
  return isStringKey(key) ? translate(lang, key) : kind;
}

export const measureLabel = (lang: Lang, m: ActivityMeasure): string => translate(lang, `measure_${m}`);

function classLabel(lang: Lang, c: { from: number; to: number }, isLast: boolean, decimals: number): string {
  const n = (v: number) => formatNumber(lang, Number(v.toFixed(decimals)));
  // Integer figures: a class holds from..(next bound − 1); fractional ones up to the next bound.
  const to = decimals === 0 && !isLast ? c.to - 1 : c.to;
  return to <= c.from ? n(c.from) : `${n(c.from)}–${n(to)}`;
}

export interface ActivityLegendInput {
  lang: Lang;
  /** The pack's kinds (most frequent first) and their colours: the same table as the points layer's. */
  kinds: readonly string[];
  /** Totals per kind in the window, over every event (the points layer draws events outside cells too). */
  kindTotals: ReadonlyMap<string, ActivityTotals>;
  /** Kinds shown; null = all. */
  selected: readonly string[] | null;
  view: ActivityView;
  measure: ActivityMeasure;
  /** The cells' classes, in the cells view. */
  choropleth: ActivityChoropleth | null;
}

/**
 * The activity overlay's legend, from the same definitions as its layers: the heat ramp or the cell
 * classes (with their cell counts), then every kind with its point colour and its events in the window
 * (0 for a kind filtered out).
 */
export function activityLegend(input: ActivityLegendInput): OverlayLegend {
  const { lang, view, measure, choropleth } = input;
  const entries: LegendEntry[] = [];
  if (view === 'heat') {
    entries.push({
      key: 'heat',
      label: translate(lang, 'activityHeat', { measure: measureLabel(lang, measure) }),
      swatch: { shape: 'ramp', colours: HEAT_RAMP.slice(1).map((r) => r.colour) },
    });
  } else if (choropleth) {
    const last = choropleth.classes.length - 1;
    choropleth.classes.forEach((c, i) => {
      entries.push({
        key: `cells-${i + 1}`,
        label: classLabel(lang, c, i === last, choropleth.decimals),
        swatch: { shape: 'area', colour: c.colour },
        count: c.cells,
      });
    });
    entries.push({
      key: 'cells-0',
      label: translate(lang, 'activityNone'),
      swatch: { shape: 'area', colour: CELL_NONE_COLOUR },
      count: choropleth.emptyCells,
    });
  }
  const colours = kindColours(input.kinds);
  for (const kind of input.kinds) {
    const shown = input.selected === null || input.selected.includes(kind);
    entries.push({
      key: `kind:${kind}`,
      label: kindLabel(lang, kind),
      swatch: { shape: 'circle', colour: colours.get(kind) ?? LAST_RESORT_COLOUR, outline: '#ffffff' },
      count: shown ? (input.kindTotals.get(kind)?.events ?? 0) : 0,
    });
  }
  return { overlay: 'activity', title: translate(lang, 'activityLegendTitle'), entries };
}
