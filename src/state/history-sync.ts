import type { AppState, AppStore } from './store.ts';
import { parseUrlState, serialiseUrlState, type UrlState } from './url.ts';

function urlStateOf(s: AppState): UrlState {
  return {
    region: s.regionId,
    lang: s.lang,
    focus: s.focus,
    view: s.view,
    layers: s.layers,
    window: s.window,
    mode: s.mode,
    service: s.serviceKind,
    programme: s.programme,
    committees: s.partnerCommittees,
    statuses: s.projectStatuses,
    domains: s.projectDomains,
    selected: s.selected,
  };
}

/** Opening or closing the programme panel, or opening an item in it, is a step; a tab switch is not. */
const programmeStep = (a: AppState['programme'], b: AppState['programme']) =>
  (a === null) !== (b === null) || (a?.id ?? null) !== (b?.id ?? null);

const sameFocus = (a: AppState['focus'], b: AppState['focus']) => a?.kind === b?.kind && a?.id === b?.id;

/**
 * Keeps the address bar and the store in step. A change of focus (drilling down or up) or of region
 * or of mode (dashboard ↔ coverage planner) is a new history entry, so the browser's Back goes up the
 * tree; every other change (view, language, window, layers, service kind) replaces the current entry. Back/Forward (popstate) put the URL's state back into
 * the store, tagged 'url' so that the map follows it.
 */
export function syncStoreWithHistory(store: AppStore, win: Window = window): () => void {
  let applyingUrl = false;
  const unsubscribe = store.subscribe((state, prev) => {
    if (applyingUrl) return;
    const isStep =
      (!sameFocus(state.focus, prev.focus) && state.focusHistory === 'push') ||
      state.regionId !== prev.regionId ||
      state.mode !== prev.mode ||
      programmeStep(state.programme, prev.programme);
    // While the time bar plays, the window moves on every tick: the address bar is written once play
    // stops (that store change comes here too) or with a real step, never once per tick.
    if (state.windowPlaying && !isStep) return;
    const search = serialiseUrlState(urlStateOf(state), win.location.search);
    if (search === win.location.search) return;
    const url = `${win.location.pathname}${search}${win.location.hash}`;
    if (isStep) win.history.pushState(null, '', url);
    else win.history.replaceState(win.history.state, '', url);
  });
  const onPopState = () => {
    const s = parseUrlState(win.location.search);
    applyingUrl = true;
    try {
      store.setState({
        regionId: s.region,
        lang: s.lang,
        focus: s.focus,
        view: s.view,
        viewOrigin: 'url',
        window: s.window,
        layers: s.layers,
        mode: s.mode,
        serviceKind: s.service,
        programme: s.programme ?? null,
        partnerCommittees: s.committees,
        projectStatuses: s.statuses,
        projectDomains: s.domains,
        selected: s.selected,
      });
    } finally {
      applyingUrl = false;
    }
  };
  win.addEventListener('popstate', onPopState);
  return () => {
    unsubscribe();
    win.removeEventListener('popstate', onPopState);
  };
}
