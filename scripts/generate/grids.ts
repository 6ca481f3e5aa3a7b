/**
 * The three-level grid, built top-down: each town is split into its area grids (片区), each area into
 * community grids (村居) named after real committees of that town, each community into micro grids
 * (小微). Counts come from the district config (Jiading: the article's 53 / 359 / 1,882); how they are
 * shared out follows population, so urban cells come out small and rural ones large.
 */
import { allocate } from './allocate.ts';
import { integrate } from './density.ts';
import { areaM2, at, type MultiPoly, type Pos } from './geo.ts';
import { personName } from './names.ts';
import type { Rng } from './random.ts';
import type { Committee } from './reference.ts';
import type { Town } from './towns.ts';
import { splitShape } from './voronoi-split.ts';

export type LevelId = 'area' | 'community' | 'micro';

export interface Cell {
  id: string;
  level: LevelId;
  parent: string | null;
  /** Admin (town) id = official 9-digit street code. */
  town: string;
  name: string;
  code: string;
  leader: string;
  shape: MultiPoly;
  children: string[];
  /** Community grids only: 居委会 (urban residents) or 村委会 (village). */
  committeeType?: Committee['type'];
}

export interface GridCounts {
  areas: number;
  communities: number;
  micros: number;
}

const pad = (n: number, width: number) => String(n).padStart(width, '0');

export interface GridOptions {
  /** Relative resident density (see DistrictConfig.density). */
  density: (p: Pos) => number;
  /** Committees named in the source article; they must appear as community grids. */
  mustKeep: readonly string[];
}

interface Draft {
  shape: MultiPoly;
  town: Town;
  mass: number;
}

/**
 * `fix` rounds each new level onto the shared 6-decimal topology (see topology.ts) before that level is
 * split again, so children are always cut from exactly the shape that will be written.
 */
