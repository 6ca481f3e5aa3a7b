import { LeafLocator } from '../data/pack-index/leaf-locator.ts';
import type { RegionPack } from '../data/region-pack.ts';
import { lowerBound } from '../data/sorted.ts';
import { leafIds } from './cell-areas.ts';
import type { Finding } from './finding.ts';
import { fmtInt } from './format.ts';
import type { Steps } from './steps.ts';

const DAY = 86_400_000;
export const DEFAULT_ACTIVITY_DAYS = 90;

export interface ActivityWindow {
  /** Start (inclusive) and end (exclusive), ms since the epoch. */
  from: number;
  to: number;
  /** UTC offset of the pack's event times, minutes: dates are read and shown in it. */
  offsetMinutes: number;
}

export interface ActivitySummary {
  /** The window as ISO date-times in the pack's offset; `to` is exclusive. */
  from: string;
  to: string;
  days: number;
  events: number;
  eventsInWindow: number;
  /** Events whose point lies in no cell (and that name no finest-level cell). */
  eventsOutsideCells: number;
  level: string;
  cells: number;
  /** Cells with no event in the window. */
  cellsWithout: number;
  /** …of which never had an event up to the window's end. */
  cellsNever: number;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** `2026-10-31T20:05+08:00`: a time as people there read it. */
export function isoInOffset(ms: number, offsetMinutes: number): string {
  const local = new Date(ms + offsetMinutes * 60_000).toISOString().slice(0, 16);
  const sign = offsetMinutes < 0 ? '-' : '+';
  const abs = Math.abs(offsetMinutes);
  return `${local}${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

const dayOf = (ms: number, offsetMinutes: number) => isoInOffset(ms, offsetMinutes).slice(0, 10);

/** The UTC offset written in an ISO time ("…+08:00" → 480, "…Z" → 0), or null. */
function offsetOf(time: string): number | null {
  if (/z$/i.test(time)) return 0;
  const m = /([+-])(\d\d):?(\d\d)$/.exec(time);
  if (!m) return null;
  return (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3]));
}

/**
 * Reads `--from`/`--to` style bounds. A date alone means that whole day in the pack's own offset
 * (`to` included: 2026-10-31 ends at the next midnight); a date-time must carry its offset. Without
 * bounds the window is the 90 days up to the end of the day of the pack's latest event, so the
 * analysis depends on the data only, never on the clock.
 */
export function resolveActivityWindow(
  pack: RegionPack,
  bounds: { from?: string | undefined; to?: string | undefined } = {},
): ActivityWindow {
  const offsetMinutes = offsetOf(pack.activity[0]?.properties.time ?? '') ?? 0;
  const midnight = (date: string) => {
    const t = Date.parse(`${date}T00:00:00Z`) - offsetMinutes * 60_000;
    if (!Number.isFinite(t)) throw new Error(`"${date}" is not a date (YYYY-MM-DD)`);
    return t;
  };
  const instant = (text: string, endOfDay: boolean) => {
    if (/^\d{4}-\d\d-\d\d$/.test(text)) return midnight(text) + (endOfDay ? DAY : 0);
    if (offsetOf(text) === null)
      throw new Error(`"${text}" needs a UTC offset (e.g. +08:00) or to be a date`);
    const t = Date.parse(text);
    if (!Number.isFinite(t)) throw new Error(`"${text}" is not an ISO date or date-time`);
    return t;
  };
  let last = -Infinity;
  for (const e of pack.activity) last = Math.max(last, Date.parse(e.properties.time));
  const defaultTo = Number.isFinite(last) ? midnight(dayOf(last, offsetMinutes)) + DAY : 0;
  const to = bounds.to !== undefined ? instant(bounds.to, true) : defaultTo;
  const from = bounds.from !== undefined ? instant(bounds.from, false) : to - DEFAULT_ACTIVITY_DAYS * DAY;
  if (!(from < to)) throw new Error('the activity window must start before it ends');
  return { from, to, offsetMinutes };
}

/**
 * Sorted event times per finest-level cell. An event's `cell` is used when it names such a cell, else
 * its point is located (flatbush + point-in-polygon, src/data/pack-index/leaf-locator.ts) — the rule the
 * detail panel's activity index follows, so both count the same events. Kept lean (one number array per
 * cell, no per-event objects) because it runs over every event on each analysis.
 */
function eventTimesByLeaf(pack: RegionPack): { byLeaf: Map<string, Float64Array>; outside: number } {
  const leaves = new Set(leafIds(pack.grid));
  let locator: LeafLocator | null = null;
  const lists = new Map<string, number[]>();
  let outside = 0;
  for (const e of pack.activity) {
    const { cell, time } = e.properties;
    let leaf: string | null = cell !== undefined && leaves.has(cell) ? cell : null;
    if (leaf === null) {
      locator ??= new LeafLocator(pack.grid);
      leaf = locator.leafAt(e.geometry.coordinates);
    }
    if (leaf === null) {
      outside++;
      continue;
    }
    const list = lists.get(leaf);
    const t = Date.parse(time);
    if (list) list.push(t);
    else lists.set(leaf, [t]);
  }
  const byLeaf = new Map<string, Float64Array>();
  for (const [leaf, list] of lists) byLeaf.set(leaf, Float64Array.from(list).sort());
  return { byLeaf, outside };
}

/** Finest-level cells with no volunteer event in the window, with the days since their last event. */
export function* activitySteps(
  pack: RegionPack,
  window: ActivityWindow,
  cellArea: (id: string) => number,
): Steps<{ summary: ActivitySummary; findings: Finding[] }> {
  const { grid } = pack;
  const { from, to, offsetMinutes } = window;
  const index = eventTimesByLeaf(pack);
  yield;
  const level = grid.levels[grid.levels.length - 1] ?? '';
  const ids = leafIds(grid);
  const lastDay = dayOf(to - 1, offsetMinutes);
  const summary: ActivitySummary = {
    from: isoInOffset(from, offsetMinutes),
    to: isoInOffset(to, offsetMinutes),
    days: Math.round((to - from) / DAY),
    events: pack.activity.length,
    eventsInWindow: 0,
    eventsOutsideCells: index.outside,
    level,
    cells: ids.length,
    cellsWithout: 0,
    cellsNever: 0,
  };
  const findings: Finding[] = [];
  for (const id of ids) {
    const times = index.byLeaf.get(id) ?? new Float64Array();
    const start = lowerBound(times, from);
    const end = lowerBound(times, to);
    summary.eventsInWindow += end - start;
    if (end > start) continue;
    const cell = grid.byId.get(id);
    if (!cell) continue;
    const last = end > 0 ? (times[end - 1] as number) : null;
    const days = last === null ? null : Math.floor((to - last) / DAY);
    summary.cellsWithout++;
    if (last === null) summary.cellsNever++;
    const { population, town } = cell.properties;
    findings.push({
      kind: 'no-activity',
      severity: last === null ? 'medium' : 'low',
      level,
      ids: [id],
      ...(town !== undefined ? { town } : {}),
      areaM2: cellArea(id),
      ...(population !== undefined ? { population } : {}),
      fraction: 1,
      lastEvent: last === null ? null : isoInOffset(last, offsetMinutes),
      daysSinceLast: days,
      message:
        last === null
          ? `no volunteer activity recorded in this ${level} cell up to ${lastDay}`
          : `no volunteer activity from ${dayOf(from, offsetMinutes)} to ${lastDay}; the last was on ${dayOf(last, offsetMinutes)}, ${fmtInt(days ?? 0)} days before the window's end`,
    });
  }
  return { summary, findings };
}
