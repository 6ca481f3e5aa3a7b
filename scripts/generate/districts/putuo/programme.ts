/**
 * Putuo's programme around the "靠谱" alliance: the summit article launches the 半马苏河 riverside
 * party-building brand on a "专委会 + 党建联盟" (committee + alliance) double track, signs the charging
 * build-out (200,000 new points) and presents the ten key projects of 2023, and names the fields the
 * alliance works in (资源整合, 平台搭建, 组织协调, 社会治理), which become the scorecard's categories.
 * Dates, members, the two planned area committees, meetings and most values are generated and marked so.
 */
import {
  activityTotals,
  type IndicatorsDoc,
  type ProgrammeContext,
  type ProgrammePlan,
  type Text,
} from '../../programme.ts';

const ARTICLE = '“同心共谱协奏曲 半马苏河开新篇”——普陀区“靠谱”区域化党建年度峰会（2023）';
const GENERATED_VALUE = 'generated: a plausible value, not from the source article';

const t = (zh: string, en: string): Text => ({ zh, en });
const FOCUS = {
  economy: t(
    '“靠谱”区域大市场、“专精特新”企业与营商环境',
    'the 靠谱 market, specialised SMEs and the business climate',
  ),
  city: t('城市更新、重点工程与网格治理', 'urban renewal, key projects and grid governance'),
  culture: t('“大思政课”、红色场馆与公共文化', 'civic education, red heritage sites and public culture'),
  innovation: t(
    '研发服务、数据产业集群与充换电网络',
    'R&D services, the data cluster and the charging network',
  ),
};

const PROFESSIONAL: ProgrammePlan['professional'] = (
  [
    ['economy', '普陀区商务委员会'],
    ['city', '普陀区建设和管理委员会'],
    ['culture', '普陀区文化和旅游局'],
    ['innovation', '普陀区科学技术委员会'],
  ] as const
).map(([id, lead]) => ({
  id,
  // The 2021 summit called for the 靠谱 alliance (article); the committees' date is generated.
  founded: '2021-12-20',
  lead,
  focus: FOCUS[id],
  source: ARTICLE,
  generated: true,
}));

const AREA_BODIES: ProgrammePlan['areaBodies'] = [
  {
    id: 'AC01',
    name: t('半马苏河滨河党建专委会', 'Suzhou Creek riverside committee'),
    status: 'founded',
    founded: '2023-03-01',
    lead: '普陀区水务局',
    cover: { domain: 'riverside' },
    members: ['“半马苏河”滨河党建联盟', '华东师范大学马克思主义学院', '长风生态商务区开发建设有限公司'],
    memberRadiusKm: 0.3,
    focus: t(
      '“半马苏河·七彩秀带”实事项目与滨河公共空间',
      'the seven riverside sections and the creek’s public space',
    ),
    source: ARTICLE,
    generated: true,
  },
  {
    id: 'AC02',
    name: t('桃浦智创城片区融委会', 'Taopu Smart City area committee'),
    status: 'planned',
    plannedFor: '2027-06-30',
    lead: '桃浦镇人民政府',
    cover: { near: [121.356, 31.2825], communities: 5 },
    members: ['上海桃浦智创城开发建设有限公司'],
    memberRadiusKm: 0.6,
    focus: t('产业转型与新就业群体服务', 'industrial change and services for new-employment workers'),
    generated: true,
  },
  {
    id: 'AC03',
    name: t('真如城市副中心片区融委会', 'Zhenru sub-centre area committee'),
    status: 'planned',
    plannedFor: '2027-12-31',
    lead: '真如镇街道办事处',
    cover: { near: [121.3955, 31.2555], communities: 5 },
    members: ['上海真如城市副中心开发建设有限公司', '真如境商业管理有限公司'],
    memberRadiusKm: 0.5,
    focus: t('副中心建设与商圈治理', 'building the sub-centre and running its shopping district'),
    generated: true,
  },
];

