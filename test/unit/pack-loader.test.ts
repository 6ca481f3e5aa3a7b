import { describe, expect, it } from 'vitest';
import { ancestry } from '../../src/data/grid-index.ts';
import { loadRegionPack } from '../../src/data/pack-loader.ts';
import type { Problem } from '../../src/data/problem.ts';
import {
  basicCells,
  buildPackFiles,
  type CellSpec,
  editJson,
  memorySource,
  point,
} from '../fixtures/tiny-pack.ts';

type Fc = { features: { properties: Record<string, unknown>; geometry: { coordinates: unknown } }[] };

async function load(files: Record<string, string>, expectedId?: string) {
  return loadRegionPack(memorySource(files), expectedId === undefined ? {} : { expectedId });
}

const rules = (problems: Problem[]) => problems.map((p) => `${p.file}|${p.featureId ?? '-'}|${p.rule}`);

describe('loading a valid pack', () => {
  it('indexes the grid tree, levels and bounding boxes', async () => {
    const { pack, problems } = await load(buildPackFiles());
    expect(problems).toEqual([]);
    expect(pack).not.toBeNull();
    const grid = pack?.grid;
    expect(grid?.levels).toEqual(['area', 'community']);
    expect(grid?.byDepth.map((ids) => ids.length)).toEqual([2, 4]);
    expect(grid?.children.get('A1')).toEqual(['C1', 'C2']);
    expect(grid?.bbox.get('C3')).toEqual([121.01, 31.0, 121.02, 31.005]);
    expect(pack?.bbox).toEqual([121.0, 31.0, 121.02, 31.01]);
    expect(ancestry(grid ?? ({} as never), 'C4').map((c) => c.properties.id)).toEqual(['A2', 'C4']);
  });

  it('accepts other level names, four levels, and keeps extra properties', async () => {
    const cells: CellSpec[] = [
      { id: 'z', level: 'zone', parent: null, box: [121, 31, 121.02, 31.02], motto: '服务为民' },
      { id: 'b', level: 'block', parent: 'z', box: [121, 31, 121.02, 31.02] },
      { id: 'h', level: 'house', parent: 'b', box: [121, 31, 121.02, 31.02] },
      { id: 'r', level: 'room', parent: 'h', box: [121, 31, 121.02, 31.02], floor: 3 },
    ];
    const { pack, problems } = await load(
      buildPackFiles({
        levels: ['zone', 'block', 'house', 'room'],
        cells,
        boundary: [121, 31, 121.02, 31.02],
      }),
    );
    expect(problems).toEqual([]);
    expect(pack?.grid.levels).toEqual(['zone', 'block', 'house', 'room']);
    expect(pack?.grid.byId.get('z')?.properties.motto).toBe('服务为民');
    expect(pack?.grid.byId.get('r')?.properties.floor).toBe(3);
  });

  it('accepts a one-level pack and optional layers that reference each other', async () => {
    const files = buildPackFiles({
      levels: ['cell'],
      cells: [{ id: 'only', level: 'cell', parent: null, box: [121, 31, 121.02, 31.01] }],
      partners: [
        point({ id: 'p1', name: '同济大学', kind: 'university', committee: 'economy', cells: ['only'] }),
      ],
      projects: [
        point({
          id: 'j1',
          name: '示范路',
          domain: 'road',
          status: 'active',
          progress: 40,
          owner: 'p1',
          due: '2026-12-31',
        }),
      ],
      activity: [
        point({
          id: 'e1',
          time: '2026-05-01T09:30:00+08:00',
          kind: 'patrol',
          volunteers: 3,
          hours: 1.5,
          cell: 'only',
        }),
        // Seconds are optional in ISO 8601; many exports stop at minutes.
        point({ id: 'e2', time: '2026-05-01T09:30+08:00', kind: 'patrol', volunteers: 1, hours: 1 }),
      ],
    });
    const { pack, problems } = await load(files);
    expect(problems).toEqual([]);
    expect(pack?.partners[0]?.properties.cells).toEqual(['only']);
    expect(pack?.projects[0]?.properties.owner).toBe('p1');
    expect(pack?.activity.map((a) => a.properties.id)).toEqual(['e1', 'e2']);
  });
});

