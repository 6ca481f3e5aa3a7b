import { z } from 'zod';
import { localizedName } from './localized.ts';

export const PACK_FORMAT = 'gridatlas.region/1';

const namedId = z.object({ id: z.string().regex(/^[A-Za-z0-9_-]+$/), name: localizedName }).loose();

/** A pack-relative path: no scheme, no absolute path, no escaping the pack folder. */
const packPath = z
  .string()
  .min(1)
  .refine((p) => !/^[a-z]+:/i.test(p) && !p.startsWith('/') && !p.split('/').includes('..'), {
    message: 'must be a path inside the pack folder (no URL, no leading "/", no "..")',
  });

/** The status feed may live on another server, so it alone may be an http(s) URL. */
const pathOrUrl = z.union([z.url({ protocol: /^https?$/ }), packPath]);

/**
 * Grid levels served as vector tiles instead of GeoJSON (docs/region-pack.md, "Grid levels as vector
 * tiles"): a `{z}/{x}/{y}` URL template or a `.pmtiles` archive, inside the pack or on a tile server,
 * and the attribute index the page reads cells from (search, panels, drill-down).
 */
export const gridTilesSchema = z
  .object({
    tiles: z
      .union([
        // Braces are not allowed in a URL as such: test the template with them replaced.
        z.string().refine((u) => /^https?:\/\//i.test(u) && URL.canParse(u.replace(/[{}]/g, '')), {
          message: 'must be an http(s) URL',
        }),
        packPath,
      ])
      .refine((u) => /\.pmtiles$/i.test(u) || ['{z}', '{x}', '{y}'].every((p) => u.includes(p)), {
        message: 'must be a {z}/{x}/{y} URL template or a .pmtiles archive',
      }),
    index: packPath,
    minzoom: z.number().int().min(0).max(24).default(0),
    maxzoom: z.number().int().min(0).max(24).default(14),
    /** Names of the layers inside the tiles: cells (every level) and label points. */
    layers: z
      .object({ cells: z.string().min(1).default('grids'), labels: z.string().min(1).default('labels') })
      .strict()
      .default({ cells: 'grids', labels: 'labels' }),
  })
  .strict()
  .refine((t) => t.minzoom <= t.maxzoom, { message: 'minzoom must not exceed maxzoom' });

export type GridTiles = z.infer<typeof gridTilesSchema>;

export const manifestSchema = z
  .object({
    format: z.literal(PACK_FORMAT),
    id: z.string().regex(/^[a-z0-9-]+$/, 'must match [a-z0-9-]+'),
    name: localizedName,
    levels: z.array(namedId).min(1).max(6),
    layers: z
      .object({
        boundary: packPath,
        // Required unless the grid is served as tiles (gridTiles); a tiled pack may list it too, for the
        // command-line tools that check geometry (validate, coverage).
        grids: packPath.optional(),
        admin: packPath.optional(),
        partners: packPath.optional(),
        projects: packPath.optional(),
        services: packPath.optional(),
        activity: packPath.optional(),
      })
      .strict(),
    status: pathOrUrl.optional(),
    /** Programme documents (JSON, see docs/region-pack.md): committees, indicators, meetings. */
    programme: z
      .object({
        committees: packPath.optional(),
        indicators: packPath.optional(),
        meetings: packPath.optional(),
      })
      .strict()
      .default({}),
    gridTiles: gridTilesSchema.optional(),
    committees: z.array(namedId).default([]),
    domains: z.array(namedId).default([]),
    serviceRadiusMeters: z.number().positive().default(1000),
    attribution: z.string().default(''),
    generated: z.boolean().default(false),
  })
  // Newer packs may carry fields this version does not know; they must not break loading.
  .loose()
  .refine((m) => m.layers.grids !== undefined || m.gridTiles !== undefined, {
    message: 'layers.grids is required unless the grid is served as tiles (gridTiles)',
    path: ['layers', 'grids'],
  });

export type Manifest = z.infer<typeof manifestSchema>;
export type LayerKey = keyof Manifest['layers'];
