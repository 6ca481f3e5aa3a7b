import { queryOptions } from '@tanstack/react-query';
import type { StyleSpecification } from 'maplibre-gl';
import { fetchRuntimeConfig } from '../config/runtime-config.ts';
import { loadPackCore } from './pack-core.ts';
import type { PackIndex } from './pack-index/pack-index.ts';
import type { LoadResult } from './pack-read.ts';
import { httpPackSource } from './pack-source.ts';
import { parseRegionIndex } from './region-index.ts';
import type { PackCore } from './region-pack.ts';
import { z } from './zod.ts';

/** Every input is in the key; every fetch gets the query's AbortSignal. */
export const runtimeConfigQuery = () =>
  queryOptions({
    queryKey: ['runtime-config'],
    queryFn: ({ signal }) => fetchRuntimeConfig(signal),
    staleTime: Number.POSITIVE_INFINITY,
    retry: 1,
  });

export const regionIndexQuery = (regionsBase: string) =>
  queryOptions({
    queryKey: ['region-index', regionsBase],
    queryFn: async ({ signal }) => {
      const text = await httpPackSource(regionsBase).read('index.json', signal);
      const parsed = parseRegionIndex(text);
      if ('error' in parsed) throw new Error(parsed.error);
      return parsed.ids;
    },
    staleTime: Number.POSITIVE_INFINITY,
    retry: 1,
  });

/**
 * The second stage's loader and the pack index built on its result (drill-down, search, panels) are
 * chunks of their own: the first screen does not need them (issue #8's budget).
 */
const loadDetailsModule = () => import('./pack-details.ts');
const loadIndexModule = () => import('./pack-index/pack-index.ts');

export interface DetailsLoadResult extends LoadResult {
  /** The pack's index; null when the pack did not load. */
  index: PackIndex | null;
}

const packSource = (regionsBase: string, regionId: string) =>
  httpPackSource(new URL(`${regionId}/`, new URL(regionsBase, location.href)).href);

/**
 * The page loads a pack in two stages (pack-core.ts, pack-details.ts): the core (what the map draws) and then the
 * details (partners, projects, services, activity), so the map can start drawing before the rest has
 * been read. Both resolve with problems rather than reject; only an abort rejects.
 */
export const packCoreQuery = (regionsBase: string, regionId: string) =>
  queryOptions({
    queryKey: ['region-pack-core', regionsBase, regionId],
    // A tiled pack: its cells from the attribute index (the map draws them from the tiles), even where
    // the pack also lists its GeoJSON grid for the command-line tools.
    queryFn: ({ signal }) => {
      // The second stage's code is fetched while the first stage's files are read and checked.
      void loadDetailsModule();
      void loadIndexModule();
      return loadPackCore(packSource(regionsBase, regionId), {
        expectedId: regionId,
        signal,
        preferIndex: true,
      });
    },
    staleTime: Number.POSITIVE_INFINITY,
    retry: false,
  });

/** `core` is what packCoreQuery of the same two keys resolved with (so it is not part of the key). */
export const packDetailsQuery = (regionsBase: string, regionId: string, core: PackCore | null) =>
  queryOptions({
    queryKey: ['region-pack-details', regionsBase, regionId],
    queryFn: async ({ signal }): Promise<DetailsLoadResult> => {
      if (!core) throw new Error(`no core for pack ${regionId}`);
      const [{ loadPackDetails }, { packIndex }] = await Promise.all([
        loadDetailsModule(),
        loadIndexModule(),
      ]);
      const { pack, problems } = await loadPackDetails(packSource(regionsBase, regionId), core, { signal });
      // The index is built here, once, in the query rather than during a render.
      return { pack, problems, index: pack ? packIndex(pack) : null };
    },
    enabled: core !== null,
    staleTime: Number.POSITIVE_INFINITY,
    retry: false,
  });

const basemapStyleSchema = z.looseObject({
  version: z.literal(8),
  sources: z.record(z.string(), z.unknown()),
  layers: z.array(z.unknown()),
});

/** The optional basemap style named in config.json; MapLibre validates the rest when it applies it. */
export const basemapStyleQuery = (url: string) =>
  queryOptions({
    queryKey: ['basemap-style', url],
    queryFn: async ({ signal }): Promise<StyleSpecification> => {
      const res = await fetch(url, { signal });
      if (!res.ok) throw new Error(`basemap style ${url}: HTTP ${res.status}`);
      const parsed = basemapStyleSchema.safeParse(await res.json().catch(() => null));
      if (!parsed.success)
        throw new Error(`basemap style ${url}: not a MapLibre style (version 8 with sources and layers)`);
      return parsed.data as unknown as StyleSpecification;
    },
    staleTime: Number.POSITIVE_INFINITY,
    retry: 1,
  });

const manifestNameSchema = z.looseObject({
  name: z.object({ zh: z.string(), en: z.optional(z.string()) }),
});

/** Only a pack's name, for the region switcher: the full pack loads when it is chosen. */
export const manifestQuery = (regionsBase: string, regionId: string) =>
  queryOptions({
    queryKey: ['region-manifest', regionsBase, regionId],
    queryFn: async ({ signal }) => {
      const text = await httpPackSource(
        new URL(`${regionId}/`, new URL(regionsBase, location.href)).href,
      ).read('region.json', signal);
      const parsed = manifestNameSchema.safeParse(JSON.parse(text));
      if (!parsed.success) throw new Error(`${regionId}/region.json: no name`);
      return parsed.data;
    },
    staleTime: Number.POSITIVE_INFINITY,
    retry: false,
  });
