/**
 * statusFeedQuery in a real QueryClient against the real status server (child process on 127.0.0.1):
 * polling, no overlapping polls, aborts reaching the server, retries with backoff, last good data kept
 * through failures and recovery. Requests are counted by the server (/__control), not by a mock.
 */
import {
  environmentManager,
  QueryClient,
  QueryObserver,
  type QueryObserverResult,
} from '@tanstack/react-query';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { StatusFeedError } from '../../src/data/status-errors.ts';
import { statusHealth } from '../../src/data/status-freshness.ts';
import {
  MAX_RETRIES,
  type StatusSnapshot,
  shouldRetryStatus,
  statusFeedQuery,
  statusRetryDelay,
} from '../../src/data/status-queries.ts';
import {
  type RunningStatusServer,
  startStatusServer,
  statusPackFiles,
  writePackDir,
} from '../fixtures/status-fixtures.ts';

describe('statusFeedQuery options', () => {
  it('puts every input in the key', () => {
    const input = {
      url: 'http://feed/status.json',
      regionId: 'jiading',
      intervalMs: 30_000,
      timeoutMs: 4000,
    };
    expect(statusFeedQuery(input).queryKey).toEqual([
      'status-feed',
      'http://feed/status.json',
      'jiading',
      30_000,
      4000,
    ]);
    // The defaulted timeout is an input too.
    expect(statusFeedQuery({ ...input, timeoutMs: undefined }).queryKey).toEqual([
      'status-feed',
      'http://feed/status.json',
      'jiading',
      30_000,
      10_000,
    ]);
    const keys = [
      statusFeedQuery(input),
      statusFeedQuery({ ...input, url: 'http://other/status.json' }),
      statusFeedQuery({ ...input, regionId: 'putuo' }),
      statusFeedQuery({ ...input, intervalMs: 5000 }),
      statusFeedQuery({ ...input, timeoutMs: 2000 }),
    ].map((o) => JSON.stringify(o.queryKey));
    expect(new Set(keys).size).toBe(keys.length);
    expect(statusFeedQuery(input).refetchInterval).toBe(30_000);
  });

  it('retries transport failures that may pass, never rejected feeds or 404s', () => {
    const err = (code: ConstructorParameters<typeof StatusFeedError>[0], status?: number) =>
      new StatusFeedError(code, 'u', 'x', status === undefined ? {} : { status });
    expect(shouldRetryStatus(0, err('network'))).toBe(true);
    expect(shouldRetryStatus(0, err('timeout'))).toBe(true);
    expect(shouldRetryStatus(0, err('http', 503))).toBe(true);
    expect(shouldRetryStatus(0, err('http', 429))).toBe(true);
    expect(shouldRetryStatus(MAX_RETRIES, err('network'))).toBe(false);
    expect(shouldRetryStatus(0, err('http', 404))).toBe(false);
    for (const code of [
      'schema',
      'json',
      'truncated',
      'html',
      'too-large',
      'region',
      'future',
      'out-of-order',
    ] as const)
      expect(shouldRetryStatus(0, err(code)), code).toBe(false);
  });

  it('backs off exponentially, never beyond one interval', () => {
    expect([0, 1, 2, 3].map((n) => statusRetryDelay(n, 30_000))).toEqual([1000, 2000, 4000, 8000]);
    expect(statusRetryDelay(3, 5000)).toBe(5000);
    expect(statusRetryDelay(10, 600_000)).toBe(30_000);
  });
});

