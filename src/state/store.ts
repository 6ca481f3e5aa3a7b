import { createStore, type StateCreator } from 'zustand/vanilla';
import type { ProjectStatus } from '../data/feature-schemas.ts';
import type { Lang } from '../data/localized.ts';
import type { ActivityMeasure, ActivityView } from '../layers/activity-layers.ts';
import type { OverlaySelection, ProjectColourBy } from '../layers/overlay-style.ts';
import type { ProgrammeView } from './programme-url.ts';
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

/** What the overlays show: partner and project filters (null = all), project colouring, the selection. */
interface OverlayFilterSlice {
  partnerCommittees: string[] | null;
  projectStatuses: ProjectStatus[] | null;
  projectDomains: string[] | null;
  projectColour: ProjectColourBy;
  selected: OverlaySelection | null;
  setPartnerCommittees: (committees: string[] | null) => void;
  setProjectStatuses: (statuses: ProjectStatus[] | null) => void;
  setProjectDomains: (domains: string[] | null) => void;
  setProjectColour: (by: ProjectColourBy) => void;
  select: (selection: OverlaySelection | null) => void;
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

/** The programme panel (committees, indicators, meetings) and the item it shows; null = closed. */
interface ProgrammeSlice {
  programme: ProgrammeView | null;
  /** With a focus: both change in one step (a cell opened from the panel is one history entry). */
  showProgramme: (programme: ProgrammeView | null, focus?: Focus | null) => void;
}

export type AppState = LanguageSlice &
  RegionSlice &
  FocusSlice &
  ViewSlice &
  WindowSlice &
  LayersSlice &
  ModeSlice &
  ProgrammeSlice &
  OverlayFilterSlice &
  ActivitySlice;
type Slice<T> = StateCreator<AppState, [], [], T>;

const languageSlice: Slice<LanguageSlice> = (set) => ({ lang: 'zh', setLang: (lang) => set({ lang }) });
// A new region starts at its district view: a cell id of another region means nothing there.
const regionSlice: Slice<RegionSlice> = (set) => ({
  regionId: null,
  // Service kinds are the pack's own words: another pack may not have the one chosen.
  setRegion: (regionId) =>
    set({
      regionId,
      focus: null,
      view: null,
      viewOrigin: 'app',
      serviceKind: null,
      // Committees, domains and partner or project ids are the pack's own, like service kinds.
      partnerCommittees: null,
      projectDomains: null,
      selected: null,
      programme: null,
    }),
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

const programmeSlice: Slice<ProgrammeSlice> = (set) => ({
  programme: null,
  showProgramme: (programme, focus) =>
    set(focus === undefined ? { programme } : { programme, focus, focusHistory: 'push' }),
});

const overlayFilterSlice: Slice<OverlayFilterSlice> = (set) => ({
  partnerCommittees: null,
  projectStatuses: null,
  projectDomains: null,
  projectColour: 'status',
  selected: null,
  setPartnerCommittees: (partnerCommittees) => set({ partnerCommittees }),
  setProjectStatuses: (projectStatuses) => set({ projectStatuses }),
  setProjectDomains: (projectDomains) => set({ projectDomains }),
  setProjectColour: (projectColour) => set({ projectColour }),
  select: (selected) => set({ selected }),
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
    | 'lang'
    | 'regionId'
    | 'focus'
    | 'view'
    | 'window'
    | 'layers'
    | 'viewOrigin'
    | 'mode'
    | 'serviceKind'
    | 'programme'
    | 'partnerCommittees'
    | 'projectStatuses'
    | 'projectDomains'
    | 'selected'
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
    ...programmeSlice(...a),
    ...overlayFilterSlice(...a),
    ...activitySlice(...a),
    ...initial,
  }));

export type AppStore = ReturnType<typeof createAppStore>;
