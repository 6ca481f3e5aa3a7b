import type { BBox, Geometry, LineString, MultiLineString, MultiPoint, Point } from 'geojson';
import type {
  ActivityProps,
  AdminProps,
  BoundaryProps,
  PartnerProps,
  ProjectProps,
  ServiceProps,
} from './feature-schemas.ts';
import type { AreaGeometry, GridIndex } from './grid-index.ts';
import type { Manifest } from './manifest-schema.ts';
import type { TypedFeature } from './parse-layer.ts';
import type { Programme } from './programme-schema.ts';

export type PackFiles = Manifest['layers'] & { grids: string };

export type ProjectGeometry = Point | MultiPoint | LineString | MultiLineString | AreaGeometry;

/** A loaded, validated, indexed pack: what every part of the app and the CLIs work on. */
export interface RegionPack {
  manifest: Manifest;
  /**
   * Pack-relative file names, for messages. `grids` is the file the grid was read from: the GeoJSON
   * layer, or the attribute index of a pack whose grid the page draws from vector tiles.
   */
  files: PackFiles;
  boundary: TypedFeature<AreaGeometry, BoundaryProps>[];
  /** Empty when the pack has no admin layer. */
  admin: TypedFeature<AreaGeometry, AdminProps>[];
  grid: GridIndex;
  partners: TypedFeature<Point, PartnerProps>[];
  projects: TypedFeature<ProjectGeometry, ProjectProps>[];
  services: TypedFeature<Point, ServiceProps>[];
  activity: TypedFeature<Point, ActivityProps>[];
  /** Committees, indicators and meetings (empty lists when the pack has no programme documents). */
  programme: Programme;
  /** Bounding box of the boundary, for the first view. */
  bbox: BBox;
}

export type AnyFeature = TypedFeature<Geometry, { id: string }>;

/**
 * The first stage of a pack (src/data/pack-core.ts loadPackCore): what the map draws. The page shows
 * it while the rest of the pack loads.
 */
export type PackCore = Pick<RegionPack, 'manifest' | 'files' | 'boundary' | 'admin' | 'grid' | 'bbox'> & {
  /**
   * Set when a tiled pack's attribute index is left for the second stage: `grid` is then empty, and the
   * map is styled from the manifest's `gridTiles.cellSizes` (pack-core.ts).
   */
  gridDeferred?: true;
};

/** A pack without programme documents (here, not in programme-schema.ts: the map needs it on first load). */
export const EMPTY_PROGRAMME: Programme = {
  committees: [],
  categories: [],
  indicators: [],
  indicatorsAsOf: null,
  meetings: [],
};
