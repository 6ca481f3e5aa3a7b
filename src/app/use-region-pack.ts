import { useQuery } from '@tanstack/react-query';
import type { StyleSpecification } from 'maplibre-gl';
import { useEffect, useMemo, useRef, useState } from 'react';
import { DEFAULT_CONFIG, type RuntimeConfig } from '../config/runtime-config.ts';
import type { PackIndex } from '../data/pack-index/pack-index.ts';
import {
  basemapStyleQuery,
  packCoreQuery,
  packDetailsQuery,
  regionIndexQuery,
  runtimeConfigQuery,
} from '../data/pack-queries.ts';
import type { Problem } from '../data/problem.ts';
import type { RegionPack } from '../data/region-pack.ts';
import { deriveMapData, type MapData, withDetailsMapData } from '../layers/map-data.ts';
import { chooseRegion } from './prefetch-pack.ts';

export interface RegionPackState {
  /** The pack on screen: the requested one, or the last one that loaded if the requested one failed. */
  pack: RegionPack | null;
  /** The shown pack's index (drill-down, search, panels), built with its second stage. */
  index: PackIndex | null;
  mapData: MapData | null;
  loading: boolean;
  /**
   * The map shows the first stage of the requested pack (its grid) while the rest is still loading;
   * `pack` is still null (first load) — the page is not settled yet.
   */
  mapAhead: boolean;
  /** The region id that was actually requested from the server. */
  requestedId: string | null;
  /** Problems of the requested pack, when it did not load. */
  problems: Problem[];
  /** The requested id was not in index.json; the default was opened instead. */
  unknownRegion: string | null;
  configError: string | null;
  indexError: string | null;
  /** The configured basemap style, once loaded; null when none is configured or it failed. */
  basemap: StyleSpecification | null;
  basemapError: string | null;
  /** The runtime config (defaults until config.json has loaded, or when it failed). */
  config: RuntimeConfig;
  /** Absolute URL of the shown pack's folder (for paths inside it, like a relative status feed). */
  packBaseUrl: string | null;
  /** The packs index.json offers (empty until it has loaded). */
  regionIds: readonly string[];
  regionsBase: string;
}

export interface RegionPackOptions {
  /** Draw the first pack's grid ahead of the rest of it (false: wait for the whole pack). */
  drawAhead?: boolean;
  /** The id of the pack the map has drawn (its first idle), from MapView's onDrawn. */
  mapDrawn?: string | null;
  /** The map reported an error (no WebGL, a failed style): it may never draw, so do not wait for it. */
  mapFailed?: boolean;
}

/**
 * A safety net: should the map neither draw nor report an error, the rest of the first pack loads after
 * this delay anyway.
 */
const DETAILS_FALLBACK_MS = 30_000;

/**
 * Config → region index → pack, each a query; keeps the last good pack (and its derived map data) on
 * screen when a later load fails, so a broken pack never blanks the map.
 *
 * The first pack loads in two stages: its core (boundary, admin units, grid) goes to the map at once,
 * and the rest (partners, projects, services, activity: panels and search) is read once the map has
 * drawn the core — parsing tens of thousands of events while MapLibre builds its first frame would only
 * delay that frame on the same main thread.
 */
export function useRegionPack(wantedId: string | null, options: RegionPackOptions = {}): RegionPackState {
  const { drawAhead = false, mapDrawn = null, mapFailed = false } = options;
  const config = useQuery(runtimeConfigQuery());
  const regionsBase = (config.data ?? DEFAULT_CONFIG).regionsBase;
  const configSettled = config.isSuccess || config.isError;
  const basemapUrl = config.data?.basemapStyle ?? null;
  const basemap = useQuery({ ...basemapStyleQuery(basemapUrl ?? ''), enabled: basemapUrl !== null });
  const index = useQuery({ ...regionIndexQuery(regionsBase), enabled: configSettled });
  const ids = index.data ?? null;
  const unknownRegion = ids && wantedId && !ids.includes(wantedId) ? wantedId : null;
  const requestedId = ids ? chooseRegion(ids, wantedId) : null;
  // Two stages (see packCoreQuery): the map draws the core as soon as it is in, the rest follows.
  const coreQuery = useQuery({
    ...packCoreQuery(regionsBase, requestedId ?? ''),
    enabled: requestedId !== null,
  });
  const core = coreQuery.data?.core ?? null;
  const coreId = core?.manifest.id ?? null;
  const lastGood = useRef<{ pack: RegionPack; index: PackIndex; mapData: MapData } | null>(null);
  const [released, setReleased] = useState<string | null>(null);
  const holdDetails =
    drawAhead &&
    !mapFailed &&
    !lastGood.current &&
    coreId !== null &&
    mapDrawn !== coreId &&
    released !== coreId;
  useEffect(() => {
    if (!holdDetails || coreId === null) return;
    const timer = setTimeout(() => setReleased(coreId), DETAILS_FALLBACK_MS);
    return () => clearTimeout(timer);
  }, [holdDetails, coreId]);
  const detailsQuery = useQuery({
    ...packDetailsQuery(regionsBase, requestedId ?? '', core),
    enabled: core !== null && !holdDetails,
  });
  const coreMapData = useMemo(
    () =>
      core
        ? deriveMapData(core, new URL(`${core.manifest.id}/`, new URL(regionsBase, location.href)).href)
        : null,
    [core, regionsBase],
  );
  const loaded = detailsQuery.data?.pack ?? null;
  const loadedIndex = detailsQuery.data?.index ?? null;
  // The overlays (partners, projects, services, activity) join the map once the details have loaded.
  const fullMapData = useMemo(
    () => (loaded && coreMapData ? withDetailsMapData(coreMapData, loaded) : null),
    [loaded, coreMapData],
  );
  if (loaded && loadedIndex && fullMapData)
    lastGood.current = { pack: loaded, index: loadedIndex, mapData: fullMapData };
  useEffect(() => {
    if (loaded) performance.mark('gridatlas:pack-ready', { detail: loaded.manifest.id });
  }, [loaded]);
  const failed = (coreQuery.data && !core) || (detailsQuery.data && !loaded);
  // Only the first pack is drawn ahead of its details: when another pack is on screen, it stays there
  // (with its panels) until the new one has loaded completely, as a broken pack must never replace it.
  const mapAhead = drawAhead && !lastGood.current && !failed && coreMapData !== null;
  const problems = coreQuery.data && !core ? coreQuery.data.problems : (detailsQuery.data?.problems ?? []);

  return {
    pack: lastGood.current?.pack ?? null,
    index: lastGood.current?.index ?? null,
    mapData: lastGood.current?.mapData ?? (mapAhead ? coreMapData : null),
    loading:
      config.isPending ||
      index.isPending ||
      (requestedId !== null && (coreQuery.isPending || (core !== null && detailsQuery.isPending))),
    mapAhead,
    requestedId,
    problems: loaded ? [] : problems,
    unknownRegion,
    configError: config.error ? config.error.message : null,
    indexError: index.error ? index.error.message : null,
    basemap: basemap.data ?? null,
    basemapError: basemap.error ? basemap.error.message : null,
    config: config.data ?? DEFAULT_CONFIG,
    regionIds: ids ?? [],
    regionsBase,
    packBaseUrl: lastGood.current
      ? new URL(`${lastGood.current.pack.manifest.id}/`, new URL(regionsBase, location.href)).href
      : null,
  };
}
