/**
 * Coverage-analysis benchmark on the Jiading pack (node): our full analysis (src/analysis) against
 * (a) the naive method — turf.union of every micro cell, then the boundary minus that union — and
 * (b) a straightforward per-parent turf method — each child intersected with its parent, the children
 * unioned per parent, the parent minus that union.
 *
 * Method (after MapLibre's page benchmark): 1 warm-up, then N timed runs in this process; median and
 * trimmed mean. (a) runs in a child process killed after 120 s, because a global union can take minutes
 * or never finish (turf #2092, #2955); its time or its error is what is reported.
 *
 *   npx tsx scripts/bench/coverage.ts [--runs 9] [--baseline-runs 5] [--pack data/regions/jiading]
 * and `benchCoverage()` for scripts/bench/run.ts.
 */
import { spawn } from 'node:child_process';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { area, difference, featureCollection, intersect, union } from '@turf/turf';
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import { analysePack } from '../../src/analysis/analyse-pack.ts';
import { gridCoverage } from '../../src/analysis/grid-coverage.ts';
import type { AreaGeometry } from '../../src/data/grid-index.ts';
import { loadRegionPack } from '../../src/data/pack-loader.ts';
import type { RegionPack } from '../../src/data/region-pack.ts';
import { fsPackSource } from '../lib/fs-pack-source.ts';
import type { BenchRow } from './bench-row.ts';

const DEFAULT_PACK = 'data/regions/jiading';
const NAIVE_TIMEOUT_MS = 120_000;
const MIN_PIECE_M2 = 100;

function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
}

/** Mean without the fastest and slowest fifth. */
function trimmedMean(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const k = Math.floor(s.length * 0.2);
  const kept = s.slice(k, s.length - k);
  return kept.reduce((a, b) => a + b, 0) / kept.length;
}

interface Timing {
  median: number;
  trimmed: number;
  runs: number[];
}

function time(fn: () => unknown, runs: number): Timing {
  fn(); // warm-up: JIT, caches of the libraries
  const ms: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    fn();
    ms.push(performance.now() - t);
  }
  return { median: median(ms), trimmed: trimmedMean(ms), runs: ms };
}

const feature = (g: AreaGeometry): Feature<Polygon | MultiPolygon> => ({
  type: 'Feature',
  properties: {},
  geometry: g,
});

function boundaryOf(pack: RegionPack): AreaGeometry {
  const polys = pack.boundary.flatMap((f) =>
    f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates,
  );
  return { type: 'MultiPolygon', coordinates: polys };
}

/**
 * (b) The straightforward per-parent turf version: what one writes first once a global union is known to
 * be slow. It finds gaps only (no overlaps, nothing outside); failures are counted, not thrown.
 */
export function perParentTurf(pack: RegionPack): { gapM2: number; gaps: number; failures: number } {
  const { grid } = pack;
  const groups: { parent: AreaGeometry; children: readonly string[] }[] = [
    { parent: boundaryOf(pack), children: grid.byDepth[0] ?? [] },
  ];
  for (let d = 0; d < grid.levels.length - 1; d++) {
    for (const id of grid.byDepth[d] ?? []) {
      const cell = grid.byId.get(id);
      if (cell) groups.push({ parent: cell.geometry, children: grid.children.get(id) ?? [] });
    }
  }
  let gapM2 = 0;
  let gaps = 0;
  let failures = 0;
  for (const { parent, children } of groups) {
    try {
      const inside = children.flatMap((id) => {
        const cell = grid.byId.get(id);
        const clipped = cell ? intersect(featureCollection([feature(cell.geometry), feature(parent)])) : null;
        return clipped ? [clipped] : [];
      });
      const covered = inside.length > 1 ? union(featureCollection(inside)) : (inside[0] ?? null);
      const gap = covered ? difference(featureCollection([feature(parent), covered])) : feature(parent);
      const polys = gap
        ? gap.geometry.type === 'Polygon'
          ? [gap.geometry.coordinates]
          : gap.geometry.coordinates
        : [];
      for (const coordinates of polys) {
        const a = area({ type: 'Polygon', coordinates });
        if (a >= MIN_PIECE_M2) {
          gapM2 += a;
          gaps++;
        }
      }
    } catch {
      failures++;
    }
  }
  return { gapM2, gaps, failures };
}

