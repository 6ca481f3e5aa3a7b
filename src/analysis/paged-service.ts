import type { Finding } from './finding.ts';
import type { AnalysisOutcome, AnalysisService } from './service.ts';

/**
 * A finished report crosses to the page in pages of findings rather than in one message. A district's
 * report is ~1 MB of small objects (3,000+ findings); the page decodes a message in one task, and one
 * task of 25–40 ms (more on a busy machine) is too close to the 50 ms a page may block. Pages of a few
 * hundred findings decode in a few ms each, in separate tasks. The client (client.ts) fetches the rest.
 */
export const FINDINGS_PAGE = 400;

export type PagedOutcome = AnalysisOutcome & {
  /** Set when `report.findings` holds only the first page: the number of findings in all. */
  findingsTotal?: number;
};

export interface PagedAnalysisService extends AnalysisService {
  analyse(runId: number, options?: Parameters<AnalysisService['analyse']>[1]): Promise<PagedOutcome>;
  /** Findings [offset, offset + count) of run `runId`'s report; null once a newer run replaced it. */
  findings(runId: number, offset: number, count: number): Finding[] | null;
}

export function pagedAnalysisService(service: AnalysisService, page = FINDINGS_PAGE): PagedAnalysisService {
  /** The latest finished report's findings, kept until the page has fetched them or a newer run ends. */
  let kept: { runId: number; findings: Finding[] } | null = null;
  return {
    load: (url) => {
      kept = null;
      return service.load(url);
    },
    cancel: (runId) => service.cancel(runId),
    async analyse(runId, options) {
      const outcome = await service.analyse(runId, options);
      if (outcome.status !== 'done' || outcome.report.findings.length <= page) return outcome;
      const { findings } = outcome.report;
      kept = { runId, findings };
      return {
        ...outcome,
        report: { ...outcome.report, findings: findings.slice(0, page) },
        findingsTotal: findings.length,
      };
    },
    findings(runId, offset, count) {
      if (kept?.runId !== runId) return null;
      const slice = kept.findings.slice(offset, offset + count);
      if (offset + count >= kept.findings.length) kept = null;
      return slice;
    },
  };
}
