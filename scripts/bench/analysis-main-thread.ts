/**
 * The main thread while the coverage analysis runs, in the real built app in headless Chromium: the
 * planner view on the Jiading pack re-analyses on every change of service kind (the worker does the
 * work); a PerformanceObserver('longtask'), installed before the app's code, records every task over
 * 50 ms. Reported:
 *  - the longest main-thread task between a run's start and its report arriving (the budget:
 *    never over 50 ms), next to the longest task over an equally long quiet spell with no analysis;
 *  - the analysis time seen by the page (start → report, worker time plus messaging);
 *  - the longest task while the report is applied (panel render, shading, the map's next frames).
 *
 *   npx tsx scripts/bench/analysis-main-thread.ts [--url http://127.0.0.1:4173/] [--runs 6]
 * and `benchAnalysisMainThread(appUrl)` for scripts/bench/run.ts. Without --url it builds nothing:
 * it starts the server on the existing dist/ (run `npx vite build` first).
 */
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { launchChromium } from '../../test/browser/chromium.ts';
import { startAppServer } from '../../test/browser/servers.ts';
import type { BenchRow } from './bench-row.ts';
import { median } from './stats.ts';

/**
 * Installed before the app's own code: every long task (> 50 ms) from the first one on, and a
 * heartbeat (a zero-delay timer chain) whose gaps over 8 ms bound every shorter stall too: the longtask
 * API says nothing below 50 ms. A gap is the stall plus the timer's own clamp of ~4 ms.
 */
const OBSERVE_MAIN_THREAD = `
  window.__longTasks = [];
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) window.__longTasks.push({ start: e.startTime, duration: e.duration });
  }).observe({ type: 'longtask', buffered: true });
  window.__gaps = [];
  let last = performance.now();
  const beat = () => {
    const now = performance.now();
    if (now - last > 8) window.__gaps.push({ start: last, duration: now - last });
    last = now;
    setTimeout(beat, 0);
  };
  setTimeout(beat, 0);
`;

export interface MainThreadSample {
  serviceKind: string;
  /** Start → report on the main thread, ms. */
  analysisMs: number;
  /** Longest task overlapping [start, report], ms (0 when none was over 50 ms). */
  longestDuring: number;
  /** Longest heartbeat gap within [start, report], ms: an upper bound of any stall, long or not. */
  longestGapDuring: number;
  /** Longest task from the report until the map was idle again, ms. */
  longestApplying: number;
}

type LongTask = { start: number; duration: number };

const longestIn = (tasks: readonly LongTask[], from: number, to: number) =>
  Math.max(0, ...tasks.filter((t) => t.start < to && t.start + t.duration > from).map((t) => t.duration));
/** Gaps that ended inside the window (a gap is reported by the beat that ends it). */
const longestGapIn = (gaps: readonly LongTask[], from: number, to: number) =>
  Math.max(0, ...gaps.filter((g) => g.start + g.duration > from && g.start < to).map((g) => g.duration));

