import { beforeAll, describe, expect, it } from 'vitest';
import { fsPackSource } from '../../scripts/lib/fs-pack-source.ts';
import { summariseActivity } from '../../src/data/pack-index/activity-index.ts';
import { packIndex } from '../../src/data/pack-index/pack-index.ts';
import { normaliseName, searchPack } from '../../src/data/pack-index/search.ts';
import { loadRegionPack } from '../../src/data/pack-loader.ts';
import type { RegionPack } from '../../src/data/region-pack.ts';
import { buildPackFiles, type CellSpec, memorySource, point } from '../fixtures/tiny-pack.ts';

let jiading: RegionPack;
beforeAll(async () => {
  const { pack } = await loadRegionPack(fsPackSource('data/regions/jiading'));
  if (!pack) throw new Error('Jiading pack does not load');
  jiading = pack;
}, 60_000);

/** All descendants of a cell by walking the tree directly (independent of the roll-up code). */
function descendants(pack: RegionPack, id: string): string[] {
  const out: string[] = [];
  const stack = [...(pack.grid.children.get(id) ?? [])];
  while (stack.length) {
    const next = stack.pop() as string;
    out.push(next);
    stack.push(...(pack.grid.children.get(next) ?? []));
  }
  return out;
}

describe('roll-ups', () => {
  it('equal the sums over each cell’s descendants, for every non-leaf cell of Jiading', () => {
    const { rollups } = packIndex(jiading);
    for (const depth of [0, 1]) {
      for (const id of jiading.grid.byDepth[depth] ?? []) {
        const leaves = descendants(jiading, id).filter(
          (d) => (jiading.grid.children.get(d) ?? []).length === 0,
        );
        const sum = (f: 'population' | 'households' | 'partyMembers') =>
          leaves.reduce((s, l) => s + (jiading.grid.byId.get(l)?.properties[f] ?? 0), 0);
        const r = rollups.get(id);
        expect(r?.population.sum).toBe(sum('population'));
        expect(r?.households.sum).toBe(sum('households'));
        expect(r?.partyMembers.sum).toBe(sum('partyMembers'));
        expect([...(r?.leafIds ?? [])].sort()).toEqual([...leaves].sort());
        const byDepth = [0, 0, 0];
        for (const d of descendants(jiading, id)) {
          const depthOfD = jiading.grid.depthOf.get(jiading.grid.byId.get(d)?.properties.level ?? '') ?? 0;
          byDepth[depthOfD] = (byDepth[depthOfD] ?? 0) + 1;
        }
        expect(r?.descendantsByDepth).toEqual(byDepth);
      }
    }
  });

  it('say how many leaves carry a number when some do not', async () => {
    const cells: CellSpec[] = [
      { id: 'A', level: 'area', parent: null, box: [121, 31, 121.02, 31.01] },
      { id: 'C1', level: 'community', parent: 'A', box: [121, 31, 121.01, 31.01], population: 100 },
      { id: 'C2', level: 'community', parent: 'A', box: [121.01, 31, 121.02, 31.01] },
    ];
    const { pack } = await loadRegionPack(memorySource(buildPackFiles({ cells })));
    if (!pack) throw new Error('fixture');
    expect(packIndex(pack).rollups.get('A')?.population).toEqual({ sum: 100, known: 1 });
  });
});

