import { PROJECT_STATUSES, type ProjectStatus } from '../data/feature-schemas.ts';
import type { Lang } from '../data/localized.ts';
import { NO_COMMITTEE, type OverlaySelection } from '../layers/overlay-style.ts';
import { PROGRAMME_KEYS, type ProgrammeView, parseProgramme, writeProgramme } from './programme-url.ts';

/** What is in focus: one grid cell, or one street/town (an admin unit, not part of the grid tree). */
export type Focus = { kind: 'cell'; id: string } | { kind: 'town'; id: string };

export interface MapView {
  lon: number;
  lat: number;
  zoom: number;
}

/** A closed range of calendar days, ISO `YYYY-MM-DD`. */
export interface DayWindow {
  from: string;
  to: string;
}

/**
 * Which dashboard is shown: drilling down the grid ('explore', the default), the planner's coverage
 * analysis ('coverage', `?mode=coverage`) or the command-centre wall screen ('wall', `?mode=wall`,
 * configured by the parameters of parseWallConfig).
 */
export type AppMode = 'explore' | 'coverage' | 'wall';

/** What the address bar holds. Pure parse/serialise so that bad input is tested without a browser. */
export interface UrlState {
  region: string | null;
  lang: Lang;
  focus: Focus | null;
  view: MapView | null;
  /** Layer ids switched on; null means the defaults. */
  layers: string[] | null;
  window: DayWindow | null;
  mode: AppMode;
  /** Service kind the coverage analysis measures reach for; null = any service point. */
  service: string | null;
  /** The programme panel (committees, indicators, meetings); absent or null when closed. */
  programme?: ProgrammeView | null;
  /** Overlay filters (`committee`, `status`, `domain`: comma lists; absent = all) and `select`. */
  committees: string[] | null;
  statuses: ProjectStatus[] | null;
  domains: string[] | null;
  selected: OverlaySelection | null;
}

export const EMPTY_URL_STATE: UrlState = {
  region: null,
  lang: 'zh',
  focus: null,
  view: null,
  layers: null,
  window: null,
  mode: 'explore',
  service: null,
  committees: null,
  statuses: null,
  domains: null,
  selected: null,
};

