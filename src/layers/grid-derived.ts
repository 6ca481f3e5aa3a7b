import type { Feature, FeatureCollection, MultiPolygon, Point, Polygon, Position } from 'geojson';
import polylabel from 'polylabel';
import type { AreaGeometry, GridIndex } from '../data/grid-index.ts';
import type { PackCore } from '../data/region-pack.ts';
import { colourCells } from './colouring.ts';
import { PALETTE_SIZE } from './theme.ts';

/** What the map needs of a cell: nothing else crosses to MapLibre's worker. */
export interface CellMapProps {
  id: string;
  level: string;
  depth: number;
  name: string;
  /** Colour index among neighbours of the same level. */
  colour: number;
  /** Parent id, or "" on the top level (MapLibre filters compare strings more simply than nulls). */
  parent: string;
  /** Street/town id (the cell's own, else its nearest ancestor's), or "". */
  town: string;
  /**
   * The cell's ancestors and itself by depth: anc0 = its top-level cell, … Lets one filter say
   * "everything under cell X" as ['==', ['get', 'anc<depth of X>'], X].
   */
  [ancestorAtDepth: `anc${number}`]: string;
}

export interface LabelProps {
  id: string;
  /** A grid level id, or "admin" for streets/towns. */
  kind: string;
  name: string;
  nameEn?: string;
  /** Parent cell id ("" for top-level cells and admin units), for focus filters. */
  parent: string;
  /** Street/town of the cell ("" when unknown; the unit's own id for admin units). */
  town: string;
}

export function gridSourceData(pack: PackCore): FeatureCollection<Polygon | MultiPolygon, CellMapProps> {
  const features: Feature<Polygon | MultiPolygon, CellMapProps>[] = [];
  const extra = new Map<string, { town: string; anc: Record<`anc${number}`, string> }>();
  pack.grid.levels.forEach((level, depth) => {
    const ids = pack.grid.byDepth[depth] ?? [];
    const cells = ids.flatMap((id) => {
      const cell = pack.grid.byId.get(id);
      return cell ? [{ id, geometry: cell.geometry, name: cell.properties.name }] : [];
    });
    const colours = colourCells(cells, PALETTE_SIZE);
    for (const c of cells) {
      const props = pack.grid.byId.get(c.id)?.properties;
      const parent = props?.parent ?? '';
      const up = parent ? extra.get(parent) : undefined;
      const town = props?.town ?? up?.town ?? '';
      const anc = { ...(up?.anc ?? {}), [`anc${depth}`]: c.id } as Record<`anc${number}`, string>;
      extra.set(c.id, { town, anc });
      features.push({
        type: 'Feature',
        geometry: c.geometry,
        properties: {
          id: c.id,
          level,
          depth,
          name: c.name,
          colour: colours.get(c.id) ?? 0,
          parent,
          town,
          ...anc,
        },
      });
    }
  });
  return { type: 'FeatureCollection', features };
}

/** The largest polygon of a (multi)polygon, by the area of its outer ring's bounding box. */
export function mainPolygon(g: AreaGeometry): Position[][] {
  if (g.type === 'Polygon') return g.coordinates;
  let best: Position[][] = g.coordinates[0] ?? [];
  let bestSize = -1;
  for (const poly of g.coordinates) {
    const xs = (poly[0] ?? []).map((p) => p[0] as number);
    const ys = (poly[0] ?? []).map((p) => p[1] as number);
    const size = (Math.max(...xs) - Math.min(...xs)) * (Math.max(...ys) - Math.min(...ys));
    if (size > bestSize) {
      best = poly;
      bestSize = size;
    }
  }
  return best;
}

/**
 * One label point per cell and per admin unit, at the pole of inaccessibility (the point deepest
 * inside the shape), so a label never sits outside an L-shaped cell and is not repeated per tile.
 */
