import type { BBox, MultiPolygon, Polygon, Position } from 'geojson';
import type { GridProps } from './feature-schemas.ts';
import type { TypedFeature } from './parse-layer.ts';

export type AreaGeometry = Polygon | MultiPolygon;
export type GridCell = TypedFeature<AreaGeometry, GridProps>;

export interface LevelDef {
  id: string;
  depth: number;
}

/** The grid as a tree, indexed once at load so that every later lookup is O(1). */
export interface GridIndex {
  /** Level ids, top level first. */
  levels: string[];
  depthOf: ReadonlyMap<string, number>;
  cells: GridCell[];
  byId: ReadonlyMap<string, GridCell>;
  /** Child ids per parent id, in file order. */
  children: ReadonlyMap<string, readonly string[]>;
  /** Cell ids per depth. */
  byDepth: readonly (readonly string[])[];
  bbox: ReadonlyMap<string, BBox>;
  /**
   * True when the cells were read from a tiled pack's attribute index: each geometry is only the cell's
   * bounding box, so nothing may be located, measured or clipped with it (the map draws the tiles).
   */
  geometryless?: boolean;
  /** A tiled pack's point inside each cell, from its attribute index (when the index has them). */
  labelAt?: ReadonlyMap<string, Position>;
}

export function geometryBBox(g: AreaGeometry): BBox {
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  const polys = g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
  for (const poly of polys) {
    // The outer ring bounds the polygon; holes lie inside it.
    for (const [x, y] of poly[0] ?? []) {
      if ((x as number) < minX) minX = x as number;
      if ((y as number) < minY) minY = y as number;
      if ((x as number) > maxX) maxX = x as number;
      if ((y as number) > maxY) maxY = y as number;
    }
  }
  return [minX, minY, maxX, maxY];
}

export function unionBBox(boxes: Iterable<BBox>): BBox {
  const out: [number, number, number, number] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const b of boxes) {
    out[0] = Math.min(out[0], b[0]);
    out[1] = Math.min(out[1], b[1]);
    out[2] = Math.max(out[2], b[2]);
    out[3] = Math.max(out[3], b[3]);
  }
  return out;
}

/** Builds the index; assumes references were checked (the loader does that first). */
/** `bboxes`: each cell's box when already known (a tiled pack's attribute index), else from its geometry. */
export function buildGridIndex(
  levels: readonly string[],
  cells: GridCell[],
  bboxes?: readonly BBox[],
): GridIndex {
  const depthOf = new Map(levels.map((id, depth) => [id, depth] as const));
  const byId = new Map<string, GridCell>();
  const children = new Map<string, string[]>();
  const byDepth: string[][] = levels.map(() => []);
  const bbox = new Map<string, BBox>();
  cells.forEach((cell, i) => {
    const { id, parent, level } = cell.properties;
    byId.set(id, cell);
    byDepth[depthOf.get(level) ?? 0]?.push(id);
    bbox.set(id, bboxes?.[i] ?? geometryBBox(cell.geometry));
    if (parent !== null) {
      const list = children.get(parent);
      if (list) list.push(id);
      else children.set(parent, [id]);
    }
  });
  return { levels: [...levels], depthOf, cells, byId, children, byDepth, bbox };
}

/** The chain of cells from the top level down to `id` (inclusive); empty for an unknown id. */
export function ancestry(index: GridIndex, id: string): GridCell[] {
  const chain: GridCell[] = [];
  let cell = index.byId.get(id);
  while (cell) {
    chain.unshift(cell);
    cell = cell.properties.parent === null ? undefined : index.byId.get(cell.properties.parent);
  }
  return chain;
}
