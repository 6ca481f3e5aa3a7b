/**
 * Hand-entered facts about Putuo's 10 streets/towns (街镇) and a rough population-density field.
 * Codes and names are official (NBS 2023, data/reference/putuo-committees-nbs2023.csv). Seats (WGS84)
 * and areas are APPROXIMATE, from general public knowledge (street offices and published areas as
 * remembered, not surveyed; seats may be off by several hundred metres, areas by 10–20 %); they only
 * shape the generated towns. Population targets are synthetic, sized to the 2020 census total of about
 * 1.24 million. The density field marks the dense workers' new villages (工人新村) and old neighbourhoods
 * of the east, and thins out over parks, the Taopu industrial belt and the rail land of the north.
 */
import type { TownFact } from '../../district.ts';
import type { Pos } from '../../geo.ts';

export const CAOYANG = '310107005';
export const CHANGFENG = '310107014';
export const CHANGSHOU = '310107015';
export const GANQUAN = '310107016';
export const SHIQUAN = '310107017';
export const YICHUAN = '310107020';
export const WANLI = '310107021';
export const ZHENRU = '310107022';
export const CHANGZHENG = '310107102';
export const TAOPU = '310107103';

export const TOWNS: readonly TownFact[] = [
  {
    code: CAOYANG,
    name: '曹杨新村街道',
    nameEn: 'Caoyangxincun Subdistrict',
    seat: [121.404, 31.243],
    areaKm2: 2.13,
    population: 95_000,
  },
  {
    code: CHANGFENG,
    name: '长风新村街道',
    nameEn: 'Changfengxincun Subdistrict',
    seat: [121.387, 31.231],
    areaKm2: 6.35,
    population: 120_000,
  },
  {
    code: CHANGSHOU,
    name: '长寿路街道',
    nameEn: 'Changshoulu Subdistrict',
    seat: [121.433, 31.245],
    areaKm2: 3.72,
    population: 150_000,
  },
  {
    code: GANQUAN,
    name: '甘泉路街道',
    nameEn: 'Ganquanlu Subdistrict',
    seat: [121.427, 31.268],
    areaKm2: 2.18,
    population: 105_000,
  },
  {
    code: SHIQUAN,
    name: '石泉路街道',
    nameEn: 'Shiquanlu Subdistrict',
    seat: [121.418, 31.255],
    areaKm2: 2.68,
    population: 110_000,
  },
  {
    code: YICHUAN,
    name: '宜川路街道',
    nameEn: 'Yichuanlu Subdistrict',
    seat: [121.437, 31.258],
    areaKm2: 2.21,
    population: 110_000,
  },
  {
    code: WANLI,
    name: '万里街道',
    nameEn: 'Wanli Subdistrict',
    seat: [121.407, 31.269],
    areaKm2: 3.09,
    population: 85_000,
  },
  {
    code: ZHENRU,
    name: '真如镇街道',
    nameEn: 'Zhenruzhen Subdistrict',
    seat: [121.396, 31.254],
    areaKm2: 6.26,
    population: 155_000,
  },
  {
    code: CHANGZHENG,
    name: '长征镇',
    nameEn: 'Changzheng Town',
    seat: [121.372, 31.241],
    areaKm2: 8.0,
    population: 160_000,
  },
  {
    code: TAOPU,
    name: '桃浦镇',
    nameEn: 'Taopu Town',
    seat: [121.36, 31.283],
    areaKm2: 18.8,
    population: 150_000,
  },
];

/** Gaussian bumps of relative density: [lon, lat, peak, sigma km]. */
const BUMPS: readonly [number, number, number, number][] = [
  [121.406, 31.243, 1.0, 0.7], // 曹杨新村 (the first workers' new village)
  [121.433, 31.247, 1.1, 0.9], // 长寿路 old neighbourhoods
  [121.437, 31.258, 1.0, 0.7], // 宜川
  [121.427, 31.267, 0.9, 0.7], // 甘泉
  [121.418, 31.255, 0.9, 0.7], // 石泉
  [121.407, 31.27, 0.9, 0.8], // 万里城
  [121.396, 31.255, 0.7, 0.9], // 真如
  [121.385, 31.234, 0.8, 0.7], // 长风新村
  [121.372, 31.243, 0.8, 1.0], // 长征 (梅川路)
  [121.37, 31.281, 0.6, 0.8], // 桃浦新村
  [121.345, 31.29, 0.25, 1.2], // 桃浦 north-west
];

/** Places with few residents: [lon, lat, depth 0..1, sigma km]. */
const DIPS: readonly [number, number, number, number][] = [
  [121.3947, 31.2267, 0.7, 0.35], // 长风公园
  [121.352, 31.283, 0.6, 0.9], // 桃浦智创城 (former industrial belt, central green)
  [121.338, 31.293, 0.5, 0.8], // 桃浦 industrial north-west
  [121.388, 31.276, 0.4, 0.7], // rail land north of 真如
];

/** Baseline: the whole district is built up. */
const URBAN = 0.3;

/** Relative resident density at a point (dimensionless; scaled per town to its population). */
export function density(p: Pos): number {
  const kx = 111.32 * Math.cos((31.26 * Math.PI) / 180);
  const g = (lon: number, lat: number, sigma: number) => {
    const dx = (p[0] - lon) * kx;
    const dy = (p[1] - lat) * 110.574;
    return Math.exp(-(dx * dx + dy * dy) / (2 * sigma * sigma));
  };
  let d = URBAN;
  for (const [lon, lat, peak, sigma] of BUMPS) d += peak * g(lon, lat, sigma);
  for (const [lon, lat, depth, sigma] of DIPS) d *= 1 - depth * g(lon, lat, sigma);
  return d;
}
