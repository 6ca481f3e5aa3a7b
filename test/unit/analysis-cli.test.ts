/** `npm run coverage`: exit codes, the text tables and the JSON, on a tiny pack written to disk. */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { CoverageReport } from '../../src/analysis/analyse-pack.ts';
import { boxArea, event, partner, service } from '../fixtures/analysis-fixtures.ts';
import { type Box, basicCells, buildPackFiles, editJson } from '../fixtures/tiny-pack.ts';

const root = mkdtempSync(join(tmpdir(), 'gridatlas-coverage-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

function writePack(id: string, files: Record<string, string>): string {
  const dir = join(root, id);
  mkdirSync(dir, { recursive: true });
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

const coverage = (...args: string[]) => {
  const r = spawnSync('node_modules/.bin/tsx', ['scripts/coverage.ts', ...args], { encoding: 'utf8' });
  return { code: r.status, out: r.stdout, err: r.stderr };
};

// C2 stops 0.002° short of A1's top: a gap of known area in A1.
const cells = basicCells().map((c) =>
  c.id === 'C2' ? { ...c, box: [121.0, 31.005, 121.01, 31.008] as Box } : c,
);
const gap = boxArea([121.0, 31.008, 121.01, 31.01]);
const files = buildPackFiles({
  id: 'planner',
  cells: cells.map((c) => ({ ...c, population: 400 })),
  services: [service('S1', 'health', 121.0, 31.0), service('S2', 'legal', 121.015, 31.0075)],
  partners: [partner('U1', 121.005, 31.0025)],
  activity: [event('E1', '2026-03-10T09:00+08:00', 121.005, 31.0025, 'C1')],
  manifest: { serviceRadiusMeters: 400 },
});
const folder = writePack('planner', files);

describe('npm run coverage', () => {
  it('prints coverage per level, the other analyses and the findings grouped by kind', () => {
    const r = coverage(folder);
    expect(r.code).toBe(0);
    const lines = r.out.split('\n');
    const community = lines.find((l) => l.startsWith('community'));
    const [, cellCount, uncovered, covered] = community?.split(/\s{2,}/) ?? [];
    expect(cellCount).toBe('4');
    expect(Math.abs(Number(uncovered?.replaceAll(',', '')) - gap)).toBeLessThanOrEqual(1);
    expect(covered).toBe(`${(100 * (1 - gap / boxArea([121.0, 31.0, 121.02, 31.01]))).toFixed(3)} %`);
    expect(r.out).toContain(
      'Service reach — any service point within 400 m (2 points; kinds in the pack: health, legal)',
    );
    expect(r.out).toMatch(/^gap: 1 \([\d,]+ m²\)$/m);
    expect(r.out).toMatch(
      /^\s+1\s+high\s+community\s+A1,C2\s.* of "A1" is in no community cell \(next to C2\)$/m,
    );
    // A2, C2, C3 and C4: U1 stands in C1. Two levels: no summed area in the header.
    expect(r.out).toMatch(/^no-partner: 4$/m);
  });

  it('--json gives the report the worker gives; --service-kind, --from/--to and --rank reach the analysis', () => {
    const r = coverage(
      folder,
      '--json',
      '--service-kind',
      'legal',
      '--from',
      '2026-03-01',
      '--to',
      '2026-03-31',
      '--rank',
      'population',
    );
    expect(r.code).toBe(0);
    const { ok, report } = JSON.parse(r.out) as { ok: boolean; report: CoverageReport };
    expect(ok).toBe(true);
    expect(report.options).toMatchObject({ serviceKind: 'legal', rankBy: 'population', serviceRadiusM: 400 });
    expect(report.activity).toMatchObject({
      from: '2026-03-01T00:00+08:00',
      to: '2026-04-01T00:00+08:00',
      cellsWithout: 3,
    });
    expect(report.counts.gap).toBe(1);
    const people = report.findings.map((f) => f.population ?? -1);
    expect(people).toEqual([...people].sort((a, b) => b - a));
  });

  it('exits 1 naming the errors of a pack that does not load, 2 on bad usage', () => {
    const broken = { ...files };
    editJson<{ features: { properties: Record<string, unknown> }[] }>(broken, 'grids.geojson', (fc) => {
      const c1 = fc.features[2];
      if (c1) c1.properties.parent = 'nope';
    });
    const r = coverage(
      writePack('broken', {
        ...broken,
        'region.json': broken['region.json']?.replace('"planner"', '"broken"') ?? '',
      }),
    );
    expect(r.code).toBe(1);
    expect(r.out).toContain('grids.geojson: C1: parent "nope" does not exist [parent-exists]');
    expect(coverage().code).toBe(2);
    expect(coverage(folder, '--rank', 'size').code).toBe(2);
    expect(coverage(folder, '--from', 'last week').code).toBe(2);
  });
});
