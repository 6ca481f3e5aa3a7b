/**
 * A pack whose grid is served as vector tiles (docs/region-pack.md, "Grid levels as vector tiles"):
 * the Jiading pack cut into tiles by `scripts/tiles.ts` (GDAL's ogr2ogr) in a temporary folder, with its
 * GeoJSON grid then removed, served by the real server. The same drill-down, hover and search as on
 * GeoJSON, checked against the GeoJSON grid as an independent source.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Polygon, Position } from 'geojson';
import type { Browser } from 'playwright-core';
import polylabel from 'polylabel';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildPackTiles, hasOgr2ogr, OGR2OGR_MISSING } from '../../scripts/tiles.ts';
import { AppDriver } from './app-driver.ts';
import { launchChromium } from './chromium.ts';
import { type RunningServer, startAppServer } from './servers.ts';

interface Cell {
  properties: { id: string; name: string; level: string; parent: string | null; town?: string };
  geometry: Polygon | { type: 'MultiPolygon'; coordinates: Position[][][] };
}
const grids = JSON.parse(readFileSync('data/regions/jiading/grids.geojson', 'utf8')) as { features: Cell[] };
const byId = new Map(grids.features.map((c) => [c.properties.id, c]));
const childrenOf = (id: string) => grids.features.filter((c) => c.properties.parent === id);
const inside = (c: Cell): [number, number] => {
  const rings = c.geometry.type === 'Polygon' ? c.geometry.coordinates : (c.geometry.coordinates[0] ?? []);
  const [x, y] = polylabel(rings as [number, number][][], 0.00001);
  return [x, y];
};

/** Evaluates an expression over the app's map (window.__gridatlasMap) in the page. */
const onMap = <T>(app: AppDriver, fn: string): Promise<T> =>
  app.page.evaluate(`(() => { const map = window.__gridatlasMap; return ${fn}; })()`) as Promise<T>;

let browser: Browser;
let server: RunningServer;
let regions: string;

beforeAll(async () => {
  if (!hasOgr2ogr()) throw new Error(OGR2OGR_MISSING);
  regions = mkdtempSync(join(tmpdir(), 'gridatlas-tiles-'));
  const pack = join(regions, 'jiading');
  cpSync('data/regions/jiading', pack, { recursive: true });
  await buildPackTiles(pack);
  // The same tiled pack that still lists its GeoJSON grid (for the command-line tools): the page must not
  // read it.
  const both = join(regions, 'jiadingboth');
  cpSync(pack, both, { recursive: true });
  const bothManifest = JSON.parse(readFileSync(join(both, 'region.json'), 'utf8'));
  writeFileSync(join(both, 'region.json'), JSON.stringify({ ...bothManifest, id: 'jiadingboth' }));
  // A pack on tiles alone: without its GeoJSON grid, so nothing can fall back to it.
  rmSync(join(pack, 'grids.geojson'));
  const manifest = JSON.parse(readFileSync(join(pack, 'region.json'), 'utf8'));
  delete manifest.layers.grids;
  writeFileSync(join(pack, 'region.json'), JSON.stringify(manifest));
  // The same grid in one .pmtiles archive (read with range requests), also without its GeoJSON grid.
  const archived = join(regions, 'jiadingpm');
  cpSync('data/regions/jiading', archived, { recursive: true });
  await buildPackTiles(archived, { pmtiles: true });
  rmSync(join(archived, 'grids.geojson'));
  const archivedManifest = JSON.parse(readFileSync(join(archived, 'region.json'), 'utf8'));
  delete archivedManifest.layers.grids;
  writeFileSync(join(archived, 'region.json'), JSON.stringify({ ...archivedManifest, id: 'jiadingpm' }));
  writeFileSync(join(regions, 'index.json'), JSON.stringify(['jiading', 'jiadingboth', 'jiadingpm']));
  server = await startAppServer(['--regions', regions]);
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
  if (regions) rmSync(regions, { recursive: true, force: true });
});

const panelTitle = async (app: AppDriver) =>
  (await app.page.getByTestId('cell-panel').locator('h2').textContent()) ?? '';
const clickable = (app: AppDriver) =>
  onMap<string[]>(app, `map.queryRenderedFeatures({ layers: ['focus-hover'] }).map((f) => f.properties.id)`);

