/**
 * npm run soak:live [-- --polls 500]: the live feed under random faults for hundreds of polls, in the
 * real built app in headless Chromium against the real status server. Reports JS heap (after a forced
 * GC), DOM nodes and event listeners at the start, after warm-up (poll 50) and at the end; the budget
 * is < 10 % heap growth after warm-up. Numbers, not a pass/fail test: read them.
 */
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../test/browser/chromium.ts';
import { startAppServer } from '../test/browser/servers.ts';

const { values } = parseArgs({
  options: { polls: { type: 'string', default: '500' }, 'skip-build': { type: 'boolean' } },
});
const polls = Number(values.polls);
const FAULTS = [
  'http500',
  'timeout',
  'drop',
  'truncated',
  'invalid-schema',
  'html&status=502',
  'oversized',
  'slow&delay=1500',
];

// A build of its own, so a soak can run while someone else rebuilds dist/.
const dist = join(tmpdir(), 'gridatlas-soak-dist');
if (!values['skip-build']) {
  execFileSync('node_modules/.bin/vite', ['build', '--logLevel', 'warn', '--outDir', dist, '--emptyOutDir'], {
    stdio: 'inherit',
  });
}
const server = await startAppServer([
  '--dist',
  dist,
  '--live',
  '--status-control',
  '--status-tick',
  '700',
  '--status-interval',
  '1',
]);
const control = async (q: string) =>
  (await fetch(`${server.url}status/jiading/__control?${q}`)).json() as Promise<{
    requests: { total: number };
  }>;
const browser = await chromium.launch({
  executablePath: CHROMIUM_PATH,
  args: [...CHROMIUM_ARGS, '--js-flags=--expose-gc', '--enable-precise-memory-info'],
});
try {
  const page = await browser.newPage({ viewport: { width: 1600, height: 1000 } });
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  await page.goto(server.url);
  await page.waitForSelector('[data-testid="map"][data-idle="true"]', { timeout: 60_000 });
  const sample = async (label: string, poll: number) => {
    await cdp.send('HeapProfiler.collectGarbage');
    const { metrics } = await cdp.send('Performance.getMetrics');
    const m = (name: string) => metrics.find((x) => x.name === name)?.value ?? Number.NaN;
    return {
      label,
      poll,
      heapMB: m('JSHeapUsedSize') / 1048576,
      nodes: m('Nodes'),
      listeners: m('JSEventListeners'),
    };
  };
  const rows = [await sample('start', 0)];
  // A seeded choice of faults (the same run every time): about one poll in four is faulty.
  let seed = 42;
  const random = () => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed / 2147483648;
  };
  let done = 0;
  const base = (await control('fault=none')).requests.total;
  while (done < polls) {
    const faulty = random() < 0.25;
    await control(faulty ? `fault=${FAULTS[Math.floor(random() * FAULTS.length)]}` : 'fault=none');
    await page.waitForTimeout(1000 + Math.floor(random() * 1500));
    done = (await control('advance=1')).requests.total - base;
    if (rows.length === 1 && done >= 50) rows.push(await sample('after warm-up', done));
    if (done % 100 < 2) process.stderr.write(`  ${done} polls…\n`);
  }
  await control('fault=none');
  await page.waitForTimeout(3000);
  rows.push(await sample('end', done));
  const warm = rows[1] ?? rows[0];
  const end = rows.at(-1);
  console.log('stage          | polls | JS heap (MB) | DOM nodes | listeners');
  for (const r of rows)
    console.log(
      `${r.label.padEnd(14)} | ${String(r.poll).padStart(5)} | ${r.heapMB.toFixed(2).padStart(12)} | ${String(r.nodes).padStart(9)} | ${String(r.listeners).padStart(9)}`,
    );
  if (warm && end) {
    const growth = ((end.heapMB - warm.heapMB) / warm.heapMB) * 100;
    console.log(`heap growth after warm-up: ${growth.toFixed(1)} % (budget < 10 %)`);
  }
} finally {
  await browser.close();
  await server.stop();
}
