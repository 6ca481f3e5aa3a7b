import type { Position } from 'geojson';
import polylabel from 'polylabel';
import type { GridCell } from '../../src/data/grid-index.ts';
import type { RegionPack } from '../../src/data/region-pack.ts';
import type { Rng } from '../generate/random.ts';

/**
 * Where simulated things happen: the pack's finest cells, with the weights that make a kind of alert
 * or an event plausible there (crowds where people live, illegal building on open land).
 */
export interface CellPool {
  ids: readonly string[];
  /** People per cell (1 when the pack gives no population). */
  population: readonly number[];
  /** People per square degree: high in town centres, low in the countryside. */
  density: readonly number[];
  /** Bounding-box area in square degrees, a stand-in for open land. */
  area: readonly number[];
  /** A point inside the cell, near where `rng` puts it. */
  pointIn(index: number, rng: Rng): [number, number];
}

function mainRing(cell: GridCell): Position[] {
  const g = cell.geometry;
  const poly = g.type === 'Polygon' ? g.coordinates : g.coordinates[0];
  return poly?.[0] ?? [];
}

/** Even–odd ray test against the outer ring: enough to keep a jittered point inside its cell. */
function insideRing(ring: Position[], x: number, y: number): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i] as [number, number];
    const [xj, yj] = ring[j] as [number, number];
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

const round6 = (v: number) => Math.round(v * 1e6) / 1e6;

export function cellPool(pack: RegionPack): CellPool {
  const finest = pack.grid.byDepth[pack.grid.byDepth.length - 1] ?? [];
  const cells = finest.map((id) => pack.grid.byId.get(id)).filter((c): c is GridCell => c !== undefined);
  const area = cells.map((c) => {
    const [x0, y0, x1, y1] = pack.grid.bbox.get(c.properties.id) ?? [0, 0, 0, 0];
    return Math.max((x1 - x0) * (y1 - y0), 1e-9);
  });
  const population = cells.map((c) => c.properties.population ?? 1);
  const labels = new Map<number, [number, number]>();
  const label = (i: number): [number, number] => {
    let p = labels.get(i);
    if (!p) {
      const cell = cells[i] as GridCell;
      const g = cell.geometry;
      const rings = (g.type === 'Polygon' ? g.coordinates : (g.coordinates[0] ?? [])) as [number, number][][];
      // The pole of inaccessibility lies inside even a C-shaped cell, unlike its centroid.
      const [x, y] = polylabel(rings, 0.00002);
      p = [x, y];
      labels.set(i, p);
    }
    return p;
  };
  return {
    ids: cells.map((c) => c.properties.id),
    population,
    density: population.map((p, i) => p / (area[i] as number)),
    area,
    pointIn(index, rng) {
      const [x, y] = label(index);
      const ring = mainRing(cells[index] as GridCell);
      const spread = Math.sqrt(area[index] as number) / 6;
      const jx = x + rng.uniform(-spread, spread);
      const jy = y + rng.uniform(-spread, spread);
      return insideRing(ring, jx, jy) ? [round6(jx), round6(jy)] : [round6(x), round6(y)];
    },
  };
}
