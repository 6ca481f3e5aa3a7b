import { type Lang, pickName } from '../data/localized.ts';
import type { PackIndex } from '../data/pack-index/pack-index.ts';
import type { RegionPack } from '../data/region-pack.ts';
import type { FocusTarget } from '../layers/focus-style.ts';
import type { WallConfig } from '../state/url.ts';

export type Box = [number, number, number, number];

/** One place the tour shows: a grid cell of some level, or a street/town. */
export type TourStop =
  | { kind: 'cell'; id: string; name: string; levelName: string; depth: number; bbox: Box }
  | { kind: 'town'; id: string; name: string; bbox: Box };

export interface TourPlan {
  stops: TourStop[];
  /** Ids (or a level) from the URL that the pack does not have: shown, not silently dropped. */
  unknown: string[];
}

const box = (b: readonly number[] | undefined): Box | null => {
  if (!b || b.length < 4 || !b.every(Number.isFinite)) return null;
  return [b[0] as number, b[1] as number, b[2] as number, b[3] as number];
};

/** Pure: the tour's stops for a pack and the wall's set-up. */
export function tourPlan(
  pack: RegionPack,
  index: PackIndex,
  config: Pick<WallConfig, 'tour' | 'stops'>,
  lang: Lang,
): TourPlan {
  const { grid } = pack;
  const levelName = (level: string) => {
    const def = pack.manifest.levels.find((l) => l.id === level);
    return def ? pickName(def.name, lang) : level;
  };
  const townNames = new Map(pack.admin.map((a) => [a.properties.id, a.properties.name] as const));
  const cellStop = (id: string): TourStop | null => {
    const cell = grid.byId.get(id);
    const bbox = box(grid.bbox.get(id));
    if (!cell || !bbox) return null;
    const level = cell.properties.level;
    return {
      kind: 'cell',
      id,
      name: cell.properties.name,
      levelName: levelName(level),
      depth: grid.depthOf.get(level) ?? 0,
      bbox,
    };
  };
  const townStop = (id: string): TourStop | null => {
    const town = index.towns.get(id);
    const bbox = box(town?.bbox);
    if (!town || !bbox || town.leafIds.length === 0) return null;
    return { kind: 'town', id, name: townNames.get(id) ?? id, bbox };
  };

  if (config.stops) {
    const stops: TourStop[] = [];
    const unknown: string[] = [];
    for (const id of config.stops) {
      const stop = cellStop(id) ?? townStop(id);
      if (stop) stops.push(stop);
      else unknown.push(id);
    }
    if (stops.length > 0) return { stops, unknown };
    // Nothing of the list exists in this pack: tour the default rather than show nothing.
    return {
      stops: tourPlan(pack, index, { tour: { kind: 'level', level: null }, stops: null }, lang).stops,
      unknown,
    };
  }
  const { tour } = config;
  if (tour.kind === 'off') return { stops: [], unknown: [] };
  if (tour.kind === 'towns') {
    const stops = pack.admin.map((a) => townStop(a.properties.id)).filter((s): s is TourStop => s !== null);
    if (stops.length > 0) return { stops, unknown: [] };
    // A pack without streets/towns: its top-level cells instead, and say so.
    return { stops: topLevel(), unknown: ['towns'] };
  }
  const depth = tour.level === null ? 0 : grid.depthOf.get(tour.level);
  if (depth === undefined) return { stops: topLevel(), unknown: [tour.level ?? ''] };
  return { stops: cellsAt(depth), unknown: [] };

  function cellsAt(depth: number): TourStop[] {
    return (grid.byDepth[depth] ?? []).map(cellStop).filter((s): s is TourStop => s !== null);
  }
  function topLevel(): TourStop[] {
    return cellsAt(0);
  }
}

/** What the map highlights for a stop (null: the whole district, e.g. in the mobilisation view). */
export function stopTarget(stop: TourStop | null, leafDepth: number, hasChildren: boolean): FocusTarget {
  if (!stop) return null;
  if (stop.kind === 'town') return { kind: 'town', id: stop.id, leafDepth };
  return { kind: 'cell', id: stop.id, depth: stop.depth, parent: null, isLeaf: !hasChildren, leafDepth };
}

/** The tour's state; `step` counts every move so that a timer re-arms even when the index repeats. */
export interface TourState {
  index: number;
  count: number;
  paused: boolean;
  step: number;
}

export type TourAction =
  | { type: 'advance' }
  | { type: 'next' }
  | { type: 'previous' }
  | { type: 'pause' }
  | { type: 'resume' }
  | { type: 'toggle' }
  | { type: 'reset'; count: number; index: number };

/**
 * Pure: `advance` is the timer's move (ignored while paused); `next`/`previous` are the operator's
 * (they keep a pause, and restart its countdown by changing `step`); `pause`/`resume`/`toggle` from
 * the space key or the on-screen button; `reset` when the stops change (a new pack, another language).
 */
export function tourReducer(state: TourState, action: TourAction): TourState {
  const wrap = (i: number) => (state.count > 0 ? ((i % state.count) + state.count) % state.count : 0);
  switch (action.type) {
    case 'advance':
      return state.paused || state.count === 0
        ? state
        : { ...state, index: wrap(state.index + 1), step: state.step + 1 };
    case 'next':
      return { ...state, index: wrap(state.index + 1), step: state.step + 1 };
    case 'previous':
      return { ...state, index: wrap(state.index - 1), step: state.step + 1 };
    case 'pause':
      return state.paused ? state : { ...state, paused: true, step: state.step + 1 };
    case 'resume':
      return state.paused ? { ...state, paused: false, step: state.step + 1 } : state;
    case 'toggle':
      return { ...state, paused: !state.paused, step: state.step + 1 };
    case 'reset': {
      const index = action.index >= 0 && action.index < action.count ? action.index : 0;
      return { index, count: action.count, paused: state.paused, step: state.step + 1 };
    }
  }
}

/** Where a tour stood (kept in sessionStorage so a reload, scheduled or not, goes on from there). */
export const tourStorageKey = (regionId: string): string => `gridatlas:wall-tour:${regionId}`;

/** The index of a remembered stop id in the plan, or 0. */
export function restoredIndex(stops: readonly TourStop[], saved: string | null): number {
  if (saved === null) return 0;
  const i = stops.findIndex((s) => `${s.kind}:${s.id}` === saved);
  return Math.max(i, 0);
}

export const stopKey = (stop: TourStop): string => `${stop.kind}:${stop.id}`;
