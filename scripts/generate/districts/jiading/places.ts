/**
 * Hand-entered facts about Jiading's 12 streets/towns (街镇) and a rough population-density field.
 * Seats and areas are from shared/CONTEXT.md (approximate); population totals are synthetic but sized
 * to the 2020 census total of about 1.83 million; the density bumps mark the real urban cores (old
 * town, new city around Yuanxiang Lake, Nanxiang, Jiangqiao/Zhenxin next to Putuo, Anting).
 */
import type { TownFact } from '../../district.ts';
import type { Pos } from '../../geo.ts';

export const TOWNS: readonly TownFact[] = [
  {
    code: '310114001',
    name: '新成路街道',
    nameEn: 'Xinchenglu Subdistrict',
    seat: [121.2662, 31.3849],
    areaKm2: 5.7,
    population: 95_000,
  },
  {
    code: '310114002',
    name: '真新街道',
    nameEn: 'Zhenxin Subdistrict',
    seat: [121.3586, 31.252],
    areaKm2: 5.2,
    population: 115_000,
  },
  {
    code: '310114004',
    name: '嘉定镇街道',
    nameEn: 'Jiadingzhen Subdistrict',
    seat: [121.2455, 31.384],
    areaKm2: 4.0,
    population: 70_000,
  },
  {
    code: '310114102',
    name: '南翔镇',
    nameEn: 'Nanxiang Town',
    seat: [121.2956, 31.3081],
    areaKm2: 33.0,
    population: 240_000,
  },
  {
    code: '310114103',
    name: '安亭镇',
    nameEn: 'Anting Town',
    seat: [121.1963, 31.2996],
    areaKm2: 87.3,
    population: 265_000,
  },
  {
    code: '310114106',
    name: '马陆镇',
    nameEn: 'Malu Town',
    seat: [121.292, 31.3597],
    areaKm2: 63.3,
    population: 280_000,
  },
  {
    code: '310114109',
    name: '徐行镇',
    nameEn: 'Xuhang Town',
    seat: [121.2843, 31.4331],
    areaKm2: 40.0,
    population: 75_000,
  },
  {
    code: '310114111',
    name: '华亭镇',
    nameEn: 'Huating Town',
    seat: [121.2626, 31.4672],
    areaKm2: 39.7,
    population: 42_000,
  },
  {
    code: '310114114',
    name: '外冈镇',
    nameEn: 'Waigang Town',
    seat: [121.1455, 31.3649],
    areaKm2: 50.9,
    population: 78_000,
  },
  {
    code: '310114118',
    name: '江桥镇',
    nameEn: 'Jiangqiao Town',
    seat: [121.2996, 31.2624],
    areaKm2: 42.1,
    population: 300_000,
  },
  {
    code: '310114401',
    name: '菊园新区',
    nameEn: 'Juyuan New District',
    seat: [121.2135, 31.3762],
    areaKm2: 18.7,
    population: 100_000,
  },
  {
    code: '310114501',
    name: '嘉定工业区',
    nameEn: 'Jiading Industrial Zone',
    seat: [121.1982, 31.4277],
    areaKm2: 71.8,
    population: 170_000,
  },
];

/** Gaussian bumps of relative density: [lon, lat, peak, sigma km]. */
const BUMPS: readonly [number, number, number, number][] = [
  [121.2455, 31.384, 1.0, 1.1], // 嘉定老城 (old town inside the moat)
  [121.266, 31.386, 0.9, 1.3], // 新成路
  [121.222, 31.382, 0.8, 1.3], // 菊园
  [121.25, 31.356, 0.7, 1.6], // 新城核心 around 远香湖
  [121.288, 31.356, 0.6, 1.3], // 马陆镇区
  [121.308, 31.3, 0.9, 1.5], // 南翔镇区
  [121.335, 31.288, 0.6, 1.0], // 南翔东片区
  [121.36, 31.25, 1.2, 1.6], // 真新
  [121.325, 31.258, 0.9, 1.8], // 江桥东 (next to Putuo)
  [121.29, 31.255, 0.6, 1.1], // 江桥金鹤
  [121.165, 31.292, 0.8, 1.6], // 安亭镇区 / 汽车城
  [121.215, 31.262, 0.5, 1.1], // 安亭黄渡
  [121.145, 31.365, 0.5, 0.9], // 外冈
  [121.284, 31.432, 0.5, 0.9], // 徐行
  [121.263, 31.466, 0.45, 0.7], // 华亭
  [121.215, 31.415, 0.6, 1.3], // 嘉定工业区 (北)
  [121.237, 31.432, 0.35, 0.7], // 娄塘
];

/** Countryside baseline: farmland, hamlets and factories still hold some residents. */
const RURAL = 0.035;

/** Relative resident density at a point (dimensionless; scaled per town to its population). */
export function density(p: Pos): number {
  const kx = 111.32 * Math.cos((31.36 * Math.PI) / 180);
  let d = RURAL;
  for (const [lon, lat, peak, sigma] of BUMPS) {
    const dx = (p[0] - lon) * kx;
    const dy = (p[1] - lat) * 110.574;
    d += peak * Math.exp(-(dx * dx + dy * dy) / (2 * sigma * sigma));
  }
  return d;
}
