import { createStore, type StateCreator } from 'zustand/vanilla';
import type { Lang } from '../data/localized.ts';

interface LanguageSlice {
  lang: Lang;
  setLang: (lang: Lang) => void;
}

interface RegionSlice {
  /** The region asked for (URL or switcher); null means the index's default. */
  regionId: string | null;
  setRegion: (regionId: string | null) => void;
}

export type AppState = LanguageSlice & RegionSlice;

const languageSlice: StateCreator<AppState, [], [], LanguageSlice> = (set) => ({
  lang: 'zh',
  setLang: (lang) => set({ lang }),
});

const regionSlice: StateCreator<AppState, [], [], RegionSlice> = (set) => ({
  regionId: null,
  setRegion: (regionId) => set({ regionId }),
});

/** One store per app instance (and per test), built from small slices. */
export const createAppStore = (initial: Partial<Pick<AppState, 'lang' | 'regionId'>> = {}) =>
  createStore<AppState>()((...a) => ({ ...languageSlice(...a), ...regionSlice(...a), ...initial }));

export type AppStore = ReturnType<typeof createAppStore>;
