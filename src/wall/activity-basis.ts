import type { ActivityIndex } from '../data/pack-index/activity-index.ts';
import { lowerBound } from '../data/sorted.ts';
import type { ActivityFeature } from '../data/status-merge.ts';

export const DAY_MS = 86_400_000;
const SHANGHAI_MS = 8 * 3_600_000;
/** Days of the daily trend on the activity tiles (today included). */
export const TREND_DAYS = 14;

/** Calendar day (Shanghai, UTC+8 all year) of a time, `YYYY-MM-DD`. */
export const shanghaiDayOf = (t: number): string => new Date(t + SHANGHAI_MS).toISOString().slice(0, 10);
/** 00:00 Shanghai of a `YYYY-MM-DD` day, ms. */
export const shanghaiDayStart = (day: string): number => Date.parse(`${day}T00:00:00+08:00`);

/**
 * What "today" means on the wall. A pack is a snapshot: its activity ends on some day, and a screen
 * showing it weeks later must not call that day "today".
 *
 * - `live`: a feed is laid over the pack; today is the Shanghai day of the feed's `generatedAt`. The
 *   feed carries only recent events: when the pack ends before the feed's oldest event, figures are
 *   complete only from that event on (`completeFrom`), and the screen says so.
 * - `pack`: no feed; "today" is the day of the pack's latest event, and the screen says it is the
 *   pack's date, not today.
 * - `none`: no feed and no activity at all.
 */
export type ActivityBasis =
  | { kind: 'live'; reference: number; day: string; completeFrom: number | null }
  | { kind: 'pack'; reference: number; day: string }
  | { kind: 'none' };

export function activityBasis(
  generatedAt: string | null,
  packSpan: { first: number; last: number } | null,
  liveEvents: readonly ActivityFeature[],
): ActivityBasis {
  if (generatedAt !== null) {
    const reference = Date.parse(generatedAt);
    const day = shanghaiDayOf(reference);
    const weekStart = shanghaiDayStart(day) - 6 * DAY_MS;
    let oldestLive = Infinity;
    for (const e of liveEvents) oldestLive = Math.min(oldestLive, Date.parse(e.properties.time));
    const packLast = packSpan?.last ?? -Infinity;
    // A gap between the pack's end and the feed's oldest event inside the week: counts start there.
    const gap = Number.isFinite(oldestLive) && packLast < oldestLive && oldestLive > weekStart;
    return { kind: 'live', reference, day, completeFrom: gap ? oldestLive : null };
  }
  if (packSpan) return { kind: 'pack', reference: packSpan.last, day: shanghaiDayOf(packSpan.last) };
  return { kind: 'none' };
}

/** One event of the trend window, resolved to its leaf cell (null: outside every cell). */
export interface RecentEvent {
  time: number;
  volunteers: number;
  leaf: string | null;
}

/** The first ms of the trend window of a basis (TREND_DAYS days, today included). */
export const trendStart = (day: string): number => shanghaiDayStart(day) - (TREND_DAYS - 1) * DAY_MS;

/**
 * The events of the trend window (the last TREND_DAYS days up to the end of the basis day): the pack's
 * from its per-leaf sorted index (binary search, no scan of a year of events), the feed's as they come.
 * A feed event that repeats a pack id replaces the pack's (as mergeStatus does), so nothing counts twice.
 */
export function recentActivity(
  activity: ActivityIndex,
  liveEvents: readonly ActivityFeature[],
  basis: ActivityBasis,
  leafOf: (event: ActivityFeature) => string | null,
): RecentEvent[] {
  if (basis.kind === 'none') return [];
  const from = trendStart(basis.day);
  const to = shanghaiDayStart(basis.day) + DAY_MS;
  const replaced = new Set(liveEvents.map((e) => e.properties.id));
  const out: RecentEvent[] = [];
  for (const [leaf, a] of activity.byLeaf) {
    const end = lowerBound(a.times, to);
    for (let i = lowerBound(a.times, from); i < end; i++) {
      if (replaced.size > 0 && replaced.has(a.ids[i] as string)) continue;
      out.push({ time: a.times[i] as number, volunteers: a.volunteers[i] as number, leaf });
    }
  }
  for (const e of liveEvents) {
    const time = Date.parse(e.properties.time);
    if (time >= from && time < to) out.push({ time, volunteers: e.properties.volunteers, leaf: leafOf(e) });
  }
  return out;
}
