/**
 * Packs on vector tiles (docs/region-pack.md, "Grid levels as vector tiles"): the manifest's gridTiles,
 * the attribute index (src/data/grid-index-file.ts), the activity table (src/data/activity-table.ts),
 * the loader reading them, and the style on a vector source (src/layers/tiled-style.ts).
 */
import { booleanPointInPolygon } from '@turf/turf';
import { describe, expect, it } from 'vitest';
import { encodeActivityTable, parseActivityTable } from '../../src/data/activity-table.ts';
import { encodeGridIndex, parseGridIndex } from '../../src/data/grid-index-file.ts';
import { manifestSchema } from '../../src/data/manifest-schema.ts';
import { LeafLocator } from '../../src/data/pack-index/leaf-locator.ts';
import { loadPackCore, loadPackDetails, loadRegionPack } from '../../src/data/pack-loader.ts';
import type { RegionPack } from '../../src/data/region-pack.ts';
import { ALERT_KINDS, type StatusAlert } from '../../src/data/status-schema.ts';
import { alertMarkers } from '../../src/layers/alert-layers.ts';
import { levelZooms, medianCellSizes } from '../../src/layers/grid-derived.ts';
import { deriveMapData, withDetailsMapData } from '../../src/layers/map-data.ts';
import { buildMapStyle, SOURCE } from '../../src/layers/map-style.ts';
import { gridFeature } from '../../src/layers/tiled-style.ts';
import { buildPackFiles, editJson, memorySource, point } from '../fixtures/tiny-pack.ts';

const baseManifest = {
  format: 'gridatlas.region/1',
  id: 'city',
  name: { zh: '城市' },
  levels: [{ id: 'area', name: { zh: '片区' } }],
  layers: { boundary: 'boundary.geojson' },
};
const tiles = { tiles: 'tiles/{z}/{x}/{y}.pbf', index: 'grid-index.json' };
const issues = (value: unknown) => {
  const r = manifestSchema.safeParse(value);
  return r.success ? [] : r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
};

describe('manifest: gridTiles', () => {
  it('accepts a {z}/{x}/{y} template in the pack, an http(s) template, or a .pmtiles archive, with defaults', () => {
    const ok = manifestSchema.parse({ ...baseManifest, gridTiles: tiles });
    expect(ok.gridTiles).toEqual({
      ...tiles,
      minzoom: 0,
      maxzoom: 14,
      layers: { cells: 'grids', labels: 'labels' },
    });
    expect(
      issues({
        ...baseManifest,
        gridTiles: { ...tiles, tiles: 'https://tiles.example.org/grid/{z}/{x}/{y}.pbf' },
      }),
    ).toEqual([]);
    expect(issues({ ...baseManifest, gridTiles: { ...tiles, tiles: 'grid.pmtiles' } })).toEqual([]);
  });

  it('refuses a template without {z}/{x}/{y}, a path leaving the pack, another scheme, bad zooms', () => {
    expect(issues({ ...baseManifest, gridTiles: { ...tiles, tiles: 'tiles/grid.pbf' } })).toEqual([
      'gridTiles.tiles: must be a {z}/{x}/{y} URL template or a .pmtiles archive',
    ]);
    expect(issues({ ...baseManifest, gridTiles: { ...tiles, index: '../other/index.json' } })[0]).toMatch(
      /^gridTiles\.index:/,
    );
    expect(
      issues({ ...baseManifest, gridTiles: { ...tiles, tiles: 'ftp://x/{z}/{x}/{y}.pbf' } }).length,
    ).toBeGreaterThan(0);
    expect(issues({ ...baseManifest, gridTiles: { ...tiles, minzoom: 9, maxzoom: 3 } })).toEqual([
      'gridTiles: minzoom must not exceed maxzoom',
    ]);
  });

  it('needs layers.grids or gridTiles', () => {
    expect(issues(baseManifest)).toEqual([
      'layers.grids: layers.grids is required unless the grid is served as tiles (gridTiles)',
    ]);
    expect(issues({ ...baseManifest, layers: { ...baseManifest.layers, grids: 'grids.geojson' } })).toEqual(
      [],
    );
  });
});

const levels = ['area', 'community'];
const indexCells = [
  {
    properties: { id: 'A1', level: 'area', parent: null, name: '一片区', population: 30 },
    bbox: [121, 31, 121.01, 31.01],
  },
  {
    properties: { id: 'C1', level: 'community', parent: 'A1', name: '东苑社区居委会', leader: '王芳' },
    bbox: [121, 31, 121.005, 31.01],
  },
  {
    properties: { id: 'C2', level: 'community', parent: 'A1', name: '西苑社区居委会', population: 0 },
    bbox: [121.005, 31, 121.01, 31.01],
  },
] as const;

