/**
 * npm run soak [-- --steps 1000 --interval 0.5 --width 1920 --height 1080 --skip-build]
 *
 * The wall screen (?mode=wall) left running: a fast tour (one stop every `interval` seconds) over the
 * real built app in headless Chromium, against the simulated status server polled every second, with
 * the response level raised to emergency and back (the mobilisation view mounts and unmounts) and a
 * failing feed now and then. Reports, after a forced GC, at the start, after warm-up and at the end:
 * JS heap (Runtime.getHeapUsage), DOM nodes and JS event listeners (Memory.getDOMCounters), live
 * timers (intervals and pending timeouts, counted by an init script) and WebGL contexts (created, and
 * still alive). The budget is < 10 % growth after warm-up; the exit code is 1 when a figure breaks it.
 */
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../test/browser/chromium.ts';
import { startAppServer } from '../test/browser/servers.ts';

const { values } = parseArgs({
  options: {
    steps: { type: 'string', default: '1000' },
    warmup: { type: 'string', default: '100' },
    interval: { type: 'string', default: '0.5' },
    width: { type: 'string', default: '1920' },
    height: { type: 'string', default: '1080' },
    'skip-build': { type: 'boolean' },
  },
});
const steps = Number(values.steps);
const warmup = Number(values.warmup);

// A build of its own, so a soak can run while someone else rebuilds dist/.
const dist = join(tmpdir(), 'gridatlas-soak-wall-dist');
if (!values['skip-build']) {
  execFileSync('node_modules/.bin/vite', ['build', '--logLevel', 'warn', '--outDir', dist, '--emptyOutDir'], {
    stdio: 'inherit',
  });
}
const serverArgs = [
  '--dist',
  dist,
  '--live',
  '--status-control',
  '--status-tick',
  '500',
  '--status-interval',
  '1',
];
let server = await startAppServer(serverArgs);
const port = new URL(server.url).port;
/**
 * On a shared machine something may end the app server under us (a CI harness clearing stray servers
 * did, twice, in the middle of a run): it is started again on the same port, so the page's polls
 * recover by themselves, and the restarts are reported with the figures.
 */
let restarts = 0;
const control = async (q: string): Promise<unknown> => {
  for (let attempt = 0; ; attempt++) {
    try {
      return await (await fetch(`${server.url}status/jiading/__control?${q}`)).json();
    } catch (err) {
      if (attempt > 0) throw new Error(`the app server at ${server.url} does not answer (${String(err)})`);
      await server.stop().catch(() => {});
      server = await startAppServer([...serverArgs, '--port', port]);
      restarts++;
      process.stderr.write(`  the app server had gone; started again on port ${port}\n`);
    }
  }
};

/**
 * Runs in the page before the app: counts tour steps (changes of data-stop), live intervals and pending
 * timeouts, and WebGL contexts (created, and how many are neither lost nor collected).
 */
const INSTRUMENT = `(() => {
  const intervals = new Set(), timeouts = new Set();
  const si = window.setInterval, ci = window.clearInterval, st = window.setTimeout, ct = window.clearTimeout;
  window.setInterval = function (fn, ms, ...a) { const id = si(fn, ms, ...a); intervals.add(id); return id; };
  window.clearInterval = function (id) { intervals.delete(id); return ci(id); };
  window.setTimeout = function (fn, ms, ...a) {
    const id = st(function (...args) { timeouts.delete(id); if (typeof fn === 'function') return fn.apply(this, args); }, ms, ...a);
    timeouts.add(id);
    return id;
  };
  window.clearTimeout = function (id) { timeouts.delete(id); return ct(id); };
  const contexts = [];
  let created = 0;
  const getContext = HTMLCanvasElement.prototype.getContext;
  HTMLCanvasElement.prototype.getContext = function (type, ...rest) {
    const fresh = !this.__soakContext;
    const ctx = getContext.call(this, type, ...rest);
    if (ctx && fresh && (type === 'webgl' || type === 'webgl2')) {
      this.__soakContext = true;
      created++;
      contexts.push(new WeakRef(ctx));
    }
    return ctx;
  };
  let steps = 0;
  new MutationObserver((records) => {
    for (const r of records) if (r.attributeName === 'data-stop') steps++;
  }).observe(document, { subtree: true, attributes: true, attributeFilter: ['data-stop'] });
  window.__soak = () => ({
    steps,
    intervals: intervals.size,
    timeouts: timeouts.size,
    contextsCreated: created,
    contextsAlive: contexts.filter((w) => { const c = w.deref(); return c && !c.isContextLost(); }).length,
    canvases: document.querySelectorAll('canvas').length,
  });
})();`;

interface SoakCounters {
  steps: number;
  intervals: number;
  timeouts: number;
  contextsCreated: number;
  contextsAlive: number;
  canvases: number;
}

