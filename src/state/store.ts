import { createStore, type StateCreator } from 'zustand/vanilla';
import type { Lang } from '../data/localized.ts';
import type { ActivityMeasure, ActivityView } from '../layers/activity-layers.ts';
import type { AppMode, DayWindow, Focus, MapView } from './url.ts';

interface LanguageSlice {
  lang: Lang;
  setLang: (lang: Lang) => void;
}

interface RegionSlice {
  /** The region asked for (URL or switcher); null means the index's default. */
  regionId: string | null;
  setRegion: (regionId: string | null) => void;
}

/** Where the user is in the grid tree. Each `focusOn` is one step in the browser history. */
interface FocusSlice {
  focus: Focus | null;
  /** 'push' makes a history entry (a drill step); 'replace' corrects the current one (e.g. an unknown id). */
  focusHistory: 'push' | 'replace';
  focusOn: (focus: Focus | null, history?: 'push' | 'replace') => void;
}

/**
 * The map view, tagged with who set it: the map reports its own moves ('map'); anything else
 * ('app', 'url') is a request the map must follow. The tag stops map and store from ping-ponging.
 */
interface ViewSlice {
  view: MapView | null;
  viewOrigin: 'map' | 'app' | 'url';
  setView: (view: MapView | null, origin: 'map' | 'app' | 'url') => void;
}

interface WindowSlice {
  /** The activity time window; null means the default (the latest 12 weeks of the pack's data). */
  window: DayWindow | null;
  setWindow: (window: DayWindow | null) => void;
}

interface LayersSlice {
  /** Overlay layer ids switched on; null means the defaults. */
  layers: string[] | null;
  setLayers: (layers: string[] | null) => void;
}

/** How the activity overlay draws, and whether its time bar is playing. */
interface ActivitySlice {
  /** Activity kinds shown on the map; null = all. */
  activityKinds: string[] | null;
  setActivityKinds: (kinds: string[] | null) => void;
  activityMeasure: ActivityMeasure;
  setActivityMeasure: (measure: ActivityMeasure) => void;
  activityView: ActivityView;
  setActivityView: (view: ActivityView) => void;
  /** The time bar moves the window by itself; the address bar is written once it stops (history-sync). */
  windowPlaying: boolean;
  setWindowPlaying: (playing: boolean) => void;
}

/** The dashboard shown, and the planner's choice of service kind for the coverage analysis. */
interface ModeSlice {
  mode: AppMode;
  setMode: (mode: AppMode) => void;
  /** Service kind whose reach the coverage analysis measures; null = any service point. */
  serviceKind: string | null;
  setServiceKind: (kind: string | null) => void;
}

export type AppState = LanguageSlice &
  RegionSlice &
  FocusSlice &
  ViewSlice &
  WindowSlice &
  LayersSlice &
  ModeSlice &
  ActivitySlice;
type Slice<T> = StateCreator<AppState, [], [], T>;

const languageSlice: Slice<LanguageSlice> = (set) => ({ lang: 'zh', setLang: (lang) => set({ lang }) });
// A new region starts at its district view: a cell id of another region means nothing there.
const regionSlice: Slice<RegionSlice> = (set) => ({
  regionId: null,
  // Service kinds are the pack's own words: another pack may not have the one chosen.
  setRegion: (regionId) => set({ regionId, focus: null, view: null, viewOrigin: 'app', serviceKind: null }),
});
const focusSlice: Slice<FocusSlice> = (set) => ({
  focus: null,
  focusHistory: 'push',
  focusOn: (focus, focusHistory = 'push') => set({ focus, focusHistory }),
});
const viewSlice: Slice<ViewSlice> = (set) => ({
  view: null,
  viewOrigin: 'app',
  setView: (view, viewOrigin) => set({ view, viewOrigin }),
});
const windowSlice: Slice<WindowSlice> = (set) => ({ window: null, setWindow: (window) => set({ window }) });
const layersSlice: Slice<LayersSlice> = (set) => ({ layers: null, setLayers: (layers) => set({ layers }) });
const modeSlice: Slice<ModeSlice> = (set) => ({
  mode: 'explore',
  setMode: (mode) => set({ mode }),
  serviceKind: null,
  setServiceKind: (serviceKind) => set({ serviceKind }),
});

const activitySlice: Slice<ActivitySlice> = (set) => ({
  activityKinds: null,
  setActivityKinds: (activityKinds) => set({ activityKinds }),
  activityMeasure: 'events',
  setActivityMeasure: (activityMeasure) => set({ activityMeasure }),
  activityView: 'heat',
  setActivityView: (activityView) => set({ activityView }),
  windowPlaying: false,
  setWindowPlaying: (windowPlaying) => set({ windowPlaying }),
});

export type InitialState = Partial<
  Pick<
    AppState,
    'lang' | 'regionId' | 'focus' | 'view' | 'window' | 'layers' | 'viewOrigin' | 'mode' | 'serviceKind'
  >
>;

/** One store per app instance (and per test), built from small slices. */
export const createAppStore = (initial: InitialState = {}) =>
  createStore<AppState>()((...a) => ({
    ...languageSlice(...a),
    ...regionSlice(...a),
    ...focusSlice(...a),
    ...viewSlice(...a),
    ...windowSlice(...a),
    ...layersSlice(...a),
    ...modeSlice(...a),
    ...activitySlice(...a),
    ...initial,
  }));

export type AppStore = ReturnType<typeof createAppStore>;
