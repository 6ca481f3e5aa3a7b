/**
 * Resident numbers. Only micro grids are drawn (density field × town total × noise); community and area
 * figures are the sums of their children, so every level agrees with the one below it.
 */
import { integrate } from './density.ts';
import type { TownFact } from './district.ts';
import type { Pos } from './geo.ts';
import type { Cell } from './grids.ts';
import type { Rng } from './random.ts';

export interface CellStats {
  population: number;
  households: number;
  partyMembers: number;
}

/** Fewest residents a micro grid is given: even an industrial or farm cell has dormitories and hamlets. */
const MIN_MICRO_POPULATION = 120;

export function computeStats(
  cells: readonly Cell[],
  towns: readonly TownFact[],
  density: (p: Pos) => number,
  rng: Rng,
): Map<string, CellStats> {
  const stats = new Map<string, CellStats>();
  const micros = cells.filter((c) => c.level === 'micro');
  const raw = new Map(micros.map((m) => [m.id, integrate(m.shape, density) * Math.exp(0.25 * rng.normal())]));
  for (const town of towns) {
    const mine = micros.filter((m) => m.town === town.code);
    const total = mine.reduce((s, m) => s + (raw.get(m.id) ?? 0), 0);
    for (const m of mine) {
      const population = Math.max(
        MIN_MICRO_POPULATION,
        Math.round(((raw.get(m.id) ?? 0) * town.population) / total),
      );
      stats.set(m.id, {
        population,
        households: Math.round(population / rng.uniform(2.2, 2.7)),
        partyMembers: Math.round(population * rng.uniform(0.03, 0.07)),
      });
    }
  }
  // Roll up: communities first (their children are micros), then areas.
  for (const level of ['community', 'area'] as const) {
    for (const cell of cells.filter((c) => c.level === level)) {
      const sum: CellStats = { population: 0, households: 0, partyMembers: 0 };
      for (const id of cell.children) {
        const s = stats.get(id);
        if (!s) throw new Error(`stats: ${id} has no numbers`);
        sum.population += s.population;
        sum.households += s.households;
        sum.partyMembers += s.partyMembers;
      }
      stats.set(cell.id, sum);
    }
  }
  return stats;
}