const browser = await chromium.launch({
  executablePath: CHROMIUM_PATH,
  args: [...CHROMIUM_ARGS, '--js-flags=--expose-gc', '--enable-precise-memory-info'],
});
let failed = false;
try {
  const page = await browser.newPage({
    viewport: { width: Number(values.width), height: Number(values.height) },
    deviceScaleFactor: 1,
  });
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.addInitScript(INSTRUMENT);
  const cdp = await page.context().newCDPSession(page);
  await control('fault=none&level=normal&advance=20');
  const started = Date.now();
  await page.goto(`${server.url}?mode=wall&interval=${values.interval}&resume=5`);
  // A tour this fast never lets the map settle (data-idle): wait for the wall itself instead.
  await page.waitForSelector('[data-testid="map"] canvas', { timeout: 180_000 });
  await page.waitForSelector('[data-testid="kpi-tiles"][data-basis="live"]', { timeout: 180_000 });
  await page.waitForSelector('[data-testid="kpi-coverage-micro"]:not([data-value=""])', { timeout: 180_000 });
  const counters = () => page.evaluate(() => (window as unknown as { __soak: () => SoakCounters }).__soak());

  const sample = async (label: string) => {
    for (let i = 0; i < 3; i++) await cdp.send('HeapProfiler.collectGarbage');
    const heap = await cdp.send('Runtime.getHeapUsage');
    const dom = await cdp.send('Memory.getDOMCounters');
    const c = await counters();
    return {
      label,
      minutes: (Date.now() - started) / 60_000,
      heapMB: heap.usedSize / 1048576,
      nodes: dom.nodes,
      listeners: dom.jsEventListeners,
      documents: dom.documents,
      ...c,
    };
  };
  const rows = [await sample('start')];
  // The scenario, by step count: an emergency every 150 steps (held ~8 s), a failing feed every 230.
  let nextEmergency = 75;
  let nextFault = 120;
  let done = 0;
  while (done < steps) {
    await page.waitForTimeout(1000);
    done = (await counters()).steps;
    if (done >= nextEmergency) {
      nextEmergency += 150;
      await control('level=emergency&advance=1');
      await page.waitForSelector('[data-view="mobilisation"]', { timeout: 30_000 });
      await page.waitForTimeout(8000);
      await control('level=normal&advance=1');
      await page.waitForSelector('[data-view="tour"]', { timeout: 30_000 });
    }
    if (done >= nextFault) {
      nextFault += 230;
      await control('fault=http500');
      await page.waitForTimeout(4000);
      await control('fault=none');
    }
    if (rows.length === 1 && done >= warmup) rows.push(await sample('after warm-up'));
    if (done % 100 < 3) process.stderr.write(`  ${done} tour steps…\n`);
  }
  await control('fault=none&level=normal');
  await page.waitForTimeout(3000);
  rows.push(await sample('end'));

  const pad = (v: string | number, n: number) => String(v).padStart(n);
  console.log(
    'stage          | minutes | steps | JS heap (MB) | DOM nodes | listeners | intervals | timeouts | GL contexts alive/created | canvases',
  );
  for (const r of rows)
    console.log(
      `${r.label.padEnd(14)} | ${pad(r.minutes.toFixed(1), 7)} | ${pad(r.steps, 5)} | ${pad(r.heapMB.toFixed(2), 12)} | ${pad(r.nodes, 9)} | ${pad(r.listeners, 9)} | ${pad(r.intervals, 9)} | ${pad(r.timeouts, 8)} | ${pad(`${r.contextsAlive}/${r.contextsCreated}`, 25)} | ${pad(r.canvases, 8)}`,
    );
  const warm = rows[1];
  const end = rows[rows.length - 1];
  if (warm && end) {
    const growth = (a: number, b: number) => (a === 0 ? (b === 0 ? 0 : 100) : ((b - a) / a) * 100);
    const checks: [string, number, number][] = [
      ['JS heap', warm.heapMB, end.heapMB],
      ['DOM nodes', warm.nodes, end.nodes],
      ['listeners', warm.listeners, end.listeners],
    ];
    for (const [name, a, b] of checks) {
      const g = growth(a, b);
      console.log(`${name} growth after warm-up: ${g.toFixed(1)} % (budget < 10 %)`);
      if (g >= 10) failed = true;
    }
    // Timers and contexts must not grow at all (a few timeouts come and go with polls and frames).
    if (end.intervals > warm.intervals) failed = true;
    if (end.timeouts > warm.timeouts + 5) failed = true;
    if (end.contextsAlive > 1 || end.contextsCreated > warm.contextsCreated) failed = true;
    console.log(
      `intervals ${warm.intervals} → ${end.intervals}; pending timeouts ${warm.timeouts} → ${end.timeouts}; WebGL contexts alive ${end.contextsAlive}, created ${end.contextsCreated}`,
    );
  }
  if (errors.length > 0) {
    console.log(`page errors: ${errors.slice(0, 5).join(' | ')}`);
    failed = true;
  }
  if (restarts > 0)
    console.log(`the app server was ended from outside and started again ${restarts} time(s)`);
  console.log(failed ? 'SOAK FAILED' : 'SOAK PASSED');
} finally {
  await browser.close();
  await server.stop();
}
process.exit(failed ? 1 : 0);
