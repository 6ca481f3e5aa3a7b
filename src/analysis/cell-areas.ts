import { area } from '@turf/turf';
import type { GridIndex } from '../data/grid-index.ts';

/** turf.area per cell, computed once per analysis run and shared by the analyses that need it. */
export function cellAreas(grid: GridIndex): (id: string) => number {
  const cache = new Map<string, number>();
  return (id) => {
    let a = cache.get(id);
    if (a === undefined) {
      const cell = grid.byId.get(id);
      a = cell ? area(cell.geometry) : 0;
      cache.set(id, a);
    }
    return a;
  };
}

/** Ids of the finest level's cells: where people, services and volunteers are counted. */
export const leafIds = (grid: GridIndex): readonly string[] => grid.byDepth[grid.levels.length - 1] ?? [];
