/**
 * Everything the generator needs to know about one district. The pipeline (pack.ts) is the same for
 * every district; a district differs only in the facts and choices below, kept in districts/<id>/.
 */
import type { ActivityOptions } from './activity.ts';
import type { FlawSpec } from './flaws.ts';
import type { Pos } from './geo.ts';
import type { GridCounts } from './grids.ts';
import type { PartnerPlan } from './partners.ts';
import type { ProgrammePlan } from './programme.ts';
import type { ProjectContext, ProjectSpec } from './projects.ts';
import type { ReadmeInput } from './readme-parts.ts';
import type { StationSpec } from './services.ts';
import type { TopologyOptions } from './topology.ts';

export interface TownFact {
  code: string;
  name: string;
  nameEn: string;
  seat: Pos;
  areaKm2: number;
  /** Synthetic resident population target (the towns sum to the district's census total). */
  population: number;
}

export interface DistrictConfig {
  /** Pack id, also the folder name under data/regions/. */
  id: string;
  /** 6-digit NBS district code: the outline's `code` in the reference file. */
  code: string;
  /** Default seed of this district's PRNG. */
  seed: number;
  /** The committees file in data/reference/ (NBS 2023). */
  committeesFile: string;
  /** Streets/towns (街镇) in NBS code order. */
  towns: readonly TownFact[];
  /** Scale of the displacement field that bends town borders (1 = Jiading's; see towns.ts). */
  townWarp: number;
  /** Noding rule (see topology.ts); Jiading keeps the original rule so its pack stays byte-identical. */
  topology: TopologyOptions;
  /** Relative resident density at a point (dimensionless; scaled per town to its population). */
  density: (p: Pos) => number;
  counts: GridCounts;
  /** Committees that must become community grids (named in the source article). */
  mustKeep: readonly string[];
  /** Deliberate flaws, applied in this order. */
  flaws: readonly FlawSpec[];
  partners: PartnerPlan;
  /** Project specs; a function when footprints depend on the generated grid. */
  projects: (ctx: ProjectContext) => readonly ProjectSpec[];
  stations: readonly StationSpec[];
  activity: ActivityOptions;
  /** Committees, indicators and meetings (programme.ts); none when absent. */
  programme?: ProgrammePlan;
  manifest: () => Record<string, unknown>;
  readme: (input: ReadmeInput) => string;
}
