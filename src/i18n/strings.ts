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
};

export const STRINGS: Record<Lang, Record<StringKey, string>> = { zh, en };

const NUMBER_FORMAT: Record<Lang, Intl.NumberFormat> = {
  zh: new Intl.NumberFormat('zh-CN'),
  en: new Intl.NumberFormat('en-US'),
};

export function formatNumber(lang: Lang, n: number): string {
  return NUMBER_FORMAT[lang].format(n);
}

/** Looks a string up and fills {placeholders}; numbers are formatted for the language. */
export function translate(lang: Lang, key: StringKey, params: Record<string, string | number> = {}): string {
  return STRINGS[lang][key].replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = params[name];
    if (value === undefined) return `{${name}}`;
    return typeof value === 'number' ? formatNumber(lang, value) : value;
  });
}
