import type { LayerSpecification } from 'maplibre-gl';
import type { Lang } from '../data/localized.ts';
import { clickableLabelFilter, FOCUS_LAYER, type FocusTarget, focusFilters } from './focus-style.ts';
import type { MapData } from './map-data.ts';
import { FOCUS_THEME } from './theme.ts';

/**
 * The drill-down layers: a veil over everything outside the focus, hover and outline of the cells a
 * click acts on next, their names whatever the zoom, and the focused cell or town outlined. Hover is
 * feature-state (no data re-upload); the filters change with setFilter when the focus moves.
 */
export function focusLayers(
  data: MapData,
  lang: Lang,
  target: FocusTarget,
  sources: { grid: string; labels: string; admin: string },
): LayerSpecification[] {
  const f = focusFilters(target);
  const levels = data.zooms.map((z) => z.level);
  return [
    {
      id: FOCUS_LAYER.veil,
      type: 'fill',
      source: sources.grid,
      filter: f.veil,
      paint: { 'fill-color': FOCUS_THEME.veil, 'fill-opacity': 0.6 },
    },
    {
      id: FOCUS_LAYER.hover,
      type: 'fill',
      source: sources.grid,
      filter: f.clickable,
      // Opacity 0 keeps the layer queryable for clicks and hover while drawing nothing.
      paint: {
        'fill-color': FOCUS_THEME.accent,
        'fill-opacity': ['case', ['boolean', ['feature-state', 'hover'], false], 0.28, 0],
      },
    },
    {
      id: FOCUS_LAYER.focusedFill,
      type: 'fill',
      source: sources.grid,
      filter: f.focused,
      paint: {
        'fill-color': FOCUS_THEME.accent,
        'fill-opacity': target?.kind === 'cell' && target.isLeaf ? 0.22 : 0,
      },
    },
    {
      id: FOCUS_LAYER.clickableLine,
      type: 'line',
      source: sources.grid,
      filter: f.clickable,
      paint: { 'line-color': FOCUS_THEME.clickableLine, 'line-width': 1.6 },
    },
    {
      id: FOCUS_LAYER.focusedLine,
      type: 'line',
      source: sources.grid,
      filter: f.focused,
      layout: { 'line-join': 'round' },
      paint: { 'line-color': FOCUS_THEME.accent, 'line-width': 4 },
    },
    {
      id: FOCUS_LAYER.townLine,
      type: 'line',
      source: sources.admin,
      filter: f.focusedTown,
      layout: { 'line-join': 'round' },
      paint: { 'line-color': FOCUS_THEME.accent, 'line-width': 4 },
    },
    {
      id: FOCUS_LAYER.clickableLabel,
      type: 'symbol',
      source: sources.labels,
      filter: target === null ? ['==', ['get', 'id'], '\u0000'] : clickableLabelFilter(target, levels),
      layout: {
        'text-field': lang === 'en' ? ['coalesce', ['get', 'nameEn'], ['get', 'name']] : ['get', 'name'],
        'text-font': ['Noto Sans CJK SC Regular', 'sans-serif'],
        'text-size': 13,
        'text-max-width': 7,
        'text-padding': 2,
      },
      paint: { 'text-color': FOCUS_THEME.label, 'text-halo-color': '#ffffff', 'text-halo-width': 1.6 },
    },
  ];
}
