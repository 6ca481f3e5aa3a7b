/**
 * Service reach on tiny packs, against numeric integration of the discs (an independent method), and
 * the drawn pieces against their reported area.
 */
import { area } from '@turf/turf';
import type { Feature, Position } from 'geojson';
import { describe, expect, it } from 'vitest';
import { cellAreas } from '../../src/analysis/cell-areas.ts';
import { serviceReachSteps } from '../../src/analysis/service-reach.ts';
import { runToEnd } from '../../src/analysis/steps.ts';
import type { RegionPack } from '../../src/data/region-pack.ts';
import { loadTiny, service, uncoveredByIntegration } from '../fixtures/analysis-fixtures.ts';
import { type Box, basicCells } from '../fixtures/tiny-pack.ts';

const within = (actual: number, expected: number, rel = 0.001) =>
  expect(Math.abs(actual - expected) / expected).toBeLessThan(rel);

// Communities of the basic fixture are 0.01° × 0.005° (≈ 950 m × 555 m); radius 300 m.
const RADIUS = 300;
const boxOf = (id: string) => basicCells().find((c) => c.id === id)?.box as Box;

async function reach(services: Feature[], population?: Record<string, number>, radiusM = RADIUS) {
  const cells = basicCells().map((c) =>
    population?.[c.id] !== undefined ? { ...c, population: population[c.id] } : c,
  );
  const pack: RegionPack = await loadTiny({ cells, services });
  const r = runToEnd(serviceReachSteps(pack, { kind: null, radiusM, minAreaM2: 100 }, cellAreas(pack.grid)));
  const byCell = new Map(r.findings.map((f) => [f.ids[0], f]));
  return { ...r, byCell };
}

describe('service reach', () => {
  it('one service at a corner: the rest of the cell beyond reach, as numeric integration says (0.1 %)', async () => {
    const corner: Position = [121.0, 31.0];
    const { byCell } = await reach([service('S1', 'health', corner[0] as number, corner[1] as number)]);
    const f = byCell.get('C1');
    within(f?.areaM2 ?? 0, uncoveredByIntegration(boxOf('C1'), [corner], RADIUS));
    expect(f?.severity).toBe('low');
    expect(f?.geometry?.type).toBe('Polygon');
    // The drawn piece has the reported area (arcs drawn with chords 5 cm off the circle).
    within(area(f?.geometry ?? { type: 'Polygon', coordinates: [] }), f?.areaM2 ?? 0, 0.002);
  });

  it('overlapping circles, one inside the cell, one across its edge, one in the neighbour: the union is counted once', async () => {
    const centres: Position[] = [
      [121.004, 31.0025],
      [121.0065, 31.0032],
      [121.0105, 31.0015],
    ];
    const { byCell } = await reach(
      centres.map((c, i) => service(`S${i}`, 'legal', c[0] as number, c[1] as number)),
    );
    for (const id of ['C1', 'C3']) {
      within(byCell.get(id)?.areaM2 ?? 0, uncoveredByIntegration(boxOf(id), centres, RADIUS));
      within(
        area(byCell.get(id)?.geometry ?? { type: 'Polygon', coordinates: [] }),
        byCell.get(id)?.areaM2 ?? 0,
        0.002,
      );
    }
  });

  it('a circle wholly inside a cell leaves a hole in the drawn piece', async () => {
    // At C2's centre; C2 is 555 m tall, so a 200 m circle fits.
    const { byCell } = await reach([service('S1', 'sports', 121.005, 31.0075)], undefined, 200);
    const f = byCell.get('C2');
    within(f?.areaM2 ?? 0, uncoveredByIntegration(boxOf('C2'), [[121.005, 31.0075]], 200));
    const rings = f?.geometry?.type === 'Polygon' ? f.geometry.coordinates : [];
    expect(rings).toHaveLength(2); // the cell's outline and the hole
  });

  it('cells with no service in reach are wholly beyond it (no geometry copied); population × share affected', async () => {
    const { byCell, summary } = await reach([service('S1', 'health', 121.0, 31.0)], {
      C1: 1000,
      C2: 500,
      C3: 800,
      C4: 200,
    });
    // Only C1 is touched by the corner circle; C2..C4 lie wholly beyond reach.
    for (const id of ['C2', 'C3', 'C4']) {
      expect(byCell.get(id)?.fraction).toBe(1);
      expect(byCell.get(id)?.severity).toBe('medium');
      expect(byCell.get(id)?.geometry).toBeUndefined();
    }
    const c1 = byCell.get('C1');
    expect(c1?.population).toBe(Math.round(1000 * (c1?.fraction ?? 0)));
    expect(summary.cellsWhollyUnreached).toBe(3);
    expect(summary.cellsPartlyUnreached).toBe(1);
    expect(summary.population).toBe(2500);
    expect(summary.affectedPopulation).toBe(Math.round(1500 + 1000 * (c1?.fraction ?? 0)));
  });

  it('counts only the chosen kind, and a cell inside one circle is reached', async () => {
    // At 600 m a legal office at C1's centre reaches all of C1 (its corners are 550 m away); with kind
    // "health" only the far health point counts, and it reaches nothing.
    const services = [service('L', 'legal', 121.005, 31.0025), service('H', 'health', 121.03, 31.03)];
    const pack = await loadTiny({ services });
    const run = (kind: string | null, radiusM: number) =>
      runToEnd(serviceReachSteps(pack, { kind, radiusM, minAreaM2: 100 }, cellAreas(pack.grid)));
    const legal = run('legal', 600);
    expect(legal.findings.map((f) => f.ids[0])).toEqual(['C2', 'C3', 'C4']);
    expect(legal.summary.services).toBe(1);
    const health = run('health', 600);
    expect(health.findings.map((f) => [f.ids[0], f.fraction])).toEqual([
      ['C1', 1],
      ['C2', 1],
      ['C3', 1],
      ['C4', 1],
    ]);
  });
});
