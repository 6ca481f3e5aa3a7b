/**
 * Partners, projects and service points of the city-scale pack. Simpler than the district packs' (no
 * hand-written lists per district): generated units and projects spread over the 16 districts in
 * proportion to their cells, plus the real institutions of data/reference/partner-institutions.csv at
 * their real coordinates. Every feature names its cells (`cells`): a pack on vector tiles has no grid
 * geometry in the page, so nothing can be located spatially there (docs/region-pack.md).
 */
import type { CellIndex } from '../cell-index.ts';
import { bboxOf, type MultiPoly, type Pos, pointInShape } from '../geo.ts';
import type { Cell } from '../grids.ts';
import type { PartnerKind } from '../partners.ts';
import type { Rng } from '../random.ts';
import type { Institution } from '../reference.ts';

export interface CityPartner {
  id: string;
  name: string;
  nameEn?: string;
  kind: PartnerKind;
  committee: string;
  cells: string[];
  town: string;
  pos: Pos;
  source: 'reference' | 'generated';
}

export interface CityProject {
  id: string;
  name: string;
  domain: string;
  status: 'planned' | 'active' | 'done' | 'delayed' | 'suspended';
  progress: number;
  owner: string;
  start: string;
  due: string;
  cells: string[];
  geometry:
    | { type: 'Point'; coordinates: Pos }
    | { type: 'LineString'; coordinates: Pos[] }
    | { type: 'Polygon'; coordinates: Pos[][] };
}

export interface CityService {
  id: string;
  name: string;
  kind: 'party_service_center' | 'legal' | 'sports' | 'health' | 'elderly';
  pos: Pos;
}

export interface CityEnv {
  /** Micro grids with their district (`town`) and community (`parent`). */
  micros: readonly Cell[];
  microIndex: CellIndex;
  communities: readonly Cell[];
  byId: ReadonlyMap<string, Cell>;
  districtName: ReadonlyMap<string, string>;
  /** People per micro grid. */
  population: ReadonlyMap<string, number>;
  rng: Rng;
}

const COMMITTEES = ['economy', 'city', 'culture', 'innovation'] as const;
const pad = (n: number, width: number) => String(n).padStart(width, '0');

/** A point inside the shape that lies in exactly one micro grid, on the 6-decimal grid. */
export function pointIn(shape: MultiPoly, micros: CellIndex, rng: Rng): Pos | null {
  const [minX, minY, maxX, maxY] = bboxOf(shape);
  for (let i = 0; i < 400; i++) {
    const p: Pos = [Number(rng.uniform(minX, maxX).toFixed(6)), Number(rng.uniform(minY, maxY).toFixed(6))];
    if (pointInShape(p, shape) && micros.only(p)) return p;
  }
  return null;
}

/** Draws micro grids with probability proportional to their population. */
function peopleSampler(env: CityEnv): () => Cell {
  const cum: number[] = [];
  let total = 0;
  for (const m of env.micros) {
    total += (env.population.get(m.id) ?? 0) + 1;
    cum.push(total);
  }
  return () => {
    const r = env.rng.next() * total;
    let lo = 0;
    let hi = cum.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((cum[mid] ?? 0) > r) hi = mid;
      else lo = mid + 1;
    }
    return env.micros[lo] as Cell;
  };
}

const UNIT_KINDS: readonly [PartnerKind, number, readonly string[]][] = [
  ['government', 0.14, ['街道办事处', '城管执法中队', '市场监管所', '房管办', '派出所']],
  ['state_enterprise', 0.12, ['电力供电所', '自来水营业所', '燃气服务站', '公交分公司', '城投公司']],
  ['enterprise', 0.3, ['科技有限公司', '物业管理有限公司', '商贸有限公司', '制造有限公司', '物流有限公司']],
  ['university', 0.03, ['职业技术学院', '开放大学分校']],
  ['hospital', 0.06, ['社区卫生服务中心', '中心医院', '中医医院']],
  ['school', 0.1, ['实验小学', '中学', '幼儿园']],
  ['social_org', 0.13, ['志愿者协会', '社会工作服务社', '慈善基金会']],
  ['community_org', 0.09, ['业主委员会', '睦邻中心', '老年协会']],
  ['other', 0.03, ['文化馆', '图书馆分馆']],
];

