/**
 * Point-in-cell lookups over the final grid (flatbush on bounding boxes, then an exact point-in-polygon
 * test), used to attach partners, projects, services and activity to the cells they really lie in.
 */

import { booleanIntersects, lineString, multiPolygon, point, polygon } from '@turf/turf';
import Flatbush from 'flatbush';
import type { LineString, MultiPolygon, Polygon } from 'geojson';
import { at, bboxOf, centroidOf, distKm, type Pos, pointInShape } from './geo.ts';
import type { Cell, LevelId } from './grids.ts';

export class CellIndex {
  private readonly index: Flatbush;
  private readonly bboxes: [number, number, number, number][];

  constructor(readonly cells: readonly Cell[]) {
    this.index = new Flatbush(Math.max(1, cells.length));
    this.bboxes = cells.map((c) => bboxOf(c.shape));
    for (const b of this.bboxes) this.index.add(b[0], b[1], b[2], b[3]);
    if (cells.length === 0) this.index.add(0, 0, 0, 0);
    this.index.finish();
  }

  static ofLevel(all: readonly Cell[], level: LevelId): CellIndex {
    return new CellIndex(all.filter((c) => c.level === level));
  }

  /** Every cell containing the point (more than one only where cells overlap). */
  containing(p: Pos): Cell[] {
    return this.index
      .search(p[0], p[1], p[0], p[1])
      .map((i) => at(this.cells, i))
      .filter((c) => pointInShape(p, c.shape));
  }

  /** The one cell containing the point, or null when none or several do. */
  only(p: Pos): Cell | null {
    const hits = this.containing(p);
    return hits.length === 1 ? (hits[0] ?? null) : null;
  }

  /** Cells whose centroid is nearest the point, nearest first. */
  nearest(p: Pos, n: number): Cell[] {
    const d = 0.05;
    const near = this.index.search(p[0] - d, p[1] - d, p[0] + d, p[1] + d).map((i) => at(this.cells, i));
    return near
      .map((c) => ({ c, d: distKm(p, centroidOf(c.shape)) }))
      .sort((a, b) => a.d - b.d || (a.c.id < b.c.id ? -1 : 1))
      .slice(0, n)
      .map((x) => x.c);
  }

  /** Cells a line or polygon truly touches (turf.booleanIntersects after a bbox prefilter), in id order. */
  touching(geometry: LineString | Polygon | MultiPolygon): Cell[] {
    const coords =
      geometry.type === 'LineString'
        ? geometry.coordinates
        : geometry.type === 'Polygon'
          ? geometry.coordinates.flat()
          : geometry.coordinates.flat(2);
    let minX = Infinity;
    let minY = Infinity;
    let maxX = -Infinity;
    let maxY = -Infinity;
    for (const [x = 0, y = 0] of coords) {
      minX = Math.min(minX, x);
      minY = Math.min(minY, y);
      maxX = Math.max(maxX, x);
      maxY = Math.max(maxY, y);
    }
    const feature =
      geometry.type === 'LineString'
        ? lineString(geometry.coordinates)
        : geometry.type === 'Polygon'
          ? polygon(geometry.coordinates)
          : multiPolygon(geometry.coordinates);
    return this.index
      .search(minX, minY, maxX, maxY)
      .map((i) => at(this.cells, i))
      .filter((c) => booleanIntersects(feature, multiPolygon(c.shape)))
      .sort((a, b) => (a.id < b.id ? -1 : 1));
  }

  /** Cell containing a point feature, as a one-element list (empty when outside every cell). */
  atPoint(p: Pos): Cell[] {
    const hit = this.only(p);
    return hit && booleanIntersects(point(p), multiPolygon(hit.shape)) ? [hit] : [];
  }
}
