import Flatbush from 'flatbush';
import { ancestry } from '../data/grid-index.ts';
import type { RegionPack } from '../data/region-pack.ts';
import type { Finding } from './finding.ts';
import { fmtInt } from './format.ts';
import { pointInArea } from './planar.ts';
import type { Steps } from './steps.ts';

export interface PartnershipLevel {
  level: string;
  cells: number;
  /** Cells with no partner unit paired with them (or a cell inside them) and none located in them. */
  withoutPartner: number;
  populationWithout: number | null;
  areaWithoutM2: number;
}

export interface PartnershipSummary {
  partners: number;
  levels: PartnershipLevel[];
}

/**
 * Cells no partner unit works in: none paired with the cell (结对; pairing with a cell below it counts
 * for it too, as in the cell detail panel, src/data/pack-index/cell-links.ts) and none whose point lies
 * inside it. Every level is reported: a community may be covered through one micro cell while most of
 * its micro cells are not, and planners look at both.
 */
export function* partnershipSteps(
  pack: RegionPack,
  cellArea: (id: string) => number,
): Steps<{ summary: PartnershipSummary; findings: Finding[] }> {
  const { grid } = pack;
  const served = new Set<string>();
  // Pairings count for the paired cell and every cell above it.
  for (const p of pack.partners) {
    for (const id of p.properties.cells ?? [])
      for (const c of ancestry(grid, id)) served.add(c.properties.id);
  }
  // Partner points: a flatbush over all cells' boxes, then point-in-polygon on the candidates.
  if (pack.partners.length > 0 && grid.cells.length > 0) {
    const index = new Flatbush(grid.cells.length);
    for (const cell of grid.cells) {
      const b = grid.bbox.get(cell.properties.id) ?? [0, 0, 0, 0];
      index.add(b[0], b[1], b[2], b[3]);
    }
    index.finish();
    for (const p of pack.partners) {
      const [x, y] = p.geometry.coordinates as [number, number];
      for (const i of index.search(x, y, x, y)) {
        const cell = grid.cells[i];
        if (!cell) continue;
        const polygons =
          cell.geometry.type === 'Polygon' ? [cell.geometry.coordinates] : cell.geometry.coordinates;
        if (pointInArea(x, y, polygons)) served.add(cell.properties.id);
      }
    }
  }
  yield;

  const findings: Finding[] = [];
  const levels: PartnershipLevel[] = [];
  grid.levels.forEach((level, depth) => {
    const row: PartnershipLevel = {
      level,
      cells: 0,
      withoutPartner: 0,
      populationWithout: null,
      areaWithoutM2: 0,
    };
    for (const id of grid.byDepth[depth] ?? []) {
      row.cells++;
      if (served.has(id)) continue;
      const cell = grid.byId.get(id);
      if (!cell) continue;
      const { population, town } = cell.properties;
      const areaM2 = cellArea(id);
      row.withoutPartner++;
      row.areaWithoutM2 += areaM2;
      if (population !== undefined) row.populationWithout = (row.populationWithout ?? 0) + population;
      findings.push({
        kind: 'no-partner',
        severity: 'low',
        level,
        ids: [id],
        ...(town !== undefined ? { town } : {}),
        areaM2,
        ...(population !== undefined ? { population } : {}),
        fraction: 1,
        message: `no partner unit is paired with this ${level} cell or located in it${population !== undefined ? ` (${fmtInt(population)} residents)` : ''}`,
      });
    }
    levels.push(row);
  });
  return { summary: { partners: pack.partners.length, levels }, findings };
}
