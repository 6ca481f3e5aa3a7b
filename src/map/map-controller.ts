import type { BBox, FeatureCollection, Point } from 'geojson';
import type {
  FilterSpecification,
  GeoJSONSource,
  MapGeoJSONFeature,
  PaddingOptions,
  PointLike,
  StyleSpecification,
} from 'maplibre-gl';
import { Map as MapLibreMap, NavigationControl, ScaleControl } from 'maplibre-gl';
import type { Lang } from '../data/localized.ts';
import {
  ACTIVITY_LAYER,
  ACTIVITY_SOURCE,
  type ActivityCellState,
  type ActivityStyle,
  activityFilter,
  activityVisibility,
  HIDDEN_ACTIVITY,
  heatIntensity,
  heatWeight,
  sameCellState,
} from '../layers/activity-layers.ts';
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
import { OVERLAY_SOURCES, pairedCellsOf } from '../layers/overlay-layers.ts';
import {
  DEFAULT_OVERLAY_STYLE,
  type OverlayFilters,
  type OverlaySelection,
  type OverlayStyle,
  overlayOf,
  type ProjectColourBy,
} from '../layers/overlay-style.ts';
import type { OverlayId } from '../layers/overlays.ts';
import {
  PARTNER_CLICKABLE,
  PARTNER_LAYER,
  PARTNER_LINK_SOURCE,
  PARTNER_SOURCE,
  pairedCellsFilter,
  partnerLinks,
  shownPartners,
} from '../layers/partner-layers.ts';
import { PROGRAMME_SOURCE, type ProgrammeMapData } from '../layers/programme-layers.ts';
import {
  PROJECT_CLICKABLE,
  PROJECT_COLOURED,
  projectColourExpression,
  projectLayerFilters,
} from '../layers/project-layers.ts';
import { gridFeature } from '../layers/tiled-style.ts';
import type { MapView } from '../state/url.ts';
import { LoadMarks } from './load-marks.ts';
import { isPmtilesRegistered, registerPmtiles } from './maplibre-setup.ts';
import { drawImage, IMAGE_PIXEL_RATIO } from './symbol-images.ts';

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
  /** A click on a partner unit or a project (instead of the cell under it). */
  onSelect?: (selection: OverlaySelection) => void;
  /** False for a wall screen: no zoom buttons or scale, no hover, clicks or user moves. Default true. */
  interactive?: boolean;
  /** Room kept free around a fitted box, for a container of this size; default: the dashboard's panels. */
  fitPadding?: (width: number, height: number) => PaddingOptions;
  /** A last pure pass over every style built (the wall's dark palette and sizes: layers/wall-style.ts). */
  restyle?: (style: StyleSpecification) => StyleSpecification;
  /** The WebGL context was lost (a GPU reset, too many contexts) / restored (MapLibre then rebuilds
   * the style from its own snapshot). `data-context` on the container says which, for tests. */
  onContextLost?: () => void;
  onContextRestored?: () => void;
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
  private programme: ProgrammeMapData | null = null;
  private appliedProgramme: { data: ProgrammeMapData; source: unknown } | null = null;
  /** The overlay state wanted; the style built last carried `builtWith`. */
  private overlays: OverlayStyle = DEFAULT_OVERLAY_STYLE;
  private builtWith: OverlayStyle = DEFAULT_OVERLAY_STYLE;
  /** The overlay state the current partner source (i.e. the current style) shows. */
  private appliedOverlays: { state: OverlayStyle; source: unknown } | null = null;
  /** The activity overlay as wanted, and as the map's layers last had it (built into a style or applied). */
  /** Room kept free at the bottom of a fitted box, over the default (the time bar when it is shown). */
  private bottomInset = 0;
  private activity: ActivityStyle = HIDDEN_ACTIVITY;
  private activityOnMap: ActivityStyle = HIDDEN_ACTIVITY;
  private activityCells: ReadonlyMap<string, ActivityCellState> | null = null;
  /** Which activity figures were written into which grid source's feature-state. */
  private activityWritten: { values: ReadonlyMap<string, ActivityCellState>; source: unknown } | null = null;
  /**
   * While the WebGL context is lost MapLibre has no style (map.getLayer/getSource would throw): what
   * the app asks for meanwhile is kept here and applied once the context is back.
   */
  private lost = false;
  private pendingShow: {
    data: MapData;
    lang: Lang;
    basemap: StyleSpecification | null;
    focus: FocusTarget;
  } | null = null;
  private pendingFit: { bbox: [number, number, number, number]; maxZoom: number } | null = null;
  /**
   * The last fit, while the camera is still where it put it (a user's pan, zoom or a jump clears it):
   * when the bottom inset changes (the time bar appears once the pack's activity is in), it is redone.
   */
  private lastFit: { bbox: [number, number, number, number]; maxZoom: number; widerPanel: number } | null =
    null;
  /** Style-load, map-load and map-idle marks of each new pack, read by `npm run bench`. */
  private readonly marks: LoadMarks;
  /** The page is still loading what goes with the map (the rest of a pack drawn ahead). */
  private waiting = false;
  /** A deferred show is on its way (markBusy): an `idle` of the frame before it does not count. */
  private busy = false;

  constructor(
    container: HTMLElement,
    private readonly options: MapControllerOptions,
  ) {
    this.container = container;
    this.lang = options.lang;
    this.setIdle(false);
    const interactive = options.interactive ?? true;
    this.map = new MapLibreMap({
      container,
      interactive,
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
    if (interactive) {
      this.map.addControl(new NavigationControl({ showCompass: false }), 'top-right');
      this.map.addControl(new ScaleControl({ unit: 'metric' }), 'bottom-left');
    }
    this.map.on('idle', () => {
      // `idle` also fires for the empty start style and between setStyle and the sources' first
      // parse; only a frame with the current data loaded counts.
      if (this.rendersCurrentData()) {
        const drawn = this.marks.idle();
        if (drawn) options.onDrawn?.(drawn);
        if (!this.waiting && !this.busy) this.setIdle(true);
      } else this.map.triggerRepaint();
    });
    this.map.on('styledata', () => {
      this.applyAlerts();
      this.applyShading();
      this.applyProgramme();
      this.applyOverlays();
      this.applyActivity();
      this.applyActivityCells();
    });
    this.map.on('movestart', (e: { originalEvent?: unknown }) => {
      this.setIdle(false);
      if (e.originalEvent) this.lastFit = null;
    });
    this.map.on('dataloading', () => this.setIdle(false));
    // Every settled move is reported as where the map now is; the store tags it 'map', and the map
    // only ever follows views tagged otherwise, so map and store never ping-pong (as in maputnik).
    this.map.on('moveend', () => {
      // Before any data the map sits at its empty default view; reporting that would overwrite a
      // view that the URL asked for.
      if (this.data) this.options.onViewChange(this.currentView());
    });
    this.map.on('error', (e) => options.onError(e.error?.message ?? 'map error'));
    // MapLibre snapshots the style when the context is lost and rebuilds it when the browser restores
    // the context; the container says which state it is in until a frame of the data is drawn again.
    this.map.on('webglcontextlost', () => {
      this.lost = true;
      this.container.dataset.context = 'lost';
      this.setIdle(false);
      options.onContextLost?.();
    });
    this.map.on('webglcontextrestored', () => {
      this.lost = false;
      this.container.dataset.context = 'restored';
      this.setIdle(false);
      this.applyPending();
      this.map.triggerRepaint();
      options.onContextRestored?.();
    });
    if (!interactive) return;
    this.map.on('mousemove', FOCUS_LAYER.hover, (e) => this.setHover(featureId(e.features?.[0])));
    this.map.on('mouseleave', FOCUS_LAYER.hover, () => this.setHover(null));
    // Partner symbols and cluster rings are drawn in code the first time a layer asks for them
    // (MapLibre 6 awaits this resolver; a `styleimagemissing` listener would come too late).
    this.map.setMissingStyleImageResolver((id) => {
      if (this.map.hasImage(id)) return;
      const image = drawImage(id);
      if (image) this.map.addImage(id, image, { pixelRatio: IMAGE_PIXEL_RATIO });
    });
    // At most one overlay hit test per frame, however fast the pointer moves.
    let hoverFrame = 0;
    this.map.on('mousemove', (e) => {
      cancelAnimationFrame(hoverFrame);
      hoverFrame = requestAnimationFrame(() => this.hoverOverlay(e.point));
    });
    this.map.on('click', (e) => {
      // A partner or project under the pointer takes the click; the cell under it is not drilled into.
      const feature = this.overlayAt(e.point);
      if (feature) {
        this.clickOverlay(feature);
        return;
      }
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
    this.busy = false;
    if (this.lost) {
      this.pendingShow = { data, lang, basemap, focus };
      return;
    }
    if (data.gridTiles?.pmtiles && !isPmtilesRegistered()) {
      // Loaded on first use; the style follows once the protocol exists.
      this.setIdle(false);
      void registerPmtiles().then(() => this.show(data, lang, basemap, focus));
      return;
    }
    if (data === this.data && lang === this.lang && basemap === this.basemap) {
      this.applyFocus(focus);
      // A frame, so that an `idle` follows this call even when nothing changed (markBusy waits for one).
      this.map.triggerRepaint();
      return;
    }
    // The same region's details arriving after its core was drawn is not a new pack: a diff sends only
    // the overlays' data (use-region-pack.ts).
    const isNewPack = data.regionId !== this.data?.regionId;
    this.data = data;
    this.lang = lang;
    this.basemap = basemap;
    this.focus = focus;
    this.hovered = null;
    this.setIdle(false);
    // diff: a language switch becomes setLayoutProperty calls; a new pack replaces the sources.
    if (isNewPack) this.marks.begin(data.regionId);
    this.builtWith = this.overlays;
    const style = buildMapStyle(data, lang, basemap, focus, this.coverage, this.overlays, this.activity);
    this.map.setStyle(this.options.restyle ? this.options.restyle(style) : style, { diff: !isNewPack });
    this.activityOnMap = this.activity;
    // The style carries an empty alert source, and a diff applies it too (a language switch would
    // wipe the markers until the next poll): put the current markers back now, and on 'styledata'.
    this.appliedAlerts = null;
    this.applyAlerts();
    // A style diff that changes nothing schedules no frame, and `idle` only follows a frame.
    this.map.triggerRepaint();
  }

  /**
   * Fits a box (the district, a town, a cell), leaving room for the panels; `widerPanel` is how many
   * pixels a right-hand panel is wider than the cell panel (the programme panel's scorecard is).
   */
  fitTo(bbox: [number, number, number, number], animate: boolean, maxZoom = 17, widerPanel = 0): void {
    this.setIdle(false);
    this.lastFit = { bbox, maxZoom, widerPanel };
    if (this.lost) {
      this.pendingFit = { bbox, maxZoom };
      return;
    }
    const [w, s, e, n] = bbox;
    const { clientWidth, clientHeight } = this.container;
    // On a narrow screen the panel covers the map's bottom, not its right.
    const padding =
      this.options.fitPadding?.(clientWidth, clientHeight) ??
      (clientWidth < 900
        ? { top: 32, bottom: Math.round(clientHeight * 0.45), left: 24, right: 56 }
        : {
            ...FIT_PADDING,
            right: FIT_PADDING.right + widerPanel,
            bottom: Math.max(FIT_PADDING.bottom, this.bottomInset),
          });
    this.map.fitBounds([w, s, e, n], { padding, animate, duration: animate ? 600 : 0, maxZoom });
    this.map.triggerRepaint();
  }

  /** Keeps this many pixels free at the bottom when fitting (a bar over the map's bottom edge). */
  setBottomInset(px: number): void {
    if (px === this.bottomInset) return;
    this.bottomInset = px;
    const fit = this.lastFit;
    if (fit) this.fitTo(fit.bbox, true, fit.maxZoom, fit.widerPanel);
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
    if (this.lost || !this.map.getLayer(COVERAGE_LAYER.shade)) return;
    this.setIdle(false);
    this.map.setLayoutProperty(COVERAGE_LAYER.shade, 'visibility', measure ? 'visible' : 'none');
    if (measure) this.map.setPaintProperty(COVERAGE_LAYER.shade, 'fill-color', shadeColour(measure));
    this.map.triggerRepaint();
  }

  /** Outlines the cells of a finding and fills its own geometry (null: nothing highlighted). */
  highlight(highlight: CoverageHighlight | null): void {
    if (highlight === this.coverage.highlight) return;
    this.coverage = { ...this.coverage, highlight };
    if (this.lost) return; // the style rebuilt on restore carries it
    const source = this.map.getSource<GeoJSONSource>(COVERAGE_SOURCE);
    if (!source) return; // the next style carries it (buildMapStyle gets this.coverage)
    this.setIdle(false);
    source.setData(highlight?.pieces ?? EMPTY_PIECES);
    const filter = highlightCellFilter(highlight);
    this.map.setFilter(COVERAGE_LAYER.cellsFill, filter);
    this.map.setFilter(COVERAGE_LAYER.cellsLine, filter);
    this.map.triggerRepaint();
  }

  /** Shows the layers of the overlays switched on and hides the others (no data is re-uploaded). */
  setOverlayVisibility(active: ReadonlySet<OverlayId>): void {
    if (sameSet(active, this.overlays.active)) return;
    this.overlays = { ...this.overlays, active };
    this.applyOverlays();
  }

  /**
   * Partner committees and project statuses and domains. Projects: layer filters. Partners: the
   * clustered source gets the units let through (a small setData), so clusters count only those.
   */
  setOverlayFilters(filters: OverlayFilters): void {
    if (filters === this.overlays.filters) return;
    this.overlays = { ...this.overlays, filters };
    this.applyOverlays();
  }

  /** Colours projects by status or by domain: one paint property per project layer. */
  setProjectColour(by: ProjectColourBy): void {
    if (by === this.overlays.projectColour) return;
    this.overlays = { ...this.overlays, projectColour: by };
    this.applyOverlays();
  }

  /** The selected partner (its pairing lines and paired cells) or project (outlined); null: none. */
  select(selection: OverlaySelection | null): void {
    if (sameSelection(selection, this.overlays.selection)) return;
    this.overlays = { ...this.overlays, selection };
    this.applyOverlays();
  }

  /** Moves the map to a box (a selected partner with its cells, a project) unless it is on screen already. */
  reveal(bbox: BBox): void {
    const [w, s, e, n] = bbox as [number, number, number, number];
    const { clientWidth, clientHeight } = this.container;
    const pad =
      clientWidth < 900 ? { left: 24, right: 56, top: 32, bottom: clientHeight * 0.45 } : FIT_PADDING;
    const inside = [
      [w, s],
      [e, n],
    ].every(([lon = 0, lat = 0]) => {
      const p = this.map.project([lon, lat]);
      return (
        p.x >= pad.left &&
        p.x <= clientWidth - pad.right &&
        p.y >= pad.top &&
        p.y <= clientHeight - pad.bottom
      );
    });
    if (!inside) this.fitTo([w, s, e, n], true, 15);
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
    if (this.lost) return;
    this.setIdle(false);
    this.lastFit = null;
    this.map.jumpTo({ center: [view.lon, view.lat], zoom: view.zoom });
    this.map.triggerRepaint();
  }

  /** Live alert markers: small data replaced on every poll (no style change, no data re-upload of cells). */
  setAlerts(markers: FeatureCollection<Point, AlertMarkerProps>): void {
    this.alerts = markers;
    this.applyAlerts();
  }

  /** The committees' areas (programme panel); small data replaced when the panel's choice changes. */
  setProgramme(data: ProgrammeMapData): void {
    this.programme = data;
    this.applyProgramme();
  }

  /** Puts the committees' areas into their source once it exists (a new style starts empty). */
  private applyProgramme(): void {
    const source = this.map.getSource<GeoJSONSource>(PROGRAMME_SOURCE);
    const data = this.programme;
    if (!data || !source || (this.appliedProgramme?.data === data && this.appliedProgramme.source === source))
      return;
    this.setIdle(false);
    source.setData(data);
    this.appliedProgramme = { data, source };
    this.map.triggerRepaint();
  }

  /** Puts the wanted markers into the alert source once it exists (a new style starts empty). */
  private applyAlerts(): void {
    if (this.lost || !this.alerts || this.alerts === this.appliedAlerts) return;
    const source = this.map.getSource<GeoJSONSource>(ALERT_SOURCE);
    if (!source) return;
    source.setData(this.alerts);
    this.appliedAlerts = this.alerts;
  }

  /**
   * Shows or hides an overlay's layers (layout visibility; nothing is re-uploaded). This branch draws
   * the 'activity' overlay; other overlays' layers are not part of it yet and are left alone.
   */
  setOverlayVisible(overlay: OverlayId, visible: boolean): void {
    if (overlay !== 'activity') return;
    this.setActivityStyle({ ...this.activity, visible });
  }

  /**
   * The activity overlay's window, kinds, view and measure. A new window or kind filter is a new layer
   * filter on the events already in the map (never a setData): MapLibre re-filters the tiles it holds.
   * `visible` is kept as setOverlayVisible left it.
   */
  setActivity(next: Omit<ActivityStyle, 'visible'>): void {
    this.setActivityStyle({ ...next, visible: this.activity.visible });
  }

  private setActivityStyle(next: ActivityStyle): void {
    this.activity = next;
    this.applyActivity();
  }

  /**
   * Brings the activity layers from what they show to what is wanted, with the fewest calls. Before the
   * first style, or while a new one loads, this waits: the style carries `activity`, and 'styledata'
   * calls this again for whatever changed meanwhile.
   */
  private applyActivity(): void {
    const prev = this.activityOnMap;
    const next = this.activity;
    if (prev === next || !this.data || !this.map.getLayer(ACTIVITY_LAYER.heat)) return;
    this.activityOnMap = next;
    let changed = false;
    const before = activityVisibility(prev);
    for (const [layer, visibility] of Object.entries(activityVisibility(next))) {
      if (before[layer] === visibility) continue;
      this.map.setLayoutProperty(layer, 'visibility', visibility);
      changed = true;
    }
    if (prev.fromDay !== next.fromDay || prev.toDay !== next.toDay || !sameKinds(prev.kinds, next.kinds)) {
      const filter = activityFilter(next);
      this.map.setFilter(ACTIVITY_LAYER.heat, filter);
      this.map.setFilter(ACTIVITY_LAYER.points, filter);
      changed = true;
    }
    if (prev.reducedMotion !== next.reducedMotion) {
      this.map.setPaintProperty(ACTIVITY_LAYER.heat, 'heatmap-intensity-transition', {
        duration: next.reducedMotion ? 0 : 300,
        delay: 0,
      });
    }
    if (prev.intensity !== next.intensity) {
      this.map.setPaintProperty(ACTIVITY_LAYER.heat, 'heatmap-intensity', heatIntensity(next.intensity));
      changed = true;
    }
    if (prev.measure !== next.measure) {
      this.map.setPaintProperty(
        ACTIVITY_LAYER.heat,
        'heatmap-weight',
        heatWeight(next.measure, this.data.activity.means),
      );
      changed = true;
    }
    if (!changed) return;
    this.setIdle(false);
    this.map.triggerRepaint();
  }

  /**
   * Each finest-level cell's activity in the window (figures and colour class) for the cells layer,
   * as feature-state on the grid source; only cells whose figures changed are written.
   */
  setActivityCells(values: ReadonlyMap<string, ActivityCellState> | null): void {
    this.activityCells = values;
    this.applyActivityCells();
  }

  private applyActivityCells(): void {
    const source = this.map.getSource(SOURCE.grid);
    const values = this.activityCells;
    const written = this.activityWritten;
    if (!values || !source || (written?.values === values && written.source === source)) return;
    const before = written?.source === source ? written.values : null;
    let changed = 0;
    for (const [id, state] of values) {
      const old = before?.get(id);
      if (old && sameCellState(old, state)) continue;
      this.map.setFeatureState(this.gridFeature(id), { ...state });
      changed++;
    }
    this.activityWritten = { values, source };
    if (changed === 0) return;
    this.setIdle(false);
    this.map.triggerRepaint();
  }

  /** Writes the shading values into the grid source's feature-state once it exists (a new style starts empty). */
  private applyShading(): void {
    if (this.lost) return;
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
    this.busy = true;
    this.setIdle(false);
  }

  destroy(): void {
    this.map.remove();
  }

  /**
   * After a restored context: MapLibre has put back the style of the moment the context was lost; what
   * changed since (a tour step, a new language) is applied as a whole new style, then the last fit.
   */
  private applyPending(): void {
    const show = this.pendingShow;
    const fit = this.pendingFit;
    this.pendingShow = null;
    this.pendingFit = null;
    if (show) {
      this.data = show.data;
      this.lang = show.lang;
      this.basemap = show.basemap;
      this.focus = show.focus;
      this.hovered = null;
      const style = buildMapStyle(show.data, show.lang, show.basemap, show.focus, this.coverage);
      this.map.setStyle(this.options.restyle ? this.options.restyle(style) : style, { diff: false });
    }
    this.appliedAlerts = null;
    this.applyAlerts();
    this.shaded = null;
    this.applyShading();
    if (fit) this.fitTo(fit.bbox, false, fit.maxZoom);
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

  /**
   * Brings the map's overlays to the wanted state with the fewest calls: what the current style was
   * built with (or last given) is compared with what is wanted. Before a new style has its sources,
   * nothing is done; 'styledata' calls this again, so a change made meanwhile is not lost.
   */
  private applyOverlays(): void {
    const data = this.data;
    const source = this.map.getSource(PARTNER_SOURCE);
    if (!data || !source) return;
    const want = this.overlays;
    const had = this.appliedOverlays?.source === source ? this.appliedOverlays.state : this.builtWith;
    this.appliedOverlays = { state: want, source };
    if (had === want) return;
    if (!sameSet(had.active, want.active)) {
      for (const id of this.map.getLayersOrder()) {
        const overlay = overlayOf(this.map.getLayer(id)?.metadata);
        if (overlay !== null)
          this.map.setLayoutProperty(id, 'visibility', want.active.has(overlay) ? 'visible' : 'none');
      }
    }
    if (had.filters.committees !== want.filters.committees) {
      this.map.getSource<GeoJSONSource>(PARTNER_SOURCE)?.setData(shownPartners(data.overlays, want.filters));
    }
    const selectionChanged = !sameSelection(had.selection, want.selection);
    if (
      selectionChanged ||
      had.filters.statuses !== want.filters.statuses ||
      had.filters.domains !== want.filters.domains
    ) {
      this.applyProjectFilters();
    }
    if (had.projectColour !== want.projectColour) {
      const colour = projectColourExpression(want.projectColour, data.overlays.domains);
      for (const [layer, property] of PROJECT_COLOURED) {
        if (this.map.getLayer(layer)) this.map.setPaintProperty(layer, property, colour);
      }
    }
    if (selectionChanged) {
      this.map
        .getSource<GeoJSONSource>(PARTNER_LINK_SOURCE)
        ?.setData(partnerLinks(data.overlays, want.selection));
      if (this.map.getLayer(PARTNER_LAYER.pairedCells)) {
        this.map.setFilter(
          PARTNER_LAYER.pairedCells,
          pairedCellsFilter(pairedCellsOf(data.overlays, want.selection)),
        );
      }
    }
    this.changed();
  }

  private applyProjectFilters(): void {
    const filters = projectLayerFilters(this.overlays.filters, this.overlays.selection);
    for (const [layer, filter] of Object.entries(filters)) {
      if (this.map.getLayer(layer)) this.map.setFilter(layer, filter);
    }
  }

  /** Something overlays show changed: the next frames are not "idle" until it is drawn. */
  private changed(): void {
    this.setIdle(false);
    this.map.triggerRepaint();
  }

  /** The topmost partner, cluster or project within a few pixels of a point (thin lines and dots). */
  private overlayAt(point: { x: number; y: number }): MapGeoJSONFeature | null {
    const layers = [...PARTNER_CLICKABLE, ...PROJECT_CLICKABLE].filter((id) => this.map.getLayer(id));
    if (layers.length === 0) return null;
    const r = 5;
    const box: [PointLike, PointLike] = [
      [point.x - r, point.y - r],
      [point.x + r, point.y + r],
    ];
    return this.map.queryRenderedFeatures(box, { layers })[0] ?? null;
  }

  private clickOverlay(feature: MapGeoJSONFeature): void {
    const props = feature.properties ?? {};
    if (feature.layer.id === PARTNER_LAYER.clusters) {
      const source = this.map.getSource<GeoJSONSource>(PARTNER_SOURCE);
      const clusterId = props.cluster_id;
      if (!source || typeof clusterId !== 'number' || feature.geometry.type !== 'Point') return;
      const [lon = 0, lat = 0] = feature.geometry.coordinates;
      source
        .getClusterExpansionZoom(clusterId)
        .then((zoom) => this.map.easeTo({ center: [lon, lat], zoom: zoom + 0.01 }))
        .catch(() => {}); // the cluster went away (new data) before the answer came: nothing to zoom to
      return;
    }
    if (typeof props.id !== 'string') return;
    const kind = feature.source === PARTNER_SOURCE ? 'partner' : 'project';
    this.options.onSelect?.({ kind, id: props.id });
  }

  /** Pointer and a native tooltip (text only, never HTML) over partners, clusters and projects. */
  private hoverOverlay(point: { x: number; y: number }): void {
    const feature = this.overlayAt(point);
    const canvas = this.map.getCanvas();
    const name = feature?.properties?.name;
    const title = typeof name === 'string' ? name : '';
    if (canvas.title !== title) canvas.title = title;
    if (feature) canvas.style.cursor = 'pointer';
    else if (this.hovered === null) canvas.style.cursor = '';
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
    return [...Object.values(SOURCE), ...OVERLAY_SOURCES, PARTNER_SOURCE, ACTIVITY_SOURCE].every(
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

function sameSet<T>(a: ReadonlySet<T>, b: ReadonlySet<T>): boolean {
  return a.size === b.size && [...a].every((x) => b.has(x));
}

function sameSelection(a: OverlaySelection | null, b: OverlaySelection | null): boolean {
  return a?.kind === b?.kind && a?.id === b?.id;
}

function sameKinds(a: readonly string[] | null, b: readonly string[] | null): boolean {
  if (a === null || b === null) return a === b;
  return a.length === b.length && a.every((k, i) => k === b[i]);
}

function sameTarget(a: FocusTarget, b: FocusTarget): boolean {
  if (a === null || b === null) return a === b;
  return a.kind === b.kind && a.id === b.id;
}
