import { type KeyboardEvent, type PointerEvent, useEffect, useMemo, useRef, useState } from 'react';
import {
  atEnd,
  type DayRange,
  monthStarts,
  sliderModel,
  stepWindow,
  WINDOW_WIDTHS,
  type WindowWidth,
  widthOf,
  windowAt,
  windowDays,
  windowFromDay,
  withWidth,
} from '../../app/time-window.ts';
import { dayNumber, dayText, shanghaiDayStart } from '../../data/calendar-day.ts';
import type { Lang } from '../../data/localized.ts';
import type { ActivityTotals } from '../../data/pack-index/activity-timeline.ts';
import { formatDate, formatNumber } from '../../i18n/strings.ts';
import { useT } from '../../i18n/use-t.ts';
import { measureLabel } from '../../layers/activity-layers.ts';
import { useAppState } from '../../state/store-context.tsx';
import type { DayWindow } from '../../state/url.ts';
import { usePlayback } from './use-playback.ts';

interface TimeBarProps {
  /** The app's activity window (the store's, or the default when it has none). */
  window: DayWindow;
  range: DayRange;
  /** The measure per day over the range (kinds shown): the histogram behind the slider. */
  series: Float64Array | null;
  totals: ActivityTotals;
  /**
   * How many pixels the bar covers at the bottom of the map (its height and its margin), reported when it
   * changes (the bar wraps on narrow screens and grows with its legend), so fits keep clear of it.
   */
  onCover?: (px: number) => void;
}

/** Seconds per step at 1×; the speeds multiply it. */
const BASE_INTERVAL_MS = 1200;
const SPEEDS = [0.5, 1, 2, 4] as const;

const dayLabel = (lang: Lang, day: string) => formatDate(lang, shanghaiDayStart(dayNumber(day)));

export function windowLabel(lang: Lang, w: DayWindow): string {
  return w.from === w.to ? dayLabel(lang, w.from) : `${dayLabel(lang, w.from)} – ${dayLabel(lang, w.to)}`;
}

const MONTH_FORMAT: Record<Lang, { month: Intl.DateTimeFormat; year: Intl.DateTimeFormat }> = {
  zh: {
    month: new Intl.DateTimeFormat('zh-CN', { timeZone: 'UTC', month: 'short' }),
    year: new Intl.DateTimeFormat('zh-CN', { timeZone: 'UTC', year: 'numeric', month: 'short' }),
  },
  en: {
    month: new Intl.DateTimeFormat('en-GB', { timeZone: 'UTC', month: 'short' }),
    year: new Intl.DateTimeFormat('en-GB', { timeZone: 'UTC', year: 'numeric', month: 'short' }),
  },
};

/** A step-shaped area of the series, in a viewBox `series.length` wide and 100 high. */
function histogramPath(series: Float64Array): string {
  let max = 0;
  for (const v of series) if (v > max) max = v;
  if (max === 0) return '';
  const parts = [`M0 100`];
  series.forEach((v, i) => {
    const y = (100 - (v / max) * 100).toFixed(1);
    parts.push(`V${y}H${i + 1}`);
  });
  parts.push('V100Z');
  return parts.join('');
}

function Icon({ name }: { name: 'play' | 'pause' | 'back' | 'forward' }) {
  const paths = {
    play: 'M5 3l10 6-10 6z',
    pause: 'M4 3h4v12H4zM10 3h4v12h-4z',
    back: 'M3 3h2v12H3zM15 3v12L6 9z',
    forward: 'M13 3h2v12h-2zM3 3v12l9-6z',
  };
  return (
    <svg viewBox="0 0 18 18" width="16" height="16" aria-hidden="true" focusable="false">
      <path d={paths[name]} fill="currentColor" />
    </svg>
  );
}

/**
 * The activity window along the bottom of the map: a histogram of the whole range with the window as a
 * draggable band (a keyboard slider too), its width (day / week / month / custom), and playback that
 * moves it forward one width per tick. It only ever sets the app's one window, so the map, the cell
 * panel and the planner always agree.
 */
/** Reports the space from the element's top to its offset parent's bottom, on every resize. */
function useCoverReport(onCover: ((px: number) => void) | undefined) {
  const ref = useRef<HTMLElement>(null);
  useEffect(() => {
    const el = ref.current;
    if (!el || !onCover) return;
    // Hidden (display: none, as on a narrow screen under a panel), it covers nothing.
    const report = () => {
      const parent = el.offsetParent;
      onCover(parent ? Math.max(0, parent.clientHeight - el.offsetTop) : 0);
    };
    const observer = new ResizeObserver(report);
    observer.observe(el);
    if (el.parentElement) observer.observe(el.parentElement);
    report();
    return () => {
      observer.disconnect();
      onCover(0);
    };
  }, [onCover]);
  return ref;
}

