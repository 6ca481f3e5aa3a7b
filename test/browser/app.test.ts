import { readFileSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { AppDriver } from './app-driver.ts';
import { launchChromium } from './chromium.ts';

let browser: Browser;
let app: AppDriver;

/** Counts per level straight from the committed file, independently of the app's loader. */
function levelCountsFromFile(): Record<string, number> {
  const index = JSON.parse(readFileSync('data/regions/index.json', 'utf8')) as string[];
  const grids = JSON.parse(readFileSync(`data/regions/${index[0]}/grids.geojson`, 'utf8')) as {
    features: { properties: { level: string } }[];
  };
  const counts: Record<string, number> = {};
  for (const f of grids.features) counts[f.properties.level] = (counts[f.properties.level] ?? 0) + 1;
  return counts;
}

beforeAll(async () => {
  browser = await launchChromium();
  app = await AppDriver.open(browser, inject('appUrl'));
  await app.waitForMapIdle();
});
afterAll(async () => {
  await browser?.close();
});

describe('the app on the embedded default pack', () => {
  it('draws the map: the canvas is not blank', async () => {
    const colours = new Set(await app.sampleMapColours(16));
    // Background, land, several cell fills and lines: a blank or single-colour canvas fails.
    expect(colours.size).toBeGreaterThanOrEqual(5);
  });

  it('shows every grid level with the count of cells in the data', async () => {
    const expected = levelCountsFromFile();
    expect(Object.keys(expected).length).toBeGreaterThanOrEqual(1);
    for (const [level, count] of Object.entries(expected)) {
      const shown = await app.page.getByTestId(`level-count-${level}`).textContent();
      expect(Number(shown?.replace(/[^\d]/g, ''))).toBe(count);
    }
  });

  it('renders the grid layers, finer levels only once zoomed in', async () => {
    const renderedLevels = () =>
      app.page.evaluate(() => {
        type Rendered = { source: string; properties: { level?: string } };
        const map = (window as unknown as { __gridatlasMap: { queryRenderedFeatures: () => Rendered[] } })
          .__gridatlasMap;
        const counts: Record<string, number> = {};
        for (const f of map.queryRenderedFeatures()) {
          if (f.source === 'ga-grid' && f.properties.level)
            counts[f.properties.level] = (counts[f.properties.level] ?? 0) + 1;
        }
        return counts;
      });
    const district = await renderedLevels();
    expect(district.area ?? 0).toBeGreaterThan(40);
    expect(district.micro ?? 0).toBe(0);
    await app.page.evaluate(() => {
      const map = (
        window as unknown as { __gridatlasMap: { getCenter: () => unknown; jumpTo: (o: object) => void } }
      ).__gridatlasMap;
      map.jumpTo({ center: map.getCenter(), zoom: 14.5 });
    });
    await app.waitForMapIdle();
    const street = await renderedLevels();
    expect(street.micro ?? 0).toBeGreaterThan(5);
  });

  it('makes no request to any host but its own, and logs no errors', () => {
    const origin = new URL(inject('appUrl')).origin;
    const foreign = app.log.requests.filter(
      (u) => !u.startsWith(origin) && !u.startsWith('data:') && !u.startsWith('blob:'),
    );
    expect(foreign).toEqual([]);
    expect(app.log.requests.length).toBeGreaterThan(3);
    expect(app.log.consoleErrors).toEqual([]);
    expect(app.log.pageErrors).toEqual([]);
  });

  it('is served with a Content-Security-Policy of its own origin only, without unsafe-eval', async () => {
    const res = await fetch(inject('appUrl'));
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe-eval');
    expect(csp).not.toMatch(/https?:\/\//);
  });

  it('shows the attribution and switches the interface to English and back', async () => {
    expect(await app.page.locator('footer.attribution').textContent()).toMatch(/\S/);
    expect(await app.page.locator('h1').textContent()).toContain('网格图谱');
    await app.page.getByRole('button', { name: '切换语言' }).click();
    await app.page.getByRole('button', { name: 'Switch language' }).waitFor();
    expect(await app.page.locator('h1').textContent()).toContain('GridAtlas');
    expect(new URL(app.page.url()).searchParams.get('lang')).toBe('en');
    await app.waitForMapIdle();
    await app.page.getByRole('button', { name: 'Switch language' }).click();
    await app.page.locator('.app[lang="zh-CN"]').waitFor();
    expect(await app.page.locator('h1').textContent()).toContain('网格图谱');
    expect(new URL(app.page.url()).searchParams.get('lang')).toBeNull();
  });
});
