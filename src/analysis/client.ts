import { type Endpoint, type Remote, releaseProxy, wrap } from 'comlink';
import type { AnalysisOptions, CoverageReport } from './analyse-pack.ts';
import type { Finding } from './finding.ts';
import type { PagedAnalysisService } from './paged-service.ts';
import type { LoadOutcome } from './service.ts';

/**
 * The page's handle on the analysis worker. Only types are imported from the analysis, so none of its
 * code (turf, polyclip) lands in the page's bundle; every call is a promise the page awaits.
 */
export interface AnalysisClient {
  /** Loads the pack at a folder URL (resolved against the page, not the worker script) in the worker. */
  load(packUrl: string): Promise<LoadOutcome>;
  /**
   * Analyses the loaded pack. A later call, `cancel()` or an aborted `signal` stops this run at its next
   * check; its promise then rejects with a DOMException named "AbortError" (what fetch and react-query
   * expect). Failures (bad options, no pack) reject with an Error saying why.
   */
  analyse(options?: AnalysisOptions, signal?: AbortSignal): Promise<CoverageReport>;
  /** Stops the current run, if any. */
  cancel(): void;
  /** Ends the worker (when this client created it). */
  dispose(): void;
}

const abortError = () => new DOMException('the analysis was cancelled', 'AbortError');

/**
 * @param endpoint where the service runs; default: a new module worker on worker.ts. Tests pass one end
 *   of a MessageChannel whose other end exposes the service.
 */
export function createAnalysisClient(endpoint?: Endpoint): AnalysisClient {
  const worker = endpoint ? null : new Worker(new URL('./worker.ts', import.meta.url), { type: 'module' });
  // The worker serves reports in pages (paged-service.ts); a plain AnalysisService (tests) sends them whole.
  const remote: Remote<PagedAnalysisService> = wrap<PagedAnalysisService>(endpoint ?? (worker as Worker));
  let runId = 0;

  return {
    load(packUrl) {
      const base = globalThis.location?.href;
      return remote.load(base ? new URL(packUrl, base).href : packUrl);
    },

    async analyse(options = {}, signal) {
      if (signal?.aborted) throw abortError();
      const id = ++runId;
      const onAbort = () => void remote.cancel(id);
      signal?.addEventListener('abort', onAbort, { once: true });
      try {
        const outcome = await remote.analyse(id, options);
        if (outcome.status === 'cancelled') throw abortError();
        if (outcome.status === 'failed') throw new Error(outcome.error);
        const { report, findingsTotal } = outcome;
        if (findingsTotal === undefined) return report;
        // The rest of the findings, a page per message (each decoded in its own short task).
        const findings: Finding[] = [...report.findings];
        while (findings.length < findingsTotal) {
          if (signal?.aborted || id !== runId) throw abortError();
          const page = await remote.findings(id, findings.length, report.findings.length);
          if (page === null || page.length === 0) throw abortError();
          for (const f of page) findings.push(f);
        }
        return { ...report, findings };
      } finally {
        signal?.removeEventListener('abort', onAbort);
      }
    },

    cancel() {
      void remote.cancel(runId);
    },

    dispose() {
      remote[releaseProxy]();
      worker?.terminate();
    },
  };
}
