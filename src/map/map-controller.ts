import type { FeatureCollection, Point } from 'geojson';
import type { FilterSpecification, GeoJSONSource, MapGeoJSONFeature, StyleSpecification } from 'maplibre-gl';
import { Map as MapLibreMap, NavigationControl, ScaleControl } from 'maplibre-gl';
import type { Lang } from '../data/localized.ts';
import { ALERT_SOURCE, type AlertMarkerProps } from '../layers/alert-layers.ts';
import {
  type CellShading,
  COVERAGE_LAYER,
  COVERAGE_SOURCE,
  type CoverageHighlight,
  type CoverageStyle,
  EMPTY_PIECES,
  highlightCellFilter,
  NO_COVERAGE,
  SHADING_MEASURES,
  type ShadingMeasure,
  shadeColour,
} from '../layers/coverage-layers.ts';
import { clickableLabelFilter, FOCUS_LAYER, type FocusTarget, focusFilters } from '../layers/focus-style.ts';
import type { MapData } from '../layers/map-data.ts';
import { buildMapStyle, SOURCE } from '../layers/map-style.ts';
import { gridFeature } from '../layers/tiled-style.ts';
import type { MapView } from '../state/url.ts';
import { LoadMarks } from './load-marks.ts';
import { isPmtilesRegistered, registerPmtiles } from './maplibre-setup.ts';

export interface MapControllerOptions {
  lang: Lang;
  /** Called with a plain message when the map itself fails (WebGL, a style error). */
  onError: (message: string) => void;
  /**
   * A click: on a clickable cell (its id), or elsewhere (null id, with where it happened and, when it
   * hit a veiled cell, that cell's top-level ancestor as drawn).
   */
  onCellClick: (cellId: string | null, lngLat: [number, number], topUnder?: string) => void;
  /** The map settled somewhere (after a user's or the app's move). */
  onViewChange: (view: MapView) => void;
  /** A pack's data has been drawn for the first time (its first idle), with the pack's id. */
  onDrawn?: (regionId: string) => void;
}

const CONTROL_LOCALE: Record<Lang, Record<string, string>> = {
  zh: {
    'NavigationControl.ZoomIn': '放大',
    'NavigationControl.ZoomOut': '缩小',
    'NavigationControl.ResetBearing': '重置方向',
  },
  en: {},
};

/**
 * Room kept free around a fitted cell: the cell panel covers the right (380 px + margins), search,
 * breadcrumb and legend the left (320 px + margins). Keep in step with app.css.
 */
const FIT_PADDING = { top: 40, bottom: 40, left: 352, right: 452 };

/**
 * The one owner of the MapLibre map: every imperative call on it lives here. React hands it data
 * and settings; it never calls back into the UI except through the callbacks it was given.
 *
 * `data-idle="true"` on the container means the map has finished rendering what it was last given;
 * tests and the benchmark wait on it instead of on timeouts.
 */
export class MapController {
  readonly map: MapLibreMap;
  private readonly container: HTMLElement;
  private data: MapData | null = null;
  private lang: Lang;
  private basemap: StyleSpecification | null = null;
  private focus: FocusTarget = null;
  private hovered: string | null = null;
  private alerts: FeatureCollection<Point, AlertMarkerProps> | null = null;
  private appliedAlerts: FeatureCollection<Point, AlertMarkerProps> | null = null;
  private coverage: CoverageStyle = NO_COVERAGE;
  private shading: CellShading | null = null;
  /** Which values were written into which grid source's feature-state (a new pack is a new source). */
  private shaded: { values: CellShading; source: unknown } | null = null;
  /** Style-load, map-load and map-idle marks of each new pack, read by `npm run bench`. */
  private readonly marks: LoadMarks;
  /** The page is still loading what goes with the map (the rest of a pack drawn ahead). */
  private waiting = false;

