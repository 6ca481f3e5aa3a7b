import { DAY_MS, dayNumber, dayText, shanghaiDayNumber, shanghaiDayStart } from '../data/calendar-day.ts';
import type { PackIndex } from '../data/pack-index/pack-index.ts';
import type { DayWindow } from '../state/url.ts';

/**
 * The time bar's arithmetic on the app's activity window (a closed range of calendar days): its width,
 * where it sits on the slider, and one step forward or back. Pure, so the cell panel, the planner and
 * the map all see the same window, and every rule is tested in node.
 *
 * Widths are read from the window itself, never stored: one day, seven days, a calendar month (the 1st
 * to the month's last day), else custom. So a window from the URL or the cell panel's presets shows
 * the right width, and nothing can disagree with the window.
 */
export const WINDOW_WIDTHS = ['day', 'week', 'month', 'custom'] as const;
export type WindowWidth = (typeof WINDOW_WIDTHS)[number];

/** First and last day (day numbers) with data: the slider runs over them. */
export interface DayRange {
  first: number;
  last: number;
}

interface Days {
  from: number;
  to: number;
}

const toDays = (w: DayWindow): Days => ({ from: dayNumber(w.from), to: dayNumber(w.to) });
const toWindow = (d: Days): DayWindow => ({ from: dayText(d.from), to: dayText(d.to) });
const clamp = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, v));

/** Months counted from year 0 (year × 12 + month), for calendar-month windows. */
const monthOf = (day: number): number => {
  const d = new Date(day * DAY_MS);
  return d.getUTCFullYear() * 12 + d.getUTCMonth();
};
const monthStart = (month: number): number => Date.UTC(Math.floor(month / 12), month % 12, 1) / DAY_MS;
const monthWindow = (month: number): Days => ({ from: monthStart(month), to: monthStart(month + 1) - 1 });

/** Days in the window, both ends included. */
export function windowDays(w: DayWindow): number {
  const d = toDays(w);
  return d.to - d.from + 1;
}

/** The window as [from, to) in ms: its first day's 00:00 to the 00:00 after its last day, in Shanghai. */
export function windowMs(w: DayWindow): { from: number; to: number } {
  const d = toDays(w);
  return { from: shanghaiDayStart(d.from), to: shanghaiDayStart(d.to + 1) };
}

export function widthOf(w: DayWindow): WindowWidth {
  const d = toDays(w);
  const days = d.to - d.from + 1;
  if (days === 1) return 'day';
  if (days === 7) return 'week';
  const month = monthWindow(monthOf(d.from));
  if (month.from === d.from && month.to === d.to) return 'month';
  return 'custom';
}

/** The slider: a calendar month index for month windows, else the window's first day. */
export interface SliderModel {
  min: number;
  max: number;
  value: number;
}

export function sliderModel(w: DayWindow, range: DayRange): SliderModel {
  const d = toDays(w);
  if (widthOf(w) === 'month') {
    const min = monthOf(range.first);
    const max = Math.max(min, monthOf(range.last));
    return { min, max, value: clamp(monthOf(d.from), min, max) };
  }
  const days = d.to - d.from + 1;
  // The last position ends the window on the last day of data (or starts it on the first, if longer).
  const max = Math.max(range.first, range.last - days + 1);
  return { min: range.first, max, value: clamp(d.from, range.first, max) };
}

/** The window of the same width at a slider position (clamped to the slider's range). */
export function windowAt(position: number, w: DayWindow, range: DayRange): DayWindow {
  const s = sliderModel(w, range);
  const p = clamp(Math.round(position), s.min, s.max);
  if (widthOf(w) === 'month') return toWindow(monthWindow(p));
  const days = windowDays(w);
  return toWindow({ from: p, to: p + days - 1 });
}

/** The window of the same width starting on (for months: in the month of) a day: for dragging. */
export function windowFromDay(day: number, w: DayWindow, range: DayRange): DayWindow {
  return windowAt(widthOf(w) === 'month' ? monthOf(day) : day, w, range);
}

/** Day numbers of the first day of each month that begins within the range (the time bar's ticks). */
export function monthStarts(range: DayRange): number[] {
  const out: number[] = [];
  for (let m = monthOf(range.first); monthStart(m) <= range.last; m++) {
    if (monthStart(m) >= range.first) out.push(monthStart(m));
  }
  return out;
}

/**
 * A window of another width, anchored at the current window's end (the latest data stays in view, as
 * the default window is the latest weeks). 'custom' keeps the window as it is.
 */
export function withWidth(w: DayWindow, width: WindowWidth, range: DayRange): DayWindow {
  if (width === 'custom') return w;
  const end = clamp(toDays(w).to, range.first, range.last);
  const next =
    width === 'month' ? monthWindow(monthOf(end)) : { from: end - (width === 'week' ? 6 : 0), to: end };
  return windowAt(sliderModel(toWindow(next), range).value, toWindow(next), range);
}

export interface Step {
  window: DayWindow;
  /** The window changed (false at an end without loop: playing stops there). */
  moved: boolean;
  /** It went round from one end to the other (loop). */
  wrapped: boolean;
}

/**
 * One step of its own width (a day, a week, the next calendar month, or the custom length), forward
 * (+1) or back (−1). A step that would pass an end stops exactly at it (the last window ends on the last
 * day of data); from the end, `loop` goes round to the other end, else the window stays.
 */
export function stepWindow(w: DayWindow, range: DayRange, direction: 1 | -1, loop: boolean): Step {
  const s = sliderModel(w, range);
  const isMonth = widthOf(w) === 'month';
  const size = isMonth ? 1 : windowDays(w);
  // Where the window really is (it may lie outside the data, e.g. from a shared link).
  const at = isMonth ? monthOf(toDays(w).from) : toDays(w).from;
  const next = clamp(at + direction * size, s.min, s.max);
  if (next !== at) return { window: windowAt(next, w, range), moved: true, wrapped: false };
  if (!loop || s.min === s.max) return { window: w, moved: false, wrapped: false };
  return { window: windowAt(direction === 1 ? s.min : s.max, w, range), moved: true, wrapped: true };
}

/** The window sits at the end of the data (playing forward from here would stop or wrap at once). */
export function atEnd(w: DayWindow, range: DayRange): boolean {
  const s = sliderModel(w, range);
  return s.value === s.max;
}

/**
 * The default window: the latest `weeks` weeks (Shanghai calendar days) of the pack's activity, since
 * static data has no "now". Also the cell panel's and the planner's presets (4, 12 and 52 weeks).
 */
export function defaultWindow(index: PackIndex, weeks = 12): DayWindow {
  const last = shanghaiDayNumber(index.activity.span?.last ?? Date.now());
  return toWindow({ from: last - (weeks * 7 - 1), to: last });
}
