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

describe('bad packs in the browser', () => {
  it('a broken pack shows each problem (file, feature id, rule) in an alert, without a crash', async () => {
    const app = await AppDriver.open(browser, inject('fixturesUrl'), '?region=broken');
    const text = await app.alertText();
    expect(text).toContain('broken');
    expect(text).toContain('grids.geojson: C2: parent "A9" does not exist [parent-exists]');
    expect(text).toContain('grids.geojson: C4: id "C4" is used by more than one feature [id-duplicate]');
    expect(text).toMatch(/grids\.geojson: C3: properties\.population: .*\(got "many"\) \[schema\]/);
    expect(app.log.pageErrors).toEqual([]);
    // The page is still alive: the language switch still works.
    await app.page.getByRole('button', { name: '切换语言' }).click();
    // (The English dictionary is a chunk of its own: the switch waits for it.)
    await app.page.locator('.app[lang="en"]').waitFor();
    expect(await app.alertText()).toContain('could not be loaded');
    await app.close();
  });

  it('an unknown region id opens the default pack and says so', async () => {
    const app = await AppDriver.open(browser, inject('fixturesUrl'), '?region=nowhere');
    await app.waitForMapIdle();
    expect(await app.alertText()).toContain('nowhere');
    expect(await app.page.getByTestId('level-count-community').textContent()).toBe('4');
    await app.close();
  });
});
