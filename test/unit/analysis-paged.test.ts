/**
 * The worker's report in pages (src/analysis/paged-service.ts) and the client putting it back together,
 * over comlink on a real MessageChannel as in analysis-worker-api.test.ts: the same findings, in the
 * same order, as the report sent whole; a run superseded while its pages are fetched is cancelled.
 */
import { expose } from 'comlink';
import { afterEach, describe, expect, it } from 'vitest';
import { createAnalysisClient } from '../../src/analysis/client.ts';
import { pagedAnalysisService } from '../../src/analysis/paged-service.ts';
import { createAnalysisService } from '../../src/analysis/service.ts';
import { event, partner, service } from '../fixtures/analysis-fixtures.ts';
import { buildPackFiles, memorySource } from '../fixtures/tiny-pack.ts';

const files = buildPackFiles({
  id: 'tiny',
  services: [service('S1', 'health', 121.0, 31.0)],
  partners: [partner('P1', 121.001, 31.001)],
  activity: [event('E1', '2026-03-10T09:00+08:00', 121.005, 31.0025)],
});
const plain = () => createAnalysisService({ sourceFor: () => memorySource(files), sliceMs: 0 });

let close: () => void = () => {};
afterEach(() => close());

function connect(exposed: object) {
  const { port1, port2 } = new MessageChannel();
  expose(exposed, port1);
  const client = createAnalysisClient(port2);
  close = () => {
    client.dispose();
    port1.close();
    port2.close();
  };
  return client;
}

describe('a report in pages', () => {
  it('the page gets every finding, in order, as if the report had come whole', async () => {
    const whole = plain();
    await whole.load('packs/tiny/');
    const expected = await whole.analyse(1);
    if (expected.status !== 'done') throw new Error('the reference run did not finish');
    expect(expected.report.findings.length).toBeGreaterThan(3);

    const paged = pagedAnalysisService(plain(), 2);
    await paged.load('packs/tiny/');
    const first = await paged.analyse(1);
    expect(first.status === 'done' && first.report.findings).toHaveLength(2);
    expect(first.findingsTotal).toBe(expected.report.findings.length);

    const client = connect(pagedAnalysisService(plain(), 2));
    await client.load('packs/tiny/');
    const report = await client.analyse();
    expect(report.findings).toEqual(expected.report.findings);
    expect(report.counts).toEqual(expected.report.counts);
  });

  it('pages of a replaced report are gone: the older run is cancelled, the newer one completes', async () => {
    const svc = pagedAnalysisService(plain(), 2);
    await svc.load('packs/tiny/');
    await svc.analyse(1);
    expect(svc.findings(1, 2, 2)).toHaveLength(2);
    await svc.analyse(2);
    expect(svc.findings(1, 2, 2)).toBeNull();

    const client = connect(pagedAnalysisService(plain(), 1));
    await client.load('packs/tiny/');
    const stale = client.analyse();
    const fresh = client.analyse({ serviceKind: 'health' });
    await expect(stale).rejects.toMatchObject({ name: 'AbortError' });
    expect((await fresh).service?.kind).toBe('health');
  });
});
