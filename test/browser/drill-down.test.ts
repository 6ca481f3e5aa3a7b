import { readFileSync } from 'node:fs';
import type { Polygon, Position } from 'geojson';
import type { Browser } from 'playwright-core';
import polylabel from 'polylabel';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { AppDriver } from './app-driver.ts';
import { launchChromium } from './chromium.ts';

interface Cell {
  properties: {
    id: string;
    name: string;
    level: string;
    parent: string | null;
    leader?: string;
    town?: string;
  };
  geometry: Polygon | { type: 'MultiPolygon'; coordinates: Position[][][] };
}
const grids = JSON.parse(readFileSync('data/regions/jiading/grids.geojson', 'utf8')) as { features: Cell[] };
const towns = JSON.parse(readFileSync('data/regions/jiading/towns.geojson', 'utf8')) as {
  features: { properties: { id: string; name: string } }[];
};
const byId = new Map(grids.features.map((c) => [c.properties.id, c]));
const inside = (c: Cell): [number, number] => {
  const rings = c.geometry.type === 'Polygon' ? c.geometry.coordinates : (c.geometry.coordinates[0] ?? []);
  const [x, y] = polylabel(rings as [number, number][][], 0.00001);
  return [x, y];
};

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

async function panelTitle(app: AppDriver): Promise<string> {
  return (await app.page.getByTestId('cell-panel').locator('h2').textContent()) ?? '';
}
async function crumbs(app: AppDriver): Promise<string[]> {
  return app.page.locator('nav.breadcrumb li').allTextContents();
}
const cellInUrl = (app: AppDriver) => new URL(app.page.url()).searchParams.get('cell');

const clickAt = (app: AppDriver, lngLat: [number, number]) => app.clickMapAt(lngLat);

