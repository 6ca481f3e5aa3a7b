/**
 * The committed Jiading pack: the generator's promises (exact counts, nesting, references, real
 * names), and the validator finding exactly the flaws the generator put in on purpose.
 */
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { validatePackFolder } from '../../scripts/lib/validate-pack.ts';
import type { Problem } from '../../src/data/problem.ts';
import type { RegionPack } from '../../src/data/region-pack.ts';

const FOLDER = 'data/regions/jiading';

interface Flaw {
  kind: 'gap' | 'overlap';
  level: string;
  parent: string | null;
  ids: string[];
  areaM2: number;
  description: string;
}

let pack: RegionPack;
let errors: Problem[];
let findings: Problem[];

beforeAll(async () => {
  const report = await validatePackFolder(FOLDER);
  errors = report.errors;
  findings = report.findings;
  if (!report.pack)
    throw new Error(`the Jiading pack does not load: ${errors.map((e) => e.message).join('; ')}`);
  pack = report.pack;
}, 120_000);

describe('the Jiading pack', () => {
  it('loads without errors', () => {
    expect(errors).toEqual([]);
  });

  it('has exactly 53 area, 359 community and 1,882 micro grids', () => {
    expect(pack.grid.levels).toEqual(['area', 'community', 'micro']);
    expect(pack.grid.byDepth.map((ids) => ids.length)).toEqual([53, 359, 1882]);
  });

  it('nests exactly: every cell has children down to micro, and a child is in its parent’s town', () => {
    for (const depth of [0, 1]) {
      for (const id of pack.grid.byDepth[depth] ?? [])
        expect(pack.grid.children.get(id)?.length ?? 0).toBeGreaterThan(0);
    }
    for (const cell of pack.grid.cells) {
      const parent = cell.properties.parent ? pack.grid.byId.get(cell.properties.parent) : undefined;
      if (parent) expect(cell.properties.town).toBe(parent.properties.town);
    }
  });

  it('has the 12 real streets/towns, and community grids named after real committees of their town', () => {
    expect(pack.admin).toHaveLength(12);
    const csv = readFileSync('data/reference/jiading-committees-nbs2023.csv', 'utf8')
      .trim()
      .split('\n')
      .slice(1);
    const committees = new Map(
      csv.map((line) => {
        const [code, name, , street] = line.split(',');
        return [code ?? '', { name: name ?? '', street: street ?? '' }];
      }),
    );
    const towns = new Set(pack.admin.map((a) => a.properties.id));
    for (const id of pack.grid.byDepth[1] ?? []) {
      const c = pack.grid.byId.get(id)?.properties;
      const committee = committees.get(c?.code ?? '');
      expect(committee?.name, `community ${id}`).toBe(c?.name);
      expect(committee?.street).toBe(c?.town);
      expect(towns.has(c?.town ?? '')).toBe(true);
    }
  });

  it('has plausible people: micro cells hold hundreds to a few thousand, about 1.83 million in all', () => {
    const micro = (pack.grid.byDepth[2] ?? []).map(
      (id) => pack.grid.byId.get(id)?.properties.population ?? 0,
    );
    const total = micro.reduce((a, b) => a + b, 0);
    expect(total).toBeGreaterThan(1_600_000);
    expect(total).toBeLessThan(2_050_000);
    const sorted = [...micro].sort((a, b) => a - b);
    expect(sorted[Math.floor(sorted.length / 2)]).toBeGreaterThan(300);
    expect(sorted[Math.floor(sorted.length / 2)]).toBeLessThan(3000);
  });

  it('has 70+ partner units in the 4 committees, ~20 domain and 8 cross-boundary projects, services and a year of activity', () => {
    expect(pack.partners.length).toBeGreaterThanOrEqual(70);
    expect(new Set(pack.partners.map((p) => p.properties.committee))).toEqual(
      new Set(['economy', 'city', 'culture', 'innovation']),
    );
    expect(pack.projects.filter((p) => p.properties.domain === 'cross_boundary')).toHaveLength(8);
    expect(pack.projects.length).toBeGreaterThanOrEqual(26);
    const geometryKinds = new Set(pack.projects.map((p) => p.geometry.type.replace('Multi', '')));
    expect([...geometryKinds].sort()).toEqual(['LineString', 'Point', 'Polygon']);
    expect(pack.services.length).toBeGreaterThan(100);
    expect(pack.activity.length).toBeGreaterThanOrEqual(20_000);
    const times = pack.activity.map((a) => Date.parse(a.properties.time)).sort((a, b) => a - b);
    const days = ((times.at(-1) ?? 0) - (times[0] ?? 0)) / 86_400_000;
    expect(days).toBeGreaterThan(350);
    expect(days).toBeLessThan(370);
  });

  it('validator findings are exactly the deliberate flaws the generator documents', () => {
    const parentsOf = (ids: string[]) => new Set(ids.map((id) => pack.grid.byId.get(id)?.properties.parent));
    const flaws = JSON.parse(readFileSync(`${FOLDER}/flaws.json`, 'utf8')) as Flaw[];
    expect(flaws.filter((f) => f.kind === 'gap').length).toBeGreaterThanOrEqual(3);
    expect(flaws.filter((f) => f.kind === 'overlap').length).toBeGreaterThanOrEqual(1);
    expect(findings).toHaveLength(flaws.length);
    for (const flaw of flaws) {
      const rule = flaw.kind === 'overlap' ? 'overlap' : flaw.parent === null ? 'gap-boundary' : 'gap';
      const match = findings.find(
        (f) =>
          f.rule === rule &&
          f.level === flaw.level &&
          (flaw.parent === null || parentsOf(f.ids ?? []).has(flaw.parent) || f.ids?.includes(flaw.parent)) &&
          Math.abs((f.areaM2 ?? 0) - flaw.areaM2) / flaw.areaM2 < 0.02,
      );
      expect(match, `${flaw.kind} ${flaw.description}`).toBeDefined();
      for (const id of flaw.ids) expect(match?.ids, flaw.description).toContain(id);
    }
  });
});
