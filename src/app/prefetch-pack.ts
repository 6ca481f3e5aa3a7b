import type { QueryClient } from '@tanstack/react-query';
import { DEFAULT_CONFIG } from '../config/runtime-config.ts';
import { packCoreQuery, regionIndexQuery, runtimeConfigQuery } from '../data/pack-queries.ts';

/** The pack the page opens: the one asked for when index.json offers it, else the first (the default). */
export function chooseRegion(ids: readonly string[], wantedId: string | null): string | null {
  return wantedId && ids.includes(wantedId) ? wantedId : (ids[0] ?? null);
}

/**
 * Starts the request chain config.json → index.json → region.json and the first stage's layers as soon
 * as the script runs, before React renders and MapLibre creates its WebGL context; the hooks then find
 * the same queries already under way (react-query shares one fetch per key). Failures are left to the
 * hooks, which show them.
 */
export async function prefetchFirstPack(client: QueryClient, wantedId: string | null): Promise<void> {
  try {
    const config = await client.ensureQueryData(runtimeConfigQuery());
    const base = config.regionsBase ?? DEFAULT_CONFIG.regionsBase;
    const id = chooseRegion(await client.ensureQueryData(regionIndexQuery(base)), wantedId);
    if (id) await client.prefetchQuery(packCoreQuery(base, id));
  } catch {
    // The hooks retry or report.
  }
}
