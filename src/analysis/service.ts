import { loadRegionPack } from '../data/pack-loader.ts';
import type { PackSource } from '../data/pack-source.ts';
import { formatProblem } from '../data/problem.ts';
import type { RegionPack } from '../data/region-pack.ts';
import { type AnalysisOptions, analysisSteps, type CoverageReport } from './analyse-pack.ts';
import type { GridCoverageHooks } from './grid-coverage.ts';
import { AnalysisCancelled, runSliced } from './steps.ts';

/**
 * The analysis as a service with state: the pack it works on and the run that is current. The worker
 * (worker.ts) exposes exactly this object through comlink; tests call it directly in node. Every method
 * returns plain data, so the page only ever awaits promises and never runs geometry itself.
 */
export interface PackInfo {
  id: string;
  levels: string[];
  cellsPerLevel: number[];
  serviceKinds: string[];
}

export type LoadOutcome = { ok: true; pack: PackInfo } | { ok: false; problems: string[] };

export type AnalysisOutcome =
  | { status: 'done'; runId: number; ms: number; report: CoverageReport }
  /** A newer run, an explicit cancel or a new pack replaced this run. */
  | { status: 'cancelled'; runId: number }
  /** Bad options or no pack; `error` is a plain sentence. */
  | { status: 'failed'; runId: number; error: string };

export interface AnalysisService {
  /** Loads (and validates) the pack at a folder URL; cancels every run on the previous pack. */
  load(packUrl: string): Promise<LoadOutcome>;
  /**
   * Runs the analysis. Starting a run supersedes every run with a smaller id: they stop at their next
   * check (between parents, between batches of cells) and resolve as `cancelled`.
   */
  analyse(runId: number, options?: AnalysisOptions): Promise<AnalysisOutcome>;
  cancel(runId: number): void;
}

export interface AnalysisServiceDeps {
  sourceFor(packUrl: string): PackSource;
  /** Work between two looks at the message queue, in ms. */
  sliceMs?: number;
  /** Test hooks (a failing clip); never crosses the worker boundary. */
  hooks?: GridCoverageHooks;
}

const info = (pack: RegionPack): PackInfo => ({
  id: pack.manifest.id,
  levels: [...pack.grid.levels],
  cellsPerLevel: pack.grid.byDepth.map((ids) => ids.length),
  serviceKinds: [...new Set(pack.services.map((s) => s.properties.kind))].sort(),
});

export function createAnalysisService(deps: AnalysisServiceDeps): AnalysisService & {
  /** For callers that already hold a loaded pack in the same thread (node, tests). */
  setPack(pack: RegionPack): PackInfo;
} {
  let pack: RegionPack | null = null;
  /** Bumped by every new pack: runs on an older pack are stale. */
  let generation = 0;
  let latestRun = -Infinity;
  const cancelled = new Set<number>();

  const replacePack = (next: RegionPack | null) => {
    pack = next;
    generation++;
  };

  return {
    async load(packUrl) {
      replacePack(null);
      const mine = generation;
      const { pack: loaded, problems } = await loadRegionPack(deps.sourceFor(packUrl));
      if (mine !== generation) return { ok: false, problems: ['a newer pack replaced this one'] };
      if (!loaded) return { ok: false, problems: problems.map(formatProblem) };
      if (loaded.grid.geometryless) {
        // A tiled pack without its GeoJSON grid: bounding boxes are no basis for areas and gaps.
        return {
          ok: false,
          problems: [
            'the coverage analysis needs the grid geometry: this pack serves its grid only as tiles (add layers.grids)',
          ],
        };
      }
      replacePack(loaded);
      return { ok: true, pack: info(loaded) };
    },

    setPack(next) {
      replacePack(next);
      return info(next);
    },

    async analyse(runId, options = {}) {
      latestRun = Math.max(latestRun, runId);
      const current = pack;
      const mine = generation;
      if (!current) return { status: 'failed', runId, error: 'no pack is loaded' };
      const token = {
        get aborted() {
          return runId < latestRun || cancelled.has(runId) || mine !== generation;
        },
      };
      const started = performance.now();
      try {
        const report = await runSliced(analysisSteps(current, options, deps.hooks), token, deps.sliceMs);
        return { status: 'done', runId, ms: performance.now() - started, report };
      } catch (err) {
        if (err instanceof AnalysisCancelled) return { status: 'cancelled', runId };
        return { status: 'failed', runId, error: err instanceof Error ? err.message : String(err) };
      } finally {
        cancelled.delete(runId);
      }
    },

    cancel(runId) {
      cancelled.add(runId);
    },
  };
}