/** (a) The naive global method, run in this process (the child side of `naiveInChild`). */
function naiveUnion(pack: RegionPack): { gapM2: number } {
  const leaves = (pack.grid.byDepth[pack.grid.levels.length - 1] ?? []).flatMap((id) => {
    const cell = pack.grid.byId.get(id);
    return cell ? [feature(cell.geometry)] : [];
  });
  const all = union(featureCollection(leaves));
  const gap = all ? difference(featureCollection([feature(boundaryOf(pack)), all])) : null;
  return { gapM2: gap ? area(gap) : 0 };
}

/** One line per run from the child: the warm-up first, then the timed runs. */
type NaiveLine = { run: number; ms: number; gapM2: number } | { run: number; ms: number; error: string };
type NaiveOutcome =
  | { ok: true; cold: number; warm: number[]; gapM2: number }
  | { ok: false; error: string; ms: number }
  | { ok: false; timeout: true; cold: number | null };

const NAIVE_RUNS = 3;

/**
 * Runs (a) in a child process — a warm-up, then NAIVE_RUNS timed runs, one JSON line each — and kills
 * it after `timeoutMs`: a hang must not hang the benchmark. What finished before the kill is kept.
 */
function naiveInChild(packFolder: string, timeoutMs: number): Promise<NaiveOutcome> {
  const self = fileURLToPath(import.meta.url);
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', self, '--naive-child', '--pack', packFolder], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
    });
    child.stderr.on('data', (d: Buffer) => {
      err += d.toString();
    });
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, timeoutMs);
    child.on('close', () => {
      clearTimeout(timer);
      const got = out
        .split('\n')
        .filter((l) => l.startsWith('{'))
        .map((l) => JSON.parse(l) as NaiveLine);
      const failed = got.find((l) => 'error' in l);
      if (failed && 'error' in failed) return resolve({ ok: false, error: failed.error, ms: failed.ms });
      const [cold, ...warm] = got;
      if (timedOut) return resolve({ ok: false, timeout: true, cold: cold?.ms ?? null });
      if (!cold) {
        const why = err.trim().split('\n').pop() ?? 'no output';
        return resolve({ ok: false, error: `the child process printed no result (${why})`, ms: Number.NaN });
      }
      resolve({
        ok: true,
        cold: cold.ms,
        warm: warm.map((l) => l.ms),
        gapM2: 'gapM2' in cold ? cold.gapM2 : 0,
      });
    });
  });
}

async function loadPack(folder: string): Promise<{ pack: RegionPack; loadMs: number }> {
  const t = performance.now();
  const { pack, problems } = await loadRegionPack(fsPackSource(folder));
  if (!pack) throw new Error(`${folder} does not load: ${problems.map((p) => p.message).join('; ')}`);
  return { pack, loadMs: performance.now() - t };
}

export interface CoverageBenchOptions {
  pack?: string;
  runs?: number;
  baselineRuns?: number;
  naiveTimeoutMs?: number;
  log?: (line: string) => void;
}

