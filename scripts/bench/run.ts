/**
 * npm run bench: builds the app, serves it on 127.0.0.1 like `npm start`, runs every benchmark and
 * prints one table (value, baseline measured in the same run, ratio, budget verdict); writes
 * bench-results.json. Numbers are for comparison within one run on one machine, not absolute promises.
 * How to read the table: docs/benchmarks.md.
 *
 *   npm run bench [-- --runs 8] [-- --only page|coverage|click|analysis] [-- --no-city]
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { launchChromium } from '../../test/browser/chromium.ts';
import { startAppServer } from '../../test/browser/servers.ts';
import { CITY_OUT } from '../generate/city/index.ts';
import { benchActivityStep } from './activity-step.ts';
import { benchAnalysisMainThread } from './analysis-main-thread.ts';
import { writeBarePage } from './bare-page.ts';
import { type BenchRow, budgetVerdict, ratioOf } from './bench-row.ts';
import { benchClickToPanel } from './click-to-panel.ts';
import { benchCoverage } from './coverage.ts';
import { jsFiles, jsSizeRows } from './js-size.ts';
import { alternatePages, benchPackPages, METRICS, type PackPageResult } from './page-load.ts';

const { values: args } = parseArgs({
  options: {
    runs: { type: 'string', default: '8' },
    only: { type: 'string', multiple: true },
    'no-city': { type: 'boolean', default: false },
  },
});
const runs = Math.max(3, Number(args.runs));
const wanted = (name: string) => !args.only || args.only.includes(name);

interface PagePack {
  id: string;
  dir: string;
  label: string;
}

const JIADING: PagePack = { id: 'jiading', dir: 'data/regions/jiading', label: 'Jiading, GeoJSON' };
const CITY: PagePack = { id: 'shanghai', dir: CITY_OUT, label: 'Shanghai city, vector tiles' };

/** The packs the page benchmark loads: Jiading (GeoJSON), and the city pack on tiles unless --no-city. */
const PAGE_PACKS: PagePack[] = args['no-city'] ? [JIADING] : [JIADING, CITY];

/**
 * The city pack is generated (with its tiles) when it is missing: a few minutes, once; the time is
 * reported. It lives in data/generated/ (gitignored).
 */
function ensureCityPack(): number | null {
  if (args['no-city'] || existsSync(join(CITY.dir, 'tiles'))) return null;
  process.stderr.write(`the city pack is missing: generating it into ${CITY.dir} (a few minutes, once)…\n`);
  const started = performance.now();
  execFileSync('node_modules/.bin/tsx', ['scripts/generate/jiading.ts', '--scale', 'city'], {
    stdio: 'inherit',
  });
  return (performance.now() - started) / 1000;
}

interface BenchContext {
  appUrl: string;
  /** Starts another server like the first (stopped with it) and returns its URL. */
  freshServer: () => Promise<string>;
  /** The bare MapLibre page of each pack, relative to appUrl (bare-page.ts). */
  barePaths: ReadonlyMap<string, string>;
}
type Bench = { name: string; key: string; run: (ctx: BenchContext) => Promise<BenchRow[]> };

const pageDetails: PackPageResult[] = [];

/** Rows of one pack's page benchmark: each mark of our app against the bare page, and the heap. */
function pageRows(pack: PagePack, r: PackPageResult): BenchRow[] {
  const rows: BenchRow[] = METRICS.map((m) => ({
    name: `page: ${pack.label}: ${m.label} (trimmed mean)`,
    value: r.app.mean[m.key],
    unit: 'ms',
    baseline: { name: 'bare MapLibre page, same files and layers', value: r.bare.mean[m.key] },
    ...(m.key === 'mapIdle' && pack.id === 'jiading' ? { budget: { max: 1.2, of: 'ratio' as const } } : {}),
    note: `ms since navigation start; ${r.app.samples[m.key].length} runs after 1 warm-up; app ${r.app.samples[
      m.key
    ]
      .map((x) => x.toFixed(0))
      .join(', ')}; bare ${r.bare.samples[m.key].map((x) => x.toFixed(0)).join(', ')}`,
  }));
  const kb = (b: number) => `${(b / 1e3).toFixed(0)} kB`;
  const ready = r.app.heap.ready;
  rows.push({
    name: `page: ${pack.label}: peak JS heap until map idle`,
    value: r.app.heap.peakMB,
    unit: 'MB',
    baseline: { name: 'bare MapLibre page', value: r.bare.heap.peakMB },
    note:
      `main thread, sampled every 50 ms; map ${r.camera.width}×${r.camera.height} px at zoom ${r.camera.zoom.toFixed(2)}; ` +
      `fetched by the page until idle: app ${kb(r.app.fetched.bytes)} in ${r.app.fetched.requests} requests, ` +
      `bare ${kb(r.bare.fetched.bytes)} in ${r.bare.fetched.requests} (tiles are fetched by MapLibre's worker and not counted); ` +
      (ready
        ? `the rest of the pack (panels, search) ready at ${ready.ms.toFixed(0)} ms, heap peak until then ${ready.peakMB.toFixed(0)} MB, ${r.app.heap.afterGcMB.toFixed(0)} MB after GC`
        : 'the rest of the pack did not load within 90 s'),
  });
  return rows;
}

