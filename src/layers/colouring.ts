import type { Position } from 'geojson';
import type { AreaGeometry } from '../data/grid-index.ts';

const vertexKey = (p: Position) => `${(p[0] as number).toFixed(6)},${(p[1] as number).toFixed(6)}`;

function outerVertices(g: AreaGeometry): Position[] {
  const polys = g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
  return polys.flatMap((poly) => poly[0] ?? []);
}

/**
 * Gives neighbouring cells different colour indices (0..colours-1) so that a tiling reads as cells.
 * Neighbours are cells that share a vertex — exact for grids cut from one tessellation; a pair that
 * only touches mid-edge may get the same colour, which is harmless. Welsh–Powell greedy order.
 */
export function colourCells(
  cells: { id: string; geometry: AreaGeometry }[],
  colours: number,
): Map<string, number> {
  const cellsAtVertex = new Map<string, number[]>();
  cells.forEach((cell, i) => {
    for (const v of new Set(outerVertices(cell.geometry).map(vertexKey))) {
      const list = cellsAtVertex.get(v);
      if (list) list.push(i);
      else cellsAtVertex.set(v, [i]);
    }
  });
  const neighbours = cells.map(() => new Set<number>());
  for (const list of cellsAtVertex.values()) {
    for (const a of list) for (const b of list) if (a !== b) neighbours[a]?.add(b);
  }
  const order = cells
    .map((_, i) => i)
    .sort((a, b) => (neighbours[b]?.size ?? 0) - (neighbours[a]?.size ?? 0) || a - b);
  const colour = new Array<number>(cells.length).fill(-1);
  for (const i of order) {
    const taken = new Set([...(neighbours[i] ?? [])].map((n) => colour[n]));
    let c = 0;
    while (taken.has(c) && c < colours - 1) c++;
    colour[i] = c;
  }
  return new Map(cells.map((cell, i) => [cell.id, colour[i] ?? 0]));
}
