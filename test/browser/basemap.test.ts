import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { AppDriver } from './app-driver.ts';
import { launchChromium } from './chromium.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

const isMagentaish = (rgb: string) => {
  const [r = 0, g = 0, b = 0] = rgb.split(',').map(Number);
  return r > 180 && b > 180 && g < 150;
};

describe('optional basemap from config.json', () => {
  it('is off by default: nothing magenta is drawn', async () => {
    const app = await AppDriver.open(browser, inject('fixturesUrl'), '?region=tiny');
    await app.waitForMapIdle();
    expect((await app.sampleMapColours()).some(isMagentaish)).toBe(false);
    expect(app.log.requests.some((u) => u.includes('basemap-style.json'))).toBe(false);
    await app.close();
  });

  it('draws the configured style under the grid', async () => {
    const app = await AppDriver.open(browser, inject('basemapUrl'), '?region=tiny');
    await app.waitForMapIdle();
    // Outside the district the basemap shows plainly; zoom out so some of the canvas is outside.
    await app.page.evaluate(() =>
      (window as unknown as { __gridatlasMap: { zoomOut: (o: object) => void } }).__gridatlasMap.zoomOut({
        animate: false,
      }),
    );
    await app.waitForMapIdle();
    expect((await app.sampleMapColours()).some(isMagentaish)).toBe(true);
    expect(app.log.requests.some((u) => u.endsWith('/regions/basemap-style.json'))).toBe(true);
    expect(app.log.consoleErrors).toEqual([]);
    await app.close();
  });
});
