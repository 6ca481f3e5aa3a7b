import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { basicCells, buildPackFiles, editJson } from '../fixtures/tiny-pack.ts';

const root = mkdtempSync(join(tmpdir(), 'gridatlas-validate-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

function writePack(id: string, files: Record<string, string>): string {
  const dir = join(root, id);
  mkdirSync(dir, { recursive: true });
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

function validate(...args: string[]) {
  const r = spawnSync('node_modules/.bin/tsx', ['scripts/validate.ts', ...args], { encoding: 'utf8' });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

describe('npm run validate', () => {
  it('exits 0 and prints a summary for a clean pack', () => {
    const r = validate(writePack('clean', buildPackFiles({ id: 'clean' })));
    expect(r.code).toBe(0);
    expect(r.out.trim()).toMatch(/^0 errors, 0 findings — pack "clean": 2 area, 4 community cells/);
  });

  it('exits 0 with findings only, one line per finding with area and ids', () => {
    const cells = basicCells().map((c) =>
      c.id === 'C2' ? { ...c, box: [121.0, 31.005, 121.01, 31.008] as [number, number, number, number] } : c,
    );
    const r = validate(writePack('gappy', buildPackFiles({ id: 'gappy', cells })));
    expect(r.code).toBe(0);
    const lines = r.out.trim().split('\n');
    expect(lines[0]).toMatch(
      /^grids\.geojson: A1: [\d,]+ m² of "A1" is in no community cell \(next to C2\) \[gap\]$/,
    );
    expect(lines[1]).toMatch(/^0 errors, 1 finding/);
  });

  it('exits 1 naming each error: broken parent, duplicate id, unclosed ring, string for a number', () => {
    const files = buildPackFiles({ id: 'bad' });
    editJson<{
      features: { properties: Record<string, unknown>; geometry: { coordinates: number[][][] } }[];
    }>(files, 'grids.geojson', (fc) => {
      const [a1, a2, c1, c2, c3] = fc.features;
      if (!a1 || !a2 || !c1 || !c2 || !c3) throw new Error('fixture changed');
      c1.properties.parent = 'nope';
      c2.properties.id = 'C3';
      a2.geometry.coordinates[0]?.pop();
      a1.properties.households = '300';
    });
    const r = validate(writePack('bad', files));
    expect(r.code).toBe(1);
    expect(r.out).toContain('grids.geojson: A1: properties.households:');
    expect(r.out).toContain('grids.geojson: A2: polygon outer ring: the ring is not closed');
    expect(r.out).toContain('grids.geojson: C3: id "C3" is used by more than one feature [id-duplicate]');
    expect(r.out).toContain('grids.geojson: C1: parent "nope" does not exist [parent-exists]');
    expect(r.out).toMatch(/4 errors, 0 findings — the pack was not loaded/);
  });

  it('exits 1 for a folder that is not a pack, and 2 for bad usage', () => {
    const r = validate(join(root, 'missing'));
    expect(r.code).toBe(1);
    expect(r.out).toContain('region.json: -: cannot read the manifest');
    expect(validate().code).toBe(2);
    expect(validate('a', '--min-area', 'lots').code).toBe(2);
  });

  it('prints JSON with --json', () => {
    const r = validate(writePack('json', buildPackFiles({ id: 'json' })), '--json');
    expect(JSON.parse(r.out)).toMatchObject({ ok: true, errors: [], findings: [] });
  });
});
