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

export const manifestSchema = z
  .object({
    format: z.literal(PACK_FORMAT),
    id: z.string().regex(/^[a-z0-9-]+$/, 'must match [a-z0-9-]+'),
    name: localizedName,
    levels: z.array(namedId).min(1).max(6),
    layers: z
      .object({
        boundary: packPath,
        grids: packPath,
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
    committees: z.array(namedId).default([]),
    domains: z.array(namedId).default([]),
    serviceRadiusMeters: z.number().positive().default(1000),
    attribution: z.string().default(''),
    generated: z.boolean().default(false),
  })
  // Newer packs may carry fields this version does not know; they must not break loading.
  .loose();

export type Manifest = z.infer<typeof manifestSchema>;
export type LayerKey = keyof Manifest['layers'];
