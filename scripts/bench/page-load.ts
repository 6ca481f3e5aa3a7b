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
  /** Highest JS heap in use on the page's main thread until the map's first idle, MB (every 50 ms). */
  peakMB: number;
  /** JS heap in use at the end, after a forced garbage collection, MB. */
  afterGcMB: number;
  /**
   * Our app only: when the rest of the pack (partners, projects, services, activity: panels, search)
   * had loaded — `gridatlas:pack-ready`, ms since navigation — and the heap's peak until then.
   */
  ready?: { ms: number; peakMB: number } | null;
}

export interface PageResult {
  url: string;
  samples: Record<Metric, number[]>;
  mean: Marks;
  heap: HeapSample;
  /** What the last timed load fetched until idle: bytes of bodies (encoded), requests, tile requests. */
  fetched: { bytes: number; requests: number; tiles: number };
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
/** The rest of a city pack (500,000 events) takes a while in a browser; past this it is reported as not ready. */
const READY_TIMEOUT = 90_000;

async function loadOnce(
  context: BrowserContext,
  url: string,
): Promise<{ marks: Marks; fetched: PageResult['fetched'] }> {
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
    // Entries of the page's own thread; MapLibre's worker fetches tiles, counted by its requests.
    const fetched = await page.evaluate(`(() => {
      const idle = performance.getEntriesByName('gridatlas:map-idle')[0].startTime;
      const entries = performance.getEntriesByType('resource').filter((r) => r.startTime <= idle);
      return {
        bytes: entries.reduce((s, r) => s + r.encodedBodySize, 0),
        requests: entries.length,
        tiles: entries.filter((r) => /.(pbf|mvt)$/.test(r.name)).length,
      };
    })()`);
    return {
      marks: Object.fromEntries(METRICS.map((m, i) => [m.key, times[i] ?? Number.NaN])) as Marks,
      fetched: fetched as PageResult['fetched'],
    };
  } finally {
    await page.close();
  }
}

async function heapOnce(context: BrowserContext, url: string, untilReady: boolean): Promise<HeapSample> {
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
    const mb = (b: number) => b / 1024 / 1024;
    const peakAtIdle = peak;
    let ready: HeapSample['ready'] = null;
    if (untilReady) {
      const done = await page
        .waitForFunction(() => performance.getEntriesByName('gridatlas:pack-ready').length > 0, null, {
          timeout: READY_TIMEOUT,
          polling: 100,
        })
        .then(() => true)
        .catch(() => false);
      if (done) {
        const ms = (await page.evaluate(
          "performance.getEntriesByName('gridatlas:pack-ready')[0].startTime",
        )) as number;
        ready = { ms, peakMB: mb(peak) };
      }
    }
    sampling = false;
    await sampler;
    await cdp.send('HeapProfiler.collectGarbage');
    const { usedSize } = await cdp.send('Runtime.getHeapUsage');
    return { peakMB: mb(peakAtIdle), afterGcMB: mb(usedSize), ...(untilReady ? { ready } : {}) };
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
    const fetched: Record<'app' | 'bare', PageResult['fetched']> = {
      app: { bytes: 0, requests: 0, tiles: 0 },
      bare: { bytes: 0, requests: 0, tiles: 0 },
    };
    for (let i = 0; i < runs; i++) {
      for (const [url, into, key] of [
        [appPage, app, 'app'],
        [barePage, bare, 'bare'],
      ] as const) {
        const load = await loadOnce(context, url);
        for (const m of METRICS) into[m.key].push(load.marks[m.key]);
        fetched[key] = load.fetched;
      }
    }
    const appHeap = await heapOnce(context, appPage, true);
    const bareHeap = await heapOnce(context, barePage, false);
    return {
      id: pack.id,
      camera,
      app: { url: appPage, samples: app, mean: meanOf(app), heap: appHeap, fetched: fetched.app },
      bare: { url: barePage, samples: bare, mean: meanOf(bare), heap: bareHeap, fetched: fetched.bare },
    };
  } finally {
    await context.close();
  }
}

/**
 * Map idle of several pages of our app loaded in turn, `runs` rounds after one warm-up round: pages
 * measured at different times of a run (another pack's part a minute later) see different loads of this
 * shared machine; alternating them gives the comparison between packs the same conditions.
 */
export async function alternatePages(
  browser: Browser,
  urls: readonly string[],
  runs: number,
): Promise<{ samples: number[][]; mean: number[] }> {
  const context = await browser.newContext({ viewport: VIEWPORT, deviceScaleFactor: 1 });
  try {
    const samples = urls.map((): number[] => []);
    for (let i = 0; i <= runs; i++) {
      for (const [k, url] of urls.entries()) {
        const { marks } = await loadOnce(context, url);
        if (i > 0) samples[k]?.push(marks.mapIdle);
      }
    }
    return { samples, mean: samples.map((s) => trimmedMean(s)) };
  } finally {
    await context.close();
  }
}