  constructor(
    container: HTMLElement,
    private readonly options: MapControllerOptions,
  ) {
    this.container = container;
    this.lang = options.lang;
    this.setIdle(false);
    this.map = new MapLibreMap({
      container,
      style: { version: 8, sources: {}, layers: [] },
      // Our own attribution component renders pack text as text; MapLibre's control would insert it as HTML.
      attributionControl: false,
      locale: CONTROL_LOCALE[options.lang],
      maxPitch: 0,
      dragRotate: false,
      fadeDuration: 150,
    });
    this.map.touchZoomRotate.disableRotation();
    this.marks = new LoadMarks(this.map);
    // A handle for browser tests and the benchmark (queryRenderedFeatures, performance marks).
    (window as Window & { __gridatlasMap?: MapLibreMap }).__gridatlasMap = this.map;
    this.map.addControl(new NavigationControl({ showCompass: false }), 'top-right');
    this.map.addControl(new ScaleControl({ unit: 'metric' }), 'bottom-left');
    this.map.on('idle', () => {
      // `idle` also fires for the empty start style and between setStyle and the sources' first
      // parse; only a frame with the current data loaded counts.
      if (this.rendersCurrentData()) {
        const drawn = this.marks.idle();
        if (drawn) options.onDrawn?.(drawn);
        if (!this.waiting) this.setIdle(true);
      } else this.map.triggerRepaint();
    });
    this.map.on('styledata', () => {
      this.applyAlerts();
      this.applyShading();
    });
    this.map.on('movestart', () => this.setIdle(false));
    this.map.on('dataloading', () => this.setIdle(false));
    // Every settled move is reported as where the map now is; the store tags it 'map', and the map
    // only ever follows views tagged otherwise, so map and store never ping-pong (as in maputnik).
    this.map.on('moveend', () => {
      // Before any data the map sits at its empty default view; reporting that would overwrite a
      // view that the URL asked for.
      if (this.data) this.options.onViewChange(this.currentView());
    });
    this.map.on('error', (e) => options.onError(e.error?.message ?? 'map error'));
    this.map.on('mousemove', FOCUS_LAYER.hover, (e) => this.setHover(featureId(e.features?.[0])));
    this.map.on('mouseleave', FOCUS_LAYER.hover, () => this.setHover(null));
    this.map.on('click', (e) => {
      const hit = this.map.queryRenderedFeatures(e.point, { layers: [FOCUS_LAYER.hover] })[0];
      const id = featureId(hit);
      // A veiled cell names its top-level ancestor (anc0), on GeoJSON and on tiles alike: a tiled pack has
      // no cell geometry in the page to find it by.
      const veiled =
        id === null ? this.map.queryRenderedFeatures(e.point, { layers: [FOCUS_LAYER.veil] })[0] : undefined;
      const top = veiled?.properties?.anc0;
      this.options.onCellClick(id, [e.lngLat.lng, e.lngLat.lat], typeof top === 'string' ? top : undefined);
    });
  }

  /** Shows a pack (fitting the view when it is a new one) in a language, over an optional basemap. */
  show(data: MapData, lang: Lang, basemap: StyleSpecification | null, focus: FocusTarget): void {
    if (data.gridTiles?.pmtiles && !isPmtilesRegistered()) {
      // Loaded on first use; the style follows once the protocol exists.
      this.setIdle(false);
      void registerPmtiles().then(() => this.show(data, lang, basemap, focus));
      return;
    }
    if (data === this.data && lang === this.lang && basemap === this.basemap) {
      this.applyFocus(focus);
      return;
    }
    const isNewPack = data !== this.data;
    this.data = data;
    this.lang = lang;
    this.basemap = basemap;
    this.focus = focus;
    this.hovered = null;
    this.setIdle(false);
    // diff: a language switch becomes setLayoutProperty calls; a new pack replaces the sources.
    if (isNewPack) this.marks.begin(data.regionId);
    this.map.setStyle(buildMapStyle(data, lang, basemap, focus, this.coverage), { diff: !isNewPack });
    // The style carries an empty alert source, and a diff applies it too (a language switch would
    // wipe the markers until the next poll): put the current markers back now, and on 'styledata'.
    this.appliedAlerts = null;
    this.applyAlerts();
    // A style diff that changes nothing schedules no frame, and `idle` only follows a frame.
    this.map.triggerRepaint();
  }