describe('drill-down for street officials', () => {
  it('?cell=<micro id> opens the cell zoomed, with its name, breadcrumb and leader', async () => {
    const micro = grids.features.find((c) => c.properties.level === 'micro' && c.properties.leader) as Cell;
    const community = byId.get(micro.properties.parent ?? '') as Cell;
    const area = byId.get(community.properties.parent ?? '') as Cell;
    const town = towns.features.find((t) => t.properties.id === micro.properties.town);
    const app = await AppDriver.open(browser, inject('appUrl'), `?cell=${micro.properties.id}`);
    await app.waitForMapIdle();
    expect(await panelTitle(app)).toBe(micro.properties.name);
    expect(await app.page.getByTestId('leader').textContent()).toBe(micro.properties.leader);
    expect(await crumbs(app)).toEqual([
      '上海市嘉定区',
      town?.properties.name,
      area.properties.name,
      community.properties.name,
      micro.properties.name,
    ]);
    const zoom = await app.page.evaluate(() =>
      (window as unknown as { __gridatlasMap: { getZoom: () => number } }).__gridatlasMap.getZoom(),
    );
    expect(zoom).toBeGreaterThan(13);
    expect(app.log.pageErrors).toEqual([]);
    await app.close();
  });

  it('clicks down three levels from the district, then back up with the breadcrumb and with Back', async () => {
    // Overlays off: a partner or project symbol under the click would take it (overlays.test.ts).
    const app = await AppDriver.open(browser, inject('appUrl'), '?layers=');
    await app.waitForMapIdle();
    const area = byId.get('A20') as Cell;
    await clickAt(app, inside(area));
    await app.page.getByTestId('cell-panel').waitFor();
    await app.waitForMapIdle();
    expect(cellInUrl(app)).toBe('A20');
    expect(await panelTitle(app)).toBe(area.properties.name);

    const community = grids.features.find((c) => c.properties.parent === 'A20') as Cell;
    await clickAt(app, inside(community));
    await app.page.waitForURL((u) => u.searchParams.get('cell') === community.properties.id);
    await app.waitForMapIdle();
    expect(await panelTitle(app)).toBe(community.properties.name);

    const micro = grids.features.find((c) => c.properties.parent === community.properties.id) as Cell;
    await clickAt(app, inside(micro));
    await app.page.waitForURL((u) => u.searchParams.get('cell') === micro.properties.id);
    await app.waitForMapIdle();
    expect(await panelTitle(app)).toBe(micro.properties.name);
    expect((await crumbs(app)).at(-1)).toBe(micro.properties.name);

    // Up with the breadcrumb: the area crumb.
    await app.page.locator('nav.breadcrumb').getByRole('button', { name: area.properties.name }).click();
    await app.page.waitForURL((u) => u.searchParams.get('cell') === 'A20');
    expect(await panelTitle(app)).toBe(area.properties.name);

    // Back goes to where we were before (the micro cell), and Back again up through the steps.
    await app.page.goBack();
    await app.page.waitForURL((u) => u.searchParams.get('cell') === micro.properties.id);
    expect(await panelTitle(app)).toBe(micro.properties.name);
    await app.page.goBack();
    await app.page.waitForURL((u) => u.searchParams.get('cell') === community.properties.id);
    expect(await panelTitle(app)).toBe(community.properties.name);

    // Escape goes up one level.
    await app.page.keyboard.press('Escape');
    await app.page.waitForURL((u) => u.searchParams.get('cell') === 'A20');
    await app.page.keyboard.press('Escape');
    await app.page.waitForURL((u) => u.searchParams.get('town') === area.properties.town);
    await app.page.keyboard.press('Escape');
    await app.page.waitForURL((u) => !u.searchParams.has('town') && !u.searchParams.has('cell'));
    expect(await app.page.getByTestId('cell-panel').count()).toBe(0);
    expect(app.log.pageErrors).toEqual([]);
    await app.close();
  });

  it('highlights the hovered cell with feature-state', async () => {
    const app = await AppDriver.open(browser, inject('appUrl'));
    await app.waitForMapIdle();
    const area = byId.get('A07') as Cell;
    const p = await app.pagePointOf(inside(area));
    await app.page.mouse.move(p.x, p.y);
    await expect
      .poll(() =>
        app.page.evaluate(
          () =>
            (
              window as unknown as { __gridatlasMap: { getFeatureState: (f: object) => { hover?: boolean } } }
            ).__gridatlasMap.getFeatureState({ source: 'ga-grid', id: 'A07' }).hover,
        ),
      )
      .toBe(true);
    await app.close();
  });

  it('search finds a committee by a variant of its name and lands on it, by keyboard alone', async () => {
    const community = byId.get('C001') as Cell;
    // "XX社区居委会" typed as "XX居民委员会": the official long form.
    const query = community.properties.name.replace(/(社区)?(居委会|村委会)$/, '居民委员会');
    const app = await AppDriver.open(browser, inject('appUrl'));
    await app.waitForMapIdle();
    await app.page.keyboard.press('/');
    await app.page.keyboard.type(query);
    const option = app.page
      .getByRole('listbox')
      .getByRole('option', { name: new RegExp(community.properties.name) })
      .first();
    await option.waitFor();
    // Move the active option to the community (groups: towns, areas, communities, micro cells).
    // Options of the search's listbox only (the region switcher's <select> has options too).
    const options = await app.page.getByRole('listbox').getByRole('option').allTextContents();
    const target = options.findIndex((o) => o.startsWith(community.properties.name));
    for (let i = 0; i < target; i++) await app.page.keyboard.press('ArrowDown');
    await app.page.keyboard.press('Enter');
    await app.page.waitForURL((u) => u.searchParams.get('cell') === 'C001');
    expect(await panelTitle(app)).toBe(community.properties.name);
    // Keyboard on: open the children list and step into the first micro cell.
    await app.page
      .getByTestId('cell-panel')
      .getByRole('button', { name: /小微网格/ })
      .first()
      .press('Enter');
    const first = grids.features.find((c) => c.properties.parent === 'C001') as Cell;
    await app.page
      .getByTestId('children-list')
      .getByRole('button', { name: first.properties.name })
      .press('Enter');
    await app.page.waitForURL((u) => u.searchParams.get('cell') === first.properties.id);
    await app.close();
  });

  it('lists the cell’s coverage findings from the grid check', async () => {
    const flaws = JSON.parse(readFileSync('data/regions/jiading/flaws.json', 'utf8')) as {
      kind: string;
      parent: string | null;
      ids: string[];
    }[];
    const gap = flaws.find((f) => f.kind === 'gap' && f.parent?.startsWith('C')) as {
      parent: string;
      ids: string[];
    };
    const app = await AppDriver.open(browser, inject('appUrl'), `?cell=${gap.parent}`);
    await app.waitForMapIdle();
    const section = app.page.getByTestId('cell-findings');
    await section.waitFor({ timeout: 20_000 });
    expect(await section.textContent()).toContain('网格缺口');
    for (const id of gap.ids) expect(await section.textContent()).toContain(id);
    await app.close();
  });

  it('an unknown cell id shows a clear alert and falls back to the district', async () => {
    const app = await AppDriver.open(browser, inject('appUrl'), '?cell=NOPE-42');
    await app.waitForMapIdle();
    expect(await app.alertText()).toContain('NOPE-42');
    expect(await app.page.getByTestId('cell-panel').count()).toBe(0);
    expect(cellInUrl(app)).toBeNull();
    await app.close();
  });

  it('keeps the map view, time window and language in the URL, and restores them', async () => {
    const search = '?cell=C001&v=121.25,31.38,13.2&from=2026-01-01&to=2026-01-31&lang=en';
    const app = await AppDriver.open(browser, inject('appUrl'), search);
    await app.waitForMapIdle();
    const view = await app.page.evaluate(() => {
      const m = (
        window as unknown as {
          __gridatlasMap: { getZoom: () => number; getCenter: () => { lng: number; lat: number } };
        }
      ).__gridatlasMap;
      return { zoom: m.getZoom(), ...m.getCenter() };
    });
    expect(view.zoom).toBeCloseTo(13.2, 1);
    expect(view.lng).toBeCloseTo(121.25, 3);
    expect(await app.page.getByRole('button', { name: 'Switch language' }).count()).toBe(1);
    expect(await app.page.getByLabel('From').inputValue()).toBe('2026-01-01');
    await app.close();
  });
});
