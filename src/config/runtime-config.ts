import { z } from '../data/zod.ts';

/** An http(s) URL or a path relative to the page; no other scheme (javascript:, data:, file:). */
const pageUrl = z.string().check(
  z.minLength(1),
  z.refine((u) => {
    if (!/^[a-z][a-z0-9+.-]*:/i.test(u)) return true;
    // Absolute: http(s) only, and parseable, since its origin goes into the CSP.
    return /^https?:\/\//i.test(u) && URL.canParse(u);
  }, 'must be an http(s) URL or a path relative to the page'),
);

/**
 * Deployment settings read at start-up from `config.json` beside index.html, so that a kiosk or an
 * intranet can change them without rebuilding. Everything is optional; the defaults work offline.
 */
export const runtimeConfigSchema = z.strictObject({
  /** Folder (URL, relative to the page) holding index.json and one folder per region pack. */
  regionsBase: z._default(z.string().check(z.minLength(1)), 'regions/'),
  /**
   * An optional MapLibre style URL drawn under the grid (e.g. an intranet tile server), absolute or
   * relative to the page. Off by default: the app makes no request to any host but its own unless
   * this is set.
   */
  basemapStyle: z._default(z.nullable(pageUrl), null),
  /** Extra origins the page may contact (tiles, fonts, status feeds), added to the Content-Security-Policy. */
  allowedOrigins: z._default(z.array(z.url({ protocol: /^https?$/ })), []),
  /**
   * The live status feed (docs/status-feed.md), absolute or relative to the page. When set it wins over
   * the pack's own `status`, so a deployment points at its backend without editing or rebuilding packs.
   * "{region}" in it stands for the pack id (resolveStatusUrl in src/data/status-url.ts).
   */
  statusUrl: z.optional(pageUrl),
  /** How often the status feed is polled. */
  statusIntervalSeconds: z._default(
    z
      .number()
      .check(z.minimum(1, 'must be at least 1 second'), z.maximum(3600, 'must be at most 3600 seconds')),
    30,
  ),
});

export type RuntimeConfig = z.infer<typeof runtimeConfigSchema>;

export const DEFAULT_CONFIG: RuntimeConfig = runtimeConfigSchema.parse({});

/** Origins the page needs besides its own, from every setting that names a host. */
export function externalOrigins(config: RuntimeConfig): string[] {
  const absolute = [config.basemapStyle, config.statusUrl].filter(
    (u): u is string => typeof u === 'string' && /^https?:\/\//i.test(u),
  );
  const urls = [...config.allowedOrigins, ...absolute];
  return [...new Set(urls.map((u) => new URL(u).origin))].sort();
}

/**
 * The Content-Security-Policy for the app: its own origin only, plus the configured hosts. No
 * 'unsafe-eval' (MapLibre 6 does not need it); the map worker is a file of our own ('self');
 * maplibre creates blob: URLs for images it decodes. Served as a header (scripts/serve.ts).
 */
export function contentSecurityPolicy(config: RuntimeConfig): string {
  const extra = externalOrigins(config).join(' ');
  const withExtra = (base: string) => (extra ? `${base} ${extra}` : base);
  return [
    "default-src 'self'",
    "script-src 'self'",
    "worker-src 'self' blob:",
    "style-src 'self' 'unsafe-inline'",
    withExtra("img-src 'self' data: blob:"),
    withExtra("connect-src 'self'"),
    withExtra("font-src 'self' data:"),
    "object-src 'none'",
    "base-uri 'self'",
    "frame-ancestors 'self'",
  ].join('; ');
}

export async function fetchRuntimeConfig(signal?: AbortSignal): Promise<RuntimeConfig> {
  const res = await fetch('config.json', { signal, cache: 'no-cache' });
  // No config file is a normal deployment: use the defaults.
  if (res.status === 404) return DEFAULT_CONFIG;
  if (!res.ok) throw new Error(`config.json: HTTP ${res.status}`);
  let json: unknown;
  try {
    json = await res.json();
  } catch {
    throw new Error('config.json: not valid JSON');
  }
  const parsed = runtimeConfigSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`config.json: ${issue?.path.join('.') || '(root)'}: ${issue?.message ?? 'invalid'}`);
  }
  return parsed.data;
}
