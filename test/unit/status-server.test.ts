/**
 * The real status server (scripts/status-server.ts, a child process on 127.0.0.1) read through the app's
 * real fetcher: no mocked fetch. Faults are switched on the server through /__control.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type StatusErrorCode, StatusFeedError } from '../../src/data/status-errors.ts';
import { fetchStatusFeed } from '../../src/data/status-fetch.ts';
import { mergeStatus } from '../../src/data/status-merge.ts';
import type { StatusFeed } from '../../src/data/status-schema.ts';
import {
  type RunningStatusServer,
  startStatusServer,
  statusPack,
  statusPackFiles,
  writePackDir,
} from '../fixtures/status-fixtures.ts';

const pack = writePackDir(statusPackFiles());
let server: RunningStatusServer;
beforeAll(async () => {
  server = await startStatusServer(pack.dir, ['--seed', '7', '--tick-ms', '0']);
});
afterAll(async () => {
  await server?.stop();
  pack.cleanup();
});
afterEach(async () => {
  await server.control({ fault: 'none', level: 'normal' });
});

const poll = (options: Parameters<typeof fetchStatusFeed>[2] = {}) =>
  fetchStatusFeed(server.feedUrl, undefined, { regionId: 'tiny', timeoutMs: 5000, ...options });

async function failure(options: Parameters<typeof fetchStatusFeed>[2] = {}): Promise<StatusFeedError> {
  try {
    await poll(options);
  } catch (err) {
    if (err instanceof StatusFeedError) return err;
    throw err;
  }
  throw new Error('the poll succeeded');
}

describe('the status server, normal feed', () => {
  it('serves a valid feed for the pack, with CORS and no-store headers', async () => {
    const res = await fetch(server.feedUrl, { headers: { Origin: 'http://127.0.0.1:5173' } });
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(res.headers.get('content-type')).toBe('application/json; charset=utf-8');
    const feed = await poll();
    expect(feed).toMatchObject({ format: 'gridatlas.status/1', region: 'tiny', responseLevel: 'normal' });
    expect(feed.onDuty.map((d) => d.unit)).toEqual(['T1', 'T2']);
  });

  it('advances: projects progress, alerts open on cells of the pack, events arrive, all merge cleanly', async () => {
    const before = await poll();
    const state = await server.control({ advance: 40 });
    const after = await poll();
    expect(state.tick).toBeGreaterThanOrEqual(40);
    expect(Date.parse(after.generatedAt)).toBeGreaterThanOrEqual(Date.parse(before.generatedAt));
    expect(after.projects.length).toBeGreaterThan(0);
    expect(after.alerts.length).toBeGreaterThan(0);
    expect(after.activity.length).toBeGreaterThan(before.activity.length);
    const live = mergeStatus(await statusPack(), after);
    expect(live.dropped).toEqual([]);
    expect(live.changedProjects.size).toBeGreaterThan(0);
    // Events land on the finest cells, in proportion to the people there (C1 holds half of them).
    expect(new Set(after.activity.map((e) => e.cell))).toContain('C1');
  });

  it('scales on-duty counts with the response level', async () => {
    const normal = await poll();
    await server.control({ level: 'emergency' });
    const emergency = await poll();
    const staff = (f: StatusFeed) => f.onDuty.reduce((sum, d) => sum + d.staff, 0);
    expect(emergency.responseLevel).toBe('emergency');
    expect(staff(emergency)).toBeGreaterThan(2 * staff(normal));
  });

  it('says since when the response level holds, and why, and keeps that time while the level stays', async () => {
    await server.control({ level: 'normal' });
    const normal = await poll();
    expect(normal.responseNote).toBeUndefined();
    const before = Date.now();
    await server.control({ level: 'emergency' });
    const raised = await poll();
    const since = Date.parse(raised.responseLevelSince ?? '');
    expect(since).toBeGreaterThanOrEqual(before - 1000);
    expect(since).toBeLessThanOrEqual(Date.parse(raised.generatedAt));
    expect(raised.responseNote).toMatch(/战时/);
    await server.control({ level: 'emergency', advance: 1 });
    expect((await poll()).responseLevelSince).toBe(raised.responseLevelSince);
    await server.control({ level: 'normal' });
  });

  it('counts polls in flight, so overlapping polls would show (the no-overlap test relies on it)', async () => {
    await server.control({ fault: 'slow', delay: 300, resetCounters: true });
    await Promise.all([poll(), poll()]);
    const { requests } = await server.control();
    expect(requests).toEqual({ total: 2, inFlight: 0, maxInFlight: 2, aborted: 0 });
  });

  it('refuses a malformed control request and says why', async () => {
    await expect(server.control({ fault: 'meteor' })).rejects.toThrow(/fault: Invalid option/);
    await expect(server.control({ level: 'calm' })).rejects.toThrow(/level/);
  });
});

describe('each fault gives its typed error, and the feed recovers when it is switched off', () => {
  const cases: [string, Record<string, string | number | boolean>, StatusErrorCode, RegExp, number?][] = [
    ['HTTP 500', { fault: 'http500' }, 'http', /HTTP 500 Internal Server Error \[http\]/],
    ['timeout', { fault: 'timeout' }, 'timeout', /no complete answer within 0.5 s \[timeout\]/, 500],
    ['slow beyond the timeout', { fault: 'slow', delay: 3000 }, 'timeout', /no complete answer/, 500],
    ['truncated JSON', { fault: 'truncated' }, 'truncated', /the JSON stops early after \d+ characters/],
    [
      'invalid schema',
      { fault: 'invalid-schema' },
      'schema',
      /responseLevel: must be one of normal, urgent, emergency \(got "panic"\); .*and \d+ more/,
    ],
    [
      'HTML page with 200',
      { fault: 'html', status: 200 },
      'html',
      /an HTML page \(Content-Type text\/html; charset=utf-8\)/,
    ],
    [
      'HTML page with 502',
      { fault: 'html', status: 502 },
      'http',
      /HTTP 502 Bad Gateway \(an HTML error page\)/,
    ],
    [
      'HTML page labelled as JSON',
      { fault: 'html', mislabelled: true },
      'html',
      /an HTML page instead of the JSON feed/,
    ],
    [
      'oversized, endless body',
      { fault: 'oversized' },
      'too-large',
      /larger than 2048 kB \(stopped reading there\)/,
    ],
    ['connection drop', { fault: 'drop' }, 'network', /the connection closed before the feed was complete/],
    ['another region', { fault: 'wrong-region' }, 'region', /for region "not-tiny", not for "tiny"/],
    ['a clock a day ahead', { fault: 'future' }, 'future', /1440 minutes ahead/],
  ];
  for (const [name, params, code, message, timeoutMs] of cases) {
    it(name, async () => {
      await server.control(params);
      const err = await failure(timeoutMs === undefined ? {} : { timeoutMs });
      expect(err.code).toBe(code);
      expect(err.message).toMatch(message);
      await server.control({ fault: 'none' });
      expect((await poll()).region).toBe('tiny');
    });
  }

  it('out of order: a feed older than the last good one', async () => {
    const good = await poll();
    await server.control({ fault: 'out-of-order' });
    const err = await failure({ previous: good });
    expect(err.code).toBe('out-of-order');
    expect(err.message).toContain(`older than the feed already shown (${good.generatedAt})`);
    await server.control({ fault: 'none' });
    await expect(poll({ previous: good })).resolves.toMatchObject({ region: 'tiny' });
  });

  it('a server that is gone is a network error', async () => {
    const gone = await startStatusServer(pack.dir, ['--tick-ms', '0']);
    await gone.stop();
    const err = await fetchStatusFeed(gone.feedUrl, undefined, { timeoutMs: 5000 }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(StatusFeedError);
    expect((err as StatusFeedError).code).toBe('network');
    expect((err as StatusFeedError).message).toMatch(/the connection failed \(.*ECONNREFUSED/);
  });

  it("an abort by the caller is passed through as the caller's, not reported as a failure", async () => {
    await server.control({ fault: 'timeout' });
    const controller = new AbortController();
    const pending = fetchStatusFeed(server.feedUrl, controller.signal, { timeoutMs: 5000 });
    const reason = new Error('unmounted');
    controller.abort(reason);
    await expect(pending).rejects.toBe(reason);
  });
});
