import { useEffect, useRef } from 'react';
import { type DayRange, stepWindow } from '../../app/time-window.ts';
import type { DayWindow } from '../../state/url.ts';

interface Playback {
  playing: boolean;
  window: DayWindow;
  range: DayRange;
  loop: boolean;
  /** Time between two steps. */
  intervalMs: number;
  onWindow: (w: DayWindow) => void;
  onStop: () => void;
}

/**
 * While playing, moves the window one step (its own width) per tick; at the end it goes round (loop) or
 * stops. The timer restarts only when playing or the pace changes: the latest window and callbacks are
 * read through a ref, so a step does not reset the clock.
 */
export function usePlayback(p: Playback): void {
  const latest = useRef(p);
  latest.current = p;
  const { playing, intervalMs } = p;
  useEffect(() => {
    if (!playing) return;
    const timer = setInterval(() => {
      const { window, range, loop, onWindow, onStop } = latest.current;
      const step = stepWindow(window, range, 1, loop);
      if (!step.moved) {
        onStop();
        return;
      }
      performance.mark('gridatlas:activity-step', { detail: step.window });
      onWindow(step.window);
    }, intervalMs);
    return () => clearInterval(timer);
  }, [playing, intervalMs]);
}
