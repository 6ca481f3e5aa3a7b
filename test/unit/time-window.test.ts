import { describe, expect, it } from 'vitest';
import {
  atEnd,
  monthStarts,
  sliderModel,
  stepWindow,
  widthOf,
  windowAt,
  windowDays,
  windowFromDay,
  windowMs,
  withWidth,
} from '../../src/app/time-window.ts';
import { dayNumber, dayText } from '../../src/data/calendar-day.ts';

/** Jiading's activity: 2025-11-01 … 2026-10-31. */
const RANGE = { first: dayNumber('2025-11-01'), last: dayNumber('2026-10-31') };
const w = (from: string, to: string) => ({ from, to });

describe('calendar days', () => {
  it('round-trip between text and day numbers, across month and leap-year ends', () => {
    for (const day of ['1970-01-01', '2024-02-29', '2025-12-31', '2026-01-01', '2026-10-31']) {
      expect(dayText(dayNumber(day))).toBe(day);
    }
    expect(dayNumber('2026-01-01') - dayNumber('2025-12-31')).toBe(1);
  });

  it('a window in ms runs from its first day 00:00 to the 00:00 after its last day, Shanghai time', () => {
    const { from, to } = windowMs(w('2026-08-01', '2026-08-07'));
    expect(from).toBe(Date.parse('2026-08-01T00:00:00+08:00'));
    expect(to).toBe(Date.parse('2026-08-08T00:00:00+08:00'));
  });
});

describe('window widths', () => {
  it('are read from the window itself', () => {
    expect(widthOf(w('2026-03-05', '2026-03-05'))).toBe('day');
    expect(widthOf(w('2026-03-05', '2026-03-11'))).toBe('week');
    expect(widthOf(w('2026-02-01', '2026-02-28'))).toBe('month');
    expect(widthOf(w('2026-03-01', '2026-03-31'))).toBe('month');
    // Thirty days not aligned to a calendar month are custom, and so is the default 12 weeks.
    expect(widthOf(w('2026-03-05', '2026-04-03'))).toBe('custom');
    expect(widthOf(w('2026-08-09', '2026-10-31'))).toBe('custom');
    expect(windowDays(w('2026-08-09', '2026-10-31'))).toBe(84);
  });

  it('change anchored at the window’s end, staying inside the data', () => {
    const twelveWeeks = w('2026-08-09', '2026-10-31');
    expect(withWidth(twelveWeeks, 'day', RANGE)).toEqual(w('2026-10-31', '2026-10-31'));
    expect(withWidth(twelveWeeks, 'week', RANGE)).toEqual(w('2026-10-25', '2026-10-31'));
    expect(withWidth(twelveWeeks, 'month', RANGE)).toEqual(w('2026-10-01', '2026-10-31'));
    expect(withWidth(twelveWeeks, 'custom', RANGE)).toBe(twelveWeeks);
    // A window beyond the data is pulled back into it.
    expect(withWidth(w('2027-03-01', '2027-03-09'), 'week', RANGE)).toEqual(w('2026-10-25', '2026-10-31'));
  });
});

describe('the slider', () => {
  it('runs over first days for day/week/custom windows, so the last window ends on the last day', () => {
    const s = sliderModel(w('2026-01-01', '2026-01-07'), RANGE);
    expect(s).toEqual({ min: RANGE.first, max: RANGE.last - 6, value: dayNumber('2026-01-01') });
    expect(windowAt(s.max, w('2026-01-01', '2026-01-07'), RANGE)).toEqual(w('2026-10-25', '2026-10-31'));
    expect(windowAt(s.max + 50, w('2026-01-01', '2026-01-07'), RANGE)).toEqual(w('2026-10-25', '2026-10-31'));
  });

  it('runs over calendar months for month windows', () => {
    const month = w('2026-02-01', '2026-02-28');
    const s = sliderModel(month, RANGE);
    expect(s.max - s.min).toBe(11);
    expect(windowAt(s.min, month, RANGE)).toEqual(w('2025-11-01', '2025-11-30'));
    expect(windowAt(s.value + 1, month, RANGE)).toEqual(w('2026-03-01', '2026-03-31'));
    // Dragging to any day of a month gives that month.
    expect(windowFromDay(dayNumber('2026-06-17'), month, RANGE)).toEqual(w('2026-06-01', '2026-06-30'));
  });

  it('has a tick at the first of every month in the data', () => {
    expect(monthStarts(RANGE).map(dayText)).toEqual([
      '2025-11-01',
      '2025-12-01',
      '2026-01-01',
      '2026-02-01',
      '2026-03-01',
      '2026-04-01',
      '2026-05-01',
      '2026-06-01',
      '2026-07-01',
      '2026-08-01',
      '2026-09-01',
      '2026-10-01',
    ]);
  });
});