const MEETINGS: ProgrammePlan['meetings'] = [
  {
    date: '2023-03-01',
    kind: t('联席会', 'Joint meeting'),
    topic: t('“半马苏河”滨河党建品牌发布与专委会成立', 'Launching the riverside brand and its committee'),
    committee: 'AC01',
    projects: ['“半马苏河”滨河党建品牌'],
    participants: ['中共普陀区委组织部', '普陀区水务局'],
    decisions: [
      t('实行“专委会+党建联盟”双轨机制', 'run a committee and an alliance side by side'),
      t('七个滨河段各由一家牵头单位负责', 'one lead unit for each of the seven riverside sections'),
    ],
    source: ARTICLE,
    generated: true,
  },
  {
    date: '2023-04-12',
    topic: t('武宁路快速路通车后沿线环境整治', 'Wuning Road expressway: tidying the corridor after opening'),
    committee: 'city',
    projects: ['武宁路快速路'],
    participants: [
      '上海建工集团（市建工）武宁路快速路项目部',
      '上海隧道工程股份有限公司（市隧道）武宁路项目部',
      '普陀区绿化和市容管理局',
    ],
    decisions: [
      t('匝道口绿化与夜间照明同步完善', 'finish the planting and lighting at the ramps together'),
      t('沿线居委设意见收集点', 'feedback points in the residents’ committees along the road'),
    ],
    generated: true,
  },
  {
    date: '2023-05-17',
    topic: t('“靠谱”充换电网络共建：点位布设', 'The charging network: where the points go'),
    committee: 'innovation',
    projects: ['全市首个充换电设施技术标准（靠谱充换电网络）', '长寿路街道“靠谱”充换电网络共建'],
    participants: ['国网上海市区供电公司普陀供电服务中心', '普陀区房屋管理局'],
    decisions: [
      t('老旧小区优先布设共享充电桩', 'shared chargers first in the older estates'),
      t('年底前新增20万个充换电设施点位', '200,000 new charging points by the end of the year'),
    ],
    generated: true,
  },
  {
    date: '2023-09-20',
    topic: t('“大思政课”滨河课堂', 'Civic education by the creek'),
    committee: 'culture',
    projects: [
      '上海“大思政课”建设整体试验区（普陀）',
      '半马苏河·七彩秀带（紫）：华东师大段滨河“大思政课”课堂',
    ],
    participants: ['华东师范大学马克思主义学院', '普陀区教育局'],
    decisions: [
      t('红色场馆与滨河驿站纳入课程点位', 'red heritage sites and riverside stations become class venues'),
      t('每学期每校至少一次滨河课堂', 'at least one riverside class per school per term'),
    ],
    generated: true,
  },
  {
    date: '2024-06-19',
    topic: t('七彩秀带中山北路段进度滞后协调', 'The Zhongshan North Road section is behind schedule'),
    committee: 'AC01',
    projects: ['半马苏河·七彩秀带（黄）：中山北路段滨河公共空间更新'],
    participants: ['普陀区建设和管理委员会', '“半马苏河”滨河党建联盟'],
    decisions: [
      t('分两期实施，先贯通步道', 'two phases: open the footpath first'),
      t('施工围挡设临时通道', 'temporary passages through the hoardings'),
    ],
    generated: true,
  },
  {
    date: '2025-11-19',
    topic: t('真如城市副中心片区融委会筹建', 'Preparing the Zhenru sub-centre committee'),
    committee: 'AC03',
    projects: ['真如城市副中心核心区建设'],
    participants: ['真如镇街道办事处', '真如境商业管理有限公司'],
    decisions: [
      t('2027年底前成立片区融委会', 'found the area committee by the end of 2027'),
      t('商圈企业党组织纳入网格', 'bring the shopping district’s firms into the grid'),
    ],
    generated: true,
  },
  {
    date: '2026-05-20',
    topic: t('桃浦智创城片区融委会筹建', 'Preparing the Taopu Smart City committee'),
    committee: 'AC02',
    projects: ['桃浦智创城中央绿地'],
    participants: ['桃浦镇人民政府', '桃浦镇新就业群体服务站'],
    decisions: [
      t('中央绿地开放后设党群服务点', 'a party service point once the central park opens'),
      t('园区企业与周边居委结对', 'pair the park’s firms with the residents’ committees around it'),
    ],
    generated: true,
  },
];

const CATEGORIES = [
  { id: 'resources', name: t('资源整合', 'Pooling resources') },
  { id: 'platforms', name: t('平台搭建', 'Building platforms') },
  { id: 'organisation', name: t('组织协调', 'Coordination') },
  { id: 'governance', name: t('社会治理', 'Local governance') },
];

const UNIT = { count: t('个', ''), percent: t('%', '%'), hours: t('小时', 'h'), points: t('个', 'points') };
const COMPUTED = t(
  '目标与历史值为生成数据；实际值由数据包计算',
  'target and history generated; actual computed from the pack',
);

