import type { BBox, FeatureCollection, Point } from 'geojson';
import type { StyleSpecification } from 'maplibre-gl';
import { type RefObject, useEffect, useRef } from 'react';
import type { Lang } from '../data/localized.ts';
import type { ActivityMapState } from '../layers/activity-layers.ts';
import type { AlertMarkerProps } from '../layers/alert-layers.ts';
import type { CoverageMapState } from '../layers/coverage-layers.ts';
import type { FocusTarget } from '../layers/focus-style.ts';
import type { MapData } from '../layers/map-data.ts';
import type { OverlayFilters, OverlaySelection, ProjectColourBy } from '../layers/overlay-style.ts';
import type { OverlayId } from '../layers/overlays.ts';
import type { ProgrammeMapData } from '../layers/programme-layers.ts';
import type { MapView as View } from '../state/url.ts';
import { MapController } from './map-controller.ts';

interface MapViewProps {
  data: MapData | null;
  lang: Lang;
  basemap: StyleSpecification | null;
  focus: FocusTarget;
  /** What to fit when the focus changes: the focused cell or town, or the district. */
  fitBox: [number, number, number, number] | null;
  /** A view the map must take (from the URL); null when the map should fit the focus instead. */
  requestedView: View | null;
  /** Markers of cells with open live alerts. */
  alerts: FeatureCollection<Point, AlertMarkerProps> | null;
  /** The planner's shading and chosen finding (flown to and highlighted); null outside the planner. */
  coverage: CoverageMapState | null;
  /** The committees' areas while the programme panel shows them, and a box to fly to (a chosen committee). */
  programme?: { data: ProgrammeMapData; flyTo: [number, number, number, number] | null } | null;
  /** Overlays switched on, their filters, how projects are coloured, the selected partner or project. */
  overlays: ReadonlySet<OverlayId>;
  overlayFilters: OverlayFilters;
  projectColour: ProjectColourBy;
  selection: OverlaySelection | null;
  /** A box to bring on screen (a new object per request), e.g. a partner chosen in a list with its cells. */
  reveal: { bbox: BBox } | null;
  /** The volunteer activity overlay: shown or not, its window and kinds, and the cells' figures. */
  activity?: ActivityMapState | null;
  /** Pixels a bar covers along the map's bottom edge, kept free when a box is fitted. */
  bottomInset?: number;
  /** The page is still loading the rest of the pack whose grid the map shows: not settled yet. */
  waiting?: boolean;
  /** Receives a function that copies the map as drawn (the planner's PNG export). */
  snapshotRef?: RefObject<(() => HTMLCanvasElement) | null>;
  label: string;
  onError: (message: string) => void;
  onCellClick: (cellId: string | null, lngLat: [number, number], topUnder?: string) => void;
  onViewChange: (view: View) => void;
  onSelect: (selection: OverlaySelection) => void;
  /** A pack's data has been drawn for the first time, with the pack's id. */
  onDrawn?: (regionId: string) => void;
}

