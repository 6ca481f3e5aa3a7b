import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const out = mkdtempSync(join(tmpdir(), 'gridatlas-generate-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));

/** Regenerates one pack into `dir` with the npm script's entry and compares it with the committed one. */
function expectSameAsCommitted(args: string[], dir: string, committedDir: string): void {
  const r = spawnSync('node_modules/.bin/tsx', ['scripts/generate/jiading.ts', ...args, '--out', dir], {
    encoding: 'utf8',
  });
  expect(r.status, r.stderr).toBe(0);
  const committed = readdirSync(committedDir).sort();
  expect(readdirSync(dir).sort()).toEqual(committed);
  for (const file of committed) {
    const same = readFileSync(join(dir, file)).equals(readFileSync(join(committedDir, file)));
    expect(same, `${file} differs from a fresh generation: run npm run data:generate and commit`).toBe(true);
  }
}

describe('npm run data:generate', () => {
  it('is deterministic and the committed Jiading pack is its current output, byte for byte', () => {
    // Without --region, --out writes the default district (Jiading), as before Putuo existed.
    expectSameAsCommitted([], join(out, 'jiading'), 'data/regions/jiading');
  }, 180_000);

  it('is deterministic and the committed Putuo pack is its current output, byte for byte', () => {
    expectSameAsCommitted(['--region', 'putuo'], join(out, 'putuo'), 'data/regions/putuo');
  }, 180_000);
});
