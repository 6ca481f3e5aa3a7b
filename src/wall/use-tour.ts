import { type Dispatch, useEffect, useReducer, useState } from 'react';
import {
  restoredIndex,
  stopKey,
  type TourAction,
  type TourStop,
  tourReducer,
  tourStorageKey,
} from './tour.ts';

export interface TourControl {
  index: number;
  paused: boolean;
  /** When a pause ends by itself (ms), or null when not paused. */
  resumeAt: number | null;
  dispatch: Dispatch<TourAction>;
}

function readSaved(regionId: string): string | null {
  try {
    return sessionStorage.getItem(tourStorageKey(regionId));
  } catch {
    return null; // storage switched off (some kiosk modes): start at the first stop
  }
}

function save(regionId: string, stop: TourStop): void {
  try {
    sessionStorage.setItem(tourStorageKey(regionId), stopKey(stop));
  } catch {
    // nothing to do: the tour still runs, a reload starts it over
  }
}

/**
 * The tour's clock: one timeout at a time, re-armed after every move (so nothing piles up however long
 * the screen runs). `suspended` (the mobilisation view) stops it without losing the position. The stop
 * on screen is kept in sessionStorage at every move, so any reload — the scheduled one, a crash
 * watchdog's, an operator's F5 — goes on from where it was.
 */
export function useTour(
  stops: readonly TourStop[],
  regionId: string | null,
  intervalMs: number,
  resumeMs: number,
  suspended: boolean,
): TourControl {
  const [state, dispatch] = useReducer(tourReducer, { index: 0, count: 0, paused: false, step: 0 });
  const [resumeAt, setResumeAt] = useState<number | null>(null);

  useEffect(() => {
    dispatch({
      type: 'reset',
      count: stops.length,
      index: regionId ? restoredIndex(stops, readSaved(regionId)) : 0,
    });
  }, [stops, regionId]);

  const current = stops[state.index];
  useEffect(() => {
    if (regionId && current && state.count === stops.length) save(regionId, current);
  }, [regionId, current, state.count, stops.length]);

  // biome-ignore lint/correctness/useExhaustiveDependencies: `step` re-arms the timer after every move.
  useEffect(() => {
    if (state.paused) {
      setResumeAt(Date.now() + resumeMs);
      const timer = setTimeout(() => dispatch({ type: 'resume' }), resumeMs);
      return () => clearTimeout(timer);
    }
    setResumeAt(null);
    if (suspended || state.count < 2) return;
    const timer = setTimeout(() => dispatch({ type: 'advance' }), intervalMs);
    return () => clearTimeout(timer);
  }, [state.step, state.paused, state.count, suspended, intervalMs, resumeMs]);

  return { index: state.index, paused: state.paused, resumeAt, dispatch };
}
