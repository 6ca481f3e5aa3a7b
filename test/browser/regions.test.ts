import { readFileSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { AppDriver } from './app-driver.ts';
import { launchChromium } from './chromium.ts';

const index = JSON.parse(readFileSync('data/regions/index.json', 'utf8')) as string[];
const manifest = (id: string) =>
  JSON.parse(readFileSync(`data/regions/${id}/region.json`, 'utf8')) as { name: { zh: string } };
const levelCounts = (id: string) => {
  const grids = JSON.parse(readFileSync(`data/regions/${id}/grids.geojson`, 'utf8')) as {
    features: { properties: { level: string } }[];
  };
  const counts: Record<string, number> = {};
  for (const f of grids.features) counts[f.properties.level] = (counts[f.properties.level] ?? 0) + 1;
  return counts;
};

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

describe.skipIf(index.length < 2)('several region packs', () => {
  const [first = '', second = ''] = index;

  it('?region=<id> opens that pack', async () => {
    const app = await AppDriver.open(browser, inject('appUrl'), `?region=${second}`);
    await app.waitForMapIdle();
    expect(await app.page.locator('.region-name').textContent()).toBe(manifest(second).name.zh);
    for (const [level, count] of Object.entries(levelCounts(second))) {
      expect(await app.page.getByTestId(`level-count-${level}`).textContent()).toBe(
        count.toLocaleString('zh-CN'),
      );
    }
    await app.close();
  });

  it('switching region keeps state sane: no cell of the other region stays selected', async () => {
    const cell = 'M0001';
    const app = await AppDriver.open(browser, inject('appUrl'), `?region=${first}&cell=${cell}`);
    await app.waitForMapIdle();
    await app.page.getByTestId('cell-panel').waitFor();
    await app.page.getByRole('combobox', { name: '切换区域' }).selectOption(second);
    await app.page.waitForURL((u) => u.searchParams.get('region') === second);
    await app.waitForMapIdle();
    expect(new URL(app.page.url()).searchParams.get('cell')).toBeNull();
    expect(await app.page.getByTestId('cell-panel').count()).toBe(0);
    expect(await app.page.locator('.region-name').textContent()).toBe(manifest(second).name.zh);
    expect(await app.page.getByRole('alert').count()).toBe(0);
    // Back returns to the first region, with its cell.
    await app.page.goBack();
    await app.page.waitForURL(
      (u) => u.searchParams.get('region') === first && u.searchParams.get('cell') === cell,
    );
    await app.page.getByTestId('cell-panel').waitFor();
    expect(app.log.pageErrors).toEqual([]);
    await app.close();
  });
});
