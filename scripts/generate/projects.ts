/**
 * The domain party-building projects (领域党建) the Jiading article names, and the 8 嘉昆太 cross-boundary
 * co-governance projects, which reach over the district outline towards Kunshan (west) and Taicang
 * (north-west). Geometry is drawn by hand as plausible footprints: points for programmes run from one
 * place, lines for roads and rivers, polygons for sites and districts. `cells` are computed spatially.
 */
import type { LineString, Point, Polygon } from 'geojson';
import type { CellIndex } from './cell-index.ts';
import { at, distKm, fromKm, type MultiPoly, type Pos, type Ring, toKm } from './geo.ts';
import type { Cell } from './grids.ts';
import type { Partner } from './partners.ts';
import type { Rng } from './random.ts';

export type ProjectStatus = 'planned' | 'active' | 'done' | 'delayed' | 'suspended';

export interface Project {
  id: string;
  name: string;
  domain: string;
  status: ProjectStatus;
  progress: number;
  owner: string;
  start: string;
  due: string;
  cells: string[];
  geometry: Point | LineString | Polygon;
}

type Shape =
  | { point: Pos }
  | { line: Pos[] }
  | { loop: { center: Pos; rxM: number; ryM: number } }
  | { blob: { center: Pos; radiusM: number } }
  /** A blob centred on the outline vertex nearest `near`, so it lies partly outside the district. */
  | { straddle: { near: Pos; radiusM: number } }
  | { cell: string };

interface Spec {
  name: string;
  domain: string;
  status: ProjectStatus;
  owner: string; // partner name
  start: string;
  due: string;
  shape: Shape;
}

/** The date the pack describes ("today" for statuses): the last day of the activity window. */
export const AS_OF = '2026-10-31';