const benches: Bench[] = [
  {
    name: 'page load: our app against a bare MapLibre page',
    key: 'page',
    run: async ({ appUrl, barePaths, freshServer }) => {
      const browser = await launchChromium();
      const rows: BenchRow[] = [];
      try {
        for (const pack of PAGE_PACKS) {
          process.stderr.write(`  ${pack.label}: ${runs} runs of each page…\n`);
          const target = {
            id: pack.id,
            appPath: `?region=${pack.id}`,
            barePath: barePaths.get(pack.id) ?? '',
          };
          let r: PackPageResult;
          try {
            r = await benchPackPages(browser, appUrl, target, runs);
          } catch (err) {
            // On this shared machine a server of ours has been seen to vanish mid-run; one retry on a
            // fresh one, said out loud.
            process.stderr.write(`  ${pack.label} failed (${String(err).split('\n')[0]}); retrying once\n`);
            r = await benchPackPages(browser, await freshServer(), target, runs);
          }
          pageDetails.push(r);
          rows.push(...pageRows(pack, r));
        }
        const jiading = pageDetails.find((d) => d.id === JIADING.id);
        const city = pageDetails.find((d) => d.id === CITY.id);
        if (jiading && city) {
          // Loaded in turn: measured in their own parts a minute apart, the two packs would also
          // compare the machine's load then and now.
          process.stderr.write(`  city and Jiading in turn: ${runs} runs of each…\n`);
          const both = await alternatePages(browser, [jiading.app.url, city.app.url], runs);
          const [jiadingIdle = Number.NaN, cityIdle = Number.NaN] = both.mean;
          const [jiadingSamples = [], citySamples = []] = both.samples;
          rows.push({
            name: 'page: city on vector tiles against Jiading on GeoJSON: our app, map idle',
            value: cityIdle,
            unit: 'ms',
            baseline: { name: 'Jiading on GeoJSON, our app, loaded in turn', value: jiadingIdle },
            budget: { max: 1.5, of: 'ratio' },
            note:
              `64,000 micro grids (28× Jiading's) and 500,000 events (19×) against 1,882 and 26,148; ` +
              `trimmed means of ${runs} loads of each, alternating, after 1 warm-up; ` +
              `city ${citySamples.map((x) => x.toFixed(0)).join(', ')}; Jiading ${jiadingSamples.map((x) => x.toFixed(0)).join(', ')}`,
          });
        }
      } finally {
        await browser.close();
      }
      return rows;
    },
  },
  { name: 'coverage analysis (node)', key: 'coverage', run: () => benchCoverage() },
  {
    name: 'click to panel',
    key: 'click',
    run: async ({ appUrl }) => [
      ...(await benchClickToPanel(appUrl)),
      ...(await benchClickToPanel(appUrl, 'off')),
    ],
  },
  {
    name: 'main thread during the analysis',
    key: 'analysis',
    run: ({ appUrl }) => benchAnalysisMainThread(appUrl),
  },
  { name: 'activity time bar step', key: 'activity', run: ({ appUrl }) => benchActivityStep(appUrl) },
];