const PLACE_A = [
  '新',
  '华',
  '安',
  '和',
  '康',
  '乐',
  '福',
  '瑞',
  '兴',
  '春',
  '金',
  '永',
  '长',
  '丰',
  '嘉',
  '明',
  '景',
  '锦',
  '泰',
  '恒',
];
const PLACE_B = [
  '苑',
  '园',
  '桥',
  '港',
  '湾',
  '塘',
  '泾',
  '城',
  '林',
  '河',
  '源',
  '丰',
  '华',
  '阳',
  '光',
  '翔',
  '盛',
  '宁',
  '达',
  '顺',
];

export function buildCityPartners(
  env: CityEnv,
  institutions: readonly Institution[],
  perMicro: number,
): CityPartner[] {
  const { rng } = env;
  const partners: CityPartner[] = [];
  const draw = peopleSampler(env);
  const pairFrom = (micro: Cell): string[] => {
    const community = env.byId.get(micro.parent ?? '');
    const siblings = community ? community.children : [micro.id];
    const picks = new Set<string>([community?.id ?? micro.id]);
    const extra = rng.int(0, 2);
    for (let i = 0; i < extra; i++) picks.add(rng.pick(siblings));
    return [...picks];
  };
  for (const inst of institutions) {
    const micro = env.microIndex.only(inst.pos);
    if (!micro) continue; // outside every cell (on a district border the reference outlines disagree on)
    partners.push({
      id: `U${pad(partners.length + 1, 5)}`,
      name: inst.nameZh,
      nameEn: inst.nameEn,
      kind: inst.category.startsWith('university')
        ? 'university'
        : inst.category.startsWith('hospital')
          ? 'hospital'
          : 'other',
      committee: rng.pick(COMMITTEES),
      cells: pairFrom(micro),
      town: micro.town,
      pos: inst.pos,
      source: 'reference',
    });
  }
  const weights = UNIT_KINDS.map((k) => k[1]);
  const target = Math.round(env.micros.length * perMicro);
  while (partners.length < target) {
    const micro = draw();
    const pos = pointIn(micro.shape, env.microIndex, rng);
    if (!pos) continue;
    const [kind, , suffixes] = UNIT_KINDS[rng.weighted(weights)] ?? ['other', 0, ['服务中心']];
    const district = (env.districtName.get(micro.town) ?? '').replace(/区$/, '').replace(/新$/, '');
    partners.push({
      id: `U${pad(partners.length + 1, 5)}`,
      name: `${district}${rng.pick(PLACE_A)}${rng.pick(PLACE_B)}${rng.pick(suffixes)}`,
      kind,
      committee: rng.pick(COMMITTEES),
      cells: pairFrom(micro),
      town: micro.town,
      pos,
      source: 'generated',
    });
  }
  return partners;
}

const DOMAIN_NAMES: Record<string, readonly string[]> = {
  grid: ['网格党建示范点', '“一网统管”网格工作站'],
  road: ['美丽道路示范段', '路域环境整治'],
  river: ['河道综合治理', '滨水贯通工程'],
  construction: ['重点工程工地党建', '保障房项目'],
  commerce: ['商圈党建服务站', '夜间经济示范街区'],
  smart_road: ['智慧道路改造', '智能网联示范路段'],
  building: ['楼组党建睦邻行动', '加装电梯推进'],
  digital: ['数字体征平台建设', '城市运行数字孪生'],
};
const STATUSES: readonly [CityProject['status'], number][] = [
  ['planned', 0.15],
  ['active', 0.45],
  ['done', 0.25],
  ['delayed', 0.12],
  ['suspended', 0.03],
];

export const CITY_DOMAINS = [
  { id: 'grid', name: { zh: '网格党建', en: 'Grid' } },
  { id: 'road', name: { zh: '路域党建', en: 'Road corridor' } },
  { id: 'river', name: { zh: '河域党建', en: 'River basin' } },
  { id: 'construction', name: { zh: '工地党建', en: 'Construction site' } },
  { id: 'commerce', name: { zh: '商圈党建', en: 'Shopping district' } },
  { id: 'smart_road', name: { zh: '智慧道路', en: 'Smart roads' } },
  { id: 'building', name: { zh: '楼组党建', en: 'Building groups' } },
  { id: 'digital', name: { zh: '数字赋能', en: 'Digital governance' } },
] as const;