const SPECS: readonly Spec[] = [
  // 网格党建 / 楼组党建
  {
    name: '三级网格优化设置与网格党建示范',
    domain: 'grid',
    status: 'active',
    owner: '嘉定区城市运行管理中心',
    start: '2022-03-01',
    due: '2027-06-30',
    shape: { point: [121.2621, 31.3779] },
  },
  {
    name: '真新街道“楼组党建”睦邻行动',
    domain: 'building',
    status: 'done',
    owner: '真新街道社区志愿服务总队',
    start: '2022-06-01',
    due: '2025-12-31',
    shape: { point: [121.3605, 31.2509] },
  },
  // 路域党建
  {
    name: '汇龙潭周边精品示范路路域党建共同体',
    domain: 'road',
    status: 'done',
    owner: '嘉定区交通委员会',
    start: '2022-04-01',
    due: '2024-09-30',
    shape: {
      line: [
        [121.2462, 31.3848],
        [121.2478, 31.3849],
        [121.2521, 31.3846],
        [121.2528, 31.3822],
        [121.2524, 31.3801],
        [121.2491, 31.3797],
        [121.2466, 31.3803],
        [121.2461, 31.3826],
        [121.2462, 31.3848],
      ],
    },
  },
  // 河域党建
  {
    name: '横沥河河域党建“清水走廊”',
    domain: 'river',
    status: 'active',
    owner: '嘉定区水务局',
    start: '2022-05-01',
    due: '2027-12-31',
    shape: {
      line: [
        [121.2512, 31.4512],
        [121.2488, 31.4301],
        [121.2475, 31.4102],
        [121.2466, 31.3935],
        [121.2469, 31.3852],
        [121.2481, 31.3701],
        [121.2493, 31.3506],
        [121.2502, 31.3304],
        [121.2521, 31.3102],
      ],
    },
  },
  {
    name: '练祁河河域党建“一河一策”',
    domain: 'river',
    status: 'delayed',
    owner: '嘉定区生态环境局',
    start: '2022-09-01',
    due: '2026-06-30',
    shape: {
      line: [
        [121.1452, 31.3921],
        [121.1803, 31.3902],
        [121.2106, 31.3877],
        [121.2341, 31.3856],
        [121.2455, 31.3851],
        [121.2602, 31.3868],
        [121.2851, 31.3889],
        [121.3104, 31.3902],
        [121.3352, 31.3931],
      ],
    },
  },
  // 工地党建
  {
    name: '嘉闵线嘉定新城站工地党建',
    domain: 'construction',
    status: 'delayed',
    owner: '嘉定区建设和管理委员会',
    start: '2023-03-01',
    due: '2026-09-30',
    shape: { blob: { center: [121.2553, 31.3362], radiusM: 260 } },
  },
  {
    name: '远香湖片区重大工程工地党建联建',
    domain: 'construction',
    status: 'active',
    owner: '上海嘉定新城发展有限公司',
    start: '2023-01-15',
    due: '2027-03-31',
    shape: { blob: { center: [121.2648, 31.3508], radiusM: 320 } },
  },
  // 商圈党建
  {
    name: '嘉定新城商圈党建服务站',
    domain: 'commerce',
    status: 'active',
    owner: '嘉定区市场监督管理局',
    start: '2022-07-01',
    due: '2026-12-31',
    shape: { blob: { center: [121.2566, 31.3612], radiusM: 520 } },
  },
  {
    name: '南翔老街—古猗园商圈“红盾七彩星”服务站',
    domain: 'commerce',
    status: 'done',
    owner: '上海南翔商业投资管理有限公司',
    start: '2022-08-01',
    due: '2025-06-30',
    shape: { blob: { center: [121.3095, 31.2945], radiusM: 480 } },
  },
  {
    name: '安亭汽车城商圈党建联盟',
    domain: 'commerce',
    status: 'suspended',
    owner: '上海国际汽车城（安亭）',
    start: '2024-03-01',
    due: '2026-12-31',
    shape: { blob: { center: [121.1702, 31.2921], radiusM: 420 } },
  },
  // 双智路域: 一环三路
  {
    name: '远香湖无人驾驶示范环路',
    domain: 'smart_road',
    status: 'active',
    owner: '嘉定区交通委员会',
    start: '2022-01-10',
    due: '2026-12-31',
    shape: { loop: { center: [121.25, 31.3555], rxM: 720, ryM: 520 } },
  },
  {
    name: '裕民南路“最美未来道路”',
    domain: 'smart_road',
    status: 'done',
    owner: '上海嘉定新城发展有限公司',
    start: '2022-02-01',
    due: '2024-12-31',
    shape: {
      line: [
        [121.2408, 31.3722],
        [121.2404, 31.3631],
        [121.2399, 31.3527],
        [121.2396, 31.3436],
        [121.2391, 31.3351],
      ],
    },
  },
  {
    name: '白银路智慧道路',
    domain: 'smart_road',
    status: 'delayed',
    owner: '嘉定区交通委员会',
    start: '2022-06-01',
    due: '2026-03-31',
    shape: {
      line: [
        [121.2156, 31.3641],
        [121.2302, 31.3634],
        [121.2451, 31.3628],
        [121.2602, 31.3621],
        [121.2751, 31.3613],
        [121.2852, 31.3608],
      ],
    },
  },
  {
    name: '沪宜公路智慧车列',
    domain: 'smart_road',
    status: 'active',
    owner: '上海嘉定智能网联汽车测试运营有限公司',
    start: '2023-05-01',
    due: '2027-10-31',
    shape: {
      line: [
        [121.3342, 31.2662],
        [121.3201, 31.2851],
        [121.3052, 31.3002],
        [121.2953, 31.3198],
        [121.2901, 31.3351],
        [121.2802, 31.3551],
        [121.2702, 31.3752],
        [121.2645, 31.3952],
        [121.2596, 31.4152],
        [121.2551, 31.4351],
      ],
    },
  },
  // 产业集群 / 链上党建
  {
    name: '国际汽车城“链上党建”产业集群',
    domain: 'industry_chain',
    status: 'active',
    owner: '上海国际汽车城（安亭）',
    start: '2022-05-20',
    due: '2027-12-31',
    shape: { blob: { center: [121.1715, 31.2836], radiusM: 1100 } },
  },
  // 新就业群体
  {
    name: '快递小哥党支部“随手带·随车送”',
    domain: 'new_employment',
    status: 'active',
    owner: '嘉定区快递行业联合党委',
    start: '2022-04-15',
    due: '2026-12-31',
    shape: { point: [121.2583, 31.3658] },
  },
  // 数字治理
  {
    name: '南翔镇东片区数字体征平台',
    domain: 'digital',
    status: 'done',
    owner: '南翔镇人民政府',
    start: '2022-03-01',
    due: '2024-06-30',
    shape: { blob: { center: [121.3352, 31.2925], radiusM: 1300 } },
  },
  {
    name: '马陆镇北管村村级“一网统管”平台',
    domain: 'digital',
    status: 'done',
    owner: '马陆镇人民政府',
    start: '2022-06-01',
    due: '2024-12-31',
    shape: { cell: '北管村村委会' },
  },
  // 片区融委会
  {
    name: '西门历史文化街区片区融委会',
    domain: 'area_committee',
    status: 'active',
    owner: '嘉定区文化和旅游局',
    start: '2022-10-01',
    due: '2026-12-31',
    shape: { blob: { center: [121.2425, 31.386], radiusM: 300 } },
  },
  {
    name: '远香文化源片区融委会',
    domain: 'area_committee',
    status: 'active',
    owner: '嘉定区文化和旅游局',
    start: '2022-11-01',
    due: '2026-12-31',
    shape: { blob: { center: [121.2522, 31.3571], radiusM: 560 } },
  },
  // 嘉昆太 城界党建共治 (cross the outline towards Kunshan and Taicang)
  {
    name: '安亭—花桥曹安公路沿线跨界综合治理',
    domain: 'cross_boundary',
    status: 'active',
    owner: '安亭镇人民政府',
    start: '2023-03-01',
    due: '2026-12-31',
    shape: {
      line: [
        [121.2152, 31.2931],
        [121.1951, 31.2952],
        [121.1753, 31.2981],
        [121.1552, 31.3001],
        [121.1351, 31.3023],
        [121.1102, 31.3052],
        [121.0852, 31.3081],
      ],
    },
  },
  {
    name: '吴淞江跨界河道联防联治',
    domain: 'cross_boundary',
    status: 'active',
    owner: '嘉定区水务局',
    start: '2023-05-01',
    due: '2027-04-30',
    shape: {
      line: [
        [121.2312, 31.2553],
        [121.2052, 31.2581],
        [121.1802, 31.2621],
        [121.1551, 31.2682],
        [121.1302, 31.2751],
        [121.1052, 31.2802],
        [121.0801, 31.2851],
      ],
    },
  },
  {
    name: '安亭—花桥“益邻服务”跨界社区共建',
    domain: 'cross_boundary',
    status: 'done',
    owner: '安亭镇人民政府',
    start: '2023-02-01',
    due: '2025-10-31',
    shape: { straddle: { near: [121.13, 31.32], radiusM: 900 } },
  },
  {
    name: '外冈—太仓边界村党建联建',
    domain: 'cross_boundary',
    status: 'delayed',
    owner: '外冈镇人民政府',
    start: '2023-04-01',
    due: '2026-08-31',
    shape: { straddle: { near: [121.12, 31.385], radiusM: 1000 } },
  },
  {
    name: '盐铁塘跨界河长联治',
    domain: 'cross_boundary',
    status: 'active',
    owner: '嘉定工业区管理委员会',
    start: '2023-06-01',
    due: '2027-05-31',
    shape: {
      line: [
        [121.2352, 31.4052],
        [121.2101, 31.4201],
        [121.1853, 31.4352],
        [121.1652, 31.4501],
        [121.1451, 31.4652],
        [121.1252, 31.4802],
      ],
    },
  },
  {
    name: '华亭—浏河城界治理联勤',
    domain: 'cross_boundary',
    status: 'planned',
    owner: '华亭镇人民政府',
    start: '2027-01-01',
    due: '2028-12-31',
    shape: {
      line: [
        [121.2651, 31.4651],
        [121.2601, 31.4801],
        [121.2551, 31.4951],
        [121.2502, 31.5101],
        [121.2451, 31.5252],
      ],
    },
  },
  {
    name: '嘉昆太干部共育实训基地',
    domain: 'cross_boundary',
    status: 'active',
    owner: '中共嘉定区委组织部',
    start: '2023-09-01',
    due: '2026-12-31',
    shape: { straddle: { near: [121.18, 31.465], radiusM: 1100 } },
  },
  {
    name: '嘉定—太仓沪宜公路跨界交通协同',
    domain: 'cross_boundary',
    status: 'planned',
    owner: '嘉定区交通委员会',
    start: '2027-03-01',
    due: '2029-06-30',
    shape: {
      line: [
        [121.2551, 31.4351],
        [121.2502, 31.4552],
        [121.2452, 31.4752],
        [121.2351, 31.4951],
        [121.2252, 31.5152],
      ],
    },
  },
];

