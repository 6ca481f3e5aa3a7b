import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const COMMITTED = 'data/regions/jiading';
const out = mkdtempSync(join(tmpdir(), 'gridatlas-generate-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));

describe('npm run data:generate', () => {
  it('is deterministic and the committed pack is its current output, byte for byte', () => {
    const r = spawnSync('node_modules/.bin/tsx', ['scripts/generate/jiading.ts', '--out', out], {
      encoding: 'utf8',
    });
    expect(r.status, r.stderr).toBe(0);
    const committed = readdirSync(COMMITTED).sort();
    expect(readdirSync(out).sort()).toEqual(committed);
    for (const file of committed) {
      const same = readFileSync(join(out, file)).equals(readFileSync(join(COMMITTED, file)));
      expect(same, `${file} differs from a fresh generation: run npm run data:generate and commit`).toBe(
        true,
      );
    }
  }, 180_000);
});
