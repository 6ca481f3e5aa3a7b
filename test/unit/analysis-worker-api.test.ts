/**
 * The worker's API in node: the service object the worker exposes, and the page's client talking to it
 * through comlink over a real MessageChannel (the transport a Worker uses), so the test exercises the
 * same messages without a browser. Cancellation: a newer run, an explicit cancel and an AbortSignal.
 */
import { expose } from 'comlink';
import { afterEach, describe, expect, it } from 'vitest';
import { analysisSteps } from '../../src/analysis/analyse-pack.ts';
import { createAnalysisClient } from '../../src/analysis/client.ts';
import { createAnalysisService } from '../../src/analysis/service.ts';
import { AnalysisCancelled, runSliced } from '../../src/analysis/steps.ts';
import { event, loadTiny, service } from '../fixtures/analysis-fixtures.ts';
import { buildPackFiles, memorySource } from '../fixtures/tiny-pack.ts';

const files = buildPackFiles({
  id: 'tiny',
  services: [service('S1', 'health', 121.0, 31.0)],
  activity: [event('E1', '2026-03-10T09:00+08:00', 121.005, 31.0025)],
});
const makeService = () => createAnalysisService({ sourceFor: () => memorySource(files), sliceMs: 0 });

describe('cancellation of a run', () => {
  it('runSliced stops at the first check after the token flips and throws AnalysisCancelled', async () => {
    const pack = await loadTiny({});
    let checks = 0;
    const token = {
      get aborted() {
        checks++;
        return checks > 2;
      },
    };
    await expect(runSliced(analysisSteps(pack), token, 0)).rejects.toBeInstanceOf(AnalysisCancelled);
    expect(checks).toBe(3);
  });

  it('a newer run supersedes an older one still running; the newer one completes', async () => {
    const svc = makeService();
    expect(await svc.load('packs/tiny/')).toMatchObject({
      ok: true,
      pack: { id: 'tiny', cellsPerLevel: [2, 4] },
    });
    const first = svc.analyse(1);
    const second = svc.analyse(2, { serviceRadiusM: 500 });
    expect(await first).toEqual({ status: 'cancelled', runId: 1 });
    const done = await second;
    expect(done.status).toBe('done');
    expect(done.status === 'done' && done.report.options.serviceRadiusM).toBe(500);
  });

  it('an explicit cancel stops a run; bad options fail with a sentence; no pack, no run', async () => {
    const svc = makeService();
    expect(await svc.analyse(1)).toEqual({ status: 'failed', runId: 1, error: 'no pack is loaded' });
    await svc.load('packs/tiny/');
    const run = svc.analyse(2);
    svc.cancel(2);
    expect(await run).toEqual({ status: 'cancelled', runId: 2 });
    expect(await svc.analyse(3, { activityFrom: 'yesterday' })).toMatchObject({ status: 'failed', runId: 3 });
  });
});

describe('the client over comlink', () => {
  let close: () => void = () => {};
  afterEach(() => close());

  function connect() {
    const { port1, port2 } = new MessageChannel();
    expose(makeService(), port1);
    const client = createAnalysisClient(port2);
    close = () => {
      client.dispose();
      port1.close();
      port2.close();
    };
    return client;
  }

  it('loads and analyses with promises only; a superseded call rejects with an AbortError', async () => {
    const client = connect();
    expect(await client.load('packs/tiny/')).toMatchObject({ ok: true });
    const stale = client.analyse();
    const fresh = client.analyse({ serviceKind: 'health' });
    await expect(stale).rejects.toMatchObject({ name: 'AbortError' });
    const report = await fresh;
    expect(report.region.id).toBe('tiny');
    expect(report.service?.kind).toBe('health');
    // Findings cross the boundary as plain data.
    expect(report.findings.every((f) => typeof f.message === 'string')).toBe(true);
  });

  it('an AbortSignal cancels the run; options it cannot read reject with the reason', async () => {
    const client = connect();
    await client.load('packs/tiny/');
    const controller = new AbortController();
    const run = client.analyse({}, controller.signal);
    controller.abort();
    await expect(run).rejects.toMatchObject({ name: 'AbortError' });
    await expect(client.analyse({ activityTo: '2026-02-30T25:00' })).rejects.toThrow(/UTC offset|not an ISO/);
  });
});
