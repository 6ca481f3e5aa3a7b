/**
 * Where a pack's files come from. The loader only ever asks for pack-relative paths, so the same loader
 * serves the browser (HTTP) and the command-line tools (file system).
 */
export interface PackSource {
  /** Shown in messages, e.g. "data/regions/jiading". */
  readonly label: string;
  /** Resolves with the file's text; rejects with an Error whose message says why (missing, HTTP 404…). */
  read(path: string, signal?: AbortSignal): Promise<string>;
}

/** Reads a pack over HTTP from `baseUrl` (a folder URL ending in "/"). */
export function httpPackSource(baseUrl: string, fetchImpl: typeof fetch = fetch): PackSource {
  return {
    label: baseUrl,
    async read(path, signal) {
      const url = new URL(path, new URL(baseUrl, globalThis.location?.href ?? 'http://127.0.0.1/'));
      const res = await fetchImpl(url, { signal });
      if (!res.ok) throw new Error(`HTTP ${res.status} ${res.statusText}`.trim());
      return res.text();
    },
  };
}