describe('links between cells, partners and projects', () => {
  it('finds partners paired with a cell or inside it, and projects by geometry when cells are absent', async () => {
    const files = buildPackFiles({
      partners: [
        point({ id: 'in-c1', name: '甲', kind: 'school' }, 121.005, 31.0025),
        point({ id: 'paired-c4', name: '乙', kind: 'enterprise', cells: ['C4'] }, 121.005, 31.0025),
      ],
      projects: [
        {
          type: 'Feature',
          properties: { id: 'road', name: '路', domain: 'road', status: 'active', progress: 10 },
          // A line from C1 across into C3 (east), touching no northern cell.
          geometry: {
            type: 'LineString',
            coordinates: [
              [121.002, 31.002],
              [121.018, 31.002],
            ],
          },
        },
      ],
    });
    const { pack } = await loadRegionPack(memorySource(files));
    if (!pack) throw new Error('fixture');
    const { links } = packIndex(pack);
    expect(links.partners.get('C1')).toEqual([
      { partnerId: 'in-c1', paired: false, inside: true, via: [] },
      { partnerId: 'paired-c4', paired: false, inside: true, via: [] },
    ]);
    expect(links.partners.get('C4')).toEqual([
      { partnerId: 'paired-c4', paired: true, inside: false, via: ['C4'] },
    ]);
    expect(links.partners.get('A2')?.map((l) => l.partnerId)).toEqual(['paired-c4']);
    expect([...(links.projects.get('C1') ?? [])]).toEqual(['road']);
    expect([...(links.projects.get('C3') ?? [])]).toEqual(['road']);
    expect(links.projects.get('C2')).toBeUndefined();
    expect(links.projects.get('C4')).toBeUndefined();
    expect(new Set([...links.projects.keys()])).toEqual(new Set(['C1', 'C3', 'A1', 'A2']));
  });
});

describe('activity summaries', () => {
  it('equal a direct count over the events in the window, for an area grid of Jiading', () => {
    const index = packIndex(jiading);
    const area = jiading.grid.byDepth[0]?.[3] as string;
    const leaves = new Set(index.rollups.get(area)?.leafIds);
    const from = Date.parse('2026-03-01T00:00:00+08:00');
    const to = Date.parse('2026-06-01T00:00:00+08:00');
    const direct = jiading.activity.filter((e) => {
      const t = Date.parse(e.properties.time);
      return leaves.has(e.properties.cell ?? '') && t >= from && t < to;
    });
    const s = summariseActivity(index.activity, [...leaves], from, to);
    expect(direct.length).toBeGreaterThan(0);
    expect(s.events).toBe(direct.length);
    expect(s.volunteers).toBe(direct.reduce((a, e) => a + e.properties.volunteers, 0));
    expect(s.hours).toBeCloseTo(
      direct.reduce((a, e) => a + e.properties.hours, 0),
      6,
    );
    expect(s.weeks.reduce((a, w) => a + w.events, 0)).toBe(direct.length);
    // Weeks start on Monday 00:00 in Shanghai.
    for (const w of s.weeks) expect(new Date(w.start + 8 * 3_600_000).getUTCDay()).toBe(1);
    expect(s.latest[0]?.time).toBe(Math.max(...direct.map((e) => Date.parse(e.properties.time))));
  });
});

describe('search', () => {
  const jiadingSearch = (q: string) =>
    searchPack(packIndex(jiading).search, q, ['town', 'area', 'community', 'micro']);

  it('treats 村 / 村委会 / 村民委员会 and 居委会 / 社区居委会 as the same name', () => {
    expect(normaliseName('北管村民委员会')).toBe(normaliseName('北管村'));
    expect(normaliseName('迎园社区居委会')).toBe(normaliseName('迎园居委会'));
    const community = jiading.grid.byId.get('C001')?.properties.name as string;
    const bare = community.replace(/(社区)?(居委会|村委会)$/, '');
    const hits = jiadingSearch(`${bare}居民委员会`);
    expect(hits.find((g) => g.group === 'community')?.entries[0]?.id).toBe('C001');
  });

  it('finds 街道 as 镇 and partial names, grouped by level', () => {
    const groups = jiadingSearch('嘉定镇');
    expect(groups[0]?.group).toBe('town');
    expect(groups[0]?.entries[0]?.name).toBe('嘉定镇街道');
    expect(groups.map((g) => g.group)).toEqual(
      ['town', 'area', 'community', 'micro'].filter((g) => groups.some((x) => x.group === g)),
    );
  });

  it('finds by id and by official code', () => {
    expect(jiadingSearch('m0603')[0]?.entries[0]?.id).toBe('M0603');
    const code = jiading.grid.byId.get('C002')?.properties.code as string;
    expect(jiadingSearch(code)[0]?.entries[0]?.id).toBe('C002');
    expect(jiadingSearch('   ')).toEqual([]);
  });
});
