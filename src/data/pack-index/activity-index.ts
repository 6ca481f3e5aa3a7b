import type { RegionPack } from '../region-pack.ts';
import { lowerBound } from '../sorted.ts';
import type { LeafLocator } from './leaf-locator.ts';

/** One leaf cell's events, sorted by time, as parallel arrays (26k events stay cheap to scan). */
export interface LeafActivity {
  times: Float64Array;
  volunteers: Float64Array;
  hours: Float64Array;
  ids: string[];
  /** Index of each event's kind in `ActivityIndex.kinds` (a number compares faster than a string). */
  kind: Uint16Array;
}

export interface ActivityIndex {
  byLeaf: ReadonlyMap<string, LeafActivity>;
  /** Events that fall in no cell (outside the grid), kept for honesty in totals. */
  outside: number;
  /** Earliest and latest event time in the pack (ms), or null when there are none. */
  span: { first: number; last: number } | null;
  /** The pack's activity kinds (its own words), most frequent first. */
  kinds: readonly string[];
}

export function buildActivityIndex(pack: RegionPack, locator: LeafLocator): ActivityIndex {
  const leafIds = new Set(pack.grid.byDepth[pack.grid.levels.length - 1] ?? []);
  const raw = new Map<string, { t: number; v: number; h: number; id: string; k: string }[]>();
  const kindCounts = new Map<string, number>();
  let outside = 0;
  let first = Infinity;
  let last = -Infinity;
  for (const e of pack.activity) {
    const { cell, time, volunteers, hours, id, kind } = e.properties;
    kindCounts.set(kind, (kindCounts.get(kind) ?? 0) + 1);
    // A `cell` above the finest level is resolved to a leaf by location, so counts never double.
    const leaf = cell !== undefined && leafIds.has(cell) ? cell : locator.leafAt(e.geometry.coordinates);
    const t = Date.parse(time);
    if (t < first) first = t;
    if (t > last) last = t;
    if (!leaf) {
      outside++;
      continue;
    }
    const list = raw.get(leaf);
    const item = { t, v: volunteers, h: hours, id, k: kind };
    if (list) list.push(item);
    else raw.set(leaf, [item]);
  }
  const kinds = [...kindCounts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([k]) => k);
  const kindIndex = new Map(kinds.map((k, i) => [k, i]));
  const byLeaf = new Map<string, LeafActivity>();
  for (const [leaf, list] of raw) {
    list.sort((a, b) => a.t - b.t);
    byLeaf.set(leaf, {
      times: Float64Array.from(list, (x) => x.t),
      volunteers: Float64Array.from(list, (x) => x.v),
      hours: Float64Array.from(list, (x) => x.h),
      ids: list.map((x) => x.id),
      kind: Uint16Array.from(list, (x) => kindIndex.get(x.k) ?? 0),
    });
  }
  return { byLeaf, outside, span: Number.isFinite(first) ? { first, last } : null, kinds };
}

export interface WeekBucket {
  /** Monday 00:00 of the week, ms (in the time zone offset given). */
  start: number;
  events: number;
  volunteers: number;
  hours: number;
}

export interface ActivitySummary {
  events: number;
  volunteers: number;
  hours: number;
  /** Latest event at or before the window's end, in any window: for "days since the last activity". */
  lastEventBeforeEnd: number | null;
  weeks: WeekBucket[];
  /** Up to `sampleSize` latest event ids in the window, newest first. */
  latest: { id: string; time: number; leaf: string }[];
}

const WEEK = 7 * 86_400_000;

/**
 * Totals over a set of leaves in [from, to) (ms), with weekly buckets aligned to Mondays in the given
 * UTC offset (Shanghai: +480 minutes), so the chart's weeks match the calendar people use.
 */
export function summariseActivity(
  index: ActivityIndex,
  leafIds: readonly string[],
  from: number,
  to: number,
  offsetMinutes = 480,
  sampleSize = 20,
): ActivitySummary {
  const offset = offsetMinutes * 60_000;
  // 1970-01-05 was a Monday.
  const weekStart = (t: number) =>
    Math.floor((t + offset - 4 * 86_400_000) / WEEK) * WEEK + 4 * 86_400_000 - offset;
  const firstWeek = weekStart(from);
  const weekCount = Math.max(0, Math.ceil((to - firstWeek) / WEEK));
  const weeks: WeekBucket[] = Array.from({ length: weekCount }, (_, i) => ({
    start: firstWeek + i * WEEK,
    events: 0,
    volunteers: 0,
    hours: 0,
  }));
  let events = 0;
  let volunteers = 0;
  let hours = 0;
  let lastEventBeforeEnd: number | null = null;
  const latest: { id: string; time: number; leaf: string }[] = [];
  for (const leaf of leafIds) {
    const a = index.byLeaf.get(leaf);
    if (!a) continue;
    const start = lowerBound(a.times, from);
    const end = lowerBound(a.times, to);
    if (end > 0) {
      const t = a.times[end - 1] as number;
      if (lastEventBeforeEnd === null || t > lastEventBeforeEnd) lastEventBeforeEnd = t;
    }
    for (let i = start; i < end; i++) {
      const t = a.times[i] as number;
      const v = a.volunteers[i] as number;
      const h = a.hours[i] as number;
      events++;
      volunteers += v;
      hours += h;
      const bucket = weeks[Math.floor((t - firstWeek) / WEEK)];
      if (bucket) {
        bucket.events++;
        bucket.volunteers += v;
        bucket.hours += h;
      }
    }
    for (let i = end - 1; i >= start && i >= end - sampleSize; i--) {
      latest.push({ id: a.ids[i] as string, time: a.times[i] as number, leaf });
    }
  }
  latest.sort((x, y) => y.time - x.time);
  return { events, volunteers, hours, lastEventBeforeEnd, weeks, latest: latest.slice(0, sampleSize) };
}