describe('attribute index (grid-index.json)', () => {
  it('round-trips cells: ids, levels, parents, names, figures, bounding boxes', () => {
    const file = encodeGridIndex(
      levels,
      indexCells.map((c) => ({ properties: { ...c.properties }, bbox: [...c.bbox] })),
    );
    expect(file.cells.parent).toEqual([-1, 0, 0]);
    expect(file.cells.level).toEqual([0, 1, 1]);
    expect(file.cells.population).toEqual([30, null, 0]);
    expect(file.cells.code).toBeUndefined();
    const { cells, problems } = parseGridIndex('grid-index.json', JSON.parse(JSON.stringify(file)), levels);
    expect(problems).toEqual([]);
    expect(cells.map((c) => c.properties)).toEqual(indexCells.map((c) => c.properties));
    // The stand-in geometry is the bounding box.
    expect(cells[1]?.geometry).toEqual({
      type: 'Polygon',
      coordinates: [
        [
          [121, 31],
          [121.005, 31],
          [121.005, 31.01],
          [121, 31.01],
          [121, 31],
        ],
      ],
    });
  });

  it('names file, cell and rule for a broken index', () => {
    const file = encodeGridIndex(
      levels,
      indexCells.map((c) => ({ properties: { ...c.properties }, bbox: [...c.bbox] })),
    );
    const broken = JSON.parse(JSON.stringify(file));
    broken.cells.parent[2] = 7;
    broken.cells.id[1] = 'A1';
    broken.cells.bbox[0] = 200;
    const { problems } = parseGridIndex('grid-index.json', broken, levels);
    expect(problems.map((p) => `${p.file}|${p.featureId}|${p.rule}`)).toEqual([
      'grid-index.json|A1|coordinate-range',
      'grid-index.json|A1|id-duplicate',
      'grid-index.json|C2|parent-exists',
    ]);
    const short = JSON.parse(JSON.stringify(file));
    short.cells.name.pop();
    expect(parseGridIndex('grid-index.json', short, levels).problems.map((p) => p.message)).toEqual([
      'cells.name has 2 entries, expected 3',
    ]);
    const typed = JSON.parse(JSON.stringify(file));
    typed.cells.level[1] = '1';
    expect(parseGridIndex('grid-index.json', typed, levels).problems.map((p) => p.message)).toEqual([
      'cells.level[1]: must be an integer',
    ]);
    expect(parseGridIndex('grid-index.json', file, ['area', 'micro']).problems.map((p) => p.rule)).toEqual([
      'index-levels',
    ]);
  });
});

describe('attribute index: label points', () => {
  const withLabels = () =>
    encodeGridIndex(
      levels,
      indexCells.map((c) => ({
        properties: { ...c.properties },
        bbox: [...c.bbox],
        label: [(c.bbox[0] + c.bbox[2]) / 2, (c.bbox[1] + c.bbox[3]) / 2],
      })),
    );

  it('writes a label column (2 numbers per cell) only when every cell has a point, and reads it back', () => {
    const file = withLabels();
    expect(file.cells.label).toEqual([121.005, 31.005, 121.0025, 31.005, 121.0075, 31.005]);
    const { labels, problems } = parseGridIndex('grid-index.json', JSON.parse(JSON.stringify(file)), levels);
    expect(problems).toEqual([]);
    expect(labels?.get('C2')).toEqual([121.0075, 31.005]);
    const none = encodeGridIndex(
      levels,
      indexCells.map((c, i) => ({
        properties: { ...c.properties },
        bbox: [...c.bbox],
        ...(i === 0 ? { label: [121.005, 31.005] } : {}),
      })),
    );
    expect(none.cells.label).toBeUndefined();
    expect(parseGridIndex('grid-index.json', none, levels).labels).toBeNull();
  });

  it('refuses a label column of the wrong length, or a point outside its cell’s box', () => {
    const short = withLabels();
    short.cells.label?.pop();
    expect(parseGridIndex('grid-index.json', short, levels).problems.map((p) => p.message)).toEqual([
      'cells.label has 5 entries, expected 6',
    ]);
    const outside = withLabels();
    if (outside.cells.label) outside.cells.label[2] = 122;
    expect(
      parseGridIndex('grid-index.json', outside, levels).problems.map((p) => `${p.featureId}|${p.rule}`),
    ).toEqual(['C1|label-inside']);
  });
});

