/**
 * Service points of the 15-minute service circles: party-service centres and stations, public legal
 * service, sports, health and elderly care. Each town gets its centres at the seat; stations are drawn
 * community by community with a strong pull towards where people live, so villages far from a town
 * centre are realistically left beyond the 1 km reach.
 */
import type { CellIndex } from './cell-index.ts';
import { bboxOf, type Pos, pointInShape } from './geo.ts';
import type { Cell } from './grids.ts';
import type { Rng } from './random.ts';
import type { Town } from './towns.ts';

export type ServiceKind = 'party_service_center' | 'legal' | 'sports' | 'health' | 'elderly';

export interface Service {
  id: string;
  name: string;
  kind: ServiceKind;
  pos: Pos;
}

/** 迎园社区居委会 → 迎园社区, 北管村村委会 → 北管村, 马陆新村居委会 → 马陆新村. */
export function shortName(committee: string): string {
  return committee.replace(/居委会$/, '').replace(/村委会$/, '');
}

/** Per town, at the seat: [kind, name suffix]. */
const TOWN_SERVICES: readonly [ServiceKind, string][] = [
  ['party_service_center', '党群服务中心'],
  ['legal', '公共法律服务工作站'],
  ['health', '社区卫生服务中心'],
  ['elderly', '社区综合为老服务中心'],
  ['sports', '市民体育健身中心'],
];

/** Community-level stations: [kind, how many in the district, name suffixes (urban, village)]. */
export type StationSpec = readonly [ServiceKind, number, readonly string[], readonly string[]];

function randomPointIn(shape: Cell['shape'], micros: CellIndex, rng: Rng): Pos {
  const [minX, minY, maxX, maxY] = bboxOf(shape);
  for (let i = 0; i < 500; i++) {
    const p: Pos = [Number(rng.uniform(minX, maxX).toFixed(6)), Number(rng.uniform(minY, maxY).toFixed(6))];
    if (pointInShape(p, shape) && micros.only(p)) return p;
  }
  throw new Error('services: could not place a point');
}

export function buildServices(
  towns: readonly Town[],
  communities: readonly Cell[],
  population: ReadonlyMap<string, number>,
  micros: CellIndex,
  stations: readonly StationSpec[],
  rng: Rng,
): Service[] {
  const out: Service[] = [];
  const add = (kind: ServiceKind, name: string, pos: Pos) =>
    out.push({ id: `S${String(out.length + 1).padStart(3, '0')}`, name, kind, pos });
  for (const town of towns) {
    for (const [kind, suffix] of TOWN_SERVICES) {
      // Near the seat, a few hundred metres apart.
      const k = 1 / (111.32 * Math.cos((31.36 * Math.PI) / 180));
      let pos: Pos | null = null;
      for (let i = 0; i < 500 && !pos; i++) {
        const p: Pos = [
          Number((town.fact.seat[0] + rng.normal() * 0.35 * k).toFixed(6)),
          Number((town.fact.seat[1] + (rng.normal() * 0.35) / 110.574).toFixed(6)),
        ];
        if (pointInShape(p, town.shape) && micros.only(p)) pos = p;
      }
      if (!pos) throw new Error(`services: no place near the seat of ${town.fact.name}`);
      add(kind, `${town.fact.name}${suffix}`, pos);
    }
  }
  // Urban communities pull much harder than villages (density of people and of facilities).
  const weights = communities.map((c) => {
    const people = population.get(c.id) ?? 0;
    const urban = c.committeeType === '居委会' ? 1 : 0.35;
    return urban * people ** 1.3;
  });
  for (const [kind, count, urbanNames, villageNames] of stations) {
    const taken = new Set<string>();
    for (let i = 0; i < count; i++) {
      let idx = rng.weighted(weights);
      for (let t = 0; t < 20 && taken.has(`${idx}`); t++) idx = rng.weighted(weights);
      taken.add(`${idx}`);
      const c = communities[idx];
      if (!c) continue;
      const names = c.committeeType === '居委会' ? urbanNames : villageNames;
      add(kind, `${shortName(c.name)}${rng.pick(names)}`, randomPointIn(c.shape, micros, rng));
    }
  }
  // Two facilities of one kind in one community get distinct names.
  const seen = new Map<string, number>();
  for (const s of out) {
    const n = (seen.get(s.name) ?? 0) + 1;
    seen.set(s.name, n);
    if (n > 1) s.name = `${s.name}（${n}）`;
  }
  return out;
}
