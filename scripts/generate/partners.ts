/**
 * Partner units (区域化党建单位): the district's real institutions from the reference list, at their real
 * coordinates, plus generated departments, firms, schools and organisations placed in plausible towns
 * (the lists are in districts/<id>/partners.ts). Each is paired (结对) with 1–6 nearby cells, mostly
 * community and micro grids; district bodies are also paired with a few communities elsewhere (in
 * Jiading villages, as the "结对百镇千村" scheme does).
 */
import type { CellIndex } from './cell-index.ts';
import { type Pos, pointInShape } from './geo.ts';
import type { Cell } from './grids.ts';
import type { Rng } from './random.ts';
import type { Institution } from './reference.ts';
import type { Town } from './towns.ts';

export type PartnerKind =
  | 'government'
  | 'state_enterprise'
  | 'enterprise'
  | 'university'
  | 'hospital'
  | 'school'
  | 'social_org'
  | 'community_org'
  | 'other';
export type CommitteeId = 'economy' | 'city' | 'culture' | 'innovation';

export interface Partner {
  id: string;
  name: string;
  nameEn?: string;
  kind: PartnerKind;
  committee: CommitteeId;
  cells: string[];
  town: string;
  pos: Pos;
  source: 'reference' | 'generated';
  coordQuality: string;
}

/**
 * [name, kind, committee, town, near (or the town seat), spread in km]. Names are generated. A null town
 * means "whichever town `near` falls in" (for places given by position, where generated town borders run).
 */
export type PartnerSpec = [string, PartnerKind, CommitteeId, string | null, Pos | null, number];

export interface PartnerPlan {
  /** How each real institution takes part: [kind, committee], keyed by its Chinese name. */
  realRoles: Readonly<Record<string, readonly [PartnerKind, CommitteeId]>>;
  generated: readonly PartnerSpec[];
  /** The community grids district bodies also pair with elsewhere (Jiading: villages, 城乡结对). */
  pairPool: (communities: readonly Cell[]) => Cell[];
}

interface Env {
  towns: readonly Town[];
  micros: CellIndex;
  communities: CellIndex;
  cells: ReadonlyMap<string, Cell>;
  rng: Rng;
}

/** A point near `near`, inside the town (any town when null) and inside exactly one micro grid. */
function placeIn(env: Env, town: Town | null, near: Pos, spreadKm: number): Pos {
  const k = 1 / (111.32 * Math.cos((31.36 * Math.PI) / 180));
  for (let i = 0; i < 2000; i++) {
    const s = spreadKm * (i < 1000 ? 1 : 2);
    const p: Pos = [near[0] + env.rng.normal() * s * k, near[1] + (env.rng.normal() * s) / 110.574];
    if ((!town || pointInShape(p, town.shape)) && env.micros.only(p))
      return [Number(p[0].toFixed(6)), Number(p[1].toFixed(6))];
  }
  throw new Error(`partners: no place found in ${town?.fact.name ?? `the district near ${near.join(', ')}`}`);
}

function pairCells(env: Env, p: Pos, kind: PartnerKind, pool: readonly Cell[]): string[] {
  const micro = env.micros.only(p);
  const community = micro?.parent ? env.cells.get(micro.parent) : env.communities.nearest(p, 1)[0];
  const out: string[] = [];
  if (community) out.push(community.id);
  if (micro) out.push(micro.id);
  const neighbours = env.micros.nearest(p, 4).filter((m) => m.id !== micro?.id);
  const extraMicros = env.rng.int(0, 2);
  for (const m of neighbours.slice(0, extraMicros)) out.push(m.id);
  if (kind === 'government' || kind === 'state_enterprise') {
    // 城乡结对: district bodies also pair with villages (or other communities) elsewhere in the district.
    for (let i = env.rng.int(1, 2); i > 0; i--) out.push(env.rng.pick(pool).id);
  } else if (env.rng.next() < 0.3) {
    const other = env.communities.nearest(p, 3).find((c) => c.id !== community?.id);
    if (other) out.push(other.id);
  }
  return [...new Set(out)].slice(0, 6);
}

export function buildPartners(
  institutions: readonly Institution[],
  towns: readonly Town[],
  micros: CellIndex,
  communities: CellIndex,
  cells: ReadonlyMap<string, Cell>,
  plan: PartnerPlan,
  rng: Rng,
): Partner[] {
  const env: Env = { towns, micros, communities, cells, rng };
  const pool = plan.pairPool(communities.cells);
  const townAt = (p: Pos) => towns.find((t) => pointInShape(p, t.shape));
  const partners: Partner[] = [];
  const id = () => `U${String(partners.length + 1).padStart(3, '0')}`;
  for (const inst of institutions) {
    const role = plan.realRoles[inst.nameZh];
    if (!role) throw new Error(`partners: no role for the real institution ${inst.nameZh}`);
    const town = townAt(inst.pos);
    if (!town) throw new Error(`partners: ${inst.nameZh} lies outside the district`);
    partners.push({
      id: id(),
      name: inst.nameZh,
      nameEn: inst.nameEn,
      kind: role[0],
      committee: role[1],
      cells: pairCells(env, inst.pos, role[0], pool),
      town: town.fact.code,
      pos: inst.pos,
      source: 'reference',
      coordQuality: inst.coordQuality,
    });
  }
  for (const [name, kind, committee, townCode, near, spread] of plan.generated) {
    const given = townCode === null ? null : towns.find((t) => t.fact.code === townCode);
    if (given === undefined) throw new Error(`partners: unknown town ${townCode}`);
    const anchor = near ?? given?.fact.seat;
    if (!anchor) throw new Error(`partners: ${name} has neither a town nor a position`);
    const pos = placeIn(env, given, anchor, spread);
    const town = given ?? townAt(pos);
    if (!town) throw new Error(`partners: ${name} lies outside every town`);
    partners.push({
      id: id(),
      name,
      kind,
      committee,
      cells: pairCells(env, pos, kind, pool),
      town: town.fact.code,
      pos,
      source: 'generated',
      coordQuality: 'generated',
    });
  }
  return partners;
}
