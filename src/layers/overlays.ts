/**
 * The overlays a user can switch on and off (layer control, `?layers=` in the URL), and the legend
 * shape every overlay produces. Each overlay's legend is generated from the same style definitions
 * that build its map layers (one source of truth), with counts that follow the current filters.
 */
import type { SymbolShape } from './symbols.ts';

export const OVERLAY_IDS = ['partners', 'projects', 'activity', 'services', 'alerts'] as const;
export type OverlayId = (typeof OVERLAY_IDS)[number];

/** What is on when the URL does not say (`layers` null in the store). */
export const DEFAULT_OVERLAYS: readonly OverlayId[] = ['partners', 'projects', 'alerts'];

export const isOverlayId = (value: string): value is OverlayId =>
  (OVERLAY_IDS as readonly string[]).includes(value);

/** The overlays switched on, from the store's `layers` (null = defaults; unknown ids are ignored). */
export function activeOverlays(layers: readonly string[] | null): ReadonlySet<OverlayId> {
  return new Set(layers === null ? DEFAULT_OVERLAYS : layers.filter(isOverlayId));
}

/** How a legend row is drawn: the same colour (and shape) as the map draws the features. */
export type LegendSwatch =
  | { shape: 'circle' | 'square' | 'line' | 'area'; colour: string; outline?: string }
  | { shape: 'ramp'; colours: readonly string[] }
  /** A map symbol drawn in code (symbols.ts): shape, fill, glyph; `accent` = its colour in clusters. */
  | { shape: 'symbol'; symbol: SymbolShape; colour: string; glyph: string; accent?: string };

export interface LegendEntry {
  /** Stable key: the category value (a status, a kind, a committee id) or a ramp stop. */
  key: string;
  /** Already in the interface language. */
  label: string;
  swatch: LegendSwatch;
  /** Features of this category shown under the current filters (omitted where a count means nothing). */
  count?: number;
  /** True when a filter hides this category (the row stays, so it can be switched back on). */
  filtered?: boolean;
}

export interface OverlayLegend {
  overlay: OverlayId;
  /** Tells apart several legends of one overlay (e.g. partners: 'committee' and 'kind'). */
  id?: string;
  /** The filter its rows switch on and off when clicked (e.g. 'committee', 'status'); none = display only. */
  toggles?: string;
  /** Already in the interface language. */
  title: string;
  entries: LegendEntry[];
}
