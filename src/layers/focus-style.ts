import type { ExpressionSpecification, FilterSpecification } from 'maplibre-gl';

/** The focus as the map needs it: resolved against the pack by the caller. */
export type FocusTarget =
  | { kind: 'cell'; id: string; depth: number; parent: string | null; isLeaf: boolean; leafDepth: number }
  | { kind: 'town'; id: string; leafDepth: number }
  | null;

/** Filters of the focus layers; recomputed on every focus change and applied with setFilter. */
export interface FocusFilters {
  /** The cells a click or hover acts on next (the focus's children, or siblings of a leaf). */
  clickable: FilterSpecification;
  /** Leaf cells outside the focus, veiled so the focus stands out. */
  veil: FilterSpecification;
  /** The focused cell itself. */
  focused: FilterSpecification;
  /** The focused street/town (admin source). */
  focusedTown: FilterSpecification;
}

export const FOCUS_LAYER = {
  veil: 'focus-veil',
  hover: 'focus-hover',
  clickableLine: 'focus-clickable-line',
  clickableLabel: 'focus-clickable-label',
  focusedFill: 'focus-focused-fill',
  focusedLine: 'focus-focused-line',
  townLine: 'focus-town-line',
} as const;

const NOTHING: FilterSpecification = ['==', ['get', 'id'], '\u0000'];
const get = (key: string): ExpressionSpecification => ['get', key];
const depthIs = (d: number): ExpressionSpecification => ['==', get('depth'), d];

/**
 * Pure: which cells are clickable, veiled and outlined for a focus. With no focus the top level is
 * clickable; a town makes its top-level cells clickable; a cell makes its children clickable; a leaf
 * keeps its siblings clickable so that the official can step across without going up.
 */
export function focusFilters(target: FocusTarget): FocusFilters {
  if (target === null) {
    return { clickable: depthIs(0), veil: NOTHING, focused: NOTHING, focusedTown: NOTHING };
  }
  if (target.kind === 'town') {
    return {
      clickable: ['all', depthIs(0), ['==', get('town'), target.id]],
      veil: ['all', depthIs(target.leafDepth), ['!=', get('town'), target.id]],
      focused: NOTHING,
      focusedTown: ['==', get('id'), target.id],
    };
  }
  const { id, depth, parent, isLeaf, leafDepth } = target;
  if (!isLeaf) {
    return {
      clickable: ['all', depthIs(depth + 1), ['==', get('parent'), id]],
      veil: ['all', depthIs(leafDepth), ['!=', get(`anc${depth}`), id]],
      focused: ['==', get('id'), id],
      focusedTown: NOTHING,
    };
  }
  const siblings: FilterSpecification =
    parent === null ? depthIs(depth) : ['all', depthIs(depth), ['==', get('parent'), parent]];
  return {
    clickable: siblings,
    veil: parent === null ? NOTHING : ['all', depthIs(leafDepth), ['!=', get(`anc${depth - 1}`), parent]],
    focused: ['==', get('id'), id],
    focusedTown: NOTHING,
  };
}

/** The label layer shows names of clickable cells; labels carry `kind` (level) rather than depth. */
export function clickableLabelFilter(target: FocusTarget, levels: readonly string[]): FilterSpecification {
  if (target === null) return ['==', get('kind'), levels[0] ?? ''];
  if (target.kind === 'town')
    return ['all', ['==', get('kind'), levels[0] ?? ''], ['==', get('town'), target.id]];
  if (!target.isLeaf)
    return ['all', ['==', get('kind'), levels[target.depth + 1] ?? ''], ['==', get('parent'), target.id]];
  return target.parent === null
    ? ['==', get('kind'), levels[target.depth] ?? '']
    : ['all', ['==', get('kind'), levels[target.depth] ?? ''], ['==', get('parent'), target.parent]];
}
