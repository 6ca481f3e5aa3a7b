/**
 * Putuo's projects, from the 2023 "靠谱" summit article: the key construction projects (the 武宁路
 * expressway and nine others in the article's categories — 重大交通工程, 美丽道路建设, 老旧小区更新; their
 * names and footprints are plausible inventions), the "半马苏河" riverside brand along Suzhou Creek with
 * its "七彩秀带" sections, the "靠谱" charging-network build-out (200,000 new points, shared over the
 * towns), the "专精特新" SME support action, the research centre and its index, the "大思政课" pilot,
 * and a few alliance cases the article tells. Hand-drawn coordinates are approximate (±200 m or worse).
 */
import { allocate } from '../../allocate.ts';
import { at, bboxOf, type MultiPoly, type Pos, pointInShape } from '../../geo.ts';
import type { ProjectContext, ProjectSpec, ProjectStatus } from '../../projects.ts';
import { creekLengthKm, creekStretch, riversideBands, suzhouCreek } from './creek.ts';

/** The article's figure: new charging / battery-swap points planned by the end of 2023. */
export const CHARGING_POINTS = 200_000;

/** The "七彩秀带" sections, west to east: [colour, name, owner, status, start, due]. */
const SECTIONS: readonly [string, string, string, ProjectStatus, string, string][] = [
  ['绿', '长征段滨河生态绿道', '普陀区绿化和市容管理局', 'done', '2023-03-01', '2024-10-31'],
  [
    '橙',
    '长风大悦城段滨河商业活力带',
    '长风生态商务区开发建设有限公司',
    'active',
    '2023-05-01',
    '2026-12-31',
  ],
  ['蓝', '长风公园段亲水平台与水岸贯通', '普陀区水务局', 'done', '2023-03-01', '2025-06-30'],
  ['紫', '华东师大段滨河“大思政课”课堂', '华东师范大学马克思主义学院', 'active', '2023-09-01', '2027-06-30'],
  ['黄', '中山北路段滨河公共空间更新', '普陀区建设和管理委员会', 'delayed', '2023-06-01', '2026-03-31'],
  ['红', '梦清园段红色滨河党建驿站群', '梦清园（苏州河展示中心）', 'active', '2023-04-01', '2027-03-31'],
  ['青', 'M50—天安千树段青年创意水岸', 'M50创意园', 'planned', '2027-03-01', '2028-12-31'],
];

/** Per town, in NBS order: status of its charging build-out (all due by the end of 2023, as planned). */
const CHARGING_STATUS: readonly ProjectStatus[] = [
  'done',
  'done',
  'delayed',
  'done',
  'done',
  'delayed',
  'done',
  'done',
  'delayed',
  'delayed',
];

/** A random point inside the micro grid (and only it). */
function pointInMicro(ctx: ProjectContext, shape: MultiPoly, id: string): Pos {
  const [minX, minY, maxX, maxY] = bboxOf(shape);
  for (let i = 0; i < 500; i++) {
    const p: Pos = [
      Number(ctx.rng.uniform(minX, maxX).toFixed(6)),
      Number(ctx.rng.uniform(minY, maxY).toFixed(6)),
    ];
    if (pointInShape(p, shape) && ctx.micros.only(p)?.id === id) return p;
  }
  throw new Error(`projects: no point inside ${id}`);
}

/** A point ~offsetM inland from the creek's stretch midpoint, inside exactly one micro grid. */
function inland(ctx: ProjectContext, line: Pos[]): Pos {
  const mid = at(line, Math.floor(line.length / 2));
  const prev = at(line, Math.max(0, Math.floor(line.length / 2) - 1));
  const dx = mid[0] - prev[0];
  const dy = mid[1] - prev[1];
  const len = Math.hypot(dx, dy) || 1;
  for (let m = 80; m <= 600; m += 20) {
    for (const side of [1, -1]) {
      // Perpendicular to the creek (in degrees, good enough for a few hundred metres).
      const k = (m / 111_000) * side;
      const p: Pos = [
        Number((mid[0] - (dy / len) * k).toFixed(6)),
        Number((mid[1] + (dx / len) * k).toFixed(6)),
      ];
      if (ctx.micros.only(p)) return p;
    }
  }
  throw new Error('projects: no riverside station site');
}

