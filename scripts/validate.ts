/**
 * npm run validate -- <pack folder> [--json] [--min-area <m²>]
 * Prints one line per problem ("<file>: <feature id>: <what is wrong> [rule]") and a summary.
 * Exit 1 when the pack has errors (it would not load), 0 when it has only findings, 2 on bad usage.
 */
import { parseArgs } from 'node:util';
import { DEFAULT_COVERAGE_OPTIONS } from '../src/analysis/grid-coverage.ts';
import { formatProblem } from '../src/data/problem.ts';
import { validatePackFolder } from './lib/validate-pack.ts';

const USAGE = 'usage: npm run validate -- <pack folder> [--json] [--min-area <m²>]';

function readArgs(): { folder: string; json: boolean; minAreaM2: number } | string {
  try {
    const { values, positionals } = parseArgs({
      allowPositionals: true,
      options: { json: { type: 'boolean' }, 'min-area': { type: 'string' } },
    });
    const minAreaM2 = Number(values['min-area'] ?? DEFAULT_COVERAGE_OPTIONS.minAreaM2);
    const folder = positionals[0];
    if (!folder || positionals.length > 1) return USAGE;
    if (!Number.isFinite(minAreaM2) || minAreaM2 < 0) return `--min-area must be a number ≥ 0\n${USAGE}`;
    return { folder, json: values.json === true, minAreaM2 };
  } catch (err) {
    return `${err instanceof Error ? err.message : String(err)}\n${USAGE}`;
  }
}

async function main(): Promise<number> {
  const args = readArgs();
  if (typeof args === 'string') {
    console.error(args);
    return 2;
  }
  const started = performance.now();
  const { pack, errors, findings } = await validatePackFolder(args.folder, {
    ...DEFAULT_COVERAGE_OPTIONS,
    minAreaM2: args.minAreaM2,
  });
  const seconds = (performance.now() - started) / 1000;
  if (args.json) {
    console.log(JSON.stringify({ folder: args.folder, ok: errors.length === 0, errors, findings }, null, 2));
  } else {
    for (const p of [...errors, ...findings]) console.log(formatProblem(p));
    const what = pack
      ? `pack "${pack.manifest.id}": ${pack.grid.levels.map((l, d) => `${pack.grid.byDepth[d]?.length ?? 0} ${l}`).join(', ')} cells`
      : 'the pack was not loaded';
    const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
    console.log(
      `${plural(errors.length, 'error')}, ${plural(findings.length, 'finding')} — ${what} (${seconds.toFixed(1)} s)`,
    );
  }
  return errors.length > 0 ? 1 : 0;
}

process.exitCode = await main();