const REGION_ID = /^[a-z0-9-]{1,64}$/;
/** Feature ids are free text in the pack format; refuse only what no sane id contains. */
const FEATURE_ID_CHARS = /^[^<>"'`]{1,128}$/;
const isFeatureId = (text: string) =>
  FEATURE_ID_CHARS.test(text) && ![...text].some((c) => c.charCodeAt(0) < 0x20);
const LAYER_ID = /^[a-z0-9_-]{1,32}$/;
const DAY = /^\d{4}-\d{2}-\d{2}$/;

function parseView(text: string | null): MapView | null {
  if (!text) return null;
  const parts = text.split(',');
  if (parts.length !== 3) return null;
  const [lon, lat, zoom] = parts.map(Number) as [number, number, number];
  const ok =
    Number.isFinite(lon) &&
    Number.isFinite(lat) &&
    Number.isFinite(zoom) &&
    Math.abs(lon) <= 180 &&
    Math.abs(lat) <= 85 &&
    zoom >= 0 &&
    zoom <= 24;
  return ok ? { lon, lat, zoom } : null;
}

function isRealDay(text: string): boolean {
  if (!DAY.test(text)) return false;
  const d = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === text;
}

function parseWindow(from: string | null, to: string | null): DayWindow | null {
  if (!from || !to || !isRealDay(from) || !isRealDay(to) || from > to) return null;
  return { from, to };
}

/** Service kinds are free text in packs, like feature ids; the same characters are refused. */
function parseService(text: string | null): string | null {
  return text !== null && text.length <= 64 && isFeatureId(text) ? text : null;
}

/** Committee and domain ids follow the manifest's id rule ([A-Za-z0-9_-]); NO_COMMITTEE is "~". */
const MANIFEST_ID = /^[A-Za-z0-9_-]{1,64}$/;

/** A comma list of ids: absent = null (all); unknown or malformed items are dropped, repeats too. */
function parseList<T extends string>(text: string | null, valid: (item: string) => item is T): T[] | null {
  if (text === null) return null;
  return [...new Set(text.split(',').filter(valid))];
}

const isCommittee = (item: string): item is string => item === NO_COMMITTEE || MANIFEST_ID.test(item);
const isDomain = (item: string): item is string => MANIFEST_ID.test(item);
const isStatus = (item: string): item is ProjectStatus =>
  (PROJECT_STATUSES as readonly string[]).includes(item);

/** `select=partner:U001` or `select=project:P03`. */
function parseSelection(text: string | null): OverlaySelection | null {
  const match = text?.match(/^(partner|project):(.+)$/);
  if (!match?.[1] || !match[2] || !isFeatureId(match[2])) return null;
  return { kind: match[1] as OverlaySelection['kind'], id: match[2] };
}

function parseFocus(params: URLSearchParams): Focus | null {
  const cell = params.get('cell');
  if (cell !== null && isFeatureId(cell)) return { kind: 'cell', id: cell };
  const town = params.get('town');
  if (town !== null && isFeatureId(town)) return { kind: 'town', id: town };
  return null;
}

function parseMode(text: string | null): AppMode {
  return text === 'coverage' || text === 'wall' ? text : 'explore';
}

export function parseUrlState(search: string): UrlState {
  const params = new URLSearchParams(search);
  const region = params.get('region');
  const layers = params.get('layers');
  const programme = parseProgramme(params);
  return {
    // A value that could never be valid is dropped here rather than passed on (or requested).
    region: region !== null && REGION_ID.test(region) ? region : null,
    lang: params.get('lang') === 'en' ? 'en' : 'zh',
    focus: parseFocus(params),
    view: parseView(params.get('v')),
    layers: layers === null ? null : layers.split(',').filter((l) => LAYER_ID.test(l)),
    window: parseWindow(params.get('from'), params.get('to')),
    mode: parseMode(params.get('mode')),
    service: parseService(params.get('service')),
    ...(programme ? { programme } : {}),
    committees: parseList(params.get('partners'), isCommittee),
    statuses: parseList(params.get('status'), isStatus),
    domains: parseList(params.get('domain'), isDomain),
    selected: parseSelection(params.get('select')),
  };
}

const round = (n: number, digits: number) => Number(n.toFixed(digits));
const OWN_KEYS = [
  'region',
  'cell',
  'town',
  'v',
  'layers',
  'from',
  'to',
  'service',
  'partners',
  'status',
  'domain',
  'select',
  'lang',
];
/**
 * The `mode` values a dashboard write removes. `mode=wall` is read (it opens the wall screen) but never
 * removed: a wall screen's link stays a wall link whatever the dashboard state says.
 */
const OWN_MODES = new Set(['coverage']);

/** Writes the state into `search`, keeping parameters this module does not own, in a stable order. */
export function serialiseUrlState(state: UrlState, search = ''): string {
  const params = new URLSearchParams(search);
  for (const key of [...OWN_KEYS, ...PROGRAMME_KEYS]) params.delete(key);
  if (OWN_MODES.has(params.get('mode') ?? '')) params.delete('mode');
  if (state.mode !== 'explore') params.set('mode', state.mode);
  if (state.region) params.set('region', state.region);
  if (state.focus) params.set(state.focus.kind, state.focus.id);
  if (state.view) {
    // ~1 m and 1/100 zoom: enough to reproduce the view, short enough to read.
    params.set('v', `${round(state.view.lon, 5)},${round(state.view.lat, 5)},${round(state.view.zoom, 2)}`);
  }
  if (state.layers) params.set('layers', state.layers.join(','));
  if (state.window) {
    params.set('from', state.window.from);
    params.set('to', state.window.to);
  }
  if (state.service) params.set('service', state.service);
  writeProgramme(params, state.programme);
  if (state.committees) params.set('partners', state.committees.join(','));
  if (state.statuses) params.set('status', state.statuses.join(','));
  if (state.domains) params.set('domain', state.domains.join(','));
  if (state.selected) params.set('select', `${state.selected.kind}:${state.selected.id}`);
  if (state.lang !== 'zh') params.set('lang', state.lang);
  // Commas and colons are safe in a query; left unescaped, lists and `select=partner:U001` stay readable.
  const text = params.toString().replace(/%2C/g, ',').replace(/%3A/g, ':');
  return text ? `?${text}` : '';
}

/** What a wall screen's tour visits: the cells of one level (null: the top level), the towns, or nothing. */
export type WallTour = { kind: 'level'; level: string | null } | { kind: 'towns' } | { kind: 'off' };

/**
 * The wall screen's set-up, from the link an operator gives the screen (`?mode=wall&…`). Every value is
 * checked here; a bad one falls back to its default, so a typo never blanks a screen.
 */
export interface WallConfig {
  /** Seconds each tour stop stays on screen (`interval`, 0.5 … 3600; default 20). */
  intervalS: number;
  /** `tour=towns`, `tour=off` or `tour=<level id>`; default the top level's cells. */
  tour: WallTour;
  /** `stops=id,id,…`: cells or towns to visit, in this order (wins over `tour`); null = all of the tour. */
  stops: string[] | null;
  /** Seconds after a pause before the tour goes on by itself (`resume`, 5 … 86400; default 60). */
  resumeS: number;
  /** `reload=HH:MM[:SS]`: a daily soft reload at this time (Shanghai), keeping the tour position. */
  reload: string | null;
}

export const DEFAULT_WALL_CONFIG: WallConfig = {
  intervalS: 20,
  tour: { kind: 'level', level: null },
  stops: null,
  resumeS: 60,
  reload: null,
};

const MAX_STOPS = 500;
/** Level ids as region.json allows them (manifest-schema.ts). */
const LEVEL_ID = /^[A-Za-z0-9_-]{1,64}$/;
const CLOCK_TIME = /^([01]\d|2[0-3]):([0-5]\d)(?::([0-5]\d))?$/;

/** A plain decimal number within [min, max], else null ("1e3", "0x10", "Infinity" and "" are refused). */
function boundedNumber(text: string | null, min: number, max: number): number | null {
  if (text === null || !/^\d{1,6}(\.\d{1,3})?$/.test(text)) return null;
  const n = Number(text);
  return n >= min && n <= max ? n : null;
}

function parseWallTour(text: string | null): WallTour {
  if (text === 'towns' || text === 'off') return { kind: text };
  if (text !== null && LEVEL_ID.test(text)) return { kind: 'level', level: text };
  return DEFAULT_WALL_CONFIG.tour;
}

function parseStops(text: string | null): string[] | null {
  if (text === null) return null;
  const ids = [...new Set(text.split(',').filter(isFeatureId))].slice(0, MAX_STOPS);
  return ids.length > 0 ? ids : null;
}

/** Pure: the wall screen's parameters; bad values become defaults (tested in test/unit/url.test.ts). */
export function parseWallConfig(search: string): WallConfig {
  const params = new URLSearchParams(search);
  const reload = params.get('reload');
  return {
    intervalS: boundedNumber(params.get('interval'), 0.5, 3600) ?? DEFAULT_WALL_CONFIG.intervalS,
    tour: parseWallTour(params.get('tour')),
    stops: parseStops(params.get('stops')),
    resumeS: boundedNumber(params.get('resume'), 5, 86_400) ?? DEFAULT_WALL_CONFIG.resumeS,
    reload: reload !== null && CLOCK_TIME.test(reload) ? reload : null,
  };
}