describe('stepping (play, next, previous)', () => {
  it('moves by the window’s own width', () => {
    expect(stepWindow(w('2026-03-05', '2026-03-05'), RANGE, 1, false).window).toEqual(
      w('2026-03-06', '2026-03-06'),
    );
    expect(stepWindow(w('2026-03-05', '2026-03-11'), RANGE, 1, false).window).toEqual(
      w('2026-03-12', '2026-03-18'),
    );
    expect(stepWindow(w('2026-01-01', '2026-01-31'), RANGE, 1, false).window).toEqual(
      w('2026-02-01', '2026-02-28'),
    );
    expect(stepWindow(w('2026-03-01', '2026-03-31'), RANGE, -1, false).window).toEqual(
      w('2026-02-01', '2026-02-28'),
    );
    // Custom: its own length (10 days).
    expect(stepWindow(w('2026-03-01', '2026-03-10'), RANGE, 1, false).window).toEqual(
      w('2026-03-11', '2026-03-20'),
    );
  });

  it('stops exactly at the end, then stays (no loop) or goes round (loop)', () => {
    const nearEnd = w('2026-10-20', '2026-10-26');
    const last = stepWindow(nearEnd, RANGE, 1, false);
    expect(last).toEqual({ window: w('2026-10-25', '2026-10-31'), moved: true, wrapped: false });
    expect(atEnd(last.window, RANGE)).toBe(true);
    expect(stepWindow(last.window, RANGE, 1, false)).toEqual({
      window: last.window,
      moved: false,
      wrapped: false,
    });
    expect(stepWindow(last.window, RANGE, 1, true)).toEqual({
      window: w('2025-11-01', '2025-11-07'),
      moved: true,
      wrapped: true,
    });
    // Backwards from the start with loop: to the last window.
    expect(stepWindow(w('2025-11-01', '2025-11-07'), RANGE, -1, true).window).toEqual(
      w('2026-10-25', '2026-10-31'),
    );
  });

  it('plays a year of weeks in 52 steps from the first week, then stops', () => {
    let window = w('2025-11-01', '2025-11-07');
    const seen = [window];
    for (;;) {
      const step = stepWindow(window, RANGE, 1, false);
      if (!step.moved) break;
      window = step.window;
      seen.push(window);
    }
    // 365 days: 52 whole weeks from the start, then one clamped step to end on the last day.
    expect(seen).toHaveLength(53);
    expect(seen.at(-1)).toEqual(w('2026-10-25', '2026-10-31'));
    for (const s of seen) expect(windowDays(s)).toBe(7);
  });

  it('steps a window from outside the data (a shared link) onto its nearest end', () => {
    expect(stepWindow(w('2024-01-01', '2024-01-07'), RANGE, 1, false).window).toEqual(
      w('2025-11-01', '2025-11-07'),
    );
    expect(stepWindow(w('2027-01-01', '2027-01-07'), RANGE, 1, false).window).toEqual(
      w('2026-10-25', '2026-10-31'),
    );
    expect(stepWindow(w('2027-01-01', '2027-01-31'), RANGE, -1, false).window).toEqual(
      w('2026-10-01', '2026-10-31'),
    );
  });
});
