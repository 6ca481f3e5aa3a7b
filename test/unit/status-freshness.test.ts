import { describe, expect, it } from 'vitest';
import { StatusFeedError } from '../../src/data/status-errors.ts';
import { freshness, statusHealth } from '../../src/data/status-freshness.ts';
import type { StatusSnapshot } from '../../src/data/status-queries.ts';
import { validFeed } from '../fixtures/status-fixtures.ts';

const INTERVAL = 30_000;
const T0 = Date.parse('2026-05-01T10:30:00+08:00');

describe('freshness', () => {
  it('is waiting before the first feed, fresh up to two intervals, stale after', () => {
    expect(freshness(T0, null, INTERVAL, null)).toEqual({ state: 'waiting', since: null });
    expect(freshness(T0 + 2 * INTERVAL, T0, INTERVAL, null)).toEqual({ state: 'fresh', since: T0 });
    expect(freshness(T0 + 2 * INTERVAL + 1, T0, INTERVAL, null)).toEqual({ state: 'stale', since: T0 });
  });

  it('is failing as soon as the latest poll failed, however recent the data', () => {
    const err = new StatusFeedError('http', 'u', 'HTTP 500', { status: 500 });
    expect(freshness(T0 + 1, T0, INTERVAL, err)).toEqual({ state: 'failing', since: T0 });
    expect(freshness(T0, null, INTERVAL, err)).toEqual({ state: 'failing', since: null });
  });
});

const snapshot: StatusSnapshot = { feed: validFeed(), receivedAt: T0 };
const base = { data: snapshot, error: null, failureReason: null, failureCount: 0, dataUpdatedAt: T0 + 5000 };

describe('statusHealth', () => {
  it('reads the last good snapshot: freshness from when its generation arrived', () => {
    const health = statusHealth(base, T0 + 1000, INTERVAL);
    expect(health).toMatchObject({
      state: 'fresh',
      since: T0,
      generatedAt: validFeed().generatedAt,
      lastPollAt: T0 + 5000,
      error: null,
      rejection: null,
    });
    // Polls keep succeeding with the same generation: the data still goes stale.
    expect(statusHealth(base, T0 + 3 * INTERVAL, INTERVAL).state).toBe('stale');
  });

  it('a transport failure while retrying (failureReason) is failing without an alert', () => {
    const timeout = new StatusFeedError('timeout', 'u', 'no complete answer within 10 s');
    const health = statusHealth({ ...base, failureReason: timeout, failureCount: 1 }, T0 + 1000, INTERVAL);
    expect(health).toMatchObject({ state: 'failing', since: T0, rejection: null, failureCount: 1 });
    expect(health.error?.code).toBe('timeout');
  });

  it('a rejected feed kept in `error` while the next poll runs is failing with its reason for the alert', () => {
    const rejected = new StatusFeedError(
      'schema',
      'u',
      'the feed does not match gridatlas.status/1: format: …',
    );
    const health = statusHealth({ ...base, error: rejected }, T0 + 1000, INTERVAL);
    expect(health.state).toBe('failing');
    expect(health.rejection).toBe(
      'Status feed u: the feed does not match gridatlas.status/1: format: … [schema]',
    );
  });

  it('wraps an unexpected error so the UI always has a code', () => {
    const health = statusHealth({ ...base, data: undefined, error: new Error('boom') }, T0, INTERVAL);
    expect(health).toMatchObject({ state: 'failing', since: null, lastPollAt: null });
    expect(health.error?.code).toBe('network');
  });
});
