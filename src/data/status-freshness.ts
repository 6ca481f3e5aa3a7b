import { StatusFeedError } from './status-errors.ts';
import type { StatusSnapshot } from './status-queries.ts';

/**
 * - waiting: no feed yet and no failure yet (the first poll is running);
 * - fresh:   the last good feed is at most two intervals old and the latest poll did not fail;
 * - stale:   the last good feed is older than two intervals (polls stopped, or the feed stopped moving);
 * - failing: the latest poll failed; what is shown is the last good feed, if any.
 */
export type FreshnessState = 'waiting' | 'fresh' | 'stale' | 'failing';

export interface Freshness {
  state: FreshnessState;
  /** When the data on screen was received (the last good update), or null when there is none. */
  since: number | null;
}

/**
 * Pure: how trustworthy the live data on screen is. `lastError` is anything non-null when the latest
 * poll failed (and null after a success).
 */
export function freshness(
  now: number,
  lastGoodAt: number | null,
  intervalMs: number,
  lastError: unknown,
): Freshness {
  const since = lastGoodAt;
  if (lastError !== null && lastError !== undefined) return { state: 'failing', since };
  if (lastGoodAt === null) return { state: 'waiting', since };
  return { state: now - lastGoodAt > 2 * intervalMs ? 'stale' : 'fresh', since };
}

/** The fields of a react-query result that statusHealth reads (UseQueryResult has them all). */
export interface StatusQueryState {
  data: StatusSnapshot | undefined;
  error: Error | null;
  failureReason: Error | null;
  failureCount: number;
  dataUpdatedAt: number;
}

export interface StatusHealth extends Freshness {
  /** The failure of the latest poll, or null. */
  error: StatusFeedError | null;
  /**
   * Set when the latest response was refused (bad JSON, wrong schema, HTML page, too large…): the
   * reason to show in a role="alert" element. Null for transport failures, which are a stale banner.
   */
  rejection: string | null;
  /** The feed's own generation time (ISO, from the producer's clock), or null. */
  generatedAt: string | null;
  /** Client time of the last successful poll (it may have brought the same generation again), or null. */
  lastPollAt: number | null;
  /** Failed attempts of the poll running now (resets when a new poll starts). */
  failureCount: number;
}

function asStatusError(err: Error): StatusFeedError {
  return err instanceof StatusFeedError ? err : new StatusFeedError('network', '(status feed)', err.message);
}

/**
 * Everything the banner and alert need from the status query. The latest failure is `failureReason`
 * while react-query is still retrying (it is set at each failed attempt) and `error` once it gave up;
 * `error` stays set through later polls until one succeeds, while `failureReason` is reset each time a
 * poll starts. Reading only `error` would hide failures during the retries; only `failureReason`, would
 * blink back to "fresh" at every new poll.
 */
export function statusHealth(query: StatusQueryState, now: number, intervalMs: number): StatusHealth {
  const raw = query.failureReason ?? query.error;
  const error = raw ? asStatusError(raw) : null;
  const lastGoodAt = query.data?.receivedAt ?? null;
  return {
    ...freshness(now, lastGoodAt, intervalMs, error),
    error,
    rejection: error?.rejected ? error.message : null,
    generatedAt: query.data?.feed.generatedAt ?? null,
    lastPollAt: query.data && query.dataUpdatedAt > 0 ? query.dataUpdatedAt : null,
    failureCount: query.failureCount,
  };
}
