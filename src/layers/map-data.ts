import type { FeatureCollection, MultiPolygon, Point, Polygon } from 'geojson';
<<<<<<< HEAD
import type { RegionPack } from '../data/region-pack.ts';
import { type ActivityMapData, activityMapData } from './activity-layers.ts';
=======
import type { PackCore } from '../data/region-pack.ts';
>>>>>>> scale
import {
  type CellMapProps,
  gridSourceData,
  type LabelProps,
  type LevelZoom,
  labelPoints,
  levelZooms,
} from './grid-derived.ts';
<<<<<<< HEAD
import { deriveOverlayData, type OverlayData } from './overlay-data.ts';
=======
import { type MapTiles, mapTilesOf } from './tiled-style.ts';
>>>>>>> scale

/** Everything the map draws for one pack, derived once per pack by pure functions. */
export interface MapData {
  regionId: string;
  boundary: FeatureCollection;
  admin: FeatureCollection;
  grid: FeatureCollection<Polygon | MultiPolygon, CellMapProps>;
  labels: FeatureCollection<Point, LabelProps>;
  zooms: LevelZoom[];
  bbox: [number, number, number, number];
<<<<<<< HEAD
  /** Partners, projects and services as the overlays draw them. */
  overlays: OverlayData;
  /** Volunteer events as slim points with their day number (the time filter compares it). */
  activity: ActivityMapData;
=======
  /**
   * Set when the grid is drawn from vector tiles (a tiled pack read from its attribute index): `grid` is
   * then empty and `labels` holds only the admin units' names; the tiles hold the cells and their labels.
   */
  gridTiles?: MapTiles;
>>>>>>> scale
}

/**
 * `packBaseUrl`: the URL of the pack's folder (ending in "/"), against which a tiled pack's tile URL is
 * resolved.
 */
export function deriveMapData(pack: PackCore, packBaseUrl = ''): MapData {
  const [w, s, e, n] = pack.bbox;
<<<<<<< HEAD
  const labels = labelPoints(pack);
=======
  const tiles = pack.grid.geometryless && pack.manifest.gridTiles;
>>>>>>> scale
  return {
    regionId: pack.manifest.id,
    boundary: { type: 'FeatureCollection', features: pack.boundary },
    admin: { type: 'FeatureCollection', features: pack.admin },
<<<<<<< HEAD
    grid: gridSourceData(pack),
    labels,
    zooms: levelZooms(pack.grid),
    bbox: [w, s, e as number, n as number],
    overlays: deriveOverlayData(pack, labels),
    activity: activityMapData(pack),
=======
    grid: tiles ? { type: 'FeatureCollection', features: [] } : gridSourceData(pack),
    // On tiles only the admin units' names stay GeoJSON (their layer is not in the tiles).
    labels: labelPoints(tiles ? { ...pack, grid: { ...pack.grid, cells: [] } } : pack),
    zooms: levelZooms(pack.grid),
    bbox: [w, s, e as number, n as number],
    ...(tiles ? { gridTiles: mapTilesOf(tiles, packBaseUrl) } : {}),
>>>>>>> scale
  };
}
