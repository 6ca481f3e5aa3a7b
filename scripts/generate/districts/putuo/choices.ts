/**
 * Putuo's choices that its README also reports. Grid counts: choices for a dense urban district, not
 * official figures — one community grid per committee (285), 36 area grids (≈ 8 committees each), 1,710
 * micro grids (≈ one per 725 residents, ≈ 300 households).
 */
import type { GridCounts } from '../../grids.ts';

export const PUTUO_COUNTS: GridCounts = { areas: 36, communities: 285, micros: 1710 };

/** Seats 1–3 km apart (Jiading's are 5–10 km): a finer border-bending field, so borders bend between them. */
export const PUTUO_TOWN_WARP = 0.5;