/** Drives the planner view through `runs` analyses (a warm-up first) and measures each. */
export async function measureAnalysisMainThread(
  appUrl: string,
  runs = 6,
): Promise<{ samples: MainThreadSample[]; quiet: number[]; quietGaps: number[] }> {
  const browser = await launchChromium();
  try {
    const page = await browser.newPage({ viewport: { width: 1600, height: 1000 }, deviceScaleFactor: 1 });
    await page.addInitScript(OBSERVE_MAIN_THREAD);
    await page.goto(`${appUrl}?mode=coverage`);
    const panel = page.getByTestId('coverage-panel');
    const settled = async (kind: string) => {
      await page
        .locator(`[data-testid="coverage-panel"][data-status="done"][data-service-kind="${kind}"]`)
        .waitFor({ timeout: 120_000 });
      await page.waitForSelector('[data-testid="map"][data-idle="true"]', { timeout: 120_000 });
    };
    await settled('');
    const kinds = (await panel
      .getByTestId('service-kind')
      .locator('option')
      .evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value))) as string[];
    const samples: MainThreadSample[] = [];
    const quiet: number[] = [];
    const quietGaps: number[] = [];
    for (let i = 0; i <= runs; i++) {
      const kind = kinds[(i % (kinds.length - 1)) + 1] ?? '';
      // A quiet spell as long as the last run: what the page does with the map idle and no analysis.
      const last = samples.at(-1);
      if (last) {
        const from = (await page.evaluate('performance.now()')) as number;
        await page.waitForTimeout(Math.max(200, last.analysisMs));
        const to = (await page.evaluate('performance.now()')) as number;
        quiet.push(longestIn((await page.evaluate('window.__longTasks')) as LongTask[], from, to));
        quietGaps.push(longestGapIn((await page.evaluate('window.__gaps')) as LongTask[], from, to));
      }
      await page.evaluate('performance.clearMarks()');
      await panel.getByTestId('service-kind').selectOption(kind);
      await settled(kind);
      const idleAt = (await page.evaluate('performance.now()')) as number;
      const marks = (await page.evaluate(
        `['gridatlas:analysis-start', 'gridatlas:analysis-done'].map((n) => performance.getEntriesByName(n).at(-1)?.startTime ?? NaN)`,
      )) as [number, number];
      const tasks = (await page.evaluate('window.__longTasks')) as LongTask[];
      const gaps = (await page.evaluate('window.__gaps')) as LongTask[];
      const [start, done] = marks;
      if (i === 0) continue; // warm-up
      samples.push({
        serviceKind: kind,
        analysisMs: done - start,
        longestDuring: longestIn(tasks, start, done),
        longestGapDuring: longestGapIn(gaps, start, done),
        longestApplying: longestIn(tasks, done, idleAt),
      });
    }
    return { samples, quiet, quietGaps };
  } finally {
    await browser.close();
  }
}

export async function benchAnalysisMainThread(appUrl: string, runs = 6): Promise<BenchRow[]> {
  const { samples, quiet, quietGaps } = await measureAnalysisMainThread(appUrl, runs);
  const during = Math.max(...samples.map((s) => s.longestDuring));
  const applying = Math.max(...samples.map((s) => s.longestApplying));
  return [
    {
      name: 'longest main-thread task while the analysis runs (worst of runs)',
      value: during,
      unit: 'ms',
      baseline: { name: 'longest task over as long a quiet spell, map idle', value: Math.max(0, ...quiet) },
      note: `${samples.length} runs, one per service kind change; 0 = no task over 50 ms (the budget); per run: ${samples.map((s) => s.longestDuring.toFixed(0)).join(', ')}`,
    },
    {
      name: 'longest main-thread stall while the analysis runs (heartbeat gap, worst of runs)',
      value: Math.max(...samples.map((s) => s.longestGapDuring)),
      unit: 'ms',
      baseline: { name: 'longest gap over as long a quiet spell', value: Math.max(0, ...quietGaps) },
      note: `a zero-delay timer chain's longest gap, ~4 ms of it the timer's clamp; per run: ${samples.map((s) => s.longestGapDuring.toFixed(0)).join(', ')}`,
    },
    {
      name: 'coverage analysis in the browser, start → report (median)',
      value: median(samples.map((s) => s.analysisMs)),
      unit: 'ms',
      note: `worker plus messaging; runs: ${samples.map((s) => s.analysisMs.toFixed(0)).join(', ')}`,
    },
    {
      name: 'longest main-thread task applying a report (panel, shading, map frames)',
      value: applying,
      unit: 'ms',
      note: `per run: ${samples.map((s) => s.longestApplying.toFixed(0)).join(', ')}; software WebGL draws each map frame on the CPU`,
    },
  ];
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const { values } = parseArgs({
    options: { url: { type: 'string' }, runs: { type: 'string', default: '6' } },
  });
  const server = values.url ? null : await startAppServer();
  try {
    const url = values.url ?? server?.url ?? '';
    const { samples, quiet, quietGaps } = await measureAnalysisMainThread(url, Number(values.runs));
    console.table(samples.map((s) => ({ ...s, analysisMs: Math.round(s.analysisMs) })));
    console.log(`quiet spells, longest task: ${quiet.map((q) => q.toFixed(0)).join(', ')} ms`);
    console.log(`quiet spells, longest heartbeat gap: ${quietGaps.map((q) => q.toFixed(0)).join(', ')} ms`);
  } finally {
    await server?.stop();
  }
}