function indicators(ctx: ProgrammeContext): IndicatorsDoc {
  const year = activityTotals(ctx, '2025-11-01', '2026-10-31');
  const hours = Math.round(year.hours);
  const roundTo = (x: number, step: number) => Math.round(x / step) * step;
  const list: IndicatorsDoc['indicators'] = [
    {
      id: 'R01',
      category: 'resources',
      name: t('“靠谱”区域化党建单位', '靠谱 alliance partner units'),
      unit: UNIT.count,
      target: 80,
      compute: { key: 'partner-count' },
      trend: [
        { period: '2022', value: 64 },
        { period: '2024', value: 81 },
      ],
      note: COMPUTED,
      generated: true,
    },
    {
      id: 'R02',
      category: 'resources',
      name: t('新增充换电设施点位', 'New charging points'),
      unit: UNIT.points,
      target: 200_000,
      actual: 131_000,
      source: GENERATED_VALUE,
      period: '2023',
      previous: 58_000,
      note: t(
        '目标来自原文（20万个）；实际值为生成数据',
        'target from the article (200,000); actual generated',
      ),
      generated: true,
    },
    {
      id: 'R03',
      category: 'resources',
      name: t('2023年十大重点建设项目', 'Ten key construction projects of 2023'),
      unit: UNIT.count,
      target: 10,
      compute: { key: 'project-count', domain: 'key_project' },
      note: t('目标来自原文；实际值由数据包计算', 'target from the article; actual computed from the pack'),
    },
    {
      id: 'P01',
      category: 'platforms',
      name: t('新兴领域党组织“靠谱发展力指数”', 'The 靠谱 development index for new organisations'),
      unit: UNIT.count,
      target: 1,
      actual: 1,
      source: ARTICLE,
      period: '2023',
      note: t('原文宣布推出；完成情况为生成数据', 'announced in the article; completion generated'),
      generated: true,
    },
    {
      id: 'P02',
      category: 'platforms',
      name: t('“半马苏河·七彩秀带”完成段', 'Riverside sections completed'),
      unit: UNIT.count,
      target: 7,
      compute: { key: 'project-count', domain: 'riverside', status: 'done' },
      note: t(
        '目标为生成数据（七段）；实际值由数据包计算',
        'target generated (seven sections); actual computed from the pack',
      ),
      generated: true,
    },
    {
      id: 'O01',
      category: 'organisation',
      name: t('滨河与片区党建组织成立', 'Riverside and area committees founded'),
      unit: UNIT.count,
      target: 3,
      compute: { key: 'committee-count', kind: 'area', status: 'founded' },
      note: t('目标为生成数据；实际值由数据包计算', 'target generated; actual computed from the pack'),
      generated: true,
    },
    {
      id: 'O02',
      category: 'organisation',
      name: t('村居网格结对覆盖率', 'Community grids with a paired unit'),
      unit: UNIT.percent,
      target: 60,
      compute: { key: 'partner-coverage', level: 'community' },
      trend: [
        { period: '2024', value: 31 },
        { period: '2025', value: 39 },
      ],
      note: COMPUTED,
      generated: true,
    },
    {
      id: 'G01',
      category: 'governance',
      name: t('小微网格', 'Micro grids'),
      unit: UNIT.count,
      target: 1710,
      compute: { key: 'cell-count', level: 'micro' },
      note: t('目标为生成数据；实际值由数据包计算', 'target generated; actual computed from the pack'),
      generated: true,
    },
    {
      id: 'G02',
      category: 'governance',
      name: t('志愿服务时长（近一年）', 'Volunteer hours (last 12 months)'),
      unit: UNIT.hours,
      target: roundTo(hours * 1.05, 10_000),
      compute: { key: 'volunteer-hours', from: '2025-11-01', to: '2026-10-31' },
      period: '2025-11 – 2026-10',
      trend: [
        { period: '2024', value: roundTo(hours * 0.88, 100) },
        { period: '2025', value: roundTo(hours * 0.95, 100) },
      ],
      note: COMPUTED,
      generated: true,
    },
    {
      id: 'G03',
      category: 'governance',
      name: t('党群服务站点', 'Party service stations'),
      unit: UNIT.count,
      target: 60,
      compute: { key: 'service-count', kind: 'party_service_center' },
      note: COMPUTED,
      generated: true,
    },
  ];
  return {
    title: t('普陀区“靠谱”区域化党建年度目标', 'Putuo 靠谱 alliance targets'),
    asOf: '2026-10-31',
    source: ARTICLE,
    categories: CATEGORIES,
    indicators: list,
  };
}

/** The article, as the README cites it. */
export const PUTUO_ARTICLE = ARTICLE;

export const PUTUO_PROGRAMME: ProgrammePlan = {
  professional: PROFESSIONAL,
  areaBodies: AREA_BODIES,
  meetings: MEETINGS,
  indicators,
};
