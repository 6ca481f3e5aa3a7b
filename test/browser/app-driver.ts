import type { Browser, Page } from 'playwright-core';

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

  /** Reads back canvas pixels on a grid of sample points: distinct colours prove something was drawn. */
  async sampleMapColours(samples = 12): Promise<string[]> {
    return this.page.evaluate((n) => {
      const canvas = document.querySelector<HTMLCanvasElement>('[data-testid="map"] canvas');
      if (!canvas) return [];
      const copy = document.createElement('canvas');
      copy.width = canvas.width;
      copy.height = canvas.height;
      const ctx = copy.getContext('2d');
      if (!ctx) return [];
      ctx.drawImage(canvas, 0, 0);
      const colours: string[] = [];
      for (let i = 1; i < n; i++) {
        for (let j = 1; j < n; j++) {
          const d = ctx.getImageData(
            Math.floor((copy.width * i) / n),
            Math.floor((copy.height * j) / n),
            1,
            1,
          ).data;
          colours.push(`${d[0]},${d[1]},${d[2]}`);
        }
      }
      return colours;
    }, samples);
  }

  async screenshot(path: string): Promise<void> {
    await this.page.screenshot({ path });
  }

  async close(): Promise<void> {
    await this.page.close();
  }
}
