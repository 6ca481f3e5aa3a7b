import { booleanIntersects, booleanPointInPolygon } from '@turf/turf';
import Flatbush from 'flatbush';
import type { Geometry, Position } from 'geojson';
import type { GridCell, GridIndex } from '../grid-index.ts';

/**
 * Finds the leaf (finest-level) cells under a point or touching a geometry: a flatbush index over the
 * leaves' bounding boxes narrows the candidates, turf decides. Used where the pack leaves `cell` or
 * `cells` out ("derived spatially when absent", docs/region-pack.md).
 */
export class LeafLocator {
  private readonly leaves: GridCell[];
  private readonly index: Flatbush | null;

  constructor(grid: GridIndex) {
    if (grid.geometryless) {
      // A tiled pack's index knows only bounding boxes: locating by them would attach things to the
      // wrong cell, so nothing is located (such packs name their cells: docs/region-pack.md).
      this.leaves = [];
      this.index = null;
      return;
    }
    const leafDepth = grid.levels.length - 1;
    this.leaves = (grid.byDepth[leafDepth] ?? []).flatMap((id) => {
      const cell = grid.byId.get(id);
      return cell ? [cell] : [];
    });
    if (this.leaves.length === 0) {
      this.index = null;
      return;
    }
    this.index = new Flatbush(this.leaves.length);
    for (const leaf of this.leaves) {
      const [w, s, e, n] = grid.bbox.get(leaf.properties.id) ?? [0, 0, 0, 0];
      this.index.add(w, s, e, n);
    }
    this.index.finish();
  }

  /** The first leaf containing the point, or null outside every cell. */
  leafAt(p: Position): string | null {
    if (!this.index) return null;
    const [x, y] = p as [number, number];
    for (const i of this.index.search(x, y, x, y)) {
      const leaf = this.leaves[i];
      if (leaf && booleanPointInPolygon(p, leaf.geometry)) return leaf.properties.id;
    }
    return null;
  }

  /** Every leaf the geometry touches (points, lines and areas alike). */
  leavesTouching(g: Geometry, bbox: [number, number, number, number]): string[] {
    if (!this.index) return [];
    const out: string[] = [];
    for (const i of this.index.search(bbox[0], bbox[1], bbox[2], bbox[3])) {
      const leaf = this.leaves[i];
      if (leaf && booleanIntersects(g, leaf.geometry)) out.push(leaf.properties.id);
    }
    return out;
  }
}

export function geometryBounds(g: Geometry): [number, number, number, number] {
  const box: [number, number, number, number] = [Infinity, Infinity, -Infinity, -Infinity];
  const visit = (c: unknown): void => {
    if (Array.isArray(c) && typeof c[0] === 'number') {
      const [x, y] = c as [number, number];
      box[0] = Math.min(box[0], x);
      box[1] = Math.min(box[1], y);
      box[2] = Math.max(box[2], x);
      box[3] = Math.max(box[3], y);
    } else if (Array.isArray(c)) for (const part of c) visit(part);
  };
  if (g.type === 'GeometryCollection')
    for (const part of g.geometries) visit('coordinates' in part ? part.coordinates : []);
  else visit(g.coordinates);
  return box;
}
