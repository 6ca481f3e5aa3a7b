/**
 * Issue #8's rule: nothing on the first-load path that the first screen (the district map with its
 * default overlays) does not need. The code below is each loaded by a dynamic import when first wanted;
 * a static import of it from anything the entry reaches would put it back on the first-load path, and
 * this test fails. (The sizes themselves are measured by `npm run bench`, on the built files.)
 */
import { describe, expect, it } from 'vitest';
import { staticImports } from '../support/import-graph.ts';

const graph = staticImports('src/main.tsx');

describe('the first-load path (static imports from src/main.tsx)', () => {
  it('reaches the first screen: the map, the first stage of pack loading, the layer control', () => {
    expect(graph.files).toEqual(
      expect.arrayContaining([
        'src/app/App.tsx',
        'src/map/MapView.tsx',
        'src/data/pack-core.ts',
        'src/ui/overlays/LayerControl.tsx',
        'src/ui/overlays/ProjectList.tsx',
      ]),
    );
  });

  it.each([
    ['the wall screen', 'src/wall/WallApp.tsx'],
    ['the second stage of pack loading', 'src/data/pack-details.ts'],
    ['the programme documents’ loader', 'src/data/programme-loader.ts'],
    ['the programme panel', 'src/ui/programme/ProgrammePanel.tsx'],
    ['the programme panel’s models', 'src/app/programme-model.ts'],
    ['the cell panel', 'src/ui/CellPanel.tsx'],
    ['the cell panel’s model', 'src/app/panel-model.ts'],
    ['the partner card', 'src/ui/overlays/PartnerCard.tsx'],
    ['the project card', 'src/ui/overlays/ProjectCard.tsx'],
    ['the activity time bar', 'src/ui/activity/TimeBar.tsx'],
    ['the activity legend', 'src/ui/activity/ActivityLegend.tsx'],
    ['the planner panel', 'src/ui/planner/CoveragePanel.tsx'],
    ['the analysis worker’s client', 'src/analysis/client.ts'],
    ['the pack index (built with the second stage)', 'src/data/pack-index/pack-index.ts'],
    ['the leaf locator', 'src/data/pack-index/leaf-locator.ts'],
    ['the tiled packs’ attribute-index parser', 'src/data/grid-index-file.ts'],
    ['the English dictionary (the first screen is Chinese)', 'src/i18n/strings-en.ts'],
    ['the live-status fetch', 'src/data/status-fetch.ts'],
  ])('leaves out %s', (_, file) => {
    expect(graph.files).not.toContain(file);
  });

  it('uses no package the first screen does not need (charts, comlink, pmtiles, flatbush, zod classic)', () => {
    for (const pkg of ['uplot', 'comlink', 'pmtiles', 'flatbush', 'zod'])
      expect(graph.packages).not.toContain(pkg);
    expect(graph.packages).toContain('maplibre-gl');
  });
});