const r6 = (p: Pos): Pos => [Number(p[0].toFixed(6)), Number(p[1].toFixed(6))];

/** A star-shaped (hence simple) irregular polygon around a centre. */
function blob(center: Pos, radiusM: number, rng: Rng): Pos[] {
  const c = toKm(center);
  const n = 11;
  const ring: Pos[] = [];
  for (let i = 0; i < n; i++) {
    const t = (2 * Math.PI * (i + rng.uniform(-0.25, 0.25))) / n;
    const r = (radiusM / 1000) * rng.uniform(0.75, 1.2);
    ring.push(r6(fromKm([c[0] + r * Math.cos(t), c[1] + r * Math.sin(t)])));
  }
  ring.push(at(ring, 0));
  return ring;
}

function ellipse(center: Pos, rxM: number, ryM: number): Pos[] {
  const c = toKm(center);
  const pts: Pos[] = [];
  for (let i = 0; i < 24; i++) {
    const t = (2 * Math.PI * i) / 24;
    pts.push(r6(fromKm([c[0] + (rxM / 1000) * Math.cos(t), c[1] + (ryM / 1000) * Math.sin(t)])));
  }
  pts.push(at(pts, 0));
  return pts;
}

function progressFor(status: ProjectStatus, rng: Rng): number {
  switch (status) {
    case 'planned':
      return 0;
    case 'done':
      return 100;
    case 'active':
      return rng.int(15, 90);
    case 'delayed':
      return rng.int(35, 85);
    case 'suspended':
      return rng.int(15, 55);
  }
}

