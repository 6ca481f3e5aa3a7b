import type { Lang } from '../data/localized.ts';

/** Every user-facing string, in Chinese (default) and English. Keys say where the string is used. */
const zh = {
  appName: '网格图谱',
  loadingPack: '正在加载区域数据包…',
  packErrorTitle: '无法加载区域数据包“{region}”',
  packErrorKept: '仍显示上次成功加载的数据。',
  packErrorNone: '没有可显示的数据。请修正数据包后刷新页面。',
  configError: '配置文件有误，使用默认配置：{message}',
  indexError: '无法读取区域列表：{message}',
  basemapError: '底图不可用，仅显示网格：{message}',
  moreProblems: '另有 {count} 条问题未列出',
  levelLegend: '网格层级',
  cells: '{count} 个',
  syntheticData: '示例数据（生成）',
  language: 'English',
  languageLabel: '切换语言',
  attributionLabel: '数据来源',
  unknownRegion: '没有名为“{region}”的区域数据包，已打开“{fallback}”。',
  mapLabel: '{region}网格地图',
  breadcrumbLabel: '当前位置',
  district: '全区',
  town: '街镇',
  searchLabel: '搜索网格、村居委或街镇',
  searchPlaceholder: '搜索名称、编码或编号…',
  searchNoResults: '没有找到“{query}”',
  searchGroupTown: '街镇',
  close: '关闭',
  goUp: '返回上一级',
  panelLabel: '网格详情',
  code: '编码',
  leader: '网格长',
  population: '人口',
  households: '户数',
  partyMembers: '党员',
  rollupFrom: '合计自 {count} 个{level}',
  rollupPartial: '（其中 {known}/{count} 个有数据）',
  notRecorded: '未登记',
  children: '下级网格',
  partners: '结对共建单位',
  partnersNone: '没有结对或驻区单位',
  partnerPaired: '结对',
  partnerInside: '驻区',
  projects: '项目',
  projectsNone: '没有涉及本网格的项目',
  due: '截止 {date}',
  progress: '进度',
  activity: '志愿服务',
  activityWindow: '时间范围',
  window4: '近4周',
  window12: '近12周',
  window52: '近52周',
  windowFrom: '开始日期',
  windowTo: '结束日期',
  events: '活动次数',
  volunteers: '参与人次',
  hours: '服务时长（小时）',
  daysSince: '距上次活动',
  daysSinceValue: '{days} 天',
  noActivityEver: '从未有活动记录',
  latestEvents: '最近的活动',
  weeklyChart: '每周活动次数',
  weekOf: '{date} 当周',
  unknownCell: '数据包“{region}”中没有编号为“{id}”的网格或街镇，已显示全区。',
  status_planned: '计划',
  status_active: '进行中',
  status_done: '已完成',
  status_delayed: '滞后',
  status_suspended: '暂停',
  kind_government: '政府部门',
  kind_state_enterprise: '国有企业',
  kind_enterprise: '企业',
  kind_university: '高校',
  kind_hospital: '医院',
  kind_school: '学校',
  kind_social_org: '社会组织',
  kind_community_org: '社区组织',
  kind_other: '其他',
} as const;

export type StringKey = keyof typeof zh;

