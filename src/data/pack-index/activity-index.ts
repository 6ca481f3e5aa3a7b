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

/**
 * Events per leaf, sorted by time. Built without an object per event (a counting sort by leaf into flat
 * typed arrays, each leaf a view of them): at city scale there are 500,000 events.
 */
export function buildActivityIndex(pack: RegionPack, locator: LeafLocator): ActivityIndex {
  const leaves = pack.grid.byDepth[pack.grid.levels.length - 1] ?? [];
  const leafOrdinal = new Map(leaves.map((id, i) => [id, i]));
  const n = pack.activity.length;
  const leafOf = new Int32Array(n);
  const time = new Float64Array(n);
  const counts = new Int32Array(leaves.length + 1);
  const kindCounts = new Map<string, number>();
  let outside = 0;
  let first = Infinity;
  let last = -Infinity;
  pack.activity.forEach((e, i) => {
    const { cell, kind } = e.properties;
    kindCounts.set(kind, (kindCounts.get(kind) ?? 0) + 1);
    // A `cell` above the finest level is resolved to a leaf by location, so counts never double.
    let ordinal = cell === undefined ? undefined : leafOrdinal.get(cell);
    if (ordinal === undefined) {
      const located = locator.leafAt(e.geometry.coordinates);
      ordinal = located === null ? undefined : leafOrdinal.get(located);
    }
    const t = Date.parse(e.properties.time);
    time[i] = t;
    if (t < first) first = t;
    if (t > last) last = t;
    if (ordinal === undefined) {
      leafOf[i] = -1;
      outside++;
      return;
    }
    leafOf[i] = ordinal;
    counts[ordinal + 1] = (counts[ordinal + 1] ?? 0) + 1;
  });
  const kinds = [...kindCounts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([k]) => k);
  const kindIndex = new Map(kinds.map((k, i) => [k, i]));
  // Offsets by leaf, then every event's slot: stable, so events already in time order stay in it.
  for (let k = 1; k < counts.length; k++) counts[k] = (counts[k] ?? 0) + (counts[k - 1] ?? 0);
  const placed = n - outside;
  const order = new Int32Array(placed);
  const next = counts.slice(0, leaves.length);
  for (let i = 0; i < n; i++) {
    const ordinal = leafOf[i] as number;
    if (ordinal < 0) continue;
    order[next[ordinal] as number] = i;
    next[ordinal] = (next[ordinal] as number) + 1;
  }
  const times = new Float64Array(placed);
  const volunteers = new Float64Array(placed);
  const hours = new Float64Array(placed);
  const kindOf = new Uint16Array(placed);
  const ids: string[] = new Array(placed);
  const byLeaf = new Map<string, LeafActivity>();
  leaves.forEach((leaf, ordinal) => {
    const from = counts[ordinal] as number;
    const to = counts[ordinal + 1] as number;
    if (to === from) return;
    const slice = order.subarray(from, to);
    let sorted = true;
    for (let k = 1; k < slice.length && sorted; k++)
      sorted = (time[slice[k - 1] as number] as number) <= (time[slice[k] as number] as number);
    if (!sorted) slice.sort((a, b) => (time[a] as number) - (time[b] as number) || a - b);
    for (let k = from; k < to; k++) {
      const i = order[k] as number;
      const p = (pack.activity[i] as (typeof pack.activity)[number]).properties;
      times[k] = time[i] as number;
      volunteers[k] = p.volunteers;
      hours[k] = p.hours;
      kindOf[k] = kindIndex.get(p.kind) ?? 0;
      ids[k] = p.id;
    }
    byLeaf.set(leaf, {
      times: times.subarray(from, to),
      volunteers: volunteers.subarray(from, to),
      hours: hours.subarray(from, to),
      ids: ids.slice(from, to),
      kind: kindOf.subarray(from, to),
    });
  });
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
