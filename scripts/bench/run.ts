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
import { benchAnalysisMainThread } from './analysis-main-thread.ts';
import { writeBarePage } from './bare-page.ts';
import { type BenchRow, budgetVerdict, ratioOf } from './bench-row.ts';
import { benchClickToPanel } from './click-to-panel.ts';
import { benchCoverage } from './coverage.ts';
import { jsFiles, jsSizeRows } from './js-size.ts';
import { benchPackPages, METRICS, type PackPageResult } from './page-load.ts';

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

/** The packs the page benchmark loads: Jiading (GeoJSON) always. */
const PAGE_PACKS: PagePack[] = [{ id: 'jiading', dir: 'data/regions/jiading', label: 'Jiading, GeoJSON' }];

interface BenchContext {
  appUrl: string;
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
  rows.push({
    name: `page: ${pack.label}: peak JS heap during load`,
    value: r.app.heap.peakMB,
    unit: 'MB',
    baseline: { name: 'bare MapLibre page', value: r.bare.heap.peakMB },
    note: `main thread, sampled every 50 ms until idle; after GC at idle: app ${r.app.heap.afterGcMB.toFixed(
      1,
    )} MB, bare ${r.bare.heap.afterGcMB.toFixed(1)} MB; map ${r.camera.width}×${r.camera.height} px at zoom ${r.camera.zoom.toFixed(2)}`,
  });
  return rows;
}

const benches: Bench[] = [
  {
    name: 'page load: our app against a bare MapLibre page',
    key: 'page',
    run: async ({ appUrl, barePaths }) => {
      const browser = await launchChromium();
      const rows: BenchRow[] = [];
      try {
        for (const pack of PAGE_PACKS) {
          process.stderr.write(`  ${pack.label}: ${runs} runs of each page…\n`);
          const r = await benchPackPages(
            browser,
            appUrl,
            { id: pack.id, appPath: `?region=${pack.id}`, barePath: barePaths.get(pack.id) ?? '' },
            runs,
          );
          pageDetails.push(r);
          rows.push(...pageRows(pack, r));
        }
      } finally {
        await browser.close();
      }
      return rows;
    },
  },
  { name: 'coverage analysis (node)', key: 'coverage', run: () => benchCoverage() },
  { name: 'click to panel', key: 'click', run: ({ appUrl }) => benchClickToPanel(appUrl) },
  {
    name: 'main thread during the analysis',
    key: 'analysis',
    run: ({ appUrl }) => benchAnalysisMainThread(appUrl),
  },
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
  execFileSync('node_modules/.bin/vite', ['build', '--logLevel', 'warn'], { stdio: 'inherit' });
  const files = jsFiles('dist');
  const rows: BenchRow[] = [...jsSizeRows(files)];
  // The bare page's files must be in dist/ before the server starts (sirv reads the file list once).
  const barePaths = wanted('page') ? await writeBarePage('dist', PAGE_PACKS) : new Map<string, string>();
  const regions = regionsFolder();
  const server = await startAppServer(['--regions', regions]);
  try {
    for (const bench of benches) {
      if (!wanted(bench.key)) continue;
      process.stderr.write(`running ${bench.name}…\n`);
      rows.push(...(await bench.run({ appUrl: server.url, barePaths })));
    }
  } finally {
    await server.stop();
    rmSync(regions, { recursive: true, force: true });
  }
  const minutes = (performance.now() - started) / 60_000;
  console.log(format(rows));
  const over = rows.filter((r) => budgetVerdict(r)?.pass === false);
  console.log(
    `\nBudgets: ${rows.filter((r) => budgetVerdict(r)).length - over.length} PASS, ${over.length} OVER` +
      `${over.length ? ` (${over.map((r) => r.name).join('; ')})` : ''}. Whole run: ${minutes.toFixed(1)} min.`,
  );
  writeFileSync(
    'bench-results.json',
    `${JSON.stringify(
      {
        date: new Date().toISOString(),
        minutes,
        runs,
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