describe('a pack on vector tiles', () => {
  it('draws its grid from the tiles and reads its cells from the attribute index, not from GeoJSON', async () => {
    const app = await AppDriver.open(browser, server.url);
    await app.waitForMapIdle();
    expect(await onMap(app, `map.getSource('ga-grid').type`)).toBe('vector');
    expect(app.log.requests.some((u) => /\/tiles\/\d+\/\d+\/\d+\.pbf$/.test(u))).toBe(true);
    expect(app.log.requests.some((u) => u.endsWith('/grid-index.json'))).toBe(true);
    expect(app.log.requests.some((u) => u.endsWith('grids.geojson'))).toBe(false);
    // The manifest gives the level sizes (npm run tiles writes them): the map is styled and drawing
    // before the index is even requested; the index comes with the rest of the pack.
    const order = await app.page.evaluate(() => ({
      style: performance.getEntriesByName('gridatlas:style-load')[0]?.startTime ?? Number.NaN,
      index:
        performance.getEntriesByType('resource').find((r) => r.name.endsWith('/grid-index.json'))
          ?.startTime ?? Number.NaN,
    }));
    expect(order.index).toBeGreaterThan(order.style);
    // The legend counts come from the index: the same numbers as the GeoJSON grid.
    for (const level of ['area', 'community', 'micro']) {
      const count = grids.features.filter((c) => c.properties.level === level).length;
      expect(await app.page.getByTestId(`level-count-${level}`).textContent()).toBe(
        count.toLocaleString('zh-CN'),
      );
    }
    // The top level as drawn: every area grid, each once (features may repeat across tiles).
    const areas = grids.features.filter((c) => c.properties.level === 'area').map((c) => c.properties.id);
    expect(new Set(await clickable(app))).toEqual(new Set(areas));
    expect(app.log.pageErrors).toEqual([]);
    expect(app.log.consoleErrors).toEqual([]);
    await app.close();

    // Listed or not, the GeoJSON grid of a tiled pack is never read by the page.
    const listed = await AppDriver.open(browser, server.url, '?region=jiadingboth');
    await listed.waitForMapIdle();
    expect(await onMap(listed, `map.getSource('ga-grid').type`)).toBe('vector');
    expect(listed.log.requests.some((u) => u.endsWith('/jiadingboth/grid-index.json'))).toBe(true);
    expect(listed.log.requests.some((u) => u.endsWith('grids.geojson'))).toBe(false);
    await listed.close();
  });

  it('drills down by clicking: area, community, micro grid, each with its own children clickable', async () => {
    // Overlays off: a partner or project marker under the pointer takes a click (overlays.test.ts).
    const app = await AppDriver.open(browser, server.url, '?layers=');
    await app.waitForMapIdle();
    const area = byId.get('A20') as Cell;
    await app.clickMapAt(inside(area));
    await app.page.waitForURL((u) => u.searchParams.get('cell') === 'A20');
    await app.waitForMapIdle();
    expect(await panelTitle(app)).toBe(area.properties.name);
    expect(new Set(await clickable(app))).toEqual(new Set(childrenOf('A20').map((c) => c.properties.id)));

    const community = childrenOf('A20')[0] as Cell;
    await app.clickMapAt(inside(community));
    await app.page.waitForURL((u) => u.searchParams.get('cell') === community.properties.id);
    await app.waitForMapIdle();
    expect(await panelTitle(app)).toBe(community.properties.name);
    expect(new Set(await clickable(app))).toEqual(
      new Set(childrenOf(community.properties.id).map((c) => c.properties.id)),
    );

    const micro = childrenOf(community.properties.id)[0] as Cell;
    await app.clickMapAt(inside(micro));
    await app.page.waitForURL((u) => u.searchParams.get('cell') === micro.properties.id);
    await app.waitForMapIdle();
    expect(await panelTitle(app)).toBe(micro.properties.name);
    const crumbs = await app.page.locator('nav.breadcrumb li').allTextContents();
    expect(crumbs.slice(-3)).toEqual([
      area.properties.name,
      community.properties.name,
      micro.properties.name,
    ]);

    // A click on a veiled cell outside the area jumps to that cell's own area (from the tiles' anc0).
    const elsewhere = byId.get('A07') as Cell;
    const veiled = childrenOf(childrenOf('A07')[0]?.properties.id ?? '')[0] as Cell;
    await app.page.keyboard.press('Escape');
    await app.page.waitForURL((u) => u.searchParams.get('cell') === community.properties.id);
    await app.page.keyboard.press('Escape');
    await app.page.waitForURL((u) => u.searchParams.get('cell') === 'A20');
    await app.waitForMapIdle();
    await onMap(app, `map.jumpTo({ center: [${inside(veiled).join(',')}], zoom: 13 })`);
    await app.waitForMapIdle();
    await app.clickMapAt(inside(veiled));
    await app.page.waitForURL((u) => u.searchParams.get('cell') === elsewhere.properties.id);
    expect(app.log.pageErrors).toEqual([]);
    await app.close();
  });

  it('highlights the hovered cell with feature-state on the tiles’ layer, and clears it', async () => {
    const app = await AppDriver.open(browser, server.url);
    await app.waitForMapIdle();
    const hover = (id: string) =>
      onMap<boolean | undefined>(
        app,
        `map.getFeatureState({ source: 'ga-grid', sourceLayer: 'grids', id: '${id}' }).hover`,
      );
    const a = byId.get('A07') as Cell;
    const b = byId.get('A20') as Cell;
    const pa = await app.pagePointOf(inside(a));
    await app.page.mouse.move(pa.x, pa.y);
    await expect.poll(() => hover('A07')).toBe(true);
    const pb = await app.pagePointOf(inside(b));
    await app.page.mouse.move(pb.x, pb.y);
    await expect.poll(() => hover('A20')).toBe(true);
    expect(await hover('A07')).toBe(false);
    await app.close();
  });

  it('search finds a community by name (from the index) and lands on it', async () => {
    const community = byId.get('C001') as Cell;
    const app = await AppDriver.open(browser, server.url);
    await app.waitForMapIdle();
    await app.page.keyboard.press('/');
    await app.page.keyboard.type(community.properties.name);
    const options = app.page.getByRole('listbox').getByRole('option');
    await options.first().waitFor();
    const texts = await options.allTextContents();
    const target = texts.findIndex((o) => o.startsWith(community.properties.name));
    expect(target).toBeGreaterThanOrEqual(0);
    for (let i = 0; i < target; i++) await app.page.keyboard.press('ArrowDown');
    await app.page.keyboard.press('Enter');
    await app.page.waitForURL((u) => u.searchParams.get('cell') === 'C001');
    await app.waitForMapIdle();
    expect(await panelTitle(app)).toBe(community.properties.name);
    expect(new Set(await clickable(app))).toEqual(new Set(childrenOf('C001').map((c) => c.properties.id)));
    await app.close();
  });

  it('draws a grid from one .pmtiles archive (range requests, no tile files) and drills into it', async () => {
    // Overlays off: a partner or project marker under the pointer takes a click.
    const app = await AppDriver.open(browser, server.url, '?region=jiadingpm&layers=');
    await app.waitForMapIdle();
    const areas = grids.features.filter((c) => c.properties.level === 'area').map((c) => c.properties.id);
    expect(await onMap(app, `map.getSource('ga-grid').type`)).toBe('vector');
    expect(new Set(await clickable(app))).toEqual(new Set(areas));
    expect(app.log.requests.some((u) => u.endsWith('/jiadingpm/grid.pmtiles'))).toBe(true);
    expect(app.log.requests.filter((u) => u.endsWith('.pbf'))).toEqual([]);
    expect(app.log.requests.filter((u) => u.endsWith('grids.geojson'))).toEqual([]);
    const area = byId.get('A20') as Cell;
    await app.clickMapAt(inside(area));
    await app.page.waitForURL((u) => u.searchParams.get('cell') === 'A20');
    await app.waitForMapIdle();
    expect(await panelTitle(app)).toBe(area.properties.name);
    expect(new Set(await clickable(app))).toEqual(new Set(childrenOf('A20').map((c) => c.properties.id)));
    expect(app.log.pageErrors).toEqual([]);
    expect(app.log.consoleErrors).toEqual([]);
    await app.close();
  });
});