  /** Fits a box (the district, a town, a cell), leaving room for the panels. */
  fitTo(bbox: [number, number, number, number], animate: boolean, maxZoom = 17): void {
    this.setIdle(false);
    const [w, s, e, n] = bbox;
    const { clientWidth, clientHeight } = this.container;
    // On a narrow screen the panel covers the map's bottom, not its right.
    const padding =
      clientWidth < 900
        ? { top: 32, bottom: Math.round(clientHeight * 0.45), left: 24, right: 56 }
        : FIT_PADDING;
    this.map.fitBounds([w, s, e, n], { padding, animate, duration: animate ? 600 : 0, maxZoom });
    this.map.triggerRepaint();
  }

  /**
   * Flies to a box (a finding), animated, leaving room for the panels. Not closer than zoom 16
   * (~1 m per pixel): a 90 m hole still shows the cells around it.
   */
  flyTo(bbox: [number, number, number, number]): void {
    this.fitTo(bbox, true, 16);
  }

  /**
   * The planner's shading: which measure colours the finest-level cells (null: none), and every cell's
   * values, written once per analysis report into feature-state (no geometry is re-uploaded).
   */
  setCoverageShading(wanted: ShadingMeasure | null, values: CellShading | null): void {
    this.shading = values;
    this.applyShading();
    // Nothing to shade before the first report: no all-grey frame while the analysis runs.
    const measure = values ? wanted : null;
    if (measure === this.coverage.shading) return;
    this.coverage = { ...this.coverage, shading: measure };
    if (!this.map.getLayer(COVERAGE_LAYER.shade)) return;
    this.setIdle(false);
    this.map.setLayoutProperty(COVERAGE_LAYER.shade, 'visibility', measure ? 'visible' : 'none');
    if (measure) this.map.setPaintProperty(COVERAGE_LAYER.shade, 'fill-color', shadeColour(measure));
    this.map.triggerRepaint();
  }

  /** Outlines the cells of a finding and fills its own geometry (null: nothing highlighted). */
  highlight(highlight: CoverageHighlight | null): void {
    if (highlight === this.coverage.highlight) return;
    this.coverage = { ...this.coverage, highlight };
    const source = this.map.getSource<GeoJSONSource>(COVERAGE_SOURCE);
    if (!source) return; // the next style carries it (buildMapStyle gets this.coverage)
    this.setIdle(false);
    source.setData(highlight?.pieces ?? EMPTY_PIECES);
    const filter = highlightCellFilter(highlight);
    this.map.setFilter(COVERAGE_LAYER.cellsFill, filter);
    this.map.setFilter(COVERAGE_LAYER.cellsLine, filter);
    this.map.triggerRepaint();
  }

  /**
   * The map as it is on screen, copied to a 2D canvas. The WebGL drawing buffer is only readable in
   * the task that drew it (no preserveDrawingBuffer, which would slow every frame), so this renders a
   * frame synchronously and copies it at once (mapbox-gl-js #2766).
   */
  snapshot(): HTMLCanvasElement {
    this.map.redraw();
    const gl = this.map.getCanvas();
    const copy = document.createElement('canvas');
    copy.width = gl.width;
    copy.height = gl.height;
    copy.getContext('2d')?.drawImage(gl, 0, 0);
    return copy;
  }

  jumpTo(view: MapView): void {
    this.setIdle(false);
    this.map.jumpTo({ center: [view.lon, view.lat], zoom: view.zoom });
    this.map.triggerRepaint();
  }

  /** Live alert markers: small data replaced on every poll (no style change, no data re-upload of cells). */
  setAlerts(markers: FeatureCollection<Point, AlertMarkerProps>): void {
    this.alerts = markers;
    this.applyAlerts();
  }

  /** Puts the wanted markers into the alert source once it exists (a new style starts empty). */
  private applyAlerts(): void {
    if (!this.alerts || this.alerts === this.appliedAlerts) return;
    const source = this.map.getSource<GeoJSONSource>(ALERT_SOURCE);
    if (!source) return;
    source.setData(this.alerts);
    this.appliedAlerts = this.alerts;
  }

