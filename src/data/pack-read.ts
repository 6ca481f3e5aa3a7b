import type { Geometry } from 'geojson';
import type { GeometryKind } from './geometry-rules.ts';
import { type Manifest, manifestSchema } from './manifest-schema.ts';
import type { PackSource } from './pack-source.ts';
import { type ParsedLayer, parseJson, parseLayer } from './parse-layer.ts';
import type { Problem } from './problem.ts';
import type { RegionPack } from './region-pack.ts';
import type { z } from './zod.ts';

/** What both loading stages share: the manifest, reading a layer file, the load options and results. */

export const MANIFEST_FILE = 'region.json';

export interface LoadResult {
  /** Null when there is any error: an untrusted pack is never half-loaded. */
  pack: RegionPack | null;
  /** Errors only; spatial findings come from the analysis (src/analysis/grid-coverage.ts). */
  problems: Problem[];
}

export interface LoadOptions {
  /** The pack's folder name; the manifest id must equal it. */
  expectedId?: string;
  signal?: AbortSignal;
  /**
   * Read the grid of a tiled pack (gridTiles) from its attribute index even where the pack also lists a
   * GeoJSON grid: the page does, as it draws the cells from the tiles. Command-line tools leave it off
   * and read the geometry when there is some.
   */
  preferIndex?: boolean;
}

function manifestProblems(value: unknown): { manifest?: Manifest; problems: Problem[] } {
  const parsed = manifestSchema.safeParse(value, { reportInput: true });
  if (!parsed.success) {
    return {
      problems: parsed.error.issues.map((issue) => ({
        severity: 'error',
        file: MANIFEST_FILE,
        rule: 'manifest-schema',
        message: `${issue.path.map(String).join('.') || '(root)'}: ${issue.message}`,
      })),
    };
  }
  const manifest = parsed.data;
  const problems: Problem[] = [];
  for (const [key, list] of [
    ['levels', manifest.levels],
    ['committees', manifest.committees],
    ['domains', manifest.domains],
  ] as const) {
    const seen = new Set<string>();
    for (const item of list) {
      if (seen.has(item.id)) {
        problems.push({
          severity: 'error',
          file: MANIFEST_FILE,
          featureId: item.id,
          rule: 'id-duplicate',
          message: `${key}: id "${item.id}" is declared twice`,
        });
      }
      seen.add(item.id);
    }
  }
  return { manifest, problems };
}

/** A file's text, or the problem saying it cannot be read (an abort rethrows: it is not a problem). */
export async function readText(
  source: PackSource,
  file: string,
  signal?: AbortSignal,
): Promise<{ text: string } | { unreadable: Problem }> {
  try {
    return { text: await source.read(file, signal) };
  } catch (err) {
    if (signal?.aborted) throw err;
    const reason = err instanceof Error ? err.message : String(err);
    return {
      unreadable: {
        severity: 'error',
        file,
        rule: 'file-unreadable',
        message: `cannot read the file (${reason})`,
      },
    };
  }
}

/** The layer of a file that could not be read: no features, one problem. */
export const unreadableLayer = (problem: Problem) => ({
  features: [],
  problems: [problem],
  rejectedIds: new Set<string>(),
});

export async function readLayer<G extends Geometry, S extends z.ZodMiniType<{ id: string }>>(
  source: PackSource,
  file: string,
  schema: S,
  kinds: readonly GeometryKind[],
  signal?: AbortSignal,
): Promise<ParsedLayer<G, z.infer<S>>> {
  const read = await readText(source, file, signal);
  if ('unreadable' in read) return unreadableLayer(read.unreadable);
  const { text } = read;
  return parseLayer<G, S>(file, text, schema, kinds);
}

export type Layer<G extends Geometry, S extends z.ZodMiniType<{ id: string }>> = ParsedLayer<G, z.infer<S>>;

/** Reads and checks region.json: the manifest, or the problems that stop the pack. */
export async function readManifest(
  source: PackSource,
  options: LoadOptions,
): Promise<{ manifest?: Manifest; problems: Problem[] }> {
  const { signal } = options;
  let manifestText: string;
  try {
    manifestText = await source.read(MANIFEST_FILE, signal);
  } catch (err) {
    if (signal?.aborted) throw err;
    const reason = err instanceof Error ? err.message : String(err);
    return {
      problems: [
        {
          severity: 'error',
          file: MANIFEST_FILE,
          rule: 'file-unreadable',
          message: `cannot read the manifest from ${source.label} (${reason})`,
        },
      ],
    };
  }
  const json = parseJson(MANIFEST_FILE, manifestText);
  if (json.problem) return { problems: [json.problem] };
  const { manifest, problems } = manifestProblems(json.value);
  if (!manifest) return { problems };
  if (options.expectedId !== undefined && manifest.id !== options.expectedId) {
    problems.push({
      severity: 'error',
      file: MANIFEST_FILE,
      rule: 'id-folder',
      message: `id "${manifest.id}" must equal the pack's folder name "${options.expectedId}"`,
    });
  }
  return { manifest, problems };
}

export function optionalLayer<G extends Geometry, S extends z.ZodMiniType<{ id: string }>>(
  source: PackSource,
  file: string | undefined,
  schema: S,
  kinds: readonly GeometryKind[],
  signal?: AbortSignal,
): Promise<Layer<G, S> | null> {
  return file === undefined ? Promise.resolve(null) : readLayer<G, S>(source, file, schema, kinds, signal);
}

export const townIdsOf = (
  admin: readonly { properties: { id: string } }[] | null,
): ReadonlySet<string> | null =>
  admin && admin.length > 0 ? new Set(admin.map((a) => a.properties.id)) : null;
