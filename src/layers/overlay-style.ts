import type { ExpressionSpecification, LayerSpecification } from 'maplibre-gl';
import { PROJECT_STATUSES, type ProjectStatus } from '../data/feature-schemas.ts';
import { DEFAULT_OVERLAYS, OVERLAY_IDS, type OverlayId } from './overlays.ts';

/**
 * What the overlays show, as one plain value: which overlays are on, the filters, how projects are
 * coloured and what is selected. `buildMapStyle` reads it (so a rebuilt style keeps it) and the map
 * controller applies changes to it with setLayoutProperty / setFilter / a small setData.
 */

/** The category of partners without a committee (never a committee id: ids match [A-Za-z0-9_-]+). */
export const NO_COMMITTEE = '~';

export interface OverlayFilters {
  /** Committee ids whose partners are shown (NO_COMMITTEE for those without one); null = all. */
  committees: readonly string[] | null;
  /** Project statuses shown; null = all. */
  statuses: readonly ProjectStatus[] | null;
  /** Project domain ids shown; null = all. */
  domains: readonly string[] | null;
}

export const NO_FILTERS: OverlayFilters = { committees: null, statuses: null, domains: null };

export type ProjectColourBy = 'status' | 'domain';

/** The pack's names for its committees, domains and service kinds, in the interface language. */
export interface OverlayNames {
  committee: (id: string) => string;
  domain: (id: string) => string;
  serviceKind: (kind: string) => string;
}

export type OverlaySelection = { kind: 'partner'; id: string } | { kind: 'project'; id: string };

export interface OverlayStyle {
  active: ReadonlySet<OverlayId>;
  filters: OverlayFilters;
  projectColour: ProjectColourBy;
  selection: OverlaySelection | null;
}

export const DEFAULT_OVERLAY_STYLE: OverlayStyle = {
  active: new Set(DEFAULT_OVERLAYS),
  filters: NO_FILTERS,
  projectColour: 'status',
  selection: null,
};

const allows = (list: readonly string[] | null, value: string) => list === null || list.includes(value);

export const partnerShown = (committee: string | undefined, f: OverlayFilters): boolean =>
  allows(f.committees, committee ?? NO_COMMITTEE);

export const projectShown = (p: { status: string; domain: string }, f: OverlayFilters): boolean =>
  allows(f.statuses, p.status) && allows(f.domains, p.domain);

/** The same test as `projectShown`, as a MapLibre expression on a project feature. */
export function projectFilterExpression(f: OverlayFilters): ExpressionSpecification {
  const parts: ExpressionSpecification[] = [];
  if (f.statuses !== null) parts.push(['in', ['get', 'status'], ['literal', [...f.statuses]]]);
  if (f.domains !== null) parts.push(['in', ['get', 'domain'], ['literal', [...f.domains]]]);
  return parts.length === 0 ? ['literal', true] : ['all', ...parts];
}

/**
 * A filter value after one category was switched on or off: null again once every category is on,
 * so a pack with new categories shows them too.
 */
export function toggleInFilter<T extends string>(
  current: readonly T[] | null,
  all: readonly T[],
  key: T,
): T[] | null {
  const on = new Set(current ?? all);
  if (on.has(key)) on.delete(key);
  else on.add(key);
  return all.every((k) => on.has(k)) ? null : all.filter((k) => on.has(k));
}

export const ALL_STATUSES: readonly ProjectStatus[] = PROJECT_STATUSES;

/**
 * Layers are tagged with the overlay they belong to (layer `metadata`), so switching an overlay on or
 * off is one setLayoutProperty per tagged layer — also for overlays built elsewhere (activity): tag
 * them with `overlayMetadata('activity')` and the layer control switches them.
 */
export const OVERLAY_META_KEY = 'gridatlas:overlay';

export const overlayMetadata = (overlay: OverlayId): Record<string, string> => ({
  [OVERLAY_META_KEY]: overlay,
});

export function overlayOf(metadata: unknown): OverlayId | null {
  if (typeof metadata !== 'object' || metadata === null) return null;
  const value = (metadata as Record<string, unknown>)[OVERLAY_META_KEY];
  return typeof value === 'string' && (OVERLAY_IDS as readonly string[]).includes(value)
    ? (value as OverlayId)
    : null;
}

/** Sets each tagged layer's visibility from the active overlays; untagged layers are left alone. */
export function withOverlayVisibility(
  layers: LayerSpecification[],
  active: ReadonlySet<OverlayId>,
): LayerSpecification[] {
  return layers.map((layer) => {
    const overlay = overlayOf(layer.metadata);
    if (overlay === null || layer.type === 'background') return layer;
    const visibility = active.has(overlay) ? 'visible' : 'none';
    return { ...layer, layout: { ...layer.layout, visibility } } as LayerSpecification;
  });
}
