/**
 * Page benchmark after MapLibre's own (maplibre-gl-js test/bench/e2e): our built app and, in the same
 * run, a bare MapLibre page drawing the same pack with the same layers (bare-page.ts), each loaded
 * 1 + N times in headless Chromium; three performance marks per load (style load, map load, map idle:
 * src/map/load-marks.ts), in ms since navigation start; trimmed mean of the N (the warm-up fills the
 * HTTP and code caches, as MapLibre's does). Loads of the two pages alternate, so that a neighbour's
 * burst of work on this shared machine hits both alike. Then one more load of each with the JS heap
 * sampled (Chrome DevTools protocol) for the peak.
 */
import type { Browser, BrowserContext } from 'playwright-core';
import { trimmedMean } from './stats.ts';

export const METRICS = [
  { key: 'styleLoad', mark: 'gridatlas:style-load', label: 'style load' },
  { key: 'mapLoad', mark: 'gridatlas:map-load', label: 'map load' },
  { key: 'mapIdle', mark: 'gridatlas:map-idle', label: 'map idle' },
] as const;
export type Metric = (typeof METRICS)[number]['key'];
export type Marks = Record<Metric, number>;

export interface HeapSample {
  /** Highest JS heap in use on the page's main thread during the load, MB (sampled every 50 ms). */
  peakMB: number;
  /** JS heap in use once idle, after a forced garbage collection, MB. */
  afterGcMB: number;
}

export interface PageResult {
  url: string;
  samples: Record<Metric, number[]>;
  mean: Marks;
  heap: HeapSample;
}

export interface PackPageResult {
  id: string;
  app: PageResult;
  bare: PageResult;
  /** The camera and map size the app ended with, given to the bare page. */
  camera: { lon: number; lat: number; zoom: number; width: number; height: number };
}

const VIEWPORT = { width: 1280, height: 800 };
const LOAD_TIMEOUT = 120_000;

async function loadOnce(context: BrowserContext, url: string): Promise<Marks> {
  const page = await context.newPage();
  try {
    await page.goto(url);
    await page.waitForFunction(() => performance.getEntriesByName('gridatlas:map-idle').length > 0, null, {
      timeout: LOAD_TIMEOUT,
      polling: 50,
    });
    const times = await page.evaluate(
      (names) => names.map((n) => performance.getEntriesByName(n)[0]?.startTime ?? Number.NaN),
      METRICS.map((m) => m.mark),
    );
    return Object.fromEntries(METRICS.map((m, i) => [m.key, times[i] ?? Number.NaN])) as Marks;
  } finally {
    await page.close();
  }
}

async function heapOnce(context: BrowserContext, url: string): Promise<HeapSample> {
  const page = await context.newPage();
  try {
    const cdp = await context.newCDPSession(page);
    let peak = 0;
    let sampling = true;
    const sample = async () => {
      while (sampling) {
        const { usedSize } = await cdp.send('Runtime.getHeapUsage').catch(() => ({ usedSize: 0 }));
        peak = Math.max(peak, usedSize);
        await new Promise((r) => setTimeout(r, 50));
      }
    };
    const sampler = sample();
    await page.goto(url);
    await page.waitForFunction(() => performance.getEntriesByName('gridatlas:map-idle').length > 0, null, {
      timeout: LOAD_TIMEOUT,
      polling: 50,
    });
    sampling = false;
    await sampler;
    await cdp.send('HeapProfiler.collectGarbage');
    const { usedSize } = await cdp.send('Runtime.getHeapUsage');
    const mb = (b: number) => b / 1024 / 1024;
    return { peakMB: mb(Math.max(peak, usedSize)), afterGcMB: mb(usedSize) };
  } finally {
    await page.close();
  }
}

const emptySamples = (): Record<Metric, number[]> => ({ styleLoad: [], mapLoad: [], mapIdle: [] });
const meanOf = (s: Record<Metric, number[]>): Marks => ({
  styleLoad: trimmedMean(s.styleLoad),
  mapLoad: trimmedMean(s.mapLoad),
  mapIdle: trimmedMean(s.mapIdle),
});

/**
 * Measures one pack: `appPath` opens it in our app (e.g. "?region=jiading"), `barePath` is the bare page
 * written by bare-page.ts (camera and size are added here, from the app's warm-up load).
 */
export async function benchPackPages(
  browser: Browser,
  appUrl: string,
  pack: { id: string; appPath: string; barePath: string },
  runs: number,
): Promise<PackPageResult> {
  const context = await browser.newContext({ viewport: VIEWPORT, deviceScaleFactor: 1 });
  try {
    const appPage = `${appUrl}${pack.appPath}`;
    // Warm-up of the app, which also tells where its map ended up.
    const warm = await context.newPage();
    await warm.goto(appPage);
    await warm.waitForSelector('[data-testid="map"][data-idle="true"]', { timeout: LOAD_TIMEOUT });
    const camera = await warm.evaluate(() => {
      const map = (
        window as unknown as {
          __gridatlasMap: {
            getCenter: () => { lng: number; lat: number };
            getZoom: () => number;
            getContainer: () => HTMLElement;
          };
        }
      ).__gridatlasMap;
      const c = map.getCenter();
      const el = map.getContainer();
      return { lon: c.lng, lat: c.lat, zoom: map.getZoom(), width: el.clientWidth, height: el.clientHeight };
    });
    await warm.close();
    const barePage =
      `${appUrl}${pack.barePath}&w=${camera.width}&h=${camera.height}` +
      `&lon=${camera.lon}&lat=${camera.lat}&z=${camera.zoom}`;
    await loadOnce(context, barePage); // the bare page's warm-up
    const app = emptySamples();
    const bare = emptySamples();
    for (let i = 0; i < runs; i++) {
      for (const [url, into] of [
        [appPage, app],
        [barePage, bare],
      ] as const) {
        const marks = await loadOnce(context, url);
        for (const m of METRICS) into[m.key].push(marks[m.key]);
      }
    }
    const appHeap = await heapOnce(context, appPage);
    const bareHeap = await heapOnce(context, barePage);
    return {
      id: pack.id,
      camera,
      app: { url: appPage, samples: app, mean: meanOf(app), heap: appHeap },
      bare: { url: barePage, samples: bare, mean: meanOf(bare), heap: bareHeap },
    };
  } finally {
    await context.close();
  }
}
