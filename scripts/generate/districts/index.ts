/** The districts the generator knows, in the order of data/regions/index.json (the first is the default). */
import type { DistrictConfig } from '../district.ts';
import { JIADING } from './jiading/index.ts';
import { PUTUO } from './putuo/index.ts';

export const DISTRICTS: readonly DistrictConfig[] = [JIADING, PUTUO];