export function TimeBar({ window: w, range, series, totals, onCover }: TimeBarProps) {
  const t = useT();
  const coverRef = useCoverReport(onCover);
  const lang = useAppState((s) => s.lang);
  const measure = useAppState((s) => s.activityMeasure);
  const playing = useAppState((s) => s.windowPlaying);
  const onPlayingChange = useAppState((s) => s.setWindowPlaying);
  const onWindow = useAppState((s) => s.setWindow);
  const [loop, setLoop] = useState(false);
  const [speed, setSpeed] = useState<(typeof SPEEDS)[number]>(1);
  const [editingCustom, setEditingCustom] = useState(false);
  const [dragging, setDragging] = useState(false);
  const trackRef = useRef<HTMLDivElement>(null);
  const bandRef = useRef<HTMLDivElement>(null);
  const drag = useRef<{ grab: number; frame: number; day: number } | null>(null);

  usePlayback({
    playing,
    window: w,
    range,
    loop,
    intervalMs: BASE_INTERVAL_MS / speed,
    onWindow,
    onStop: () => onPlayingChange(false),
  });
  // Leaving the screen (overlay off, another pack) stops playing, so the address bar gets the window.
  useEffect(() => () => onPlayingChange(false), [onPlayingChange]);

  const width = widthOf(w);
  const shownWidth: WindowWidth = editingCustom ? 'custom' : width;
  const slider = sliderModel(w, range);
  const total = range.last - range.first + 1;
  const from = dayNumber(w.from);
  const days = windowDays(w);
  const band = {
    left: `${(Math.max(0, from - range.first) / total) * 100}%`,
    width: `${(Math.max(0, Math.min(from + days, range.last + 1) - Math.max(from, range.first)) / total) * 100}%`,
  };
  const path = useMemo(() => (series ? histogramPath(series) : ''), [series]);
  const ticks = useMemo(
    () =>
      monthStarts(range).map((day, i) => {
        const date = new Date(day * 86_400_000);
        const withYear = i === 0 || date.getUTCMonth() === 0;
        return {
          day,
          left: `${((day - range.first) / total) * 100}%`,
          label: MONTH_FORMAT[lang][withYear ? 'year' : 'month'].format(date),
        };
      }),
    [range, total, lang],
  );
  const label = windowLabel(lang, w);

  const go = (next: DayWindow) => {
    if (next.from !== w.from || next.to !== w.to) onWindow(next);
  };
  const togglePlay = () => {
    if (playing) return onPlayingChange(false);
    // From the end without loop, playing starts again from the beginning.
    if (!loop && atEnd(w, range)) go(windowAt(slider.min, w, range));
    onPlayingChange(true);
  };
  const step = (direction: 1 | -1) => {
    onPlayingChange(false);
    go(stepWindow(w, range, direction, false).window);
  };

  const dayAt = (clientX: number) => {
    const box = trackRef.current?.getBoundingClientRect();
    if (!box || box.width === 0) return range.first;
    return range.first + ((clientX - box.left) / box.width) * total;
  };
  const onPointerDown = (e: PointerEvent<HTMLDivElement>) => {
    if (e.button !== 0) return;
    e.preventDefault();
    onPlayingChange(false);
    bandRef.current?.focus();
    const day = dayAt(e.clientX);
    // Grabbed inside the band: it moves with the pointer. Elsewhere: the band centres on the pointer.
    const grab = day >= from && day < from + days ? day - from : days / 2;
    drag.current = { grab, frame: 0, day };
    e.currentTarget.setPointerCapture(e.pointerId);
    setDragging(true);
    moveTo(day);
  };
  const moveTo = (day: number) => {
    const d = drag.current;
    if (!d) return;
    d.day = day;
    // One window per frame, however fast the pointer moves.
    if (d.frame) return;
    d.frame = requestAnimationFrame(() => {
      const current = drag.current;
      if (!current) return;
      current.frame = 0;
      go(windowFromDay(Math.round(current.day - current.grab), w, range));
    });
  };
  const endDrag = () => {
    if (drag.current?.frame) cancelAnimationFrame(drag.current.frame);
    const d = drag.current;
    drag.current = null;
    setDragging(false);
    if (d) go(windowFromDay(Math.round(d.day - d.grab), w, range));
  };
  /** The slider's keys: arrows one day (a month for month windows), Page keys one width, Home/End. */
  const keyMove = (key: string): DayWindow | null => {
    const at = (position: number) => windowAt(position, w, range);
    switch (key) {
      case 'ArrowLeft':
      case 'ArrowDown':
        return at(slider.value - 1);
      case 'ArrowRight':
      case 'ArrowUp':
        return at(slider.value + 1);
      case 'PageDown':
        return stepWindow(w, range, -1, false).window;
      case 'PageUp':
        return stepWindow(w, range, 1, false).window;
      case 'Home':
        return at(slider.min);
      case 'End':
        return at(slider.max);
      default:
        return null;
    }
  };
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const next = keyMove(e.key);
    if (!next) return;
    e.preventDefault();
    onPlayingChange(false);
    go(next);
  };

  const n = (v: number) => formatNumber(lang, Math.round(v));
  return (
    <section ref={coverRef} className="timebar" aria-label={t('timeBar')} data-testid="time-bar">
      <div className="tb-row">
        <div className="tb-transport">
          <button
            type="button"
            className="tb-icon"
            aria-label={t('stepBack')}
            title={t('stepBack')}
            onClick={() => step(-1)}
            data-testid="step-back"
          >
            <Icon name="back" />
          </button>
          <button
            type="button"
            className="tb-play"
            aria-label={playing ? t('pause') : t('play')}
            title={playing ? t('pause') : t('play')}
            onClick={togglePlay}
            data-testid="play"
            data-playing={playing}
          >
            <Icon name={playing ? 'pause' : 'play'} />
          </button>
          <button
            type="button"
            className="tb-icon"
            aria-label={t('stepForward')}
            title={t('stepForward')}
            onClick={() => step(1)}
            data-testid="step-forward"
          >
            <Icon name="forward" />
          </button>
        </div>
        <p className="tb-window" aria-live={playing ? 'off' : 'polite'}>
          <strong data-testid="window-label" data-from={w.from} data-to={w.to}>
            {label}
          </strong>
          <span className="tb-length">{days === 1 ? t('windowLengthOne') : t('windowLength', { days })}</span>
          <span className="tb-totals" data-testid="window-totals" data-events={totals.events}>
            {t('windowTotals', {
              events: n(totals.events),
              volunteers: n(totals.volunteers),
              hours: n(totals.hours),
            })}
          </span>
        </p>
        <div className="tb-options">
          <fieldset className="tb-segmented">
            <legend className="visually-hidden">{t('windowWidth')}</legend>
            {WINDOW_WIDTHS.map((option) => (
              <button
                key={option}
                type="button"
                aria-pressed={shownWidth === option}
                data-testid={`width-${option}`}
                onClick={() => {
                  onPlayingChange(false);
                  setEditingCustom(option === 'custom');
                  go(withWidth(w, option, range));
                }}
              >
                {t(`width_${option}`)}
              </button>
            ))}
          </fieldset>
          <button
            type="button"
            className="tb-toggle"
            aria-pressed={loop}
            onClick={() => setLoop(!loop)}
            data-testid="loop"
          >
            {t('loop')}
          </button>
          <label className="tb-speed">
            <span className="visually-hidden">{t('speed')}</span>
            <select
              value={speed}
              onChange={(e) => setSpeed(Number(e.target.value) as (typeof SPEEDS)[number])}
              data-testid="speed"
              title={t('speed')}
            >
              {SPEEDS.map((s) => (
                <option key={s} value={s}>
                  {`${s}×`}
                </option>
              ))}
            </select>
          </label>
        </div>
      </div>
      {shownWidth === 'custom' && (
        <div className="tb-custom">
          <input
            type="date"
            aria-label={t('windowFrom')}
            value={w.from}
            min={dayText(range.first)}
            max={w.to}
            onChange={(e) =>
              e.target.value && e.target.value <= w.to && go({ from: e.target.value, to: w.to })
            }
          />
          <span aria-hidden="true">–</span>
          <input
            type="date"
            aria-label={t('windowTo')}
            value={w.to}
            min={w.from}
            max={dayText(range.last)}
            onChange={(e) =>
              e.target.value && e.target.value >= w.from && go({ from: w.from, to: e.target.value })
            }
          />
        </div>
      )}
      <div
        className={`tb-track${dragging ? ' dragging' : ''}`}
        ref={trackRef}
        onPointerDown={onPointerDown}
        onPointerMove={(e) => drag.current && moveTo(dayAt(e.clientX))}
        onPointerUp={endDrag}
        onPointerCancel={endDrag}
        data-testid="time-track"
      >
        <svg
          className="tb-histogram"
          viewBox={`0 0 ${total} 100`}
          preserveAspectRatio="none"
          aria-hidden="true"
        >
          <title>{t('histogramLabel', { measure: measureLabel(lang, measure) })}</title>
          <path d={path} />
        </svg>
        <div
          ref={bandRef}
          className="tb-band"
          style={band}
          role="slider"
          tabIndex={0}
          aria-label={t('windowPosition')}
          aria-valuemin={slider.min}
          aria-valuemax={slider.max}
          aria-valuenow={slider.value}
          aria-valuetext={label}
          onKeyDown={onKeyDown}
          data-testid="window-slider"
        />
      </div>
      <div className="tb-ticks" aria-hidden="true">
        {ticks.map((tick) => (
          <span key={tick.day} className="tb-tick" style={{ left: tick.left }}>
            {tick.label}
          </span>
        ))}
      </div>
    </section>
  );
}
