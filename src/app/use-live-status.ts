import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import type { RuntimeConfig } from '../config/runtime-config.ts';
import type { RegionPack } from '../data/region-pack.ts';
import type { StatusQueryState } from '../data/status-freshness.ts';
import { type LiveStatus, mergeStatus } from '../data/status-merge.ts';
import { statusFeedQuery } from '../data/status-queries.ts';
import { resolveStatusUrl, statusIntervalMs } from '../data/status-url.ts';

export interface LiveStatusState {
  /** The feed URL, or null when neither config nor pack names one (then nothing live is shown). */
  url: string | null;
  /** The pack with the last good feed laid over it (the pack alone before any feed). */
  live: LiveStatus | null;
  /** The poll's state, for statusHealth (null without a feed). The clock that ages it lives in the
   * component that shows it, so the whole app does not re-render every second. */
  query: StatusQueryState | null;
  intervalMs: number;
}

/**
 * Polls the status feed of the shown pack and lays it over the pack. react-query keeps the last good
 * feed through failures; statusHealth says how old it is and why the latest poll failed.
 */
export function useLiveStatus(
  pack: RegionPack | null,
  config: RuntimeConfig,
  packBaseUrl: string | null,
): LiveStatusState {
  const url = pack && packBaseUrl ? resolveStatusUrl(config, pack.manifest, packBaseUrl) : null;
  const intervalMs = statusIntervalMs(config);
  const query = useQuery({
    ...statusFeedQuery({ url: url ?? '', regionId: pack?.manifest.id ?? '', intervalMs }),
    enabled: url !== null,
  });
  const feed = query.data?.feed ?? null;
  const live = useMemo(() => (pack ? mergeStatus(pack, feed) : null), [pack, feed]);
  return { url, live, query: url ? query : null, intervalMs };
}