export function buildCityProjects(
  env: CityEnv,
  partners: readonly CityPartner[],
  count: number,
): CityProject[] {
  const { rng } = env;
  const draw = peopleSampler(env);
  const projects: CityProject[] = [];
  const ownersByDistrict = new Map<string, string[]>();
  for (const p of partners) ownersByDistrict.set(p.town, [...(ownersByDistrict.get(p.town) ?? []), p.id]);
  while (projects.length < count) {
    const micro = draw();
    const domain = rng.pick(CITY_DOMAINS).id;
    const status = STATUSES[rng.weighted(STATUSES.map((s) => s[1]))]?.[0] ?? 'active';
    const progress = status === 'done' ? 100 : status === 'planned' ? 0 : rng.int(5, 95);
    const startYear = rng.int(2022, 2026);
    const start = `${startYear}-${pad(rng.int(1, 12), 2)}-01`;
    const due = `${startYear + rng.int(1, 3)}-${pad(rng.int(1, 12), 2)}-28`;
    const shapeKind =
      domain === 'road' || domain === 'river' || domain === 'smart_road'
        ? 'line'
        : rng.next() < 0.2
          ? 'area'
          : 'point';
    let geometry: CityProject['geometry'] | null = null;
    let cells: string[] = [micro.id];
    if (shapeKind === 'point') {
      const p = pointIn(micro.shape, env.microIndex, rng);
      if (p) geometry = { type: 'Point', coordinates: p };
    } else if (shapeKind === 'area') {
      const outer = micro.shape[0]?.[0];
      if (outer) geometry = { type: 'Polygon', coordinates: [outer] };
    } else {
      // A road or river: a walk through the micro grids of the community and its neighbours.
      const community = env.byId.get(micro.parent ?? '');
      const stops = rng.shuffle(community?.children ?? [micro.id]).slice(0, rng.int(3, 6));
      const line = stops.flatMap((id) => {
        const cell = env.byId.get(id);
        const p = cell ? pointIn(cell.shape, env.microIndex, rng) : null;
        return p ? [p] : [];
      });
      if (line.length >= 2) {
        line.sort((a, b) => a[0] - b[0]);
        geometry = { type: 'LineString', coordinates: line };
        cells = env.microIndex.touching(geometry).map((c) => c.id);
      }
    }
    if (!geometry) continue;
    const owners = ownersByDistrict.get(micro.town) ?? [];
    const names = DOMAIN_NAMES[domain] ?? ['项目'];
    const district = env.districtName.get(micro.town) ?? '';
    const community = env.byId.get(micro.parent ?? '');
    projects.push({
      id: `P${pad(projects.length + 1, 4)}`,
      name: `${district}${(community?.name ?? '').replace(/(社区居委会|村村委会)$/, '')}${rng.pick(names)}`,
      domain,
      status,
      progress,
      owner: owners.length ? rng.pick(owners) : (partners[0]?.id ?? ''),
      start,
      due,
      cells,
      geometry,
    });
  }
  return projects;
}

const SERVICE_KINDS: readonly [CityService['kind'], number, string][] = [
  ['party_service_center', 0.3, '党群服务站'],
  ['elderly', 0.25, '长者照护之家'],
  ['sports', 0.2, '市民健身驿站'],
  ['health', 0.15, '社区卫生服务站'],
  ['legal', 0.1, '法律服务工作室'],
];

/** Service stations: about `perCommunity` per community grid, in its most populous micro grids. */
export function buildCityServices(env: CityEnv, perCommunity: number): CityService[] {
  const { rng } = env;
  const services: CityService[] = [];
  const weights = SERVICE_KINDS.map((k) => k[1]);
  for (const community of env.communities) {
    const n = Math.max(0, Math.round(perCommunity + rng.normal() * 0.6));
    const kids = community.children
      .map((id) => env.byId.get(id))
      .filter((c): c is Cell => c !== undefined)
      .sort((a, b) => (env.population.get(b.id) ?? 0) - (env.population.get(a.id) ?? 0));
    for (let i = 0; i < n && kids.length > 0; i++) {
      const cell = kids[i % Math.min(kids.length, 3)] as Cell;
      const pos = pointIn(cell.shape, env.microIndex, rng);
      if (!pos) continue;
      const [kind, , suffix] = SERVICE_KINDS[rng.weighted(weights)] ?? ['sports', 0, '健身点'];
      services.push({
        id: `S${pad(services.length + 1, 5)}`,
        name: `${community.name.replace(/(社区居委会|村村委会)$/, '')}${suffix}`,
        kind,
        pos,
      });
    }
  }
  return services;
}