  /** Writes the shading values into the grid source's feature-state once it exists (a new style starts empty). */
  private applyShading(): void {
    const source = this.map.getSource(SOURCE.grid);
    const values = this.shading;
    if (!values || !source || (this.shaded?.values === values && this.shaded.source === source)) return;
    // Only the cells whose values changed: every changed state re-evaluates that cell's paint in each
    // layer of the source on the next frame, and a new service kind leaves most cells as they were.
    const before = this.shaded?.source === source ? this.shaded.values : null;
    for (const [id, state] of values) {
      const old = before?.get(id);
      if (old && SHADING_MEASURES.every((m) => old[m] === state[m])) continue;
      this.map.setFeatureState(this.gridFeature(id), state);
    }
    this.shaded = { values, source };
    this.setIdle(false);
  }

  /**
   * The map shows a pack's grid ahead of the rest of the pack (src/app/use-region-pack.ts): the page is
   * not settled, so the container does not say idle until the rest is in.
   */
  setWaiting(waiting: boolean): void {
    if (waiting === this.waiting) return;
    this.waiting = waiting;
    if (waiting) this.setIdle(false);
    else this.map.triggerRepaint(); // `idle` follows a frame
  }

  /** Draws nothing (the pack drawn ahead was refused once the rest of it had loaded). */
  clear(): void {
    this.data = null;
    this.hovered = null;
    this.setIdle(false);
    this.map.setStyle({ version: 8, sources: {}, layers: [] });
  }

  /** Work for the map is on its way (deferred a frame): tests must not take the map as settled. */
  markBusy(): void {
    this.setIdle(false);
  }

  destroy(): void {
    this.map.remove();
  }

  private applyFocus(focus: FocusTarget): void {
    if (sameTarget(focus, this.focus) || !this.map.getLayer(FOCUS_LAYER.hover)) {
      this.focus = focus;
      return;
    }
    this.focus = focus;
    this.setHover(null);
    const f = focusFilters(focus);
    const set = (layer: string, filter: FilterSpecification) => this.map.setFilter(layer, filter);
    set(FOCUS_LAYER.veil, f.veil);
    set(FOCUS_LAYER.hover, f.clickable);
    set(FOCUS_LAYER.clickableLine, f.clickable);
    set(FOCUS_LAYER.focusedFill, f.focused);
    set(FOCUS_LAYER.focusedLine, f.focused);
    set(FOCUS_LAYER.townLine, f.focusedTown);
    set(
      FOCUS_LAYER.clickableLabel,
      focus === null
        ? ['==', ['get', 'id'], '\u0000']
        : clickableLabelFilter(focus, this.data?.zooms.map((z) => z.level) ?? []),
    );
    this.map.setPaintProperty(
      FOCUS_LAYER.focusedFill,
      'fill-opacity',
      focus?.kind === 'cell' && focus.isLeaf ? 0.22 : 0,
    );
    this.setIdle(false);
    this.map.triggerRepaint();
  }

  private setHover(id: string | null): void {
    if (id === this.hovered) return;
    if (this.hovered !== null) this.map.setFeatureState(this.gridFeature(this.hovered), { hover: false });
    this.hovered = id;
    if (id !== null) this.map.setFeatureState(this.gridFeature(id), { hover: true });
    this.map.getCanvas().style.cursor = id === null ? '' : 'pointer';
  }

  /** A cell as setFeatureState names it: on vector tiles with the tiles' layer (tiled-style.ts). */
  private gridFeature(id: string) {
    return gridFeature(SOURCE.grid, id, this.data?.gridTiles);
  }

  private currentView(): MapView {
    const c = this.map.getCenter();
    return { lon: c.lng, lat: c.lat, zoom: this.map.getZoom() };
  }

  private rendersCurrentData(): boolean {
    if (!this.data) return false;
    return Object.values(SOURCE).every(
      (id) => this.map.getSource(id) !== undefined && this.map.isSourceLoaded(id),
    );
  }

  private setIdle(idle: boolean): void {
    this.container.dataset.idle = String(idle);
  }
}

function featureId(f: MapGeoJSONFeature | undefined): string | null {
  const id = f?.properties?.id;
  return typeof id === 'string' ? id : null;
}

function sameTarget(a: FocusTarget, b: FocusTarget): boolean {
  if (a === null || b === null) return a === b;
  return a.kind === b.kind && a.id === b.id;
}
