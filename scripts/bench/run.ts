/**
 * npm run bench: builds the app, serves it on 127.0.0.1 like `npm start`, runs every benchmark and
 * prints one table (value, baseline measured in the same run, ratio); writes bench-results.json.
 * Numbers are for comparison within one run on one machine, not absolute promises.
 */
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { startAppServer } from '../../test/browser/servers.ts';
import { benchActivityStep } from './activity-step.ts';
import { benchAnalysisMainThread } from './analysis-main-thread.ts';
import type { BenchRow } from './bench-row.ts';
import { benchClickToPanel } from './click-to-panel.ts';
import { benchCoverage } from './coverage.ts';

type Bench = { name: string; run: (ctx: { appUrl: string }) => Promise<BenchRow[]> };

const benches: Bench[] = [
  { name: 'coverage analysis (node)', run: () => benchCoverage() },
  { name: 'click to panel', run: ({ appUrl }) => benchClickToPanel(appUrl) },
  { name: 'main thread during the analysis', run: ({ appUrl }) => benchAnalysisMainThread(appUrl) },
  { name: 'activity time bar step', run: ({ appUrl }) => benchActivityStep(appUrl) },
];

function format(rows: BenchRow[]): string {
  const lines = rows.map((r) => {
    const ratio = r.baseline && r.baseline.value > 0 ? `${(r.value / r.baseline.value).toFixed(2)}×` : '';
    const base = r.baseline ? `${r.baseline.value.toFixed(1)} ${r.unit} (${r.baseline.name})` : '';
    return [r.name, `${r.value.toFixed(1)} ${r.unit}`, base, ratio, r.note ?? ''];
  });
  const header = ['benchmark', 'value', 'baseline', 'ratio', 'note'];
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => (l[i] ?? '').length)));
  const row = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join(' | ');
  return [row(header), widths.map((w) => '-'.repeat(w)).join('-|-'), ...lines.map(row)].join('\n');
}

async function main() {
  execFileSync('node_modules/.bin/vite', ['build', '--logLevel', 'warn'], { stdio: 'inherit' });
  const server = await startAppServer();
  const rows: BenchRow[] = [];
  try {
    for (const bench of benches) {
      process.stderr.write(`running ${bench.name}…\n`);
      rows.push(...(await bench.run({ appUrl: server.url })));
    }
  } finally {
    await server.stop();
  }
  console.log(format(rows));
  writeFileSync(
    'bench-results.json',
    `${JSON.stringify({ date: new Date().toISOString(), rows }, null, 2)}\n`,
  );
}

await main();