export async function benchCoverage(options: CoverageBenchOptions = {}): Promise<BenchRow[]> {
  const folder = options.pack ?? DEFAULT_PACK;
  const runs = options.runs ?? 9;
  const baselineRuns = options.baselineRuns ?? 5;
  const log = options.log ?? ((line: string) => process.stderr.write(`${line}\n`));
  const { pack, loadMs } = await loadPack(folder);
  const f1 = (ms: number) => `${ms.toFixed(1)} ms`;

  log(`coverage bench: ${folder}, ${runs} runs of ours, ${baselineRuns} of the per-parent baseline`);
  const full = time(() => analysePack(pack), runs);
  const grid = time(() => gridCoverage(pack), runs);
  // The path a pack takes when its shared edges do not carry identical vertices: every parent clipped.
  const clipAll = time(() => gridCoverage(pack, undefined, { exactFirst: false }), 3);
  const ours = gridCoverage(pack);
  const ourGapM2 = ours.findings
    .filter((f) => f.kind === 'gap' || f.kind === 'gap-boundary')
    .reduce((s, f) => s + f.areaM2, 0);
  log(
    `  ours: full ${f1(full.median)}, grid only ${f1(grid.median)}, grid clipping everything ${f1(clipAll.median)}`,
  );

  let perParent: ReturnType<typeof perParentTurf> = { gapM2: 0, gaps: 0, failures: 0 };
  const baseline = time(() => {
    perParent = perParentTurf(pack);
  }, baselineRuns);
  log(`  per-parent turf: ${f1(baseline.median)}`);

  const naive = await naiveInChild(folder, options.naiveTimeoutMs ?? NAIVE_TIMEOUT_MS);
  const naiveSays = naive.ok
    ? `${f1(naive.cold)} cold, ${naive.warm.map(f1).join(', ')} warm`
    : 'error' in naive
      ? naive.error
      : 'killed';
  log(`  naive global union: ${naiveSays}`);

  const perParentName = 'per-parent turf (intersect, union, difference)';
  const m2 = (v: number) => `${Math.round(v).toLocaleString('en-US')} m²`;
  const naiveName = 'coverage: naive global union − boundary';
  const naiveTimeout = (options.naiveTimeoutMs ?? NAIVE_TIMEOUT_MS) / 1000;
  let naiveRow: BenchRow;
  if (naive.ok) {
    naiveRow = {
      name: naiveName,
      value: naive.warm.length > 0 ? median(naive.warm) : naive.cold,
      unit: 'ms',
      baseline: { name: 'ours, full analysis', value: full.median },
      note: `median of ${naive.warm.length} after a warm-up of ${f1(naive.cold)}, in a child process; no error on this pack, but it gives only the finest level's total uncovered ground (${m2(naive.gapM2)}): no parent, no overlap, no per-level figure`,
    };
  } else if ('timeout' in naive) {
    const first = naive.cold !== null ? ` (its first run took ${f1(naive.cold)})` : '';
    naiveRow = {
      name: naiveName,
      value: Number.NaN,
      unit: 'ms',
      note: `killed after ${naiveTimeout} s${first}`,
    };
  } else naiveRow = { name: naiveName, value: naive.ms, unit: 'ms', note: `failed: ${naive.error}` };
  return [
    {
      name: 'coverage: load the Jiading pack',
      value: loadMs,
      unit: 'ms',
      note: 'parse + validate + index, once; not part of the analysis',
    },
    {
      name: 'coverage: full analysis (grid, services, partners, activity)',
      value: full.median,
      unit: 'ms',
      baseline: { name: perParentName, value: baseline.median },
      note: `median of ${runs} after a warm-up; trimmed mean ${f1(full.trimmed)}; ${(baseline.median / full.median).toFixed(1)}× faster than the baseline`,
    },
    {
      name: 'coverage: grid check only',
      value: grid.median,
      unit: 'ms',
      baseline: { name: perParentName, value: baseline.median },
      note: `trimmed mean ${f1(grid.trimmed)}; ${(baseline.median / grid.median).toFixed(1)}× faster; gaps ${m2(ourGapM2)} (baseline ${m2(perParent.gapM2)} in ${perParent.gaps} pieces, ${perParent.failures} parents failed)`,
    },
    {
      name: 'coverage: grid check clipping every parent (packs whose shared edges differ)',
      value: clipAll.median,
      unit: 'ms',
      baseline: { name: perParentName, value: baseline.median },
      note: `median of 3 after a warm-up: the fallback when the exact edge test cannot apply; ${(baseline.median / clipAll.median).toFixed(1)}× the baseline's speed`,
    },
    {
      name: `coverage: ${perParentName}`,
      value: baseline.median,
      unit: 'ms',
      note: `median of ${baselineRuns} after a warm-up; trimmed mean ${f1(baseline.trimmed)}`,
    },
    naiveRow,
  ];
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      'naive-child': { type: 'boolean' },
      pack: { type: 'string' },
      runs: { type: 'string' },
      'baseline-runs': { type: 'string' },
    },
  });
  const folder = values.pack ?? DEFAULT_PACK;
  if (values['naive-child']) {
    const { pack } = await loadPack(folder);
    for (let run = 0; run <= NAIVE_RUNS; run++) {
      const t = performance.now();
      try {
        const { gapM2 } = naiveUnion(pack);
        console.log(JSON.stringify({ run, ms: performance.now() - t, gapM2 }));
      } catch (err) {
        const error = err instanceof Error ? err.message : String(err);
        console.log(JSON.stringify({ run, ms: performance.now() - t, error }));
        return;
      }
    }
    return;
  }
  const rows = await benchCoverage({
    pack: folder,
    ...(values.runs ? { runs: Number(values.runs) } : {}),
    ...(values['baseline-runs'] ? { baselineRuns: Number(values['baseline-runs']) } : {}),
  });
  for (const r of rows) {
    const value = Number.isFinite(r.value) ? `${r.value.toFixed(1)} ${r.unit}` : '—';
    const base = r.baseline
      ? `  vs ${r.baseline.name}: ${r.baseline.value.toFixed(1)} ${r.unit} (ratio ${(r.value / r.baseline.value).toFixed(3)})`
      : '';
    console.log(`${r.name}: ${value}${base}${r.note ? `\n    ${r.note}` : ''}`);
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await main();
