import type { FeatureCollection, MultiPolygon, Point, Polygon } from 'geojson';
import type { PackCore } from '../data/region-pack.ts';
import {
  type CellMapProps,
  gridSourceData,
  type LabelProps,
  type LevelZoom,
  labelPoints,
  levelZooms,
} from './grid-derived.ts';

/** Everything the map draws for one pack, derived once per pack by pure functions. */
export interface MapData {
  regionId: string;
  boundary: FeatureCollection;
  admin: FeatureCollection;
  grid: FeatureCollection<Polygon | MultiPolygon, CellMapProps>;
  labels: FeatureCollection<Point, LabelProps>;
  zooms: LevelZoom[];
  bbox: [number, number, number, number];
}

export function deriveMapData(pack: PackCore): MapData {
  const [w, s, e, n] = pack.bbox;
  return {
    regionId: pack.manifest.id,
    boundary: { type: 'FeatureCollection', features: pack.boundary },
    admin: { type: 'FeatureCollection', features: pack.admin },
    grid: gridSourceData(pack),
    labels: labelPoints(pack),
    zooms: levelZooms(pack.grid),
    bbox: [w, s, e as number, n as number],
  };
}