/** Mounts the one map and hands it data; all map calls stay in MapController. */
export function MapView(props: MapViewProps) {
  const { data, lang, basemap, focus, fitBox, requestedView, alerts, coverage, activity, label } = props;
  const bottomInset = props.bottomInset ?? 0;
  const containerRef = useRef<HTMLElement>(null);
  const controllerRef = useRef<MapController | null>(null);
  const callbacks = useRef(props);
  callbacks.current = props;
  const shown = useRef<{ data: MapData | null; focusKey: string }>({ data: null, focusKey: '' });

  const failed = useRef(false);

  /**
   * The map is created when the first data arrives, not on mount: creating it (a WebGL context, a first
   * frame) is the page's longest task, and on mount it would hold up the requests that bring the pack
   * (npm run bench, docs/benchmarks.md). MapLibre's workers are already started (maplibre-setup.ts).
   */
  const ensureController = (): MapController | null => {
    const container = containerRef.current;
    if (controllerRef.current || failed.current || !container) return controllerRef.current;
    try {
      const controller = new MapController(container, {
        lang,
        onError: (m) => callbacks.current.onError(m),
        onCellClick: (id, at, top) => callbacks.current.onCellClick(id, at, top),
        onViewChange: (v) => callbacks.current.onViewChange(v),
        onSelect: (selection) => callbacks.current.onSelect(selection),
        onDrawn: (id) => callbacks.current.onDrawn?.(id),
      });
      controllerRef.current = controller;
      const snapshot = callbacks.current.snapshotRef;
      if (snapshot) snapshot.current = () => controller.snapshot();
      // What the other effects would have handed over, had the map existed when they ran.
      const now = callbacks.current;
      controller.setWaiting(now.waiting ?? false);
      if (now.alerts) controller.setAlerts(now.alerts);
      controller.setCoverageShading(now.coverage?.shading ?? null, now.coverage?.values ?? null);
      if (now.coverage?.target) controller.highlight(now.coverage.target);
      // The overlays' and the activity's state too: the first style is built with them.
      controller.setOverlayVisibility(now.overlays);
      controller.setOverlayFilters(now.overlayFilters);
      controller.setProjectColour(now.projectColour);
      controller.select(now.selection);
      controller.setBottomInset(now.bottomInset ?? 0);
      controller.setOverlayVisible('activity', now.activity?.visible ?? false);
      if (now.activity?.style) controller.setActivity(now.activity.style);
      controller.setActivityCells(now.activity?.cells ?? null);
      if (now.programme?.data) controller.setProgramme(now.programme.data);
    } catch (err) {
      // Typically no WebGL2: say so instead of leaving a blank screen.
      failed.current = true;
      callbacks.current.onError(err instanceof Error ? err.message : String(err));
    }
    return controllerRef.current;
  };

  useEffect(
    () => () => {
      controllerRef.current?.destroy();
      controllerRef.current = null;
    },
    [],
  );

  // Overlay state first: the controller keeps it, so the style built when data arrives already has it.
  const { overlays, overlayFilters, projectColour, selection, reveal } = props;
  useEffect(() => {
    controllerRef.current?.setOverlayVisibility(overlays);
  }, [overlays]);
  useEffect(() => {
    controllerRef.current?.setOverlayFilters(overlayFilters);
  }, [overlayFilters]);
  useEffect(() => {
    controllerRef.current?.setProjectColour(projectColour);
  }, [projectColour]);
  useEffect(() => {
    controllerRef.current?.select(selection);
  }, [selection]);
  // Before the fit below, so that a pack opened with the time bar on is fitted above it.
  useEffect(() => {
    controllerRef.current?.setBottomInset(bottomInset);
  }, [bottomInset]);

  const focusKey = focus ? `${focus.kind}:${focus.id}` : '';
  // biome-ignore lint/correctness/useExhaustiveDependencies: ensureController reads the latest props through refs.
  useEffect(() => {
    const controller = data ? ensureController() : controllerRef.current;
    if (!controller) return;
    if (!data) {
      if (shown.current.data) controller.clear();
      shown.current = { data: null, focusKey: '' };
      return;
    }
    const before = shown.current;
    shown.current = { data, focusKey };
    const apply = () => {
      controller.show(data, lang, basemap, focus);
      if (requestedView) {
        controller.jumpTo(requestedView);
      } else if ((before.data?.regionId !== data.regionId || before.focusKey !== focusKey) && fitBox) {
        // (A pack's details arriving after its core was drawn is the same pack: no new fit.)
        // Animate steps within a pack; jump when a pack first appears.
        controller.fitTo(fitBox, before.data === data);
      }
    };
    if (before.data !== data) {
      apply();
      return;
    }
    // A drill step: let the browser paint the panel first (the task after the next frame), then move the
    // map. With software WebGL one map frame can take over 100 ms; started in the same frame it would
    // hold the panel back (see npm run bench).
    controller.markBusy();
    let timer = 0;
    const frame = requestAnimationFrame(() => {
      timer = window.setTimeout(apply, 0);
    });
    return () => {
      cancelAnimationFrame(frame);
      clearTimeout(timer);
    };
  }, [data, lang, basemap, focus, focusKey, fitBox, requestedView]);

  useEffect(() => {
    if (alerts) controllerRef.current?.setAlerts(alerts);
  }, [alerts]);

  const waiting = props.waiting ?? false;
  useEffect(() => {
    controllerRef.current?.setWaiting(waiting);
  }, [waiting]);

  const shading = coverage?.shading ?? null;
  const values = coverage?.values ?? null;
  useEffect(() => {
    controllerRef.current?.setCoverageShading(shading, values);
  }, [shading, values]);

  // Before the pack's style: the controller keeps these and builds them into its first style.
  const activityOn = activity?.visible ?? false;
  useEffect(() => {
    controllerRef.current?.setOverlayVisible('activity', activityOn);
  }, [activityOn]);
  const activityStyle = activity?.style ?? null;
  useEffect(() => {
    if (activityStyle) controllerRef.current?.setActivity(activityStyle);
  }, [activityStyle]);
  const activityCells = activity?.cells ?? null;
  useEffect(() => {
    controllerRef.current?.setActivityCells(activityCells);
  }, [activityCells]);

  const target = coverage?.target ?? null;
  useEffect(() => {
    const controller = controllerRef.current;
    if (!controller) return;
    controller.highlight(target);
    if (target) controller.flyTo(target.bbox);
  }, [target]);

  const programmeData = props.programme?.data ?? null;
  const programmeFly = props.programme?.flyTo ?? null;
  useEffect(() => {
    if (programmeData) controllerRef.current?.setProgramme(programmeData);
  }, [programmeData]);
  useEffect(() => {
    // The programme panel is 60 px wider than the cell panel (programme.css).
    if (programmeFly) controllerRef.current?.fitTo(programmeFly, true, 16, 60);
  }, [programmeFly]);
  useEffect(() => {
    if (reveal) controllerRef.current?.reveal(reveal.bbox);
  }, [reveal]);

  return <section ref={containerRef} className="map" aria-label={label} data-testid="map" />;
}
