import type { RuntimeConfig } from '../config/runtime-config.ts';
import type { Manifest } from './manifest-schema.ts';

/**
 * Pure: the absolute URL of a region's status feed, or null when it has none.
 * 1. config.json `statusUrl` wins (absolute, or relative to the page): a deployment points at its own
 *    backend without touching the pack. One config serves every pack the app offers, so "{region}" in it
 *    is replaced by the pack's id (e.g. "https://feeds.example.org/{region}/status.json").
 * 2. Otherwise the pack's `status`: an http(s) URL as it is, or a path relative to the pack folder.
 * `packBaseUrl` is the pack folder's absolute URL, ending in "/"; `pageUrl` defaults to the page's.
 */
export function resolveStatusUrl(
  config: Pick<RuntimeConfig, 'statusUrl'>,
  manifest: Pick<Manifest, 'status' | 'id'>,
  packBaseUrl: string,
  pageUrl: string = globalThis.location?.href ?? packBaseUrl,
): string | null {
  if (config.statusUrl !== undefined) {
    const url = config.statusUrl.replaceAll('{region}', encodeURIComponent(manifest.id));
    return new URL(url, pageUrl).href;
  }
  if (manifest.status !== undefined) return new URL(manifest.status, packBaseUrl).href;
  return null;
}

/** The poll interval in milliseconds, from config.json `statusIntervalSeconds` (default 30 s). */
export const statusIntervalMs = (config: Pick<RuntimeConfig, 'statusIntervalSeconds'>): number =>
  config.statusIntervalSeconds * 1000;
