import { StatusFeedError } from './status-errors.ts';
import { type ParseContext, parseStatusFeed } from './status-parse.ts';
import type { StatusFeed } from './status-schema.ts';

/** A feed is a few hundred kB at most; anything bigger is a mistake (or an attack on a wall screen). */
export const MAX_FEED_BYTES = 2 * 1024 * 1024;
export const DEFAULT_TIMEOUT_MS = 10_000;

export interface FetchStatusOptions extends Omit<ParseContext, 'url'> {
  /** Give up on a poll after this long, headers and body together. */
  timeoutMs?: number;
  maxBytes?: number;
}

/** Marks the abort that our own timer caused, so it is not mistaken for the caller's. */
const TIMED_OUT = Symbol('status-feed-timeout');

function networkReason(err: unknown): string {
  // Node's fetch wraps the socket error in `cause` ("connect ECONNREFUSED …", "other side closed");
  // browsers say only "Failed to fetch", which is all they are allowed to say.
  const cause = err instanceof Error ? (err.cause as { message?: unknown } | undefined) : undefined;
  if (typeof cause?.message === 'string') return cause.message;
  return err instanceof Error ? err.message : String(err);
}

/**
 * Reads the body while counting bytes, and stops (cancelling the stream) as soon as the cap is passed:
 * an endless or huge body never gets into memory. `res.text()` would read it all first.
 */
async function readCapped(res: Response, url: string, maxBytes: number): Promise<string> {
  const tooLarge = (size: string) =>
    new StatusFeedError(
      'too-large',
      url,
      `the response is larger than ${Math.round(maxBytes / 1024)} kB (${size}); a feed is expected to be much smaller`,
    );
  const declared = Number(res.headers.get('content-length') ?? Number.NaN);
  if (declared > maxBytes) {
    await res.body?.cancel().catch(() => undefined);
    throw tooLarge(`${Math.round(declared / 1024)} kB declared`);
  }
  if (!res.body) return '';
  const reader = res.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel().catch(() => undefined);
      throw tooLarge('stopped reading there');
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new StatusFeedError('json', url, 'the response is not UTF-8 text');
  }
}

function checkResponse(res: Response, url: string): void {
  const type = (res.headers.get('content-type') ?? '').toLowerCase();
  const isHtml = type.includes('text/html') || type.includes('xhtml');
  if (!res.ok) {
    const page = isHtml ? ' (an HTML error page)' : '';
    const text = [`HTTP ${res.status}`, res.statusText].filter(Boolean).join(' ');
    throw new StatusFeedError('http', url, `${text}${page}`, { status: res.status });
  }
  if (isHtml) {
    throw new StatusFeedError(
      'html',
      url,
      `the server sent an HTML page (Content-Type ${type}) instead of the JSON feed`,
      { status: res.status },
    );
  }
}

/**
 * Fetches and parses one poll of the status feed. Resolves with a feed the app can trust, or rejects with
 * a StatusFeedError whose `reason` a user can read. When `signal` aborts (react-query cancelled the poll),
 * it rejects with the signal's reason, unchanged, so the cancellation is not reported as a failure.
 */
export async function fetchStatusFeed(
  url: string,
  signal?: AbortSignal,
  options: FetchStatusOptions = {},
): Promise<StatusFeed> {
  const { timeoutMs = DEFAULT_TIMEOUT_MS, maxBytes = MAX_FEED_BYTES, ...context } = options;
  // One controller for the caller's abort and our timeout; aborting it also closes the connection of a
  // body still being read, so neither a hung server nor a dropped poll leaves a socket behind.
  const controller = new AbortController();
  const onAbort = () => controller.abort(signal?.reason);
  if (signal?.aborted) throw signal.reason;
  signal?.addEventListener('abort', onAbort, { once: true });
  const timer = setTimeout(() => controller.abort(TIMED_OUT), timeoutMs);
  try {
    let text: string;
    let headersReceived = false;
    try {
      const res = await fetch(url, {
        signal: controller.signal,
        cache: 'no-store',
        headers: { Accept: 'application/json' },
      });
      headersReceived = true;
      checkResponse(res, url);
      text = await readCapped(res, url, maxBytes);
    } catch (err) {
      if (err instanceof StatusFeedError) throw err;
      if (signal?.aborted) throw signal.reason;
      if (controller.signal.reason === TIMED_OUT) {
        throw new StatusFeedError('timeout', url, `no complete answer within ${timeoutMs / 1000} s`);
      }
      const what = headersReceived
        ? 'the connection closed before the feed was complete'
        : 'the connection failed';
      throw new StatusFeedError('network', url, `${what} (${networkReason(err)})`);
    }
    return parseStatusFeed(text, { ...context, url });
  } finally {
    clearTimeout(timer);
    signal?.removeEventListener('abort', onAbort);
    // A no-op when the body was read to the end; otherwise it releases the connection.
    controller.abort();
  }
}
