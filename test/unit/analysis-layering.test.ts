/**
 * The worker bundle must not pull in the page: no module reachable from src/analysis/worker.ts may live
 * in src/map, src/ui, src/state, src/app or src/layers (they touch the DOM and MapLibre). Follows the
 * relative imports from the worker entry, as the bundler would.
 */
import { readFileSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

function reachable(entry: string): Set<string> {
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    const text = readFileSync(file, 'utf8');
    // Type-only imports vanish from the bundle; only value imports count.
    for (const m of text.matchAll(/^import\s+(?!type\s)[^'"]*?from\s+'(\.{1,2}\/[^']+)'/gm)) {
      visit(resolve(dirname(file), m[1] as string));
    }
  };
  visit(resolve(entry));
  return seen;
}

describe('layering of the analysis worker', () => {
  it('imports nothing from map/, ui/, state/, app/ or layers/', () => {
    const files = [...reachable('src/analysis/worker.ts')].map((f) => relative(process.cwd(), f));
    expect(files).toContain('src/analysis/grid-coverage.ts');
    expect(files).toContain('src/data/pack-loader.ts');
    expect(files.filter((f) => /^src\/(map|ui|state|app|layers)\//.test(f))).toEqual([]);
  });

  it('the client imports only types from the analysis, so turf stays out of the page bundle', () => {
    const files = [...reachable('src/analysis/client.ts')].map((f) => relative(process.cwd(), f));
    expect(files).toEqual(['src/analysis/client.ts']);
  });
});
