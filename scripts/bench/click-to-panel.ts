/**
 * Click → panel, in the real built app in headless Chromium: the time from the click event to the
 * panel's render mark (performance marks in the page), over a warm-up and N clicks on different
 * micro cells, next to the baseline "click → next animation frame" measured on the same clicks.
 */
import { readFileSync } from 'node:fs';
import type { Polygon, Position } from 'geojson';
import polylabel from 'polylabel';
import { AppDriver } from '../../test/browser/app-driver.ts';
import { launchChromium } from '../../test/browser/chromium.ts';
import type { BenchRow } from './bench-row.ts';
import { median, trimmedMean } from './stats.ts';

interface Cell {
  properties: { id: string; name: string; level: string; parent: string | null };
  geometry: Polygon | { type: 'MultiPolygon'; coordinates: Position[][][] };
}

/**
 * `overlays`: 'default' opens the page as a user does (partners, projects and alerts on); 'off' with
 * `?layers=`, which shows what the overlays add to each software-rendered map frame.
 */
export async function benchClickToPanel(
  appUrl: string,
  overlays: 'default' | 'off' = 'default',
  runs = 10,
): Promise<BenchRow[]> {
  const grids = JSON.parse(readFileSync('data/regions/jiading/grids.geojson', 'utf8')) as {
    features: Cell[];
  };
  const community = grids.features.find((c) => c.properties.level === 'community') as Cell;
  const micros = grids.features.filter((c) => c.properties.parent === community.properties.id);
  const browser = await launchChromium();
  try {
    const app = await AppDriver.open(
      browser,
      appUrl,
      `?cell=${community.properties.id}${overlays === 'off' ? '&layers=' : ''}`,
      {
        width: 1600,
        height: 1000,
      },
    );
    await app.waitForMapIdle();
    await app.page.evaluate(() => {
      document.addEventListener(
        'click',
        (e) => {
          performance.mark('bench:click', { startTime: e.timeStamp });
          requestAnimationFrame(() => performance.mark('bench:frame'));
        },
        { capture: true },
      );
    });
    // Baseline: the smallest screen update possible on this page and machine — one character of the
    // legend changed, timed to the task after the next frame (as the panel's own "painted" mark). With
    // software WebGL every paint re-composites the map canvas, and that cost is in both numbers.
    // (A string, not a function: tsx would wrap named inner functions in a __name() helper.)
    const trivialUpdate = async () =>
      (await app.page.evaluate(`new Promise((resolve) => {
        const el = document.querySelector('.legend h2');
        const start = performance.now();
        el.textContent = el.textContent.endsWith(' ') ? el.textContent.trimEnd() : el.textContent + ' ';
        requestAnimationFrame(() => setTimeout(() => resolve(performance.now() - start), 0));
      })`)) as number;
    const baseline: number[] = [];
    for (let i = 0; i < 11; i++) baseline.push(await trivialUpdate());
    baseline.shift();
    const toPanel: number[] = [];
    const toCommit: number[] = [];
    const toFrame: number[] = [];
    for (let i = 0; i <= runs; i++) {
      const cell = micros[i % micros.length] as Cell;
      const rings =
        cell.geometry.type === 'Polygon' ? cell.geometry.coordinates : (cell.geometry.coordinates[0] ?? []);
      const [x, y] = polylabel(rings as [number, number][][], 0.00001);
      if (i > 0) {
        // Back up to the community, so that every click is a fresh step from the same view.
        await app.page.keyboard.press('Escape');
        await app.page.waitForURL((u) => u.searchParams.get('cell') === community.properties.id);
        await app.waitForMapIdle();
      }
      await app.page.evaluate(() => performance.clearMarks());
      const p = await app.pagePointOf([x, y]);
      // A user points at the cell (the hover highlight draws), then clicks: hover and click are
      // separate frames, as they are for a person.
      await app.page.mouse.move(p.x, p.y);
      await app.page.waitForTimeout(300);
      await app.waitForMapIdle();
      await app.page.evaluate(() => performance.clearMarks());
      await app.page.mouse.down();
      await app.page.mouse.up();
      await app.page.waitForFunction(
        (id) =>
          performance
            .getEntriesByName('gridatlas:panel-rendered')
            .some((m) => (m as PerformanceMark).detail === id),
        cell.properties.id,
      );
      // No named functions inside evaluate(): tsx (esbuild keepNames) would wrap them in a __name()
      // helper that does not exist in the page.
      await app.page.waitForFunction(
        (id) =>
          performance
            .getEntriesByName('gridatlas:panel-painted')
            .some((m) => (m as PerformanceMark).detail === id),
        cell.properties.id,
      );
      const t = await app.page.evaluate(() =>
        ['bench:click', 'gridatlas:panel-rendered', 'bench:frame', 'gridatlas:panel-painted'].map(
          (name) => performance.getEntriesByName(name)[0]?.startTime ?? Number.NaN,
        ),
      );
      await app.waitForMapIdle();
      if (i === 0) continue; // warm-up
      const [click = Number.NaN, committed = Number.NaN, frame = Number.NaN, painted = Number.NaN] = t;
      toCommit.push(committed - click);
      toPanel.push(painted - click);
      toFrame.push(frame - click);
    }
    return [
      {
        name: `click → cell panel on screen (median)${overlays === 'off' ? ', overlays off' : ''}`,
        value: median(toPanel),
        unit: 'ms',
        baseline: {
          name: 'smallest screen update (one legend character) → painted',
          value: median(baseline),
        },
        note: `${runs} clicks on micro cells of ${community.properties.id}; trimmed mean ${trimmedMean(toPanel).toFixed(1)} ms; React commit at ${median(toCommit).toFixed(1)} ms; first frame after the click at ${median(toFrame).toFixed(1)} ms; budget 100 ms`,
      },
    ];
  } finally {
    await browser.close();
  }
}
