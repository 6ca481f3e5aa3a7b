import type { LayerSpecification, SourceSpecification, StyleSpecification } from 'maplibre-gl';
import type { GridTiles } from '../data/manifest-schema.ts';

/** A pack's grid as vector tiles, as the map needs it (absolute URLs; see mapTilesOf). */
export interface MapTiles {
  /** A `{z}/{x}/{y}` template, or `pmtiles://<archive URL>`. */
  url: string;
  pmtiles: boolean;
  /** The layer inside the tiles holding the cells of every level, and the one holding label points. */
  cellsLayer: string;
  labelsLayer: string;
  minzoom: number;
  maxzoom: number;
}

/**
 * Resolves the manifest's `gridTiles.tiles` against the pack folder's URL. Concatenated rather than
 * `new URL()`d: a URL parser would percent-encode the braces of `{z}/{x}/{y}`. MapLibre requests tiles
 * from its worker, where a relative URL would resolve against the worker script, so they must be absolute
 * in the page (the benchmark's bare page resolves its relative ones itself).
 */
export function mapTilesOf(tiles: GridTiles, packBaseUrl: string): MapTiles {
  const absolute = /^https?:\/\//i.test(tiles.tiles) ? tiles.tiles : `${packBaseUrl}${tiles.tiles}`;
  const pmtiles = /\.pmtiles$/i.test(tiles.tiles);
  return {
    url: pmtiles ? `pmtiles://${absolute}` : absolute,
    pmtiles,
    cellsLayer: tiles.layers.cells,
    labelsLayer: tiles.layers.labels,
    minzoom: tiles.minzoom,
    maxzoom: tiles.maxzoom,
  };
}

/**
 * The same style on vector tiles: the grid source becomes a vector source (the tiles carry the same
 * derived properties as the GeoJSON source: scripts/tiles.ts), every layer on it reads the cells layer,
 * and every label layer except `keepOnLabels` (the admin units' names, still GeoJSON) reads the tiles'
 * label points. `promoteId` makes the cells' `id` the feature id, so hover, selection and shading by
 * feature-state work as on GeoJSON (with `sourceLayer` in setFeatureState: gridFeature()).
 */
export function onVectorTiles(
  style: StyleSpecification,
  tiles: MapTiles,
  sources: { grid: string; labels: string },
  keepOnLabels: readonly string[],
): StyleSpecification {
  const grid: SourceSpecification = {
    type: 'vector',
    ...(tiles.pmtiles ? { url: tiles.url } : { tiles: [tiles.url] }),
    minzoom: tiles.minzoom,
    maxzoom: tiles.maxzoom,
    promoteId: { [tiles.cellsLayer]: 'id' },
  };
  const layers = style.layers.map((layer): LayerSpecification => {
    if (!('source' in layer)) return layer;
    if (layer.source === sources.grid)
      return { ...layer, 'source-layer': tiles.cellsLayer } as LayerSpecification;
    if (layer.source === sources.labels && !keepOnLabels.includes(layer.id))
      return { ...layer, source: sources.grid, 'source-layer': tiles.labelsLayer } as LayerSpecification;
    return layer;
  });
  return { ...style, sources: { ...style.sources, [sources.grid]: grid }, layers };
}

/** The target of setFeatureState for a cell: the tiles' cells layer must be named on a vector source. */
export function gridFeature(
  source: string,
  id: string,
  tiles: MapTiles | undefined,
): { source: string; id: string; sourceLayer?: string } {
  return tiles ? { source, id, sourceLayer: tiles.cellsLayer } : { source, id };
}
