import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { lazy, StrictMode, Suspense } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App.tsx';
import { prefetchFirstPack } from './app/prefetch-pack.ts';
import { loadLanguage } from './i18n/strings.ts';
import './app/app.css';
import { syncStoreWithHistory } from './state/history-sync.ts';
import { createAppStore } from './state/store.ts';
import { StoreProvider, useAppState } from './state/store-context.tsx';
import { parseUrlState } from './state/url.ts';

const initial = parseUrlState(location.search);
const store = createAppStore({
  lang: initial.lang,
  regionId: initial.region,
  focus: initial.focus,
  view: initial.view,
  viewOrigin: 'url',
  window: initial.window,
  layers: initial.layers,
  mode: initial.mode,
  serviceKind: initial.service,
  programme: initial.programme ?? null,
  partnerCommittees: initial.committees,
  projectStatuses: initial.statuses,
  projectDomains: initial.domains,
  selected: initial.selected,
});
syncStoreWithHistory(store);

// The wall screen is its own chunk: the dashboard's first load does not carry it (?mode=wall loads it).
const WallApp = lazy(() => import('./wall/WallApp.tsx'));
function Root() {
  const wall = useAppState((s) => s.mode) === 'wall';
  return wall ? (
    <Suspense fallback={null}>
      <WallApp />
    </Suspense>
  ) : (
    <App />
  );
}

const queryClient = new QueryClient({ defaultOptions: { queries: { refetchOnWindowFocus: false } } });
void prefetchFirstPack(queryClient, initial.region);
function mount(root: HTMLElement) {
  createRoot(root).render(
    <StrictMode>
      <QueryClientProvider client={queryClient}>
        <StoreProvider store={store}>
          <Root />
        </StoreProvider>
      </QueryClientProvider>
    </StrictMode>,
  );
}

const root = document.getElementById('root');
// English is a chunk of its own, fetched (while the pack's requests run) before the first render shows
// it. (A promise, not a top-level await: that would make the bundler split the entry into many chunks.)
if (root) void loadLanguage(initial.lang).then(() => mount(root));
