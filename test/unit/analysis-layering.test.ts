/**
 * The worker bundle must not pull in the page: no module reachable from src/analysis/worker.ts may live
 * in src/map, src/ui, src/state, src/app or src/layers (they touch the DOM and MapLibre). Follows the
 * relative imports from the worker entry, as the bundler would.
 */
import { describe, expect, it } from 'vitest';
import { staticImports } from '../support/import-graph.ts';

describe('layering of the analysis worker', () => {
  it('imports nothing from map/, ui/, state/, app/ or layers/', () => {
    const files = staticImports('src/analysis/worker.ts').files;
    expect(files).toContain('src/analysis/grid-coverage.ts');
    expect(files).toContain('src/data/pack-loader.ts');
    expect(files.filter((f) => /^src\/(map|ui|state|app|layers)\//.test(f))).toEqual([]);
  });

  it('the client imports only types from the analysis, so turf stays out of the page bundle', () => {
    const files = staticImports('src/analysis/client.ts').files;
    expect(files).toEqual(['src/analysis/client.ts']);
  });
});
