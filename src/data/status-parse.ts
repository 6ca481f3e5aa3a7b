import { describeValue, formatIssue, StatusFeedError, type StatusIssue } from './status-errors.ts';
import { STATUS_FORMAT, type StatusFeed, statusFeedSchema } from './status-schema.ts';

/**
 * How far ahead of this computer's clock a feed's `generatedAt` may be. Servers and screens are
 * NTP-synchronised to within seconds; five minutes more means a wrong clock or a wrong date, and such a
 * feed would look "fresh" for hours.
 */
export const MAX_CLOCK_SKEW_MS = 5 * 60_000;

export interface ParseContext {
  /** Named in messages. */
  url?: string;
  /** The pack the app shows; a feed for any other region is refused. */
  regionId?: string;
  /** Milliseconds since the epoch; defaults to Date.now(). */
  now?: number;
  /** The last good feed: a feed generated before it is refused as out of order. */
  previous?: Pick<StatusFeed, 'generatedAt'> | null;
}

/**
 * True when the text looks like the start of a JSON object or array that stopped early: the scan ends
 * inside a string or with brackets still open. Engines word JSON.parse errors differently (V8 "Unexpected
 * end of JSON input", Firefox "end of data"), so the cut is detected here rather than from the message.
 */
export function looksTruncated(text: string): boolean {
  const t = text.trim();
  if (t[0] !== '{' && t[0] !== '[') return false;
  let depth = 0;
  let inString = false;
  let escaped = false;
  for (let i = 0; i < t.length; i++) {
    const ch = t[i];
    if (inString) {
      if (escaped) escaped = false;
      else if (ch === '\\') escaped = true;
      else if (ch === '"') inString = false;
    } else if (ch === '"') inString = true;
    else if (ch === '{' || ch === '[') depth++;
    else if (ch === '}' || ch === ']') {
      depth--;
      // The top-level value closed: whatever is wrong, the text was not cut short.
      if (depth === 0) return false;
    }
  }
  return true;
}

/** An HTML page where JSON belongs: a proxy's or login page's answer. A BOM and whitespace may lead. */
export const looksLikeHtml = (text: string): boolean =>
  text
    .replace(/^\uFEFF/, '')
    .trimStart()
    .startsWith('<');

function parseJson(text: string, url: string): unknown {
  if (text.trim() === '') throw new StatusFeedError('json', url, 'the response is empty, not JSON');
  if (looksLikeHtml(text)) {
    throw new StatusFeedError('html', url, 'the server sent an HTML page instead of the JSON feed');
  }
  try {
    return JSON.parse(text);
  } catch (err) {
    const reason = err instanceof Error ? err.message : String(err);
    if (looksTruncated(text)) {
      throw new StatusFeedError(
        'truncated',
        url,
        `the JSON stops early after ${text.length} characters (the response was cut short)`,
      );
    }
    throw new StatusFeedError('json', url, `the response is not valid JSON (${reason})`);
  }
}

const MAX_LISTED_ISSUES = 3;

/**
 * Turns the text of one poll into a feed, or throws a StatusFeedError saying why not: not JSON, cut
 * short, an HTML page, the wrong schema (each issue with its rule, path and value), another region, a
 * time in the future or before the last good feed. References to the pack's ids are checked later, by
 * mergeStatus, because only it has the pack (docs/status-feed.md, "Unknown ids").
 */
export function parseStatusFeed(text: string, context: ParseContext = {}): StatusFeed {
  const url = context.url ?? 'status feed';
  const json = parseJson(text, url);
  const parsed = statusFeedSchema.safeParse(json, { reportInput: true });
  if (!parsed.success) {
    const issues: StatusIssue[] = parsed.error.issues.map((issue) => {
      const out: StatusIssue = {
        rule: 'schema',
        path: issue.path.map(String).join('.'),
        message: issue.message,
      };
      if ('input' in issue) out.value = describeValue(issue.input);
      return out;
    });
    const listed = issues.slice(0, MAX_LISTED_ISSUES).map(formatIssue).join('; ');
    const more = issues.length > MAX_LISTED_ISSUES ? `; and ${issues.length - MAX_LISTED_ISSUES} more` : '';
    throw new StatusFeedError('schema', url, `the feed does not match ${STATUS_FORMAT}: ${listed}${more}`, {
      issues,
    });
  }
  const feed = parsed.data;
  if (context.regionId !== undefined && feed.region !== context.regionId) {
    throw new StatusFeedError(
      'region',
      url,
      `the feed is for region "${feed.region}", not for "${context.regionId}"`,
    );
  }
  const generated = Date.parse(feed.generatedAt);
  const now = context.now ?? Date.now();
  if (generated - now > MAX_CLOCK_SKEW_MS) {
    const minutes = Math.round((generated - now) / 60_000);
    throw new StatusFeedError(
      'future',
      url,
      `generatedAt ${feed.generatedAt} is ${minutes} minutes ahead of this computer's clock`,
    );
  }
  const previous = context.previous?.generatedAt;
  if (previous !== undefined && generated < Date.parse(previous)) {
    throw new StatusFeedError(
      'out-of-order',
      url,
      `generatedAt ${feed.generatedAt} is older than the feed already shown (${previous})`,
    );
  }
  return feed;
}