describe('activity table', () => {
  const events = [
    {
      id: 'E1',
      time: '2026-05-01T09:30:00+08:00',
      kind: 'patrol',
      volunteers: 3,
      hours: 1.5,
      cell: 'C1',
      pos: [121.001, 31.002] as [number, number],
    },
    {
      id: 'E2',
      time: '2026-05-02T10:00:00+08:00',
      kind: 'elderly_care',
      volunteers: 1,
      hours: 0,
      pos: [121.007, 31.003] as [number, number],
    },
  ];

  it('round-trips events into the same features as the GeoJSON layer', () => {
    const { features, problems } = parseActivityTable(
      'activity.json',
      JSON.stringify(encodeActivityTable(events)),
    );
    expect(problems).toEqual([]);
    expect(features).toEqual([
      point(
        { id: 'E1', time: events[0]?.time, kind: 'patrol', volunteers: 3, hours: 1.5, cell: 'C1' },
        121.001,
        31.002,
      ),
      point(
        { id: 'E2', time: events[1]?.time, kind: 'elderly_care', volunteers: 1, hours: 0 },
        121.007,
        31.003,
      ),
    ]);
  });

  it('names the event and the rule for bad values', () => {
    const table = encodeActivityTable(events);
    table.events.time[0] = '2026-05-01 09:30';
    table.events.volunteers[1] = 0;
    const { features, problems } = parseActivityTable('activity.json', JSON.stringify(table));
    expect(features).toEqual([]);
    expect(problems.map((p) => `${p.featureId}|${p.rule}|${p.message.split(':')[0]}`)).toEqual([
      'E1|schema|events.time',
      'E2|schema|events.volunteers',
    ]);
  });

  it('is read by the loader from layers.activity like the GeoJSON layer, cell references checked', async () => {
    const files = buildPackFiles({ activity: [] });
    files['activity.geojson'] = JSON.stringify(
      encodeActivityTable([{ ...events[0], cell: 'C9' } as (typeof events)[number]]),
    );
    const { pack, problems } = await loadRegionPack(memorySource(files));
    expect(pack).toBeNull();
    expect(problems.map((p) => `${p.file}|${p.featureId}|${p.rule}`)).toEqual([
      'activity.geojson|E1|ref-cell',
    ]);
    files['activity.geojson'] = JSON.stringify(encodeActivityTable([events[0] as (typeof events)[number]]));
    const ok = await loadRegionPack(memorySource(files));
    expect(ok.pack?.activity.map((e) => e.properties.cell)).toEqual(['C1']);
  });
});

/** The label point the page would draw for a cell of a GeoJSON pack (what `npm run tiles` writes). */
const labelOf = (pack: RegionPack, id: string) =>
  deriveMapData(pack).labels.features.find((f) => f.properties.id === id)?.geometry.coordinates ?? [0, 0];

/** The tiny fixture with an attribute index and gridTiles, its GeoJSON grid removed. */
async function tiledTiny(options: { labels?: boolean } = {}) {
  const files = buildPackFiles();
  const { pack } = await loadRegionPack(memorySource(files));
  if (!pack) throw new Error('fixture does not load');
  const grid = pack.grid;
  files['grid-index.json'] = JSON.stringify(
    encodeGridIndex(
      grid.levels,
      grid.cells.map((c) => ({
        properties: c.properties,
        bbox: grid.bbox.get(c.properties.id) ?? [0, 0, 0, 0],
        ...(options.labels ? { label: labelOf(pack, c.properties.id) } : {}),
      })),
    ),
  );
  editJson<{ layers: Record<string, string>; gridTiles?: unknown }>(files, 'region.json', (m) => {
    delete m.layers.grids;
    m.gridTiles = { tiles: 'tiles/{z}/{x}/{y}.pbf', index: 'grid-index.json' };
  });
  delete files['grids.geojson'];
  return { files, grid };
}

