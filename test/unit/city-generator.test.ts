/**
 * The city-scale generator (scripts/generate/city/), at a small size: deterministic, all 16 districts,
 * a valid three-level pack whose activity table the loader reads. (The full size — 64,000 micro grids,
 * 500,000 events — is made by `npm run data:generate -- --scale city` and measured by `npm run bench`.)
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DISTRICT_FACTS } from '../../scripts/generate/city/districts.ts';
import { generateCity } from '../../scripts/generate/city/index.ts';
import { mergeShapes } from '../../scripts/generate/city/merge.ts';
import { type MultiPoly, ringArea2 } from '../../scripts/generate/geo.ts';
import { fsPackSource } from '../../scripts/lib/fs-pack-source.ts';
import { loadRegionPack } from '../../src/data/pack-loader.ts';

const dirs: string[] = [];
const generate = (seed: number) => {
  const out = join(mkdtempSync(join(tmpdir(), 'gridatlas-city-')), 'shanghai');
  dirs.push(out);
  generateCity({ seed, out, micros: 1200, events: 3000 });
  return out;
};
afterAll(() => {
  for (const d of dirs) rmSync(join(d, '..'), { recursive: true, force: true });
});

describe('city-scale generator', () => {
  it('writes the same bytes for the same seed, and a loadable pack of all 16 districts', async () => {
    const a = generate(7);
    const b = generate(7);
    const files = readdirSync(a).sort();
    expect(files).toEqual([
      'README.md',
      'activity.json',
      'boundary.geojson',
      'districts.geojson',
      'grids.geojson',
      'partners.geojson',
      'projects.geojson',
      'region.json',
      'services.geojson',
    ]);
    for (const f of files) expect(readFileSync(join(b, f)).equals(readFileSync(join(a, f))), f).toBe(true);

    const { pack, problems } = await loadRegionPack(fsPackSource(a), { expectedId: 'shanghai' });
    expect(problems).toEqual([]);
    if (!pack) throw new Error('no pack');
    expect(pack.admin.map((d) => d.properties.id).sort()).toEqual(DISTRICT_FACTS.map((d) => d.code).sort());
    expect(pack.activity.length).toBe(3000);
    const [areas = [], communities = [], micros = []] = pack.grid.byDepth;
    expect(micros.length).toBeGreaterThanOrEqual(1200);
    // Every district has cells of every level, and each cell's district is its parent's.
    for (const d of DISTRICT_FACTS) {
      expect(areas.some((id) => pack.grid.byId.get(id)?.properties.town === d.code)).toBe(true);
    }
    for (const id of [...communities, ...micros]) {
      const cell = pack.grid.byId.get(id);
      expect(cell?.properties.town).toBe(pack.grid.byId.get(cell?.properties.parent ?? '')?.properties.town);
    }
    // Parents' figures are the sums of their children's.
    for (const id of areas) {
      const kids = pack.grid.children.get(id) ?? [];
      const sum = kids.reduce((s, k) => s + (pack.grid.byId.get(k)?.properties.population ?? 0), 0);
      expect(pack.grid.byId.get(id)?.properties.population).toBe(sum);
    }
    // Every event names a micro grid.
    const microIds = new Set(micros);
    expect(pack.activity.every((e) => microIds.has(e.properties.cell ?? ''))).toBe(true);
  });

  it('another seed gives another city', () => {
    const a = generate(8);
    const b = dirs[0] as string;
    expect(readFileSync(join(a, 'grids.geojson')).equals(readFileSync(join(b, 'grids.geojson')))).toBe(false);
  });
});

describe('shared-edge union (city/merge.ts)', () => {
  const sq = (x: number, y: number): MultiPoly => [
    [
      [
        [x, y],
        [x + 1, y],
        [x + 1, y + 1],
        [x, y + 1],
        [x, y],
      ],
    ],
  ];
  const area = (shape: MultiPoly) =>
    shape.reduce(
      (s, poly) => s + poly.reduce((t, ring, i) => t + (i === 0 ? 1 : -1) * Math.abs(ringArea2(ring) / 2), 0),
      0,
    );

  it('merges neighbours into one polygon with the shared edges gone', () => {
    const merged = mergeShapes([sq(0, 0), sq(1, 0), sq(0, 1), sq(1, 1)]);
    expect(merged.length).toBe(1);
    expect(area(merged)).toBe(4);
    // 4 squares of 4 edges = 16 edges; 4 shared pairs cancel: 8 boundary edges, 9 positions closed.
    expect(merged[0]?.[0]?.length).toBe(9);
    expect(ringArea2(merged[0]?.[0] ?? [])).toBeGreaterThan(0);
  });

  it('keeps a hole inside (clockwise) and splits shapes touching at one vertex', () => {
    const ring = [];
    for (let x = 0; x < 3; x++) for (let y = 0; y < 3; y++) if (x !== 1 || y !== 1) ring.push(sq(x, y));
    const withHole = mergeShapes(ring);
    expect(withHole.length).toBe(1);
    expect(withHole[0]?.length).toBe(2);
    expect(ringArea2(withHole[0]?.[1] ?? [])).toBeLessThan(0);
    expect(area(withHole)).toBe(8);
    const bowtie = mergeShapes([sq(0, 0), sq(1, 1)]);
    expect(bowtie.length).toBe(2);
    expect(area(bowtie)).toBe(2);
  });
});
