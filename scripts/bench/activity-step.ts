/**
 * One step of the activity time bar at Jiading scale (26,148 events), in the real built app in headless
 * Chromium: from the click on "next" to the map settled with the new window drawn (`data-idle` back to
 * true), over a warm-up and N steps, in the heat view and in the cells view (choropleth by
 * feature-state). Baseline, same page and view: a full `setData` of the same events on the activity
 * source until the map is idle again — what re-uploading the data on every step would cost.
 */
import { AppDriver } from '../../test/browser/app-driver.ts';
import { launchChromium } from '../../test/browser/chromium.ts';
import type { BenchRow } from './bench-row.ts';
import { median, trimmedMean } from './stats.ts';

/**
 * In the page: runs an action, resolves with the ms until the map container reports idle again. The
 * map writes data-idle="true" again on every `idle` event, so only a true after a false counts.
 */
const TIMED = `(action) => new Promise((resolve) => {
  const el = document.querySelector('[data-testid="map"]');
  let start = 0;
  let busy = false;
  const observer = new MutationObserver((records) => {
    if (records.some((r) => r.oldValue === 'false') || el.dataset.idle === 'false') busy = true;
    if (busy && el.dataset.idle === 'true') {
      observer.disconnect();
      resolve(performance.now() - start);
    }
  });
  observer.observe(el, { attributes: true, attributeFilter: ['data-idle'], attributeOldValue: true });
  start = performance.now();
  action();
})`;

const STEP = `() => document.querySelector('[data-testid="step-forward"]').click()`;
// The source's own data, handed back to it: the same 26,148 features are serialised to the worker,
// indexed again and re-tiled (what a setData per step would do).
const PREPARE_SET_DATA = `window.__gridatlasMap.getSource('ga-activity').getData().then((d) => { window.__benchEvents = d; return d.features.length; })`;
const SET_DATA = `() => window.__gridatlasMap.getSource('ga-activity').setData(window.__benchEvents)`;
// One more frame of the same map and nothing else: a step needs at least a frame to show its window,
// and with software WebGL that frame, not our code, is most of a step.
const REPAINT = `() => { window.__gridatlasMap.triggerRepaint(); document.querySelector('[data-testid="map"]').dataset.idle = 'false'; }`;

export async function benchActivityStep(appUrl: string, steps = 10, baselineRuns = 8): Promise<BenchRow[]> {
  const browser = await launchChromium();
  try {
    const app = await AppDriver.open(browser, appUrl, '?layers=activity', { width: 1600, height: 1000 });
    await app.waitForMapIdle();
    // Week windows from the first week of data: every step shows a different week of events.
    await app.page.getByTestId('width-week').click();
    await app.waitForMapIdle();
    await app.page.getByTestId('window-slider').focus();
    await app.page.keyboard.press('Home');
    await app.waitForMapIdle();
    const timed = (action: string) => app.page.evaluate(`(${TIMED})(${action})`) as Promise<number>;
    const runSteps = async () => {
      const times: number[] = [];
      for (let i = 0; i <= steps; i++) {
        const t = await timed(STEP);
        await app.waitForMapIdle();
        if (i > 0) times.push(t); // the first is a warm-up
      }
      return times;
    };
    const events = (await app.page.evaluate(PREPARE_SET_DATA)) as number;
    const setData: number[] = [];
    for (let i = 0; i <= baselineRuns; i++) {
      const t = await timed(SET_DATA);
      await app.waitForMapIdle();
      if (i > 0) setData.push(t);
    }
    const frame: number[] = [];
    for (let i = 0; i <= baselineRuns; i++) {
      const t = await timed(REPAINT);
      await app.waitForMapIdle();
      if (i > 0) frame.push(t);
    }
    const heat = await runSteps();
    await app.page.getByTestId('activity-view-cells').click();
    await app.waitForMapIdle();
    const cells = await runSteps();
    const errors = [...app.log.pageErrors, ...app.log.consoleErrors];
    if (errors.length) throw new Error(`page errors during the activity bench: ${errors.join('; ')}`);
    const baseline = { name: `full setData of the ${events} events → idle`, value: median(setData) };
    const note = (times: number[]) =>
      `${steps} week steps, 1600×1000, district zoom; trimmed mean ${trimmedMean(times).toFixed(1)} ms; baseline trimmed mean ${trimmedMean(setData).toFixed(1)} ms; one map frame of the same view ${median(frame).toFixed(1)} ms; target < 100 ms`;
    return [
      {
        name: 'activity: slider step → map idle, heat (median)',
        value: median(heat),
        unit: 'ms',
        baseline,
        note: note(heat),
      },
      {
        name: 'activity: slider step → map idle, cells by feature-state (median)',
        value: median(cells),
        unit: 'ms',
        baseline,
        note: note(cells),
      },
    ];
  } finally {
    await browser.close();
  }
}