describe('statusFeedQuery against the real status server', () => {
  const pack = writePackDir(statusPackFiles());
  let server: RunningStatusServer;
  let client: QueryClient;
  let stop: (() => void) | undefined;

  beforeAll(async () => {
    // Without a window, react-query assumes a server and schedules no refetch intervals.
    environmentManager.setIsServer(() => false);
    server = await startStatusServer(pack.dir, ['--seed', '5', '--tick-ms', '0']);
  });
  afterAll(async () => {
    await server?.stop();
    pack.cleanup();
  });
  beforeEach(async () => {
    client = new QueryClient();
    await server.control({ fault: 'none', resetCounters: true });
  });
  afterEach(() => {
    stop?.();
    stop = undefined;
    client.clear();
  });

  type Result = QueryObserverResult<StatusSnapshot, StatusFeedError>;

  /** Observes the query like a mounted component; resolves when `until` holds (guarded, not timed). */
  function observe(intervalMs: number, timeoutMs?: number) {
    const options = statusFeedQuery({ url: server.feedUrl, regionId: 'tiny', intervalMs, timeoutMs });
    const observer = new QueryObserver(client, options);
    const waiters: { until: (r: Result) => boolean; resolve: (r: Result) => void }[] = [];
    const check = (r: Result) => {
      for (const w of [...waiters]) {
        if (w.until(r)) {
          waiters.splice(waiters.indexOf(w), 1);
          w.resolve(r);
        }
      }
    };
    stop = observer.subscribe(check);
    return {
      observer,
      query: () => client.getQueryCache().find({ queryKey: options.queryKey }),
      when: (until: (r: Result) => boolean) =>
        new Promise<Result>((resolve, reject) => {
          const guard = setTimeout(() => reject(new Error('condition not reached within 30 s')), 30_000);
          waiters.push({
            until,
            resolve: (r) => {
              clearTimeout(guard);
              resolve(r);
            },
          });
          check(observer.getCurrentResult());
        }),
    };
  }

  const updates = (o: ReturnType<typeof observe>) => o.query()?.state.dataUpdateCount ?? 0;

  it('polls at the interval and shows each new generation', async () => {
    const o = observe(100);
    const first = await o.when((r) => r.isSuccess);
    await server.control({ advance: 5 });
    const later = await o.when((r) => r.data?.feed.generatedAt !== first.data?.feed.generatedAt);
    expect(later.data?.feed.activity.length).toBeGreaterThan(0);
    expect(Date.parse(later.data?.feed.generatedAt ?? '')).toBeGreaterThan(
      Date.parse(first.data?.feed.generatedAt ?? ''),
    );
  });

  it('never overlaps polls while responses are slower than the interval', async () => {
    await server.control({ fault: 'slow', delay: 800 });
    const o = observe(50, 5000);
    // Two slow polls take ~1.6 s, during which the 50 ms interval fires ~30 times.
    await o.when(() => updates(o) >= 2);
    const { requests } = await server.control();
    expect(requests.maxInFlight).toBe(1);
    expect(requests.total).toBeLessThanOrEqual(3);
  });

  it('aborts the running poll on refetch() and on unmount, so the server sees the connection close', async () => {
    const o = observe(60_000, 30_000);
    await o.when((r) => r.isSuccess);
    await server.control({ fault: 'timeout', resetCounters: true });
    const hanging = o.observer.refetch();
    await waitForServer((s) => s.requests.inFlight === 1);
    // With data on screen, refetch() (cancelRefetch) aborts the running poll before it starts another.
    const replacing = o.observer.refetch();
    await waitForServer(
      (s) => s.requests.aborted === 1 && s.requests.total === 2 && s.requests.inFlight === 1,
    );
    // The last observer leaves (unmount): react-query aborts the poll nobody waits for.
    stop?.();
    stop = undefined;
    await waitForServer((s) => s.requests.aborted === 2 && s.requests.inFlight === 0);
    await Promise.all([hanging, replacing]);
  });

  it('retries a failing feed with backoff, keeps the last good data, and recovers', async () => {
    const o = observe(300);
    const good = await o.when((r) => r.isSuccess);
    await server.control({ fault: 'http500', resetCounters: true });
    const failed = await o.when((r) => r.isError);
    // One poll and MAX_RETRIES retries, then react-query gives up until the next interval.
    expect((await server.control()).requests.total).toBeGreaterThanOrEqual(1 + MAX_RETRIES);
    expect(failed.error?.code).toBe('http');
    expect(failed.failureCount).toBe(1 + MAX_RETRIES);
    expect(failed.data).toBe(good.data);
    const health = statusHealth(failed, Date.now(), 300);
    expect(health).toMatchObject({ state: 'failing', since: good.data?.receivedAt, rejection: null });

    await server.control({ fault: 'none', advance: 1 });
    const recovered = await o.when(
      (r) => r.isSuccess && r.data?.feed.generatedAt !== good.data?.feed.generatedAt,
    );
    expect(recovered.error).toBeNull();
    expect(statusHealth(recovered, Date.now(), 300).state).toBe('fresh');
  });

  it('a rejected feed fails at once with its reason for the alert, without retries', async () => {
    const o = observe(200);
    const good = await o.when((r) => r.isSuccess);
    await server.control({ fault: 'invalid-schema', resetCounters: true });
    const failed = await o.when((r) => r.isError);
    expect(failed.failureCount).toBe(1);
    expect(failed.data).toBe(good.data);
    expect(statusHealth(failed, Date.now(), 200).rejection).toMatch(/does not match gridatlas\.status\/1/);
    await server.control({ fault: 'none', advance: 1 });
    await o.when((r) => r.isSuccess && r.data?.feed.generatedAt !== good.data?.feed.generatedAt);
  });

  it('refuses an out-of-order feed against the last good one it holds', async () => {
    const o = observe(200);
    const good = await o.when((r) => r.isSuccess);
    await server.control({ fault: 'out-of-order' });
    const failed = await o.when((r) => r.isError);
    expect(failed.error?.code).toBe('out-of-order');
    expect(failed.data?.feed.generatedAt).toBe(good.data?.feed.generatedAt);
  });

  /** Polls the server's counters until `until` holds (each check is one control request). */
  async function waitForServer(until: (s: Awaited<ReturnType<RunningStatusServer['control']>>) => boolean) {
    for (let i = 0; i < 300; i++) {
      const state = await server.control();
      if (until(state)) return state;
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error(`server state not reached: ${JSON.stringify(await server.control())}`);
  }
});
