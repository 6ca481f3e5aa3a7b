import { type Dispatch, useEffect } from 'react';
import type { TourAction } from './tour.ts';

/**
 * A kiosk operator's keys: Space pauses and resumes the tour, → and ← step through it (a pause stays
 * on and its countdown starts again). One listener for the life of the wall.
 */
export function useWallKeys(dispatch: Dispatch<TourAction>): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.altKey || e.ctrlKey || e.metaKey) return;
      // A focused button handles its own Space/Enter.
      if (e.target instanceof HTMLButtonElement) return;
      if (e.key === ' ' || e.code === 'Space') {
        e.preventDefault();
        dispatch({ type: 'toggle' });
      } else if (e.key === 'ArrowRight') dispatch({ type: 'next' });
      else if (e.key === 'ArrowLeft') dispatch({ type: 'previous' });
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [dispatch]);
}
