/** What a pack README is rendered from, and small formatting helpers shared by the districts' READMEs. */
import type { ActivityResult } from './activity.ts';
import type { Flaw } from './flaws.ts';
import type { Cell } from './grids.ts';
import type { Partner } from './partners.ts';
import type { ProgrammeDocs } from './programme.ts';
import type { Project } from './projects.ts';
import type { RingRepair } from './reference.ts';
import type { Service } from './services.ts';
import type { CellStats } from './stats.ts';
import type { Town } from './towns.ts';
import type { GridReport } from './verify.ts';

export interface ReadmeInput {
  seed: number;
  sizes: { name: string; bytes: number }[];
  cells: readonly Cell[];
  towns: readonly Town[];
  stats: ReadonlyMap<string, CellStats>;
  flaws: readonly Flaw[];
  tiling: GridReport;
  repair: RingRepair;
  outlineVerticesAdded: number;
  partners: readonly Partner[];
  projects: readonly Project[];
  services: readonly Service[];
  activity: ActivityResult;
  /** The programme documents, when the district has them. */
  programme: ProgrammeDocs | null;
}

export const n = (x: number) => x.toLocaleString('en-US');
export const kb = (b: number) =>
  b >= 1_000_000 ? `${(b / 1_000_000).toFixed(2)} MB` : `${(b / 1000).toFixed(1)} kB`;

export function countBy<T>(items: readonly T[], key: (t: T) => string): string {
  const m = new Map<string, number>();
  for (const t of items) m.set(key(t), (m.get(key(t)) ?? 0) + 1);
  return [...m].map(([k, v]) => `${k} ${v}`).join(', ');
}
