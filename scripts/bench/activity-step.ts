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
 * In the page: runs an action; resolves with the ms until the map container reports idle again, and
 * with the ms of main-thread work the action started (until a task queued right after it runs: React's
 * render and effects for a click, the controller's filter and feature-state calls, a setData's
 * serialisation). The map writes data-idle="true" again on every `idle` event, so only a true after a
 * false counts.
 */
const TIMED = `(action) => new Promise((resolve) => {
  const el = document.querySelector('[data-testid="map"]');
  let start = 0;
  let busy = false;
  let idle = -1;
  let work = -1;
  const done = () => idle >= 0 && work >= 0 && resolve({ idle, work });
  const observer = new MutationObserver((records) => {
    if (records.some((r) => r.oldValue === 'false') || el.dataset.idle === 'false') busy = true;
    if (busy && el.dataset.idle === 'true') {
      observer.disconnect();
      idle = performance.now() - start;
      done();
    }
  });
  observer.observe(el, { attributes: true, attributeFilter: ['data-idle'], attributeOldValue: true });
  start = performance.now();
  action();
  setTimeout(() => { work = performance.now() - start; done(); }, 0);
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
    type Timing = { idle: number; work: number };
    const timed = (action: string) => app.page.evaluate(`(${TIMED})(${action})`) as Promise<Timing>;
    const repeat = async (action: string, runs: number, before?: () => Promise<void>) => {
      const out: Timing[] = [];
      for (let i = 0; i <= runs; i++) {
        await before?.();
        const t = await timed(action);
        await app.waitForMapIdle();
        if (i > 0) out.push(t); // the first is a warm-up
      }
      return { idle: out.map((t) => t.idle), work: out.map((t) => t.work) };
    };
    const events = (await app.page.evaluate(PREPARE_SET_DATA)) as number;
    const setData = await repeat(SET_DATA, baselineRuns);
    const frame = await repeat(REPAINT, baselineRuns);
    const heat = await repeat(STEP, steps);
    await app.page.getByTestId('activity-view-cells').click();
    await app.waitForMapIdle();
    const cells = await repeat(STEP, steps);
    const errors = [...app.log.pageErrors, ...app.log.consoleErrors];
    if (errors.length) throw new Error(`page errors during the activity bench: ${errors.join('; ')}`);
    const baseline = { name: `full setData of the ${events} events → idle`, value: median(setData.idle) };
    const note = (t: { idle: number[]; work: number[] }) =>
      `${steps} week steps, 1600×1000, district zoom; trimmed mean ${trimmedMean(t.idle).toFixed(1)} ms; ` +
      `main-thread work of a step ${median(t.work).toFixed(1)} ms (setData: ${median(setData.work).toFixed(1)} ms); ` +
      `one map frame of the same view ${median(frame.idle).toFixed(1)} ms; target < 100 ms`;
    return [
      {
        name: 'activity: slider step → map idle, heat (median)',
        value: median(heat.idle),
        unit: 'ms',
        baseline,
        note: note(heat),
      },
      {
        name: 'activity: slider step → map idle, cells by feature-state (median)',
        value: median(cells.idle),
        unit: 'ms',
        baseline,
        note: note(cells),
      },
    ];
  } finally {
    await browser.close();
  }
}
