import { describe, expect, it } from 'vitest';
import { analyseGridCoverage } from '../../src/analysis/grid-coverage.ts';
import { loadRegionPack } from '../../src/data/pack-loader.ts';
import type { Problem } from '../../src/data/problem.ts';
import {
  BASIC_BOUNDARY,
  type Box,
  basicCells,
  buildPackFiles,
  type CellSpec,
  memorySource,
} from '../fixtures/tiny-pack.ts';

/** Area of a longitude/latitude box on the sphere turf uses: R² · Δλ · (sin φ2 − sin φ1). Independent of clipping. */
const R = 6_371_008.8;
const rad = (d: number) => (d * Math.PI) / 180;
const boxArea = ([x0, y0, x1, y1]: Box) => R * R * rad(x1 - x0) * (Math.sin(rad(y1)) - Math.sin(rad(y0)));

async function findings(cells: CellSpec[], boundary: Box = BASIC_BOUNDARY): Promise<Problem[]> {
  const { pack, problems } = await loadRegionPack(memorySource(buildPackFiles({ cells, boundary })));
  expect(problems).toEqual([]);
  if (!pack) throw new Error('fixture did not load');
  return analyseGridCoverage(pack);
}

const replace = (id: string, box: Box) => basicCells().map((c) => (c.id === id ? { ...c, box } : c));
const summary = (list: Problem[]) => list.map((f) => `${f.rule}|${f.level}|${(f.ids ?? []).join(',')}`);

describe('grid coverage findings', () => {
  it('finds nothing in a grid that tiles its boundary exactly', async () => {
    expect(await findings(basicCells())).toEqual([]);
  });

  it('a community that leaves part of its area uncovered: one gap with the right area', async () => {
    // C2 stops 0.002° short of A1's top edge.
    const list = await findings(replace('C2', [121.0, 31.005, 121.01, 31.008]));
    expect(summary(list)).toEqual(['gap|community|A1,C2']);
    const expected = boxArea([121.0, 31.008, 121.01, 31.01]);
    expect(Math.abs((list[0]?.areaM2 ?? 0) - expected) / expected).toBeLessThan(0.001);
    expect(list[0]?.geometry?.type).toBe('Polygon');
  });

  it('the top level not covering the boundary: a boundary gap naming the cells around it', async () => {
    const list = await findings(basicCells(), [121.0, 31.0, 121.03, 31.01]);
    expect(summary(list)).toEqual(['gap-boundary|area|A2']);
    const expected = boxArea([121.02, 31.0, 121.03, 31.01]);
    expect(Math.abs((list[0]?.areaM2 ?? 0) - expected) / expected).toBeLessThan(0.001);
  });

  it('overlapping siblings: one overlap with the overlap area', async () => {
    // C1 grows 0.001° into C2.
    const list = await findings(replace('C1', [121.0, 31.0, 121.01, 31.006]));
    expect(summary(list)).toEqual(['overlap|community|C1,C2']);
    const expected = boxArea([121.0, 31.005, 121.01, 31.006]);
    expect(Math.abs((list[0]?.areaM2 ?? 0) - expected) / expected).toBeLessThan(0.001);
  });

  it('a child reaching outside its parent (into a cousin)', async () => {
    // C3 (in A2) reaches 0.002° west into A1, where it also overlaps C1, a cell of another parent.
    const list = await findings(replace('C3', [121.008, 31.0, 121.02, 31.005]));
    expect(summary(list)).toEqual(['outside-parent|community|C3,A2']);
    const expected = boxArea([121.008, 31.0, 121.01, 31.005]);
    expect(Math.abs((list[0]?.areaM2 ?? 0) - expected) / expected).toBeLessThan(0.001);
  });

  it('agrees with area bookkeeping: boundary area minus the sum of cell areas, corrected for overlaps', async () => {
    // Two gaps and one overlap at once, in different parents.
    const cells = basicCells().map((c) => {
      if (c.id === 'C2') return { ...c, box: [121.0, 31.005, 121.007, 31.01] as Box }; // gap in A1
      if (c.id === 'C3') return { ...c, box: [121.01, 31.0, 121.02, 31.0055] as Box }; // overlaps C4
      return c;
    });
    const list = await findings(cells, [121.0, 31.0, 121.02, 31.012]); // boundary 0.002° taller than the areas
    const total = (rule: string) =>
      list.filter((f) => f.rule === rule).reduce((s, f) => s + (f.areaM2 ?? 0), 0);
    const sum = (ids: string[]) =>
      ids.reduce((s, id) => s + boxArea(cells.find((c) => c.id === id)?.box as Box), 0);
    const boundaryGap = boxArea([121.0, 31.0, 121.02, 31.012]) - sum(['A1', 'A2']);
    const areaGap = boxArea([121.0, 31.0, 121.01, 31.01]) - sum(['C1', 'C2']);
    const overlap = sum(['C3', 'C4']) - boxArea([121.01, 31.0, 121.02, 31.01]);
    expect(Math.abs(total('gap-boundary') - boundaryGap) / boundaryGap).toBeLessThan(0.001);
    expect(Math.abs(total('gap') - areaGap) / areaGap).toBeLessThan(0.001);
    expect(Math.abs(total('overlap') - overlap) / overlap).toBeLessThan(0.001);
    expect(list).toHaveLength(3);
  });

  it('ignores slivers below the minimum area (rounding noise)', async () => {
    // 0.000001° ≈ 0.1 m: what 6-decimal rounding leaves along a shared edge.
    const list = await findings(replace('C2', [121.0, 31.005001, 121.01, 31.01]));
    expect(list).toEqual([]);
  });
});
