import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App.tsx';
import './app/app.css';
import { createAppStore } from './state/store.ts';
import { StoreProvider } from './state/store-context.tsx';
import { parseUrlState, serialiseUrlState } from './state/url.ts';

const initial = parseUrlState(location.search);
const store = createAppStore({ lang: initial.lang, regionId: initial.region });

// Store → URL: the address bar always reproduces what is on screen.
store.subscribe((state) => {
  const search = serialiseUrlState({ region: state.regionId, lang: state.lang }, location.search);
  if (search !== location.search)
    history.replaceState(history.state, '', `${location.pathname}${search}${location.hash}`);
});

const queryClient = new QueryClient({ defaultOptions: { queries: { refetchOnWindowFocus: false } } });
const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <QueryClientProvider client={queryClient}>
        <StoreProvider store={store}>
          <App />
        </StoreProvider>
      </QueryClientProvider>
    </StrictMode>,
  );
}
