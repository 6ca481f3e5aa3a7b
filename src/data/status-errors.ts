/**
 * Why a status poll gave no usable feed. Two families, because the UI treats them differently
 * (docs/status-feed.md, "What the app does with a bad feed"):
 * - transport problems (`rejected: false`): the feed could not be fetched — HTTP error, network, timeout.
 *   Usually passing; they are retried with backoff and shown as a stale banner.
 * - rejected feeds (`rejected: true`): a response arrived but is not a feed the app can trust — not JSON,
 *   cut short, an HTML page, too big, the wrong schema, another region, a time that cannot be right.
 *   Retrying at once would get the same answer; they are shown as an alert naming the reason.
 */
export const STATUS_ERROR_CODES = {
  http: false,
  network: false,
  timeout: false,
  html: true,
  'too-large': true,
  truncated: true,
  json: true,
  schema: true,
  region: true,
  future: true,
  'out-of-order': true,
} as const satisfies Record<string, boolean>;

export type StatusErrorCode = keyof typeof STATUS_ERROR_CODES;

/** One broken rule in a rejected feed: where (a dotted path such as "alerts.2.kind"), what, and the value. */
export interface StatusIssue {
  rule: string;
  path: string;
  message: string;
  /** The offending value, shortened for display; absent when nothing was there. */
  value?: string;
}

export interface StatusErrorDetails {
  /** HTTP status, for `http` (and `html` when it came with one). */
  status?: number;
  /** Schema issues, for `schema`. */
  issues?: StatusIssue[];
}

export class StatusFeedError extends Error {
  override readonly name = 'StatusFeedError';
  readonly code: StatusErrorCode;
  /** True when a response arrived but was refused; false when none arrived (see the file comment). */
  readonly rejected: boolean;
  readonly url: string;
  readonly status: number | undefined;
  readonly issues: readonly StatusIssue[];

  /** `reason` is one user-readable sentence; the message adds the feed URL. */
  constructor(code: StatusErrorCode, url: string, reason: string, details: StatusErrorDetails = {}) {
    super(`Status feed ${url}: ${reason} [${code}]`);
    this.code = code;
    this.rejected = STATUS_ERROR_CODES[code];
    this.url = url;
    this.status = details.status;
    this.issues = details.issues ?? [];
  }
}

/** Shortens any value for a message; strings are quoted so that "" and " " stay visible. */
export function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  let shown: string;
  try {
    shown = JSON.stringify(value) ?? String(value);
  } catch {
    shown = String(value);
  }
  return shown.length > 60 ? `${shown.slice(0, 57)}…` : shown;
}

export function formatIssue(issue: StatusIssue): string {
  const got = issue.value === undefined ? '' : ` (got ${issue.value})`;
  return `${issue.path || '(root)'}: ${issue.message}${got}`;
}