function format(rows: BenchRow[]): string {
  const lines = rows.map((r) => {
    const ratio = ratioOf(r);
    const base = r.baseline ? `${r.baseline.value.toFixed(1)} ${r.unit} (${r.baseline.name})` : '';
    return [
      r.name,
      `${r.value.toFixed(1)} ${r.unit}`,
      base,
      ratio === null ? '' : `${ratio.toFixed(2)}×`,
      budgetVerdict(r)?.text ?? '',
    ];
  });
  const header = ['benchmark', 'value', 'baseline (same run)', 'ratio', 'budget'];
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => (l[i] ?? '').length)));
  const row = (cells: string[]) =>
    cells
      .map((c, i) => c.padEnd(widths[i] ?? 0))
      .join(' | ')
      .trimEnd();
  const notes = rows.flatMap((r, i) => (r.note ? [`  [${i + 1}] ${r.note}`] : []));
  return [
    row(header),
    widths.map((w) => '-'.repeat(w)).join('-|-'),
    ...lines.map(row),
    '',
    'Notes:',
    ...notes,
  ].join('\n');
}

/** A folder of packs for the server: the embedded ones, plus the city pack when present. */
function regionsFolder(): string {
  const dir = mkdtempSync(join(tmpdir(), 'gridatlas-bench-regions-'));
  const ids = ['jiading', 'putuo', ...PAGE_PACKS.map((p) => p.id).filter((id) => id !== 'jiading')];
  for (const id of ids) {
    const pack = PAGE_PACKS.find((p) => p.id === id);
    symlinkSync(resolve(pack?.dir ?? `data/regions/${id}`), join(dir, id));
  }
  writeFileSync(join(dir, 'index.json'), JSON.stringify(ids));
  return dir;
}

async function main() {
  const started = performance.now();
  const generated = wanted('page') ? ensureCityPack() : null;
  execFileSync('node_modules/.bin/vite', ['build', '--logLevel', 'warn'], { stdio: 'inherit' });
  const files = jsFiles('dist');
  const rows: BenchRow[] = [...jsSizeRows(files)];
  // The bare page's files must be in dist/ before the server starts (sirv reads the file list once).
  const barePaths = wanted('page') ? await writeBarePage('dist', PAGE_PACKS) : new Map<string, string>();
  const regions = regionsFolder();
  const failures: string[] = [];
  try {
    for (const bench of benches) {
      if (!wanted(bench.key)) continue;
      const at = ((performance.now() - started) / 60_000).toFixed(1);
      process.stderr.write(`[${at} min] running ${bench.name}…\n`);
      // A server of its own for each part: one part's failure (or a crashed server) cannot take the
      // others down, and a failed part is reported, not fatal.
      const servers = [await startAppServer(['--regions', regions])];
      const freshServer = async () => {
        const next = await startAppServer(['--regions', regions]);
        servers.push(next);
        return next.url;
      };
      try {
        rows.push(...(await bench.run({ appUrl: servers[0]?.url ?? '', barePaths, freshServer })));
      } catch (err) {
        const reason = err instanceof Error ? err.message.split('\n')[0] : String(err);
        failures.push(`${bench.name}: ${reason}`);
        process.stderr.write(`  failed: ${reason}\n`);
      } finally {
        await Promise.all(servers.map((s) => s.stop()));
      }
    }
  } finally {
    rmSync(regions, { recursive: true, force: true });
  }
  const minutes = (performance.now() - started) / 60_000;
  console.log(format(rows));
  for (const f of failures) console.log(`FAILED: ${f}`);
  const over = rows.filter((r) => budgetVerdict(r)?.pass === false);
  console.log(
    `\nBudgets: ${rows.filter((r) => budgetVerdict(r)).length - over.length} PASS, ${over.length} OVER` +
      `${over.length ? ` (${over.map((r) => r.name).join('; ')})` : ''}. Whole run: ${minutes.toFixed(1)} min` +
      `${generated === null ? '' : `, of which ${(generated / 60).toFixed(1)} min generating the city pack`}.`,
  );
  writeFileSync(
    'bench-results.json',
    `${JSON.stringify(
      {
        date: new Date().toISOString(),
        minutes,
        runs,
        failures,
        rows: rows.map((r) => ({ ...r, ratio: ratioOf(r), budgetVerdict: budgetVerdict(r)?.text ?? null })),
        pageLoad: pageDetails,
        jsFiles: files,
      },
      null,
      2,
    )}\n`,
  );
}

if (!existsSync('node_modules/.bin/vite')) throw new Error('run from the repository root');
await main();
