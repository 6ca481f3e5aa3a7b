import { ancestry } from '../data/grid-index.ts';
import type { Lang } from '../data/localized.ts';
import type { RegionPack } from '../data/region-pack.ts';
import type { ActivityFeature, LiveStatus } from '../data/status-merge.ts';
import type { AlertSeverity } from '../data/status-schema.ts';
import { formatDateTime, translate } from '../i18n/strings.ts';
import { eventKindLabel, wallText } from '../i18n/wall-strings.ts';

export interface TickerItem {
  /** Stable React key. */
  key: string;
  time: number;
  kind: 'event' | 'alert' | 'closed';
  severity: AlertSeverity | null;
  /** Plain text: rendered as React text, never as HTML. */
  text: string;
}

export interface TickerOptions {
  /** Events shown at most; alerts at most as many again. */
  max?: number;
  /** Pack events to show when there is no feed (the pack's latest, newest first). */
  packLatest?: readonly ActivityFeature[];
}

const clock = new Map<Lang, Intl.DateTimeFormat>();
/** HH:MM in Shanghai, for a live ticker whose items are all from today. */
function hhmm(lang: Lang, t: number): string {
  let f = clock.get(lang);
  if (!f) {
    f = new Intl.DateTimeFormat(lang === 'zh' ? 'zh-CN' : 'en-GB', {
      timeZone: 'Asia/Shanghai',
      hour: '2-digit',
      minute: '2-digit',
      hour12: false,
    });
    clock.set(lang, f);
  }
  return f.format(t);
}

/** "Town · cell" of a cell id (the cell id alone when the pack does not know it). */
function placeOf(pack: RegionPack, cellId: string | undefined, lang: Lang): string {
  if (cellId === undefined) return '—';
  const chain = ancestry(pack.grid, cellId);
  const cell = chain[chain.length - 1];
  if (!cell) return cellId;
  const townId = [...chain].reverse().find((c) => c.properties.town)?.properties.town;
  const town = townId ? pack.admin.find((a) => a.properties.id === townId)?.properties.name : undefined;
  const name =
    lang === 'en' && typeof cell.properties.nameEn === 'string'
      ? cell.properties.nameEn
      : cell.properties.name;
  return town ? `${town} ${name}` : name;
}

/**
 * Pure: the ticker's lines, newest first: the feed's volunteer events and its alerts (open, and closed
 * ones as "closed"), or without a feed the pack's latest events with their dates (they are history).
 */
export function tickerItems(
  pack: RegionPack,
  live: LiveStatus,
  lang: Lang,
  options: TickerOptions = {},
): TickerItem[] {
  const max = options.max ?? 12;
  const hasFeed = live.generatedAt !== null;
  const when = (t: number) => (hasFeed ? hhmm(lang, t) : formatDateTime(lang, t));
  const events = hasFeed ? live.liveActivity : (options.packLatest ?? []);
  const eventItems: TickerItem[] = [...events]
    .map((e) => ({ e, t: Date.parse(e.properties.time) }))
    .sort((a, b) => b.t - a.t || a.e.properties.id.localeCompare(b.e.properties.id))
    .slice(0, max)
    .map(({ e, t }) => ({
      key: `e:${e.properties.id}`,
      time: t,
      kind: 'event',
      severity: null,
      text: wallText(lang, 'eventLine', {
        time: when(t),
        kind: eventKindLabel(lang, e.properties.kind),
        volunteers: e.properties.volunteers,
        place: placeOf(pack, e.properties.cell, lang),
      }),
    }));
  const alertItems: TickerItem[] = live.alerts
    .map((a) => {
      const closed = a.closedAt !== undefined;
      const t = Date.parse(closed ? (a.closedAt as string) : a.openedAt);
      const kind = translate(lang, `alert_${a.kind}`);
      const place = placeOf(pack, a.cell, lang);
      const item: TickerItem = {
        key: `a:${a.id}:${closed ? 'c' : 'o'}`,
        time: t,
        kind: closed ? 'closed' : 'alert',
        severity: a.severity,
        text: closed
          ? wallText(lang, 'closedLine', { time: when(t), kind, place })
          : wallText(lang, 'alertLine', {
              time: when(t),
              severity: wallText(lang, `sev_${a.severity}`),
              kind,
              text: a.text ?? kind,
              place,
            }),
      };
      return item;
    })
    .sort((a, b) => b.time - a.time || a.key.localeCompare(b.key))
    .slice(0, max);
  return [...eventItems, ...alertItems].sort((a, b) => b.time - a.time || a.key.localeCompare(b.key));
}

/** The pack's latest `n` events, newest first (once per pack: a year of events is sorted once). */
export function latestPackEvents(pack: RegionPack, n = 12): ActivityFeature[] {
  return pack.activity
    .map((e) => ({ e, t: Date.parse(e.properties.time) }))
    .sort((a, b) => b.t - a.t)
    .slice(0, n)
    .map(({ e }) => e);
}
