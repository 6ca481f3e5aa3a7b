import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { AppDriver } from './app-driver.ts';
import { launchChromium } from './chromium.ts';

let browser: Browser;
let app: AppDriver;

/** Switches the real status server (scripts/status-server) behind the app. */
async function control(query: string): Promise<{ requests: { total: number } }> {
  const res = await fetch(`${inject('liveUrl')}status/jiading/__control?${query}`);
  expect(res.ok).toBe(true);
  return (await res.json()) as { requests: { total: number } };
}
const requestsServed = async () => (await control('')).requests.total;

/** Alert markers in the map's alert source, straight from MapLibre. */
const markerCount = () =>
  app.page.evaluate(() => {
    type Handle = { querySourceFeatures: (s: string) => unknown[] };
    return (window as unknown as { __gridatlasMap: Handle }).__gridatlasMap.querySourceFeatures('ga-alerts')
      .length;
  });
const clock = () => app.page.getByTestId('live-clock').textContent();

beforeAll(async () => {
  // Manual ticks (--status-tick 0): move the simulation on until it has open alerts to show.
  await control('fault=none&level=normal&advance=6');
  browser = await launchChromium();
  app = await AppDriver.open(browser, inject('liveUrl'));
  await app.waitForMapIdle();
});
afterAll(async () => {
  await control('fault=none&level=normal');
  await browser?.close();
});

describe('live status against the real status server', () => {
  it('shows alert markers from the feed and the absolute time of the last good update', async () => {
    await expect.poll(clock, { timeout: 15_000 }).toMatch(/更新于 \d+\/\d+ \d\d:\d\d:\d\d/);
    await expect.poll(markerCount, { timeout: 10_000 }).toBeGreaterThan(0);
    expect(await app.page.getByRole('status').count()).toBe(0);
  });

  it('a change in the feed appears within one interval', async () => {
    const before = await clock();
    await control('level=emergency&advance=1');
    await app.page.getByTestId('response-level').filter({ hasText: '战时' }).waitFor({ timeout: 5_000 });
    await expect.poll(clock, { timeout: 5_000 }).not.toBe(before);
    await control('level=normal&advance=1');
    await expect.poll(() => app.page.getByTestId('response-level').count(), { timeout: 5_000 }).toBe(0);
  });

  it('lists a cell’s open alerts in its panel, with the time they opened', async () => {
    const feed = (await (await fetch(`${inject('liveUrl')}status/jiading/status.json`)).json()) as {
      alerts: { id: string; cell: string; kind: string; closedAt?: string }[];
    };
    const open = feed.alerts.find((a) => !a.closedAt);
    expect(open, 'the simulation should have an open alert').toBeDefined();
    const page = await AppDriver.open(browser, inject('liveUrl'), `?cell=${open?.cell}`);
    await page.waitForMapIdle();
    const alerts = page.page.getByTestId('alerts');
    await expect.poll(() => alerts.locator('li').count(), { timeout: 10_000 }).toBeGreaterThan(0);
    expect(await alerts.textContent()).toMatch(/自 \d+月\d+日/);
    await page.close();
  });

  it('keeps the alert markers through a language switch', async () => {
    await expect.poll(markerCount, { timeout: 10_000 }).toBeGreaterThan(0);
    await app.page.getByRole('button', { name: '切换语言' }).click();
    await app.waitForMapIdle();
    expect(await markerCount()).toBeGreaterThan(0);
    await app.page.getByRole('button', { name: 'Switch language' }).click();
    await app.waitForMapIdle();
    expect(await markerCount()).toBeGreaterThan(0);
  });

  const faults: { fault: string; role: 'status' | 'alert'; text: RegExp }[] = [
    { fault: 'http500', role: 'status', text: /实时数据获取失败.*500/ },
    { fault: 'timeout', role: 'status', text: /实时数据获取失败/ },
    { fault: 'drop', role: 'status', text: /实时数据获取失败/ },
    { fault: 'truncated', role: 'alert', text: /实时数据被拒收/ },
    { fault: 'invalid-schema', role: 'alert', text: /实时数据被拒收.*responseLevel|实时数据被拒收/ },
    { fault: 'html&status=200', role: 'alert', text: /实时数据被拒收.*HTML/i },
    { fault: 'oversized', role: 'alert', text: /实时数据被拒收/ },
  ];
  for (const { fault, role, text } of faults) {
    it(`fault ${fault}: the last good data stays, the ${role} says why, and the app recovers`, async () => {
      await expect.poll(markerCount, { timeout: 10_000 }).toBeGreaterThan(0);
      await control(`fault=${fault}`);
      const banner = app.page.getByRole(role).filter({ hasText: text });
      await banner.waitFor({ timeout: 15_000 });
      // A poll already in flight when the fault was switched on may still have succeeded, so the time of
      // the last good update is read once the failure shows, then must not move while failures go on.
      const lastGood = await clock();
      const served = await requestsServed();
      await expect.poll(requestsServed, { timeout: 15_000 }).toBeGreaterThanOrEqual(served + 2);
      expect(await markerCount()).toBeGreaterThan(0);
      expect(await clock()).toBe(lastGood);
      expect(await banner.count()).toBe(1);
      await control('fault=none&advance=1');
      await expect.poll(() => banner.count(), { timeout: 15_000 }).toBe(0);
      await expect.poll(clock, { timeout: 5_000 }).not.toBe(lastGood);
      expect(app.log.pageErrors).toEqual([]);
    });
  }
});