export function labelPoints(pack: PackCore): FeatureCollection<Point, LabelProps> {
  // Precision ~2 m, or a thousandth of the shape for big ones (a city's districts): polylabel's time
  // grows with size / precision, and a label 50 m off the optimum in a 40 km district is invisible.
  const at = (g: AreaGeometry) => {
    const poly = mainPolygon(g) as [number, number][][];
    const outer = poly[0] ?? [];
    let w = Infinity;
    let e = -Infinity;
    let s = Infinity;
    let n = -Infinity;
    for (const [x, y] of outer) {
      w = Math.min(w, x);
      e = Math.max(e, x);
      s = Math.min(s, y);
      n = Math.max(n, y);
    }
    return polylabel(poly, Math.max(0.00002, Math.max(e - w, n - s) / 1000));
  };
  const features: Feature<Point, LabelProps>[] = [];
  for (const a of pack.admin) {
    const nameEn = typeof a.properties.nameEn === 'string' ? a.properties.nameEn : undefined;
    features.push({
      type: 'Feature',
      geometry: { type: 'Point', coordinates: [...at(a.geometry)] },
      properties: {
        id: a.properties.id,
        kind: 'admin',
        name: a.properties.name,
        parent: '',
        town: a.properties.id,
        ...(nameEn ? { nameEn } : {}),
      },
    });
  }
  for (const cell of pack.grid.cells) {
    features.push({
      type: 'Feature',
      geometry: { type: 'Point', coordinates: [...at(cell.geometry)] },
      properties: {
        id: cell.properties.id,
        kind: cell.properties.level,
        name: cell.properties.name,
        parent: cell.properties.parent ?? '',
        town: cell.properties.town ?? '',
      },
    });
  }
  return { type: 'FeatureCollection', features };
}

export interface LevelZoom {
  level: string;
  /** Zoom from which the level's outlines are drawn. */
  linesFrom: number;
  /** Zoom from which the level is the one filled (the next level's focus ends it). */
  focusFrom: number;
  /** Zoom from which its cells are big enough to carry a name. */
  labelsFrom: number;
}

/** Pixels per degree of longitude at zoom 0 with MapLibre's 512-pixel tiles. */
const PX_PER_DEGREE_Z0 = 512 / 360;

/**
 * Each level's typical cell size: the median of its cells' bounding-box sizes (the square root of the
 * box's area, in degrees). A tiled pack's manifest may carry these (`gridTiles.cellSizes`, written by
 * `npm run tiles`), so that its map can be styled before its attribute index is read.
 */
export function medianCellSizes(grid: GridIndex): number[] {
  return grid.levels.map((_, depth) => {
    // A typed array and its numeric sort: at city scale a level has 64,000 cells.
    const ids = grid.byDepth[depth] ?? [];
    const all = new Float64Array(ids.length);
    let n = 0;
    for (const id of ids) {
      const b = grid.bbox.get(id);
      if (b) all[n++] = Math.sqrt(Math.max(1e-12, ((b[2] as number) - b[0]) * ((b[3] as number) - b[1])));
    }
    const sizes = all.subarray(0, n).sort();
    return n > 0 ? (sizes[Math.floor(n / 2)] as number) : 0.01;
  });
}

/**
 * When each level appears, from the data rather than from constants: a level's outlines show once its
 * typical cell (median bounding-box size) spans ~20 px, becomes the filled level at ~90 px and is
 * labelled from ~110 px. This works for any pack, whatever its levels are called or how big its cells are.
 */
export function zoomsForSizes(levels: readonly string[], medians: readonly number[]): LevelZoom[] {
  return levels.map((level, depth) => {
    const median = medians[depth] ?? 0.01;
    const zoomFor = (px: number) => Math.max(0, Math.log2(px / (median * PX_PER_DEGREE_Z0)));
    return {
      level,
      linesFrom: depth === 0 ? 0 : zoomFor(20),
      focusFrom: depth === 0 ? 0 : zoomFor(90),
      labelsFrom: zoomFor(110),
    };
  });
}

export function levelZooms(grid: GridIndex): LevelZoom[] {
  return zoomsForSizes(grid.levels, medianCellSizes(grid));
}