describe('loading a tiled pack', () => {
  it('reads the cells from the index: same tree, geometryless, nothing located by bounding boxes', async () => {
    const { files, grid } = await tiledTiny();
    const { core, problems } = await loadPackCore(memorySource(files), { preferIndex: true });
    expect(problems).toEqual([]);
    expect(core?.grid.geometryless).toBe(true);
    expect(core?.files.grids).toBe('grid-index.json');
    expect(core?.grid.byDepth).toEqual(grid.byDepth);
    expect([...(core?.grid.children ?? [])]).toEqual([...grid.children]);
    if (!core) throw new Error('no core');
    expect(new LeafLocator(core.grid).leafAt([121.005, 31.0025])).toBeNull();
  });

  it('derives a style on a vector source: every grid layer on the cells layer, cell labels from the tiles', async () => {
    const { files } = await tiledTiny();
    const { core } = await loadPackCore(memorySource(files), { preferIndex: true });
    if (!core) throw new Error('no core');
    const data = deriveMapData(core, 'http://127.0.0.1:4173/regions/tiny/');
    expect(data.grid.features).toEqual([]);
    expect(data.gridTiles?.url).toBe('http://127.0.0.1:4173/regions/tiny/tiles/{z}/{x}/{y}.pbf');
    const style = buildMapStyle(data, 'zh');
    expect(style.sources[SOURCE.grid]).toEqual({
      type: 'vector',
      tiles: ['http://127.0.0.1:4173/regions/tiny/tiles/{z}/{x}/{y}.pbf'],
      minzoom: 0,
      maxzoom: 14,
      promoteId: { grids: 'id' },
    });
    const onGrid = style.layers.filter((l) => 'source' in l && l.source === SOURCE.grid);
    expect(onGrid.length).toBeGreaterThan(5);
    const byLayer = new Map<string, string[]>();
    for (const l of onGrid) {
      const sl = (l as { 'source-layer'?: string })['source-layer'] ?? '(none)';
      byLayer.set(sl, [...(byLayer.get(sl) ?? []), l.id]);
    }
    expect([...byLayer.keys()].sort()).toEqual(['grids', 'labels']);
    expect(byLayer.get('labels')).toEqual([
      'grid-label-area',
      'grid-label-community',
      'focus-clickable-label',
    ]);
    // Only the admin units' names stay on the GeoJSON label source.
    expect(style.layers.filter((l) => 'source' in l && l.source === SOURCE.labels).map((l) => l.id)).toEqual([
      'admin-label',
    ]);
    expect(gridFeature(SOURCE.grid, 'C1', data.gridTiles)).toEqual({
      source: SOURCE.grid,
      id: 'C1',
      sourceLayer: 'grids',
    });
    expect(gridFeature(SOURCE.grid, 'C1', undefined)).toEqual({ source: SOURCE.grid, id: 'C1' });
  });

  it('a .pmtiles archive becomes a pmtiles:// source URL; a GeoJSON pack keeps its GeoJSON source', async () => {
    const { files } = await tiledTiny();
    editJson<{ gridTiles: { tiles: string } }>(files, 'region.json', (m) => {
      m.gridTiles.tiles = 'grid.pmtiles';
    });
    const { core } = await loadPackCore(memorySource(files), { preferIndex: true });
    if (!core) throw new Error('no core');
    const style = buildMapStyle(deriveMapData(core, 'http://h/regions/tiny/'), 'zh');
    expect(style.sources[SOURCE.grid]).toMatchObject({
      type: 'vector',
      url: 'pmtiles://http://h/regions/tiny/grid.pmtiles',
    });
    const plain = await loadPackCore(memorySource(buildPackFiles()), { preferIndex: true });
    if (!plain.core) throw new Error('no core');
    expect(buildMapStyle(deriveMapData(plain.core), 'zh').sources[SOURCE.grid]?.type).toBe('geojson');
  });
});

describe('live alerts on a tiled pack', () => {
  /** One open alert in a cell, as the live feed gives it. */
  const alertIn = (cell: string): Map<string, StatusAlert[]> =>
    new Map([
      [
        cell,
        [
          {
            id: `al-${cell}`,
            cell,
            kind: ALERT_KINDS[0],
            severity: 'critical',
            openedAt: '2026-11-22T09:00:00+08:00',
          },
        ],
      ],
    ]);

  it('draws a cell’s marker at the index’s point inside it (the page has no cell geometry)', async () => {
    const { files } = await tiledTiny({ labels: true });
    const whole = await loadRegionPack(memorySource(buildPackFiles()));
    const { core } = await loadPackCore(memorySource(files), { preferIndex: true });
    if (!core || !whole.pack) throw new Error('no core');
    const leaf = core.grid.byDepth[core.grid.levels.length - 1]?.[0] ?? '';
    const markers = alertMarkers(deriveMapData(core), alertIn(leaf));
    expect(markers.features.map((f) => f.properties.cell)).toEqual([leaf]);
    const at = markers.features[0]?.geometry.coordinates ?? [];
    expect(at).toEqual(labelOf(whole.pack, leaf).map((x) => Math.round(x * 1e6) / 1e6));
    const shape = whole.pack.grid.byId.get(leaf)?.geometry;
    if (!shape) throw new Error('no shape');
    expect(booleanPointInPolygon(at, shape)).toBe(true);
  });

  it('falls back to the middle of the cell’s box for an index without points, rather than no marker', async () => {
    const { files } = await tiledTiny();
    const { core } = await loadPackCore(memorySource(files), { preferIndex: true });
    if (!core) throw new Error('no core');
    const leaf = core.grid.byDepth[core.grid.levels.length - 1]?.[0] ?? '';
    const [w, s, e, n] = core.grid.bbox.get(leaf) ?? [0, 0, 0, 0];
    const markers = alertMarkers(deriveMapData(core), alertIn(leaf));
    expect(markers.features[0]?.geometry.coordinates).toEqual([
      (w + (e as number)) / 2,
      (s + (n as number)) / 2,
    ]);
  });
});