export function buildGrid(
  towns: readonly Town[],
  committees: readonly Committee[],
  counts: GridCounts,
  rng: Rng,
  fix: (shapes: MultiPoly[]) => MultiPoly[],
  { density, mustKeep }: GridOptions,
): Cell[] {
  /** Mean relative density of a shape: decides which cells are urban (居委会) and which rural (村委会). */
  const meanDensity = (shape: MultiPoly) => integrate(shape, density) / (areaM2(shape) / 1e6);
  const byTown = towns.map((t) => committees.filter((c) => c.townCode === t.fact.code));
  const committeeTotal = byTown.reduce((s, list) => s + list.length, 0);
  const populationTotal = towns.reduce((s, t) => s + t.fact.population, 0);

  // Area grids: more in big and populous towns, at least one each.
  const areaCounts = allocate(
    counts.areas,
    towns.map(
      (t, i) => 0.5 * (at(byTown, i).length / committeeTotal) + 0.5 * (t.fact.population / populationTotal),
    ),
    1,
  );
  // Community grids follow the committees: a town cannot have more grids than committees.
  const communityCounts = allocate(
    counts.communities,
    byTown.map((list) => list.length),
    1,
    byTown.map((list) => list.length),
  );

  const areas: Draft[][] = [];
  const communities: Draft[][][] = [];
  towns.forEach((town, ti) => {
    const r = rng.fork(`areas:${town.fact.code}`);
    const areaShapes = fix(
      splitShape(
        town.shape,
        { count: at(areaCounts, ti), weight: (p) => density(p) ** 0.5, lloydSteps: 4 },
        r,
        town.fact.name,
      ),
    );
    const townAreas = areaShapes.map((shape) => ({ shape, town, mass: integrate(shape, density) }));
    areas.push(townAreas);
    const nC = at(communityCounts, ti);
    const floor = nC >= 2 * townAreas.length ? 2 : 1;
    const perArea = allocate(
      nC,
      townAreas.map((a) => a.mass ** 0.8),
      floor,
    );
    communities.push(
      townAreas.map((a, ai) => {
        const shapes = fix(
          splitShape(
            a.shape,
            { count: at(perArea, ai), weight: (p) => density(p) ** 0.9, lloydSteps: 3 },
            rng.fork(`communities:${town.fact.code}:${ai}`),
            `${town.fact.name} area ${ai + 1}`,
          ),
        );
        return shapes.map((shape) => ({ shape, town, mass: integrate(shape, density) }));
      }),
    );
  });

  // Micro grids: shared out over all communities by estimated population (town totals are fixed).
  const flatCommunities = communities.flat(2);
  const townScale = new Map(
    towns.map((t, ti) => [
      t,
      t.fact.population /
        at(communities, ti)
          .flat()
          .reduce((s, c) => s + c.mass, 0),
    ]),
  );
  const microCounts = allocate(
    counts.micros,
    flatCommunities.map((c) => (c.mass * (townScale.get(c.town) ?? 0)) ** 0.8),
    2,
    flatCommunities.map(() => 16),
  );

  // Committee names: the densest cells of a town get its residents' committees (居委会), the rest its
  // villages (村委会), in the town's own proportion; which committees are left out is random.
  const named = new Map<Draft, Committee>();
  towns.forEach((town, ti) => {
    const list = at(byTown, ti);
    const cells = at(communities, ti).flat();
    const urban = list.filter((c) => c.type === '居委会');
    const rural = list.filter((c) => c.type === '村委会');
    let nUrban = Math.round((cells.length * urban.length) / list.length);
    nUrban = Math.min(urban.length, Math.max(cells.length - rural.length, nUrban));
    const r = rng.fork(`committees:${town.fact.code}`);
    // Committees the article names (e.g. 北管村) are always kept.
    const pickFrom = (list: Committee[], n: number) => {
      const named = list.filter((c) => mustKeep.includes(c.name));
      return [
        ...named,
        ...r.shuffle(list.filter((c) => !mustKeep.includes(c.name))).slice(0, n - named.length),
      ];
    };
    const chosen = [...pickFrom(urban, nUrban), ...pickFrom(rural, cells.length - nUrban)];
    const ranked = cells
      .map((c) => ({ c, d: meanDensity(c.shape) }))
      .sort((a, b) => b.d - a.d)
      .map((x) => x.c);
    ranked.forEach((c, i) => {
      named.set(c, at(chosen, i));
    });
  });

  const out: Cell[] = [];
  let areaSeq = 0;
  let communitySeq = 0;
  let microSeq = 0;
  let flatIndex = 0;
  const names = rng.fork('leaders');
  towns.forEach((town, ti) => {
    at(areas, ti).forEach((area, ai) => {
      const areaCell: Cell = {
        id: `A${pad(++areaSeq, 2)}`,
        level: 'area',
        parent: null,
        town: town.fact.code,
        name: `${town.fact.name}第${ai + 1}片区`,
        code: `${town.fact.code}-A${pad(ai + 1, 2)}`,
        leader: personName(names),
        shape: area.shape,
        children: [],
      };
      out.push(areaCell);
      for (const community of at(at(communities, ti), ai)) {
        const committee = named.get(community);
        if (!committee) throw new Error('a community grid has no committee');
        const communityCell: Cell = {
          id: `C${pad(++communitySeq, 3)}`,
          level: 'community',
          parent: areaCell.id,
          town: town.fact.code,
          name: committee.name,
          code: committee.code,
          leader: personName(names),
          shape: community.shape,
          children: [],
          committeeType: committee.type,
        };
        areaCell.children.push(communityCell.id);
        out.push(communityCell);
        const microShapes = fix(
          splitShape(
            community.shape,
            { count: at(microCounts, flatIndex++), weight: (p: Pos) => density(p) ** 0.7, lloydSteps: 3 },
            rng.fork(`micros:${committee.code}`),
            committee.name,
          ),
        );
        microShapes.forEach((shape, mi) => {
          const micro: Cell = {
            id: `M${pad(++microSeq, 4)}`,
            level: 'micro',
            parent: communityCell.id,
            town: town.fact.code,
            name: `${committee.name}第${mi + 1}网格`,
            code: `${committee.code}-${pad(mi + 1, 2)}`,
            leader: personName(names),
            shape,
            children: [],
          };
          communityCell.children.push(micro.id);
          out.push(micro);
        });
      }
    });
  });
  return out;
}
