import { shanghaiDayNumber } from '../calendar-day.ts';
import type { RegionPack } from '../region-pack.ts';

/**
 * The pack's activity per calendar day and kind (every event, inside the grid or not): what the time
 * bar's histogram draws and what the legend counts per kind. Built once per pack; a window's totals are
 * then a loop over its days, whatever the number of events.
 */
export interface ActivityTimeline {
  /** Shanghai day numbers of the first and last day with an event. */
  firstDay: number;
  lastDay: number;
  /** The pack's kinds, most frequent first (the same order as the activity index's). */
  kinds: readonly string[];
  /** Per day and kind, at `(day - firstDay) * kinds.length + kind`. */
  events: Uint32Array;
  volunteers: Float64Array;
  hours: Float64Array;
}

export type ActivityTotals = { events: number; volunteers: number; hours: number };

export function buildActivityTimeline(pack: RegionPack): ActivityTimeline | null {
  if (pack.activity.length === 0) return null;
  const counts = new Map<string, number>();
  let firstDay = Infinity;
  let lastDay = -Infinity;
  const days = pack.activity.map((e) => {
    const day = shanghaiDayNumber(Date.parse(e.properties.time));
    if (day < firstDay) firstDay = day;
    if (day > lastDay) lastDay = day;
    counts.set(e.properties.kind, (counts.get(e.properties.kind) ?? 0) + 1);
    return day;
  });
  const kinds = [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([k]) => k);
  const kindIndex = new Map(kinds.map((k, i) => [k, i]));
  const size = (lastDay - firstDay + 1) * kinds.length;
  const events = new Uint32Array(size);
  const volunteers = new Float64Array(size);
  const hours = new Float64Array(size);
  pack.activity.forEach((e, i) => {
    const at = ((days[i] as number) - firstDay) * kinds.length + (kindIndex.get(e.properties.kind) ?? 0);
    events[at] = (events[at] as number) + 1;
    volunteers[at] = (volunteers[at] as number) + e.properties.volunteers;
    hours[at] = (hours[at] as number) + e.properties.hours;
  });
  return { firstDay, lastDay, kinds, events, volunteers, hours };
}

/** Totals per kind over the days [fromDay, toDay] (inclusive; clipped to the timeline). */
export function kindTotals(
  tl: ActivityTimeline,
  fromDay: number,
  toDay: number,
): Map<string, ActivityTotals> {
  const n = tl.kinds.length;
  const out = new Map<string, ActivityTotals>(
    tl.kinds.map((k) => [k, { events: 0, volunteers: 0, hours: 0 }]),
  );
  const totals = [...out.values()];
  for (let d = Math.max(fromDay, tl.firstDay); d <= Math.min(toDay, tl.lastDay); d++) {
    const row = (d - tl.firstDay) * n;
    for (let k = 0; k < n; k++) {
      const t = totals[k] as ActivityTotals;
      t.events += tl.events[row + k] as number;
      t.volunteers += tl.volunteers[row + k] as number;
      t.hours += tl.hours[row + k] as number;
    }
  }
  return out;
}

/** One value per day of the timeline: the measure summed over the kinds wanted (null: all). */
export function dailySeries(
  tl: ActivityTimeline,
  measure: keyof ActivityTotals,
  kinds: readonly string[] | null,
): Float64Array {
  const n = tl.kinds.length;
  const wanted = tl.kinds.map((k) => kinds === null || kinds.includes(k));
  const source = tl[measure];
  const out = new Float64Array(tl.lastDay - tl.firstDay + 1);
  for (let d = 0; d < out.length; d++) {
    let sum = 0;
    for (let k = 0; k < n; k++) if (wanted[k]) sum += source[d * n + k] as number;
    out[d] = sum;
  }
  return out;
}
