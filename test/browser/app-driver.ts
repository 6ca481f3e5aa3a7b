import type { Browser, Page } from 'playwright-core';
import { PNG } from 'pngjs';

export interface PageLog {
  consoleErrors: string[];
  pageErrors: string[];
  /** Every URL the page asked for. */
  requests: string[];
}

/**
 * Talks to the running app the way a user would, so tests read as behaviour, not selectors
 * (after maputnik's e2e driver).
 */
export class AppDriver {
  readonly log: PageLog = { consoleErrors: [], pageErrors: [], requests: [] };

  private constructor(
    readonly page: Page,
    readonly baseUrl: string,
  ) {
    page.on('console', (m) => {
      if (m.type() === 'error') this.log.consoleErrors.push(m.text());
    });
    page.on('pageerror', (e) => this.log.pageErrors.push(e.message));
    page.on('request', (r) => this.log.requests.push(r.url()));
  }

  static async open(
    browser: Browser,
    baseUrl: string,
    search = '',
    viewport = { width: 1280, height: 800 },
  ): Promise<AppDriver> {
    const page = await browser.newPage({ viewport, deviceScaleFactor: 1 });
    const driver = new AppDriver(page, baseUrl);
    await page.goto(`${baseUrl}${search}`);
    return driver;
  }

  /** Waits until the map has rendered everything it was given (data-idle="true"). */
  async waitForMapIdle(timeout = 60_000): Promise<void> {
    await this.page.waitForSelector('[data-testid="map"][data-idle="true"]', { timeout });
  }

  async alertText(): Promise<string> {
    const alert = this.page.getByRole('alert').first();
    await alert.waitFor({ timeout: 30_000 });
    return alert.textContent().then((t) => t ?? '');
  }

  /**
   * Samples the map's pixels on an n×n grid from a real screenshot (what a user sees; reading a WebGL
   * canvas back outside its frame is unreliable). Distinct colours prove something was drawn.
   */
  async sampleMapColours(n = 12): Promise<string[]> {
    const box = await this.page.getByTestId('map').boundingBox();
    if (!box) return [];
    const png = PNG.sync.read(await this.page.screenshot({ clip: box }));
    const colours: string[] = [];
    for (let i = 1; i < n; i++) {
      for (let j = 1; j < n; j++) {
        const x = Math.floor((png.width * i) / n);
        const y = Math.floor((png.height * j) / n);
        const k = (png.width * y + x) * 4;
        colours.push(`${png.data[k]},${png.data[k + 1]},${png.data[k + 2]}`);
      }
    }
    return colours;
  }

  /** Where a geographic point is on the page, projected by the map itself. */
  async pagePointOf(lngLat: [number, number]): Promise<{ x: number; y: number }> {
    const box = await this.page.getByTestId('map').boundingBox();
    const p = await this.page.evaluate(
      (ll) =>
        (
          window as unknown as {
            __gridatlasMap: { project: (l: [number, number]) => { x: number; y: number } };
          }
        ).__gridatlasMap.project(ll),
      lngLat,
    );
    return { x: (box?.x ?? 0) + p.x, y: (box?.y ?? 0) + p.y };
  }

  /** Clicks the map at a geographic point, as a user would. */
  async clickMapAt(lngLat: [number, number]): Promise<void> {
    const p = await this.pagePointOf(lngLat);
    await this.page.mouse.click(p.x, p.y);
  }

  async screenshot(path: string): Promise<void> {
    await this.page.screenshot({ path });
  }

  async close(): Promise<void> {
    await this.page.close();
  }
}
