/**
 * The address bar while the time bar plays: no history entry and no URL write per step; one write
 * when play stops; a real step (drilling down) during play still gets its own history entry.
 */
import { describe, expect, it } from 'vitest';
import { syncStoreWithHistory } from '../../src/state/history-sync.ts';
import { createAppStore } from '../../src/state/store.ts';

/** Just enough of `window` for history-sync: location, history and popstate listeners. */
function fakeWindow() {
  const calls: { kind: 'push' | 'replace'; url: string }[] = [];
  const location = { pathname: '/', search: '', hash: '' };
  const write = (kind: 'push' | 'replace') => (_state: unknown, _title: string, url: string) => {
    calls.push({ kind, url });
    location.search = url.slice(url.indexOf('?') === -1 ? url.length : url.indexOf('?'));
  };
  const win = {
    location,
    history: { state: null, pushState: write('push'), replaceState: write('replace') },
    addEventListener: () => {},
    removeEventListener: () => {},
  };
  return { win: win as unknown as Window, calls, location };
}

const week = (i: number) => {
  const from = new Date(Date.UTC(2026, 0, 1 + 7 * i)).toISOString().slice(0, 10);
  const to = new Date(Date.UTC(2026, 0, 7 + 7 * i)).toISOString().slice(0, 10);
  return { from, to };
};

describe('history while the time bar plays', () => {
  it('writes the window once when play stops, not once per step', () => {
    const store = createAppStore();
    const { win, calls, location } = fakeWindow();
    syncStoreWithHistory(store, win);
    store.getState().setWindow(week(0));
    expect(calls).toEqual([{ kind: 'replace', url: '/?from=2026-01-01&to=2026-01-07' }]);
    store.getState().setWindowPlaying(true);
    for (let i = 1; i <= 10; i++) store.getState().setWindow(week(i));
    expect(calls).toHaveLength(1);
    store.getState().setWindowPlaying(false);
    expect(calls).toHaveLength(2);
    expect(calls[1]).toEqual({ kind: 'replace', url: '/?from=2026-03-12&to=2026-03-18' });
    expect(location.search).toBe('?from=2026-03-12&to=2026-03-18');
    // Stopped: a window change is written at once again (a replacement, never a new entry).
    store.getState().setWindow(week(11));
    expect(calls.at(-1)?.kind).toBe('replace');
    expect(calls.filter((c) => c.kind === 'push')).toEqual([]);
  });

  it('still makes a history entry for a drill step taken while playing', () => {
    const store = createAppStore();
    const { win, calls } = fakeWindow();
    syncStoreWithHistory(store, win);
    store.getState().setWindowPlaying(true);
    store.getState().setWindow(week(3));
    expect(calls).toEqual([]);
    store.getState().focusOn({ kind: 'cell', id: 'M0001' });
    expect(calls).toEqual([{ kind: 'push', url: '/?cell=M0001&from=2026-01-22&to=2026-01-28' }]);
  });
});