describe('errors: the pack is not loaded and each message names file, feature and rule', () => {
  it('a broken parent reference', async () => {
    const cells = basicCells().map((c) => (c.id === 'C2' ? { ...c, parent: 'A9' } : c));
    const { pack, problems } = await load(buildPackFiles({ cells }));
    expect(pack).toBeNull();
    expect(rules(problems)).toEqual(['grids.geojson|C2|parent-exists']);
    expect(problems[0]?.message).toContain('"A9"');
  });

  it('a parent that is not exactly one level up, and a top-level cell with a parent', async () => {
    const cells: CellSpec[] = [
      { id: 'A', level: 'area', parent: null, box: [121, 31, 121.01, 31.01] },
      { id: 'B', level: 'area', parent: 'A', box: [121.01, 31, 121.02, 31.01] },
      { id: 'C', level: 'community', parent: 'A', box: [121, 31, 121.01, 31.01] },
      { id: 'M', level: 'micro', parent: 'A', box: [121, 31, 121.01, 31.01] },
      { id: 'N', level: 'micro', parent: null, box: [121, 31, 121.01, 31.01] },
      { id: 'X', level: 'street', parent: 'A', box: [121, 31, 121.01, 31.01] },
    ];
    const { problems } = await load(buildPackFiles({ levels: ['area', 'community', 'micro'], cells }));
    expect(rules(problems)).toEqual([
      'grids.geojson|B|parent-top-level',
      'grids.geojson|M|parent-level',
      'grids.geojson|N|parent-missing',
      'grids.geojson|X|level-unknown',
    ]);
  });

  it('a duplicate id', async () => {
    const cells = [
      ...basicCells(),
      { id: 'C1', level: 'community', parent: 'A2', box: [121.01, 31, 121.02, 31.01] as const },
    ];
    const { pack, problems } = await load(buildPackFiles({ cells: cells as CellSpec[] }));
    expect(pack).toBeNull();
    expect(rules(problems)).toEqual(['grids.geojson|C1|id-duplicate']);
  });

  it('an unclosed ring, a too-short ring, a self-intersecting ring, coordinates out of range', async () => {
    const files = buildPackFiles();
    editJson<Fc>(files, 'grids.geojson', (fc) => {
      const geom = (i: number) => fc.features[i]?.geometry as { coordinates: number[][][] };
      geom(2).coordinates[0]?.pop(); // C1: drop the closing position
      geom(3).coordinates = [
        [
          [121, 31.005],
          [121.01, 31.005],
          [121, 31.005],
        ],
      ]; // C2
      geom(4).coordinates = [
        [
          [121.01, 31],
          [121.02, 31.005],
          [121.02, 31],
          [121.01, 31.005],
          [121.01, 31],
        ],
      ]; // C3: bow tie
      geom(5).coordinates = [
        [
          [121.01, 31.005],
          [221.02, 31.005],
          [121.02, 31.01],
          [121.01, 31.005],
        ],
      ]; // C4
    });
    const { pack, problems } = await load(files);
    expect(pack).toBeNull();
    expect(rules(problems)).toEqual([
      'grids.geojson|C1|ring-unclosed',
      'grids.geojson|C2|ring-too-short',
      'grids.geojson|C3|ring-self-intersection',
      'grids.geojson|C4|coordinate-range',
    ]);
    expect(problems[3]?.message).toContain('221.02');
  });

  it('a string where a number belongs', async () => {
    const cells = basicCells().map((c) => (c.id === 'C3' ? { ...c, population: '1200' } : c));
    const { pack, problems } = await load(buildPackFiles({ cells }));
    expect(pack).toBeNull();
    expect(rules(problems)).toEqual(['grids.geojson|C3|schema']);
    expect(problems[0]?.message).toMatch(/properties\.population: .*number.*\(got "1200"\)/);
  });

  it('references that do not resolve: committee, domain, owner, cell', async () => {
    const files = buildPackFiles({
      partners: [
        point({ id: 'p1', name: 'x', kind: 'enterprise', committee: 'sports', cells: ['C1', 'C9'] }),
      ],
      projects: [point({ id: 'j1', name: 'y', domain: 'sky', status: 'done', progress: 100, owner: 'p7' })],
      activity: [
        point({
          id: 'e1',
          time: '2026-05-01T09:30:00+08:00',
          kind: 'patrol',
          volunteers: 1,
          hours: 0,
          cell: 'M1',
        }),
      ],
    });
    const { problems } = await load(files);
    expect(rules(problems)).toEqual([
      'partners.geojson|p1|ref-committee',
      'partners.geojson|p1|ref-cell',
      'projects.geojson|j1|ref-domain',
      'projects.geojson|j1|ref-owner',
      'activity.geojson|e1|ref-cell',
    ]);
  });

  it('bad enums, dates and counts in optional layers', async () => {
    const files = buildPackFiles({
      partners: [point({ id: 'p1', name: 'x', kind: 'bank' })],
      projects: [
        point({ id: 'j1', name: 'y', domain: 'road', status: 'late', progress: 120, due: '31/12/2026' }),
      ],
      activity: [point({ id: 'e1', time: '2026-05-01 09:30', kind: 'patrol', volunteers: 0, hours: -1 })],
    });
    const { problems } = await load(files);
    const messages = problems.map((p) => `${p.featureId} ${p.message}`);
    expect(messages.some((m) => m.startsWith('p1 properties.kind'))).toBe(true);
    expect(messages.some((m) => m.startsWith('j1 properties.status'))).toBe(true);
    expect(messages.some((m) => m.startsWith('j1 properties.progress'))).toBe(true);
    expect(messages.some((m) => m.startsWith('j1 properties.due'))).toBe(true);
    expect(messages.some((m) => m.startsWith('e1 properties.time'))).toBe(true);
    expect(messages.some((m) => m.startsWith('e1 properties.volunteers'))).toBe(true);
    expect(messages.some((m) => m.startsWith('e1 properties.hours'))).toBe(true);
  });

  it('invalid JSON, a missing file, a bad manifest and a folder/id mismatch', async () => {
    const broken = buildPackFiles();
    broken['grids.geojson'] = '{"type":"FeatureCollection","features":[';
    expect(rules((await load(broken)).problems)).toEqual(['grids.geojson|-|json']);

    const missing = buildPackFiles();
    delete missing['boundary.geojson'];
    const m = await load(missing);
    expect(rules(m.problems)).toContain('boundary.geojson|-|file-unreadable');

    const badManifest = buildPackFiles({ manifest: { format: 'gridatlas.region/9', levels: [] } });
    const bm = await load(badManifest);
    expect(bm.pack).toBeNull();
    expect(bm.problems.map((p) => p.message)).toEqual([
      expect.stringMatching(/^format: /),
      expect.stringMatching(/^levels: /),
    ]);

    const escaping = buildPackFiles({
      manifest: { layers: { boundary: '../../etc/passwd', grids: 'grids.geojson' } },
    });
    expect((await load(escaping)).problems[0]?.message).toMatch(
      /^layers\.boundary: must be a path inside the pack/,
    );

    expect(rules((await load(buildPackFiles(), 'other')).problems)).toEqual(['region.json|-|id-folder']);
  });

  it('limits a flood of problems to a readable list', async () => {
    const cells: CellSpec[] = Array.from({ length: 500 }, (_, i) => ({
      id: `c${i}`,
      level: 'area',
      parent: null,
      box: [121, 31, 121.01, 31.01],
      population: -1,
    }));
    const { problems } = await load(buildPackFiles({ levels: ['area'], cells }));
    expect(problems).toHaveLength(201);
    expect(problems[200]?.rule).toBe('too-many-problems');
    expect(problems[200]?.message).toContain('300 more');
  });
});
