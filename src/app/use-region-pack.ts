import { useQuery } from '@tanstack/react-query';
import type { StyleSpecification } from 'maplibre-gl';
import { useMemo, useRef } from 'react';
import { DEFAULT_CONFIG, type RuntimeConfig } from '../config/runtime-config.ts';
import {
  basemapStyleQuery,
  regionIndexQuery,
  regionPackQuery,
  runtimeConfigQuery,
} from '../data/pack-queries.ts';
import type { Problem } from '../data/problem.ts';
import type { RegionPack } from '../data/region-pack.ts';
import { deriveMapData, type MapData } from '../layers/map-data.ts';

export interface RegionPackState {
  /** The pack on screen: the requested one, or the last one that loaded if the requested one failed. */
  pack: RegionPack | null;
  mapData: MapData | null;
  loading: boolean;
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

/**
 * Config → region index → pack, each a query; keeps the last good pack (and its derived map data) on
 * screen when a later load fails, so a broken pack never blanks the map.
 */
export function useRegionPack(wantedId: string | null): RegionPackState {
  const config = useQuery(runtimeConfigQuery());
  const regionsBase = (config.data ?? DEFAULT_CONFIG).regionsBase;
  const configSettled = config.isSuccess || config.isError;
  const basemapUrl = config.data?.basemapStyle ?? null;
  const basemap = useQuery({ ...basemapStyleQuery(basemapUrl ?? ''), enabled: basemapUrl !== null });
  const index = useQuery({ ...regionIndexQuery(regionsBase), enabled: configSettled });
  const ids = index.data ?? null;
  const unknownRegion = ids && wantedId && !ids.includes(wantedId) ? wantedId : null;
  const requestedId = ids ? (wantedId && ids.includes(wantedId) ? wantedId : (ids[0] ?? null)) : null;
  const packQuery = useQuery({
    ...regionPackQuery(regionsBase, requestedId ?? ''),
    enabled: requestedId !== null,
  });
  const loaded = packQuery.data?.pack ?? null;
  const mapData = useMemo(() => (loaded ? deriveMapData(loaded) : null), [loaded]);

  const lastGood = useRef<{ pack: RegionPack; mapData: MapData } | null>(null);
  if (loaded && mapData) lastGood.current = { pack: loaded, mapData };

  return {
    pack: lastGood.current?.pack ?? null,
    mapData: lastGood.current?.mapData ?? null,
    loading: config.isPending || index.isPending || (requestedId !== null && packQuery.isPending),
    requestedId,
    problems: packQuery.data && !packQuery.data.pack ? packQuery.data.problems : [],
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
