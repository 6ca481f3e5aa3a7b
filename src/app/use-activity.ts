import { useEffect, useMemo, useSyncExternalStore } from 'react';
import { dayNumber } from '../data/calendar-day.ts';
import type { Lang } from '../data/localized.ts';
import { cellActivity } from '../data/pack-index/activity-cells.ts';
import { type ActivityTotals, dailySeries, kindTotals } from '../data/pack-index/activity-timeline.ts';
import type { PackIndex } from '../data/pack-index/pack-index.ts';
import type { RegionPack } from '../data/region-pack.ts';
import {
  type ActivityChoropleth,
  type ActivityMapState,
  activityChoropleth,
  activityLegend,
  heatIntensityScale,
} from '../layers/activity-layers.ts';
import { activeOverlays, type OverlayLegend } from '../layers/overlays.ts';
import { useAppState } from '../state/store-context.tsx';
import type { DayWindow } from '../state/url.ts';
import { type DayRange, windowMs } from './time-window.ts';

export interface ActivityOverlay {
  /** The overlay is switched on (store `layers`, through activeOverlays). */
  on: boolean;
  /** Days with data (null when the pack has no activity). */
  range: DayRange | null;
  map: ActivityMapState | null;
  legend: OverlayLegend | null;
  choropleth: ActivityChoropleth | null;
  /** The window's totals over the kinds shown. */
  totals: ActivityTotals;
  /** The measure per day over the whole range, kinds shown: the time bar's histogram. */
  series: Float64Array | null;
}

const REDUCED_MOTION = '(prefers-reduced-motion: reduce)';
const subscribeMotion = (onChange: () => void) => {
  const query = window.matchMedia(REDUCED_MOTION);
  query.addEventListener('change', onChange);
  return () => query.removeEventListener('change', onChange);
};

/** The user asked the system for less motion. */
export function useReducedMotion(): boolean {
  return useSyncExternalStore(
    subscribeMotion,
    () => window.matchMedia(REDUCED_MOTION).matches,
    () => false,
  );
}

/**
 * Everything the activity overlay shows for the current window, kinds, view and measure, derived with
 * pure functions and memoised on exactly those inputs: a slider step recomputes the window's figures
 * (binary search per leaf) and nothing that does not depend on the window.
 */
export function useActivityOverlay(input: {
  pack: RegionPack | null;
  index: PackIndex | null;
  window: DayWindow | null;
  lang: Lang;
}): ActivityOverlay {
  const { pack, index, window: activityWindow, lang } = input;
  const layers = useAppState((s) => s.layers);
  const kinds = useAppState((s) => s.activityKinds);
  const measure = useAppState((s) => s.activityMeasure);
  const view = useAppState((s) => s.activityView);
  const playing = useAppState((s) => s.windowPlaying);
  const setPlaying = useAppState((s) => s.setWindowPlaying);
  const reducedMotion = useReducedMotion();
  const on = useMemo(() => activeOverlays(layers).has('activity'), [layers]);
  const timeline = index?.activityTimeline ?? null;

  // Switched off (here or by the layer control) while playing: the window stops moving.
  useEffect(() => {
    if (!on && playing) setPlaying(false);
  }, [on, playing, setPlaying]);

  const range = useMemo(
    () => (timeline ? { first: timeline.firstDay, last: timeline.lastDay } : null),
    [timeline],
  );
  const leafIds = useMemo(() => (pack ? (pack.grid.byDepth[pack.grid.levels.length - 1] ?? []) : []), [pack]);
  const fromDay = activityWindow ? dayNumber(activityWindow.from) : 0;
  const toDay = activityWindow ? dayNumber(activityWindow.to) : -1;

  const style = useMemo(
    () => ({
      view,
      measure,
      fromDay,
      toDay,
      kinds,
      intensity: heatIntensityScale(toDay - fromDay + 1),
      reducedMotion,
    }),
    [view, measure, fromDay, toDay, kinds, reducedMotion],
  );

  const choropleth = useMemo(() => {
    if (!on || view !== 'cells' || !index || !activityWindow) return null;
    const { from, to } = windowMs(activityWindow);
    return activityChoropleth(cellActivity(index.activity, leafIds, from, to, kinds), measure);
  }, [on, view, index, activityWindow, leafIds, kinds, measure]);

  const byKind = useMemo(
    () => (on && timeline ? kindTotals(timeline, fromDay, toDay) : null),
    [on, timeline, fromDay, toDay],
  );
  const totals = useMemo(() => {
    const sum: ActivityTotals = { events: 0, volunteers: 0, hours: 0 };
    for (const [kind, t] of byKind ?? []) {
      if (kinds !== null && !kinds.includes(kind)) continue;
      sum.events += t.events;
      sum.volunteers += t.volunteers;
      sum.hours += t.hours;
    }
    return sum;
  }, [byKind, kinds]);
  const series = useMemo(
    () => (on && timeline ? dailySeries(timeline, measure, kinds) : null),
    [on, timeline, measure, kinds],
  );

  const legend = useMemo(
    () =>
      on && timeline && byKind
        ? activityLegend({
            lang,
            kinds: timeline.kinds,
            kindTotals: byKind,
            selected: kinds,
            view,
            measure,
            choropleth,
          })
        : null,
    [on, timeline, byKind, lang, kinds, view, measure, choropleth],
  );

  const cells = choropleth?.states ?? null;
  const map = useMemo(
    () => (activityWindow && timeline ? { visible: on, style, cells } : null),
    [activityWindow, timeline, on, style, cells],
  );

  return { on, range, map, legend, choropleth, totals, series };
}
