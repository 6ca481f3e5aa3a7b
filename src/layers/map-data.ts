import type { FeatureCollection, MultiPolygon, Point, Polygon, Position } from 'geojson';
import type { GridIndex } from '../data/grid-index.ts';
import { EMPTY_PROGRAMME, type PackCore, type RegionPack } from '../data/region-pack.ts';
import { type ActivityMapData, activityMapData } from './activity-layers.ts';
import {
  type CellMapProps,
  gridSourceData,
  type LabelProps,
  type LevelZoom,
  labelPoints,
  levelZooms,
  zoomsForSizes,
} from './grid-derived.ts';
import { deriveOverlayData, type OverlayData } from './overlay-data.ts';
import { type MapTiles, mapTilesOf } from './tiled-style.ts';

/** Everything the map draws for one pack, derived once per pack by pure functions. */
export interface MapData {
  regionId: string;
  boundary: FeatureCollection;
  admin: FeatureCollection;
  grid: FeatureCollection<Polygon | MultiPolygon, CellMapProps>;
  labels: FeatureCollection<Point, LabelProps>;
  zooms: LevelZoom[];
  bbox: [number, number, number, number];
  /** Partners, projects and services as the overlays draw them (empty until the pack's details arrive). */
  overlays: OverlayData;
  /** Volunteer events as slim points with their day number (the time filter compares it). */
  activity: ActivityMapData;
  /**
   * Set when the grid is drawn from vector tiles (a tiled pack read from its attribute index): `grid` is
   * then empty and `labels` holds only the admin units' names; the tiles hold the cells and their labels.
   */
  gridTiles?: MapTiles;
  /**
   * On tiles: a point per cell for markers (live alerts), as `labels` has none: the attribute index's
   * point inside the cell, or the middle of the cell's bounding box when the index has no such column.
   */
  cellPoints?: ReadonlyMap<string, Position>;
}

/**
 * `packBaseUrl`: the URL of the pack's folder (ending in "/"), against which a tiled pack's tile URL is
 * resolved.
 */
export function deriveMapData(pack: PackCore | RegionPack, packBaseUrl = ''): MapData {
  const [w, s, e, n] = pack.bbox;
  const tiles = pack.grid.geometryless && pack.manifest.gridTiles;
  // On tiles only the admin units' names stay GeoJSON (their layer is not in the tiles).
  const labels = labelPoints(tiles ? { ...pack, grid: { ...pack.grid, cells: [] } } : pack);
  const full: RegionPack =
    'partners' in pack
      ? pack
      : { ...pack, partners: [], projects: [], services: [], activity: [], programme: EMPTY_PROGRAMME };
  return {
    regionId: pack.manifest.id,
    boundary: { type: 'FeatureCollection', features: pack.boundary },
    admin: { type: 'FeatureCollection', features: pack.admin },
    grid: tiles ? { type: 'FeatureCollection', features: [] } : gridSourceData(pack),
    labels,
    zooms: zoomsOf(pack),
    bbox: [w, s, e as number, n as number],
    overlays: deriveOverlayData(full, labels),
    activity: activityMapData(full),
    ...(tiles ? { gridTiles: mapTilesOf(tiles, packBaseUrl), cellPoints: cellPointsOf(pack.grid) } : {}),
  };
}

/**
 * The map data of a pack whose details (partners, projects, services, activity) arrived after its core
 * was drawn: the core's objects are kept, so the map's style diff only sends the overlays' new data.
 */
export function withDetailsMapData(core: MapData, pack: RegionPack): MapData {
  return {
    ...core,
    overlays: deriveOverlayData(pack, core.labels),
    activity: activityMapData(pack),
    // A tiled pack whose index came with the details: its cells' points only now.
    ...(core.gridTiles ? { cellPoints: cellPointsOf(pack.grid) } : {}),
  };
}

/**
 * When each level appears: from the cells, or for a tiled pack whose attribute index is still loading
 * from the level sizes its manifest gives (the same medians: npm run tiles writes them).
 */
function zoomsOf(pack: PackCore | RegionPack) {
  const sizes = pack.manifest.gridTiles?.cellSizes;
  const { levels } = pack.grid;
  return pack.grid.cells.length === 0 && sizes
    ? zoomsForSizes(
        levels,
        levels.map((id) => sizes[id] ?? 0.01),
      )
    : levelZooms(pack.grid);
}

function cellPointsOf(grid: GridIndex): ReadonlyMap<string, Position> {
  if (grid.labelAt) return grid.labelAt;
  const out = new Map<string, Position>();
  for (const [id, [w, s, e, n]] of grid.bbox) out.set(id, [(w + (e as number)) / 2, (s + (n as number)) / 2]);
  return out;
}