const en: Record<StringKey, string> = {
  appName: 'GridAtlas',
  loadingPack: 'Loading the region pack…',
  packErrorTitle: 'The region pack “{region}” could not be loaded',
  packErrorKept: 'The last data that loaded is still shown.',
  packErrorNone: 'There is nothing to show. Fix the pack and reload the page.',
  configError: 'The configuration file is invalid; using defaults: {message}',
  indexError: 'Cannot read the list of regions: {message}',
  basemapError: 'The basemap is unavailable; showing the grid alone: {message}',
  moreProblems: '{count} more problems not listed',
  levelLegend: 'Grid levels',
  cells: '{count}',
  syntheticData: 'Sample data (generated)',
  language: '中文',
  languageLabel: 'Switch language',
  attributionLabel: 'Data sources',
  unknownRegion: 'There is no region pack “{region}”; opened “{fallback}” instead.',
  mapLabel: 'Grid map of {region}',
  breadcrumbLabel: 'You are here',
  district: 'District',
  town: 'Street/town',
  searchLabel: 'Search grids, committees or streets/towns',
  searchPlaceholder: 'Search by name, code or id…',
  searchNoResults: 'Nothing found for “{query}”',
  searchGroupTown: 'Streets/towns',
  close: 'Close',
  goUp: 'Up one level',
  panelLabel: 'Cell details',
  code: 'Code',
  leader: 'Grid leader',
  population: 'Population',
  households: 'Households',
  partyMembers: 'Party members',
  rollupFrom: 'sum of {count} {level}',
  rollupPartial: ' ({known} of {count} with data)',
  notRecorded: 'not recorded',
  children: 'Cells below',
  partners: 'Partner units',
  partnersNone: 'No paired or resident units',
  partnerPaired: 'paired',
  partnerInside: 'resident',
  projects: 'Projects',
  projectsNone: 'No project touches this cell',
  due: 'due {date}',
  progress: 'Progress',
  activity: 'Volunteer activity',
  activityWindow: 'Time window',
  window4: 'Last 4 weeks',
  window12: 'Last 12 weeks',
  window52: 'Last 52 weeks',
  windowFrom: 'From',
  windowTo: 'To',
  events: 'Events',
  volunteers: 'Volunteers',
  hours: 'Hours',
  daysSince: 'Since the last activity',
  daysSinceValue: '{days} days',
  noActivityEver: 'No activity recorded',
  latestEvents: 'Latest events',
  weeklyChart: 'Events per week',
  weekOf: 'week of {date}',
  unknownCell: 'Region pack “{region}” has no cell or street/town with id “{id}”; showing the district.',
  status_planned: 'planned',
  status_active: 'active',
  status_done: 'done',
  status_delayed: 'delayed',
  status_suspended: 'suspended',
  kind_government: 'government',
  kind_state_enterprise: 'state enterprise',
  kind_enterprise: 'enterprise',
  kind_university: 'university',
  kind_hospital: 'hospital',
  kind_school: 'school',
  kind_social_org: 'social organisation',
  kind_community_org: 'community organisation',
  kind_other: 'other',
};

export const STRINGS: Record<Lang, Record<StringKey, string>> = { zh, en };

const NUMBER_FORMAT: Record<Lang, Intl.NumberFormat> = {
  zh: new Intl.NumberFormat('zh-CN'),
  en: new Intl.NumberFormat('en-US'),
};

export function formatNumber(lang: Lang, n: number): string {
  return NUMBER_FORMAT[lang].format(n);
}

// Pack times carry +08:00; dates are shown on Shanghai's calendar wherever the screen is.
const DATE_FORMAT: Record<Lang, Intl.DateTimeFormat> = {
  zh: new Intl.DateTimeFormat('zh-CN', {
    timeZone: 'Asia/Shanghai',
    year: 'numeric',
    month: 'short',
    day: 'numeric',
  }),
  en: new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Asia/Shanghai',
    year: 'numeric',
    month: 'short',
    day: 'numeric',
  }),
};
const DATE_TIME_FORMAT: Record<Lang, Intl.DateTimeFormat> = {
  zh: new Intl.DateTimeFormat('zh-CN', {
    timeZone: 'Asia/Shanghai',
    month: 'short',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  }),
  en: new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Asia/Shanghai',
    month: 'short',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  }),
};

export function formatDate(lang: Lang, t: number | Date): string {
  return DATE_FORMAT[lang].format(t);
}

export function formatDateTime(lang: Lang, t: number | Date): string {
  return DATE_TIME_FORMAT[lang].format(t);
}

/** Looks a string up and fills {placeholders}; numbers are formatted for the language. */
export function translate(lang: Lang, key: StringKey, params: Record<string, string | number> = {}): string {
  return STRINGS[lang][key].replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = params[name];
    if (value === undefined) return `{${name}}`;
    return typeof value === 'number' ? formatNumber(lang, value) : value;
  });
}
