import type { RegionPack } from '../../src/data/region-pack.ts';
import type { OnDuty, OnDutyCounts, ResponseLevel } from '../../src/data/status-schema.ts';
import type { Rng } from '../generate/random.ts';

/**
 * District-wide people on duty at once, per response level, for Jiading's 1.83 million residents. The
 * emergency figures are the article's whole mobilised force (4,000+ staff sent down, 384 commando teams
 * 党员突击队, 128 temporary party organisations); normal days see a fraction of it.
 */
const DISTRICT: Record<ResponseLevel, OnDutyCounts> = {
  normal: { staff: 1200, volunteers: 2500, commandoTeams: 40, tempPartyOrgs: 6 },
  urgent: { staff: 2600, volunteers: 8000, commandoTeams: 160, tempPartyOrgs: 40 },
  emergency: { staff: 4200, volunteers: 15000, commandoTeams: 384, tempPartyOrgs: 128 },
};
const JIADING_POPULATION = 1_830_000;
const JIADING_MICRO_CELLS = 1882;

export interface OnDutyModel {
  /** One tick of drift: each unit's turnout wanders within ±15 % of its share. */
  drift(rng: Rng): void;
  counts(level: ResponseLevel): OnDuty[];
}

/**
 * Units are the pack's streets/towns when it has an admin layer, else its top-level cells; each gets the
 * district figures in proportion to the people living in it (or to its number of cells when the pack
 * gives no population), scaled to the pack's size.
 */
export function onDutyModel(pack: RegionPack): OnDutyModel {
  const { grid } = pack;
  const finest = (grid.byDepth[grid.byDepth.length - 1] ?? []).map((id) => grid.byId.get(id));
  const topOf = (id: string): string => {
    let cell = grid.byId.get(id);
    while (cell?.properties.parent) cell = grid.byId.get(cell.properties.parent);
    return cell?.properties.id ?? id;
  };
  const byTown = pack.admin.length > 0;
  const units = byTown ? pack.admin.map((a) => a.properties.id) : [...(grid.byDepth[0] ?? [])];
  const hasPopulation = finest.some((c) => c?.properties.population !== undefined);
  const weight = new Map(units.map((u) => [u, 0]));
  let people = 0;
  for (const cell of finest) {
    if (!cell) continue;
    const unit = byTown ? cell.properties.town : topOf(cell.properties.id);
    const w = hasPopulation ? (cell.properties.population ?? 0) : 1;
    people += cell.properties.population ?? 0;
    if (unit !== undefined && weight.has(unit)) weight.set(unit, (weight.get(unit) ?? 0) + w);
  }
  const totalWeight = [...weight.values()].reduce((a, b) => a + b, 0) || 1;
  const scale = hasPopulation ? people / JIADING_POPULATION : finest.length / JIADING_MICRO_CELLS;
  const factor = new Map(units.map((u) => [u, 1]));

  return {
    drift(rng) {
      for (const u of units) {
        const f = (factor.get(u) ?? 1) + rng.uniform(-0.03, 0.03);
        factor.set(u, Math.min(1.15, Math.max(0.85, f)));
      }
    },
    counts(level) {
      const district = DISTRICT[level];
      return units.map((unit) => {
        const share = ((weight.get(unit) ?? 0) / totalWeight) * scale * (factor.get(unit) ?? 1);
        return {
          unit,
          staff: Math.round(district.staff * share),
          volunteers: Math.round(district.volunteers * share),
          commandoTeams: Math.round(district.commandoTeams * share),
          tempPartyOrgs: Math.round(district.tempPartyOrgs * share),
        };
      });
    },
  };
}