describe('a tiled pack whose manifest gives its level sizes: the index loads with the details', () => {
  /** The tiny tiled pack with gridTiles.cellSizes, as npm run tiles writes them; counts index reads. */
  async function deferredTiny() {
    const { files, grid } = await tiledTiny({ labels: true });
    const sizes = medianCellSizes(grid);
    editJson<{ gridTiles: Record<string, unknown> }>(files, 'region.json', (m) => {
      m.gridTiles.cellSizes = Object.fromEntries(grid.levels.map((l, i) => [l, sizes[i]]));
    });
    const reads: string[] = [];
    const inner = memorySource(files);
    const source = {
      label: 'memory',
      read: (path: string) => {
        reads.push(path);
        return inner.read(path);
      },
    };
    return { files, grid, source, reads };
  }

  it('draws from the manifest: the first stage reads no index, its zooms equal those of the cells', async () => {
    const { grid, source, reads } = await deferredTiny();
    const { core, problems } = await loadPackCore(source, { preferIndex: true });
    expect(problems).toEqual([]);
    if (!core) throw new Error('no core');
    expect(reads).not.toContain('grid-index.json');
    expect(core.gridDeferred).toBe(true);
    expect(core.grid.cells).toEqual([]);
    const zooms = deriveMapData(core).zooms;
    const expected = levelZooms(grid);
    expect(zooms.map((z) => z.level)).toEqual(expected.map((z) => z.level));
    zooms.forEach((z, i) => {
      expect(z.linesFrom).toBeCloseTo(expected[i]?.linesFrom ?? Number.NaN, 9);
      expect(z.labelsFrom).toBeCloseTo(expected[i]?.labelsFrom ?? Number.NaN, 9);
    });
  });

  it('the second stage reads the index: the same tree, and the cells’ points for markers', async () => {
    const { grid, source, reads } = await deferredTiny();
    const { core } = await loadPackCore(source, { preferIndex: true });
    if (!core) throw new Error('no core');
    const { pack, problems } = await loadPackDetails(source, core);
    expect(problems).toEqual([]);
    expect(reads).toContain('grid-index.json');
    expect(pack?.grid.byDepth).toEqual(grid.byDepth);
    expect(pack?.grid.geometryless).toBe(true);
    expect(pack && 'gridDeferred' in pack).toBe(false);
    if (!pack) throw new Error('no pack');
    const leaf = grid.byDepth[grid.levels.length - 1]?.[0] ?? '';
    const full = withDetailsMapData(deriveMapData(core), pack);
    expect(full.cellPoints?.get(leaf)).toEqual(pack.grid.labelAt?.get(leaf));
  });

  it('a broken index stops the pack in the second stage, naming file, cell and rule', async () => {
    const { files, source } = await deferredTiny();
    editJson<{ cells: { parent: number[]; id: string[] } }>(files, 'grid-index.json', (index) => {
      index.cells.parent[index.cells.parent.length - 1] = 999;
    });
    const { core } = await loadPackCore(source, { preferIndex: true });
    if (!core) throw new Error('no core');
    const { pack, problems } = await loadPackDetails(source, core);
    expect(pack).toBeNull();
    expect(problems.map((p) => `${p.file}|${p.rule}`)).toContain('grid-index.json|parent-exists');
  });

  it('refuses level sizes that miss a level', () => {
    expect(
      issues({ ...baseManifest, gridTiles: { ...tiles, cellSizes: { other: 0.01 } } }).map((i) => i),
    ).toEqual(['gridTiles.cellSizes: must give a size for every level id']);
  });
});
