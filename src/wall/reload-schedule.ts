const SHANGHAI_MS = 8 * 3_600_000;
const DAY_MS = 86_400_000;

/**
 * Pure: the next time (ms) strictly after `now` at which the clock in Shanghai reads `time`
 * (`HH:MM` or `HH:MM:SS`, already checked by parseWallConfig). Shanghai keeps UTC+8 all year, so the
 * answer is exact wherever the screen's own clock is set; a page that reloads at that moment computes
 * the next day's time, never the same one again.
 */
export function nextReloadAt(now: number, time: string): number {
  const [h = 0, m = 0, s = 0] = time.split(':').map(Number);
  const offsetInDay = ((h * 60 + m) * 60 + s) * 1000;
  const localMidnight = Math.floor((now + SHANGHAI_MS) / DAY_MS) * DAY_MS - SHANGHAI_MS;
  const today = localMidnight + offsetInDay;
  return today > now ? today : today + DAY_MS;
}