export function buildProjects(
  partners: readonly Partner[],
  micros: CellIndex,
  communities: readonly Cell[],
  outline: Ring,
  rng: Rng,
): Project[] {
  const nearestOutlineVertex = (p: Pos): Pos =>
    outline.reduce((best, q) => (distKm(q, p) < distKm(best, p) ? q : best), at(outline, 0));
  return SPECS.map((spec, i) => {
    const owner = partners.find((p) => p.name === spec.owner);
    if (!owner) throw new Error(`projects: owner ${spec.owner} is not a partner`);
    const s = spec.shape;
    let geometry: Point | LineString | Polygon;
    if ('point' in s) geometry = { type: 'Point', coordinates: r6(s.point) };
    else if ('line' in s) geometry = { type: 'LineString', coordinates: s.line.map(r6) };
    else if ('loop' in s)
      geometry = { type: 'LineString', coordinates: ellipse(s.loop.center, s.loop.rxM, s.loop.ryM) };
    else if ('blob' in s)
      geometry = { type: 'Polygon', coordinates: [blob(s.blob.center, s.blob.radiusM, rng)] };
    else if ('straddle' in s) {
      const center = nearestOutlineVertex(s.straddle.near);
      geometry = { type: 'Polygon', coordinates: [blob(center, s.straddle.radiusM, rng)] };
    } else {
      const cell = communities.find((c) => c.name === s.cell);
      if (!cell) throw new Error(`projects: no community grid named ${s.cell}`);
      const shape: MultiPoly = cell.shape;
      geometry = { type: 'Polygon', coordinates: at(shape, 0) };
    }
    const cells = geometry.type === 'Point' ? (micros.only(geometry.coordinates as Pos)?.id ?? null) : null;
    const touched =
      geometry.type === 'Point' ? (cells ? [cells] : []) : micros.touching(geometry).map((c) => c.id);
    if (spec.status === 'done' && spec.due > AS_OF)
      throw new Error(`projects: ${spec.name} is done but due later`);
    if (spec.status === 'delayed' && spec.due >= AS_OF)
      throw new Error(`projects: ${spec.name} is delayed but not overdue`);
    if (spec.status === 'planned' && spec.start <= AS_OF)
      throw new Error(`projects: ${spec.name} is planned but started`);
    return {
      id: `P${String(i + 1).padStart(2, '0')}`,
      name: spec.name,
      domain: spec.domain,
      status: spec.status,
      progress: progressFor(spec.status, rng),
      owner: owner.id,
      start: spec.start,
      due: spec.due,
      cells: touched,
      geometry,
    };
  });
}
