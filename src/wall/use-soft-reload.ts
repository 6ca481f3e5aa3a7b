import { useEffect } from 'react';
import { nextReloadAt } from './reload-schedule.ts';

/**
 * `?reload=03:00`: reloads the page once a day at that time (Shanghai), a fresh start for a screen that
 * runs for weeks. The tour position survives it (use-tour keeps it in sessionStorage). The time is
 * checked every second against the wall clock rather than trusted to one long timeout, which a
 * sleeping machine or a clock correction would throw off.
 */
export function useSoftReload(time: string | null): void {
  useEffect(() => {
    if (!time) return;
    const at = nextReloadAt(Date.now(), time);
    const timer = setInterval(() => {
      if (Date.now() < at) return;
      clearInterval(timer);
      performance.mark('gridatlas:soft-reload');
      location.reload();
    }, 1000);
    return () => clearInterval(timer);
  }, [time]);
}
