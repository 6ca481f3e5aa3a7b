import { queryOptions } from '@tanstack/react-query';
import { StatusFeedError } from './status-errors.ts';
import type { StatusFeed } from './status-schema.ts';

export interface StatusFeedQueryInput {
  /** Absolute URL of the feed (see resolveStatusUrl). */
  url: string;
  /** The pack shown; a feed for another region is refused. */
  regionId: string;
  /** Poll every this many ms (config `statusIntervalSeconds` × 1000). */
  intervalMs: number;
  /** Give up on one poll after this long; defaults to the interval, between 1 and 10 s. */
  timeoutMs?: number;
}

/** What the query holds: the last good feed and when this computer first received that generation. */
export interface StatusSnapshot {
  feed: StatusFeed;
  /**
   * Client clock time at which the current `generatedAt` was first received. A server that keeps
   * answering with the same old feed (a frozen producer, a cache ignoring no-store) does not move it,
   * so freshness() shows the data as stale although every poll "succeeds".
   */
  receivedAt: number;
}

export const MAX_RETRIES = 3;

export const defaultTimeoutMs = (intervalMs: number): number => Math.min(10_000, Math.max(1_000, intervalMs));

/**
 * Only transport failures that may pass are retried: network, timeout, HTTP 5xx, 408 and 429. A rejected
 * feed (bad JSON, wrong schema, HTML…) would be rejected again a second later, and a 404 stays a 404;
 * those wait for the next poll.
 */
export function shouldRetryStatus(failureCount: number, error: unknown): boolean {
  if (failureCount >= MAX_RETRIES || !(error instanceof StatusFeedError)) return false;
  if (error.code === 'network' || error.code === 'timeout') return true;
  const status = error.status ?? 0;
  return error.code === 'http' && (status >= 500 || status === 408 || status === 429);
}

/** Exponential backoff: 1 s, 2 s, 4 s…, never longer than one interval (nor 30 s). */
export const statusRetryDelay = (failureCount: number, intervalMs: number): number =>
  Math.min(1000 * 2 ** failureCount, intervalMs, 30_000);

/**
 * The live status feed of one region, polled every `intervalMs`.
 *
 * - Every input is in the key; a new URL, region, interval or timeout is a new query.
 * - The query's AbortSignal goes to fetch: a cancelled poll (unmount, key change, `refetch()`) closes
 *   its connection.
 * - Polls never overlap: an interval tick while a poll is running joins that poll instead of starting a
 *   second one (react-query dedupes fetches of one query unless `cancelRefetch` is asked for, and then it
 *   aborts the running one first), and every poll ends within `timeoutMs`, so a hung server cannot
 *   stall polling either.
 * - On failure `data` keeps the last good snapshot; read health with statusHealth() (status-freshness.ts).
 */
export const statusFeedQuery = ({ url, regionId, intervalMs, timeoutMs }: StatusFeedQueryInput) => {
  const timeout = timeoutMs ?? defaultTimeoutMs(intervalMs);
  return queryOptions<StatusSnapshot, StatusFeedError>({
    queryKey: ['status-feed', url, regionId, intervalMs, timeout],
    queryFn: async ({ signal, client, queryKey }) => {
      const previous = client.getQueryData<StatusSnapshot>(queryKey);
      // Loaded with the first poll: a page without a feed never downloads the fetcher and its schema.
      const { fetchStatusFeed } = await import('./status-fetch.ts');
      const feed = await fetchStatusFeed(url, signal, {
        regionId,
        timeoutMs: timeout,
        previous: previous?.feed ?? null,
      });
      const same = previous !== undefined && previous.feed.generatedAt === feed.generatedAt;
      return { feed, receivedAt: same ? previous.receivedAt : Date.now() };
    },
    refetchInterval: intervalMs,
    // Mounting another component that reads the feed must not trigger an extra poll.
    staleTime: intervalMs,
    retry: shouldRetryStatus,
    retryDelay: (failureCount) => statusRetryDelay(failureCount, intervalMs),
    // With the default 'online' mode a browser that believes it is offline pauses the poll silently;
    // on an intranet wall screen navigator.onLine is unreliable, and a failed poll is the honest answer.
    networkMode: 'always',
  });
};