export function putuoProjects(ctx: ProjectContext): ProjectSpec[] {
  const posOf = (name: string): Pos => {
    const p = ctx.partners.find((x) => x.name === name);
    if (!p) throw new Error(`projects: ${name} is not a partner`);
    return p.pos;
  };
  const creek = suzhouCreek(ctx.outline);
  const creekKm = creekLengthKm(creek);
  const specs: ProjectSpec[] = [];
  const key = (
    name: string,
    category: string,
    owner: string,
    status: ProjectStatus,
    start: string,
    due: string,
    shape: ProjectSpec['shape'],
  ) => specs.push({ name, domain: 'key_project', status, owner, start, due, shape, extra: { category } });

  // 2023年十大重点建设项目
  key(
    '武宁路快速路',
    '重大交通工程',
    '上海城投公路投资（集团）有限公司（市公投）武宁路快速路项目部',
    'done',
    '2019-12-01',
    '2023-06-30',
    {
      line: [
        [121.3868, 31.2527],
        [121.3935, 31.2506],
        [121.4012, 31.2478],
        [121.4066, 31.2461],
        [121.4118, 31.2443],
        [121.4178, 31.2421],
        [121.4245, 31.2396],
      ],
    },
  );
  key(
    '真北路（中环）美丽道路',
    '美丽道路建设',
    '普陀区建设和管理委员会',
    'done',
    '2023-03-01',
    '2024-12-31',
    {
      line: [
        [121.3872, 31.2262],
        [121.3866, 31.2355],
        [121.3858, 31.2452],
        [121.385, 31.2551],
        [121.3843, 31.2648],
        [121.3836, 31.2718],
      ],
    },
  );
  key('金沙江路美丽道路', '美丽道路建设', '普陀区建设和管理委员会', 'active', '2023-04-01', '2026-12-31', {
    line: [
      [121.3655, 31.2336],
      [121.3752, 31.2333],
      [121.385, 31.233],
      [121.3951, 31.2324],
      [121.4052, 31.232],
      [121.4124, 31.2318],
    ],
  });
  key('曹杨一村成套改造', '老旧小区更新', '普陀区房屋管理局', 'done', '2021-06-01', '2023-12-31', {
    blob: { center: [121.4075, 31.2435], radiusM: 180 },
  });
  key(
    '宜川路街道旧住房成套改造',
    '老旧小区更新',
    '上海普陀城市更新发展有限公司',
    'active',
    '2023-05-01',
    '2027-06-30',
    {
      blob: { center: [121.4385, 31.2575], radiusM: 220 },
    },
  );
  key(
    '长寿路街道“美丽家园”综合修缮',
    '老旧小区更新',
    '普陀区房屋管理局',
    'delayed',
    '2023-03-01',
    '2026-06-30',
    {
      blob: { center: [121.4305, 31.2465], radiusM: 260 },
    },
  );
  key(
    '真如城市副中心核心区建设',
    '城市更新',
    '上海真如城市副中心开发建设有限公司',
    'active',
    '2023-01-01',
    '2028-12-31',
    {
      blob: { center: [121.3955, 31.2555], radiusM: 650 },
    },
  );
  key(
    '桃浦智创城中央绿地',
    '生态绿地',
    '上海桃浦智创城开发建设有限公司',
    'done',
    '2023-01-01',
    '2025-06-30',
    {
      blob: { center: [121.352, 31.2835], radiusM: 600 },
    },
  );
  key(
    '长风生态商务区二期',
    '城市更新',
    '长风生态商务区开发建设有限公司',
    'active',
    '2023-02-01',
    '2027-12-31',
    {
      blob: { center: [121.3885, 31.225], radiusM: 380 },
    },
  );
  key('普陀区中心医院改扩建', '公共服务设施', '普陀区卫生健康委员会', 'delayed', '2023-06-01', '2026-09-30', {
    point: posOf('普陀区中心医院'),
  });

  // 半马苏河: the brand along the whole creek, its seven sections, and a station by each.
  specs.push({
    name: '“半马苏河”滨河党建品牌',
    domain: 'riverside',
    status: 'active',
    owner: '“半马苏河”滨河党建联盟',
    start: '2023-03-01',
    due: '2027-12-31',
    shape: { geometry: { type: 'LineString', coordinates: creek } },
    extra: { lengthKm: Math.round(creekKm * 10) / 10 },
  });
  const step = creekKm / SECTIONS.length;
  const stations: Pos[] = [];
  const bands = riversideBands(creek, SECTIONS.length, 200, ctx.outline);
  SECTIONS.forEach(([colour, name, owner, status, start, due], i) => {
    const from = i * step;
    const to = (i + 1) * step;
    specs.push({
      name: `半马苏河·七彩秀带（${colour}）：${name}`,
      domain: 'riverside',
      status,
      owner,
      start,
      due,
      shape: { geometry: at(bands, i) },
      extra: { section: i + 1, colour, creekKm: [Math.round(from * 10) / 10, Math.round(to * 10) / 10] },
    });
    stations.push(inland(ctx, creekStretch(creek, from, to).coordinates as Pos[]));
  });
  specs.push({
    name: '半马苏河滨河党建驿站（七彩驿站）',
    domain: 'riverside',
    status: 'active',
    owner: '“半马苏河”滨河党建联盟',
    start: '2023-06-01',
    due: '2026-12-31',
    shape: { points: stations },
  });

  // 靠谱充换电网络共建行动: the standard, then the build-out town by town.
  specs.push({
    name: '全市首个充换电设施技术标准（靠谱充换电网络）',
    domain: 'charging',
    status: 'done',
    owner: '上海电器科学研究所（集团）有限公司（电科所）',
    start: '2023-03-01',
    due: '2023-12-31',
    shape: { point: posOf('上海电器科学研究所（集团）有限公司（电科所）') },
    extra: { targetPoints: CHARGING_POINTS },
  });
  const townPeople = ctx.towns.map((t) =>
    ctx.micros.cells
      .filter((c) => c.town === t.fact.code)
      .reduce((s, c) => s + (ctx.population.get(c.id) ?? 0), 0),
  );
  const planned = allocate(CHARGING_POINTS, townPeople, 0);
  ctx.towns.forEach((town, ti) => {
    const micros = ctx.micros.cells.filter((c) => c.town === town.fact.code);
    const hubs = Math.min(8, Math.max(3, Math.round(at(townPeople, ti) / 25_000)));
    const weights = micros.map((c) => ctx.population.get(c.id) ?? 0);
    const sites: Pos[] = [];
    for (let h = 0; h < hubs; h++) {
      const i = ctx.rng.weighted(weights);
      weights[i] = 0;
      const cell = at(micros, i);
      sites.push(pointInMicro(ctx, cell.shape, cell.id));
    }
    specs.push({
      name: `${town.fact.name}“靠谱”充换电网络共建`,
      domain: 'charging',
      status: at(CHARGING_STATUS, ti),
      owner: '上海普陀新能源充换电服务有限公司',
      start: '2023-03-01',
      due: '2023-12-31',
      shape: { points: sites },
      extra: { plannedPoints: at(planned, ti), hubs },
    });
  });

  // 专精特新 SMEs, 靠谱贷
  specs.push({
    name: '党建引领“专精特新”中小企业发展星火行动',
    domain: 'sme',
    status: 'active',
    owner: '普陀区中小企业服务中心',
    start: '2023-03-01',
    due: '2026-12-31',
    shape: { point: posOf('普陀区中小企业服务中心') },
  });
  specs.push({
    name: '“靠谱贷”助力本地即时电商平台上线',
    domain: 'sme',
    status: 'done',
    owner: '普陀区金融服务办公室',
    start: '2022-06-01',
    due: '2023-03-31',
    shape: { point: posOf('饿了么（拉扎斯网络科技）') },
  });
  specs.push({
    name: '普世万联：为修订《上海市优化营商环境条例》建言献策',
    domain: 'sme',
    status: 'done',
    owner: '普世万联',
    start: '2022-09-01',
    due: '2023-06-30',
    shape: { point: posOf('普世万联') },
  });

  // Research and civic education (华东师范大学)
  specs.push({
    name: '普陀区新兴领域党建研究中心',
    domain: 'research',
    status: 'active',
    owner: '华东师范大学马克思主义学院',
    start: '2023-03-01',
    due: '2027-12-31',
    shape: { point: posOf('普陀区新兴领域党建研究中心') },
  });
  specs.push({
    name: '新兴领域党组织“靠谱发展力指数”',
    domain: 'research',
    status: 'done',
    owner: '普陀区新兴领域党建研究中心',
    start: '2023-03-01',
    due: '2024-12-31',
    shape: { point: posOf('普陀区新兴领域党建研究中心') },
  });
  specs.push({
    name: '科研院所供需对接平台（检验检测·研发设计）',
    domain: 'research',
    status: 'active',
    owner: '华东电力设计院',
    start: '2023-04-01',
    due: '2026-12-31',
    shape: { point: posOf('华东电力设计院') },
  });
  specs.push({
    name: '上海“大思政课”建设整体试验区（普陀）',
    domain: 'education',
    status: 'active',
    owner: '华东师范大学（中山北路校区）',
    start: '2023-03-01',
    due: '2027-08-31',
    shape: {
      // 华东师大 (reference), 顾正红纪念馆, 曹杨新村村史馆, 梦清园 (reference): approximate sites.
      points: [
        posOf('华东师范大学（中山北路校区）'),
        [121.4375, 31.2458],
        [121.4068, 31.2428],
        posOf('梦清园（苏州河展示中心）'),
      ],
    },
  });

  // Industry, new employment groups, the grid
  specs.push({
    name: '上海数字创新大会“靠谱”数据产业集群',
    domain: 'industry',
    status: 'active',
    owner: '360数字安全（上海）',
    start: '2023-03-01',
    due: '2027-12-31',
    shape: { blob: { center: [121.3475, 31.2875], radiusM: 520 } },
  });
  specs.push({
    name: '中以长三角科创人才基金：钉钉健康等项目落户',
    domain: 'industry',
    status: 'done',
    owner: '中以长三角科创人才基金',
    start: '2023-03-01',
    due: '2024-06-30',
    shape: { point: posOf('中以长三角科创人才基金') },
  });
  specs.push({
    name: '外卖骑手“暖新驿站”随手带·随车送',
    domain: 'new_employment',
    status: 'active',
    owner: '普陀区外卖骑手“暖新驿站”',
    start: '2022-05-01',
    due: '2026-12-31',
    shape: { point: posOf('普陀区外卖骑手“暖新驿站”') },
  });
  specs.push({
    name: '“人靠谱、事办妥”三级网格服务',
    domain: 'grid',
    status: 'active',
    owner: '普陀区城市运行管理中心',
    start: '2022-01-01',
    due: '2027-12-31',
    shape: { point: posOf('普陀区城市运行管理中心') },
  });
  return specs;
}
