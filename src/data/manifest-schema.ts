import { localizedName } from './localized.ts';
import { z } from './zod.ts';

export const PACK_FORMAT = 'gridatlas.region/1';

const namedId = z.looseObject({ id: z.string().check(z.regex(/^[A-Za-z0-9_-]+$/)), name: localizedName });

/** A pack-relative path: no scheme, no absolute path, no escaping the pack folder. */
const packPath = z.string().check(
  z.minLength(1),
  z.refine((p) => !/^[a-z]+:/i.test(p) && !p.startsWith('/') && !p.split('/').includes('..'), {
    message: 'must be a path inside the pack folder (no URL, no leading "/", no "..")',
  }),
);

/** The status feed may live on another server, so it alone may be an http(s) URL. */
const pathOrUrl = z.union([z.url({ protocol: /^https?$/ }), packPath]);

/**
 * Grid levels served as vector tiles instead of GeoJSON (docs/region-pack.md, "Grid levels as vector
 * tiles"): a `{z}/{x}/{y}` URL template or a `.pmtiles` archive, inside the pack or on a tile server,
 * and the attribute index the page reads cells from (search, panels, drill-down).
 */
const zoom = z.number().check(z.int(), z.minimum(0), z.maximum(24));

export const gridTilesSchema = z
  .strictObject({
    tiles: z
      .union([
        // Braces are not allowed in a URL as such: test the template with them replaced.
        z.string().check(
          z.refine((u) => /^https?:\/\//i.test(u) && URL.canParse(u.replace(/[{}]/g, '')), {
            message: 'must be an http(s) URL',
          }),
        ),
        packPath,
      ])
      .check(
        z.refine((u) => /\.pmtiles$/i.test(u) || ['{z}', '{x}', '{y}'].every((p) => u.includes(p)), {
          message: 'must be a {z}/{x}/{y} URL template or a .pmtiles archive',
        }),
      ),
    index: packPath,
    minzoom: z._default(zoom, 0),
    maxzoom: z._default(zoom, 14),
    /**
     * Optional: each level's median cell size (degrees; `npm run tiles` writes it). With it the page
     * styles and draws the tiles before it has read the attribute index, which then loads with the
     * rest of the pack.
     */
    cellSizes: z.optional(z.record(z.string(), z.number().check(z.positive()))),
    /** Names of the layers inside the tiles: cells (every level) and label points. */
    layers: z._default(
      z.strictObject({
        cells: z._default(z.string().check(z.minLength(1)), 'grids'),
        labels: z._default(z.string().check(z.minLength(1)), 'labels'),
      }),
      { cells: 'grids', labels: 'labels' },
    ),
  })
  .check(z.refine((t) => t.minzoom <= t.maxzoom, { message: 'minzoom must not exceed maxzoom' }));

export type GridTiles = z.infer<typeof gridTilesSchema>;

export const manifestSchema = z
  // Newer packs may carry fields this version does not know; they must not break loading.
  .looseObject({
    format: z.literal(PACK_FORMAT),
    id: z.string().check(z.regex(/^[a-z0-9-]+$/, 'must match [a-z0-9-]+')),
    name: localizedName,
    levels: z.array(namedId).check(z.minLength(1), z.maxLength(6)),
    layers: z.strictObject({
      boundary: packPath,
      // Required unless the grid is served as tiles (gridTiles); a tiled pack may list it too, for the
      // command-line tools that check geometry (validate, coverage).
      grids: z.optional(packPath),
      admin: z.optional(packPath),
      partners: z.optional(packPath),
      projects: z.optional(packPath),
      services: z.optional(packPath),
      activity: z.optional(packPath),
    }),
    status: z.optional(pathOrUrl),
    /** Programme documents (JSON, see docs/region-pack.md): committees, indicators, meetings. */
    programme: z._default(
      z.strictObject({
        committees: z.optional(packPath),
        indicators: z.optional(packPath),
        meetings: z.optional(packPath),
      }),
      {},
    ),
    gridTiles: z.optional(gridTilesSchema),
    committees: z._default(z.array(namedId), []),
    domains: z._default(z.array(namedId), []),
    serviceRadiusMeters: z._default(z.number().check(z.positive()), 1000),
    attribution: z._default(z.string(), ''),
    generated: z._default(z.boolean(), false),
  })
  .check(
    z.refine((m) => m.layers.grids !== undefined || m.gridTiles !== undefined, {
      message: 'layers.grids is required unless the grid is served as tiles (gridTiles)',
      path: ['layers', 'grids'],
    }),
    z.refine(
      (m) => {
        const sizes = m.gridTiles?.cellSizes;
        return !sizes || m.levels.every((l) => sizes[l.id] !== undefined);
      },
      { message: 'must give a size for every level id', path: ['gridTiles', 'cellSizes'] },
    ),
  );

export type Manifest = z.infer<typeof manifestSchema>;
export type LayerKey = keyof Manifest['layers'];
