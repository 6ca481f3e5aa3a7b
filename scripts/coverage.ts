/**
 * npm run coverage -- <pack folder> [--json] [--service-kind <kind>] [--radius <m>]
 *                     [--from <date> --to <date>] [--min-area <m²>] [--rank area|population] [--limit <n>]
 * The planners' coverage report: the same analysis the app runs in its worker (src/analysis), printed
 * as tables and a ranked list of findings, or as JSON. Output documented in docs/coverage.md.
 * Exit 0 when the pack was analysed (findings are not failures), 1 when it does not load, 2 on bad usage.
 */
import { basename, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { type AnalysisOptions, analysePack } from '../src/analysis/analyse-pack.ts';
import { formatReport } from '../src/analysis/report-text.ts';
import { loadRegionPack } from '../src/data/pack-loader.ts';
import { formatProblem } from '../src/data/problem.ts';
import { fsPackSource } from './lib/fs-pack-source.ts';

const USAGE = `usage: npm run coverage -- <pack folder> [--json] [--service-kind <kind>] [--radius <m>]
       [--from <YYYY-MM-DD> --to <YYYY-MM-DD>] [--min-area <m²>] [--rank area|population] [--limit <n>]`;

const parseOptions = () =>
  parseArgs({
    allowPositionals: true,
    options: {
      json: { type: 'boolean' },
      'service-kind': { type: 'string' },
      radius: { type: 'string' },
      from: { type: 'string' },
      to: { type: 'string' },
      'min-area': { type: 'string' },
      rank: { type: 'string' },
      limit: { type: 'string' },
    },
  });

interface Args {
  folder: string;
  json: boolean;
  limit: number;
  options: AnalysisOptions;
}

function readArgs(): Args | string {
  let parsed: ReturnType<typeof parseOptions>;
  try {
    parsed = parseOptions();
  } catch (err) {
    return `${err instanceof Error ? err.message : String(err)}\n${USAGE}`;
  }
  const { values, positionals } = parsed;
  const folder = positionals[0];
  if (!folder || positionals.length > 1) return USAGE;
  const number = (name: string, text: string | undefined, min: number): number | string | undefined => {
    if (text === undefined) return undefined;
    const n = Number(text);
    return Number.isFinite(n) && n >= min ? n : `--${name} must be a number ≥ ${min}\n${USAGE}`;
  };
  const minArea = number('min-area', values['min-area'], 0);
  const radius = number('radius', values.radius, 1);
  const limit = number('limit', values.limit, 0);
  for (const v of [minArea, radius, limit]) if (typeof v === 'string') return v;
  const rank = values.rank ?? 'area';
  if (rank !== 'area' && rank !== 'population') return `--rank must be "area" or "population"\n${USAGE}`;
  const options: AnalysisOptions = {
    rankBy: rank,
    ...(typeof minArea === 'number' ? { minAreaM2: minArea } : {}),
    ...(typeof radius === 'number' ? { serviceRadiusM: radius } : {}),
    ...(values['service-kind'] !== undefined ? { serviceKind: values['service-kind'] } : {}),
    ...(values.from !== undefined ? { activityFrom: values.from } : {}),
    ...(values.to !== undefined ? { activityTo: values.to } : {}),
  };
  return { folder, json: values.json === true, limit: typeof limit === 'number' ? limit : 10, options };
}

async function main(): Promise<number> {
  const args = readArgs();
  if (typeof args === 'string') {
    console.error(args);
    return 2;
  }
  const { pack, problems } = await loadRegionPack(fsPackSource(args.folder), {
    expectedId: basename(resolve(args.folder)),
  });
  if (!pack) {
    if (args.json) console.log(JSON.stringify({ folder: args.folder, ok: false, errors: problems }, null, 2));
    else {
      for (const p of problems) console.log(formatProblem(p));
      console.log(`${problems.length} errors — the pack was not loaded, so it was not analysed`);
    }
    return 1;
  }
  if (pack.grid.geometryless) {
    console.error(
      `${args.folder}: the grid is served as tiles only (no layers.grids): the coverage analysis needs its geometry`,
    );
    return 1;
  }
  const kind = args.options.serviceKind;
  if (kind != null && !pack.services.some((s) => s.properties.kind === kind)) {
    console.error(`note: no service point in this pack has kind "${kind}"; every cell will be beyond reach`);
  }
  const started = performance.now();
  let report: ReturnType<typeof analysePack>;
  try {
    report = analysePack(pack, args.options);
  } catch (err) {
    console.error(`${err instanceof Error ? err.message : String(err)}\n${USAGE}`);
    return 2;
  }
  const seconds = (performance.now() - started) / 1000;
  if (args.json) console.log(JSON.stringify({ folder: args.folder, ok: true, seconds, report }, null, 2));
  else console.log(formatReport(report, { folder: args.folder, seconds, limit: args.limit }));
  return 0;
}

process.exitCode = await main();
