import type { FeatureCollection, MultiPolygon, Point, Polygon } from 'geojson';
import type { RegionPack } from '../data/region-pack.ts';
import { type ActivityMapData, activityMapData } from './activity-layers.ts';
import {
  type CellMapProps,
  gridSourceData,
  type LabelProps,
  type LevelZoom,
  labelPoints,
  levelZooms,
} from './grid-derived.ts';
import { deriveOverlayData, type OverlayData } from './overlay-data.ts';

/** Everything the map draws for one pack, derived once per pack by pure functions. */
export interface MapData {
  regionId: string;
  boundary: FeatureCollection;
  admin: FeatureCollection;
  grid: FeatureCollection<Polygon | MultiPolygon, CellMapProps>;
  labels: FeatureCollection<Point, LabelProps>;
  zooms: LevelZoom[];
  bbox: [number, number, number, number];
  /** Partners, projects and services as the overlays draw them. */
  overlays: OverlayData;
  /** Volunteer events as slim points with their day number (the time filter compares it). */
  activity: ActivityMapData;
}

export function deriveMapData(pack: RegionPack): MapData {
  const [w, s, e, n] = pack.bbox;
  const labels = labelPoints(pack);
  return {
    regionId: pack.manifest.id,
    boundary: { type: 'FeatureCollection', features: pack.boundary },
    admin: { type: 'FeatureCollection', features: pack.admin },
    grid: gridSourceData(pack),
    labels,
    zooms: levelZooms(pack.grid),
    bbox: [w, s, e as number, n as number],
    overlays: deriveOverlayData(pack, labels),
    activity: activityMapData(pack),
  };
}
