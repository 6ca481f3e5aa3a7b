import type { Geometry, Point } from 'geojson';
import { looksLikeActivityTable, parseActivityTable } from './activity-table.ts';
import {
  activityProps,
  adminProps,
  boundaryProps,
  gridProps,
  partnerProps,
  projectProps,
  serviceProps,
} from './feature-schemas.ts';
import { ANY, AREAL, type GeometryKind, POINT } from './geometry-rules.ts';
import { type AreaGeometry, buildGridIndex, type GridCell, geometryBBox, unionBBox } from './grid-index.ts';
import { parseGridIndex } from './grid-index-file.ts';
import { type Manifest, manifestSchema } from './manifest-schema.ts';
import { checkGridTree, checkReferences } from './pack-references.ts';
import type { PackSource } from './pack-source.ts';
import { type ParsedLayer, parseJson, parseLayer } from './parse-layer.ts';
import { isError, type Problem } from './problem.ts';
import { type LoadedProgramme, loadProgramme } from './programme-loader.ts';
import { checkProgrammeReferences } from './programme-references.ts';
import type { PackCore, PackFiles, ProjectGeometry, RegionPack } from './region-pack.ts';
import type { z } from './zod.ts';

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

async function readLayer<G extends Geometry, S extends z.ZodMiniType<{ id: string }>>(
  source: PackSource,
  file: string,
  schema: S,
  kinds: readonly GeometryKind[],
  signal?: AbortSignal,
): Promise<ParsedLayer<G, z.infer<S>>> {
  let text: string;
  try {
    text = await source.read(file, signal);
  } catch (err) {
    if (signal?.aborted) throw err;
    const reason = err instanceof Error ? err.message : String(err);
    return {
      features: [],
      problems: [
        { severity: 'error', file, rule: 'file-unreadable', message: `cannot read the file (${reason})` },
      ],
      rejectedIds: new Set(),
    };
  }
  return parseLayer<G, S>(file, text, schema, kinds);
}

type Layer<G extends Geometry, S extends z.ZodMiniType<{ id: string }>> = ParsedLayer<G, z.infer<S>>;

/** Reads and checks region.json: the manifest, or the problems that stop the pack. */
async function readManifest(
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

function optionalLayer<G extends Geometry, S extends z.ZodMiniType<{ id: string }>>(
  source: PackSource,
  file: string | undefined,
  schema: S,
  kinds: readonly GeometryKind[],
  signal?: AbortSignal,
): Promise<Layer<G, S> | null> {
  return file === undefined ? Promise.resolve(null) : readLayer<G, S>(source, file, schema, kinds, signal);
}

/** The first stage's layers: what the map draws. */
interface CoreLayers {
  boundary: Layer<AreaGeometry, typeof boundaryProps>;
  grids: Layer<AreaGeometry, typeof gridProps>;
  admin: Layer<AreaGeometry, typeof adminProps> | null;
  /** The grid came from a tiled pack's attribute index: cells carry their bounding box, not their shape. */
  gridFromIndex: boolean;
  files: PackFiles;
}

/** The second stage's layers: what panels, search results and overlays add. */
interface DetailLayers {
  partners: Layer<Point, typeof partnerProps> | null;
  projects: Layer<ProjectGeometry, typeof projectProps> | null;
  services: Layer<Point, typeof serviceProps> | null;
  activity: Layer<Point, typeof activityProps> | null;
  /** Committees, indicators and meetings (JSON documents; docs/region-pack.md). */
  programme: LoadedProgramme;
}

/** The attribute index of a tiled pack, as a grid layer (src/data/grid-index-file.ts). */
async function readGridIndex(
  source: PackSource,
  file: string,
  levels: readonly string[],
  signal?: AbortSignal,
): Promise<Layer<AreaGeometry, typeof gridProps>> {
  let text: string;
  try {
    text = await source.read(file, signal);
  } catch (err) {
    if (signal?.aborted) throw err;
    const reason = err instanceof Error ? err.message : String(err);
    return {
      features: [],
      problems: [
        { severity: 'error', file, rule: 'file-unreadable', message: `cannot read the file (${reason})` },
      ],
      rejectedIds: new Set(),
    };
  }
  const json = parseJson(file, text);
  if (json.problem) return { features: [], problems: [json.problem], rejectedIds: new Set() };
  const { cells, problems } = parseGridIndex(file, json.value, levels);
  return { features: cells, problems, rejectedIds: new Set() };
}

/** The activity layer: GeoJSON, or the same events as a table (src/data/activity-table.ts). */
async function readActivity(
  source: PackSource,
  file: string,
  signal?: AbortSignal,
): Promise<Layer<Point, typeof activityProps>> {
  let text: string;
  try {
    text = await source.read(file, signal);
  } catch (err) {
    if (signal?.aborted) throw err;
    const reason = err instanceof Error ? err.message : String(err);
    return {
      features: [],
      problems: [
        { severity: 'error', file, rule: 'file-unreadable', message: `cannot read the file (${reason})` },
      ],
      rejectedIds: new Set(),
    };
  }
  return looksLikeActivityTable(text)
    ? parseActivityTable(file, text)
    : parseLayer<Point, typeof activityProps>(file, text, activityProps, POINT);
}

function readCoreLayers(source: PackSource, manifest: Manifest, options: LoadOptions): Promise<CoreLayers> {
  const { layers, gridTiles } = manifest;
  const { signal } = options;
  const index = gridTiles && (options.preferIndex || layers.grids === undefined) ? gridTiles.index : null;
  const gridFile = index ?? layers.grids ?? '';
  return Promise.all([
    readLayer<AreaGeometry, typeof boundaryProps>(source, layers.boundary, boundaryProps, AREAL, signal),
    index !== null
      ? readGridIndex(
          source,
          index,
          manifest.levels.map((l) => l.id),
          signal,
        )
      : readLayer<AreaGeometry, typeof gridProps>(source, gridFile, gridProps, AREAL, signal),
    optionalLayer<AreaGeometry, typeof adminProps>(source, layers.admin, adminProps, AREAL, signal),
  ]).then(
    ([boundary, grids, admin]): CoreLayers => ({
      boundary,
      grids,
      admin,
      gridFromIndex: index !== null,
      files: { ...layers, grids: gridFile },
    }),
  );
}

function readDetailLayers(source: PackSource, manifest: Manifest, signal?: AbortSignal) {
  const files = manifest.layers;
  return Promise.all([
    optionalLayer<Point, typeof partnerProps>(source, files.partners, partnerProps, POINT, signal),
    optionalLayer<ProjectGeometry, typeof projectProps>(source, files.projects, projectProps, ANY, signal),
    optionalLayer<Point, typeof serviceProps>(source, files.services, serviceProps, POINT, signal),
    files.activity === undefined ? Promise.resolve(null) : readActivity(source, files.activity, signal),
    loadProgramme(source, manifest.programme, signal),
  ]).then(
    ([partners, projects, services, activity, programme]): DetailLayers => ({
      partners,
      projects,
      services,
      activity,
      programme,
    }),
  );
}

/** Problems of the first stage: its layers, the grid tree, the grid's references to admin units. */
function coreProblems(manifest: Manifest, layers: CoreLayers): Problem[] {
  const { files } = layers;
  const { boundary, grids, admin } = layers;
  const problems: Problem[] = [];
  for (const layer of [boundary, grids, admin]) {
    if (layer) problems.push(...layer.problems);
  }
  if (boundary.features.length === 0 && boundary.problems.length === 0) {
    problems.push({
      severity: 'error',
      file: files.boundary,
      rule: 'boundary-empty',
      message: 'the boundary has no feature',
    });
  }
  problems.push(...checkGridTree(manifest, files.grids, grids.features, grids.rejectedIds));
  const top = manifest.levels[0]?.id;
  if (grids.problems.length === 0 && !grids.features.some((c) => c.properties.level === top)) {
    problems.push({
      severity: 'error',
      file: files.grids,
      rule: 'grid-empty',
      message: `no cell of the top level "${top}"`,
    });
  }
  problems.push(
    ...checkReferences({
      manifest,
      rejected: grids.rejectedIds,
      files,
      grids: grids.features,
      admin: admin?.features ?? null,
      partners: [],
      projects: [],
      activity: [],
    }),
  );
  return problems;
}

/** Problems of the second stage: its layers and their references (cells, committees, domains, owners). */
function detailProblems(
  manifest: Manifest,
  files: PackFiles,
  grid: { features: GridCell[]; rejectedIds: ReadonlySet<string> },
  /** The admin units' ids (programme documents name towns); null when the pack has no admin layer. */
  townIds: ReadonlySet<string> | null,
  layers: DetailLayers,
): Problem[] {
  const { partners, projects, services, activity, programme } = layers;
  const problems: Problem[] = [...programme.problems];
  for (const layer of [partners, projects, services, activity]) {
    if (layer) problems.push(...layer.problems);
  }
  problems.push(
    ...checkReferences({
      manifest,
      rejected: new Set([...grid.rejectedIds, ...(partners?.rejectedIds ?? [])]),
      files,
      grids: grid.features,
      // The grid's own references to admin units are the first stage's.
      admin: null,
      partners: partners?.features ?? [],
      projects: projects?.features ?? [],
      activity: activity?.features ?? [],
    }),
  );
  problems.push(
    ...checkProgrammeReferences({
      manifest,
      files: manifest.programme,
      programme: programme.programme,
      cellIds: new Set(grid.features.map((c) => c.properties.id)),
      partnerIds: new Set((partners?.features ?? []).map((p) => p.properties.id)),
      projectIds: new Set((projects?.features ?? []).map((p) => p.properties.id)),
      townIds,
      layers: {
        partners: partners !== null,
        projects: projects !== null,
        services: services !== null,
        activity: activity !== null,
      },
      rejected: new Set([
        ...grid.rejectedIds,
        ...(partners?.rejectedIds ?? []),
        ...(projects?.rejectedIds ?? []),
        ...programme.rejected,
      ]),
      unreadable: programme.unreadable,
    }),
  );
  return problems;
}

const townIdsOf = (admin: readonly { properties: { id: string } }[] | null): ReadonlySet<string> | null =>
  admin && admin.length > 0 ? new Set(admin.map((a) => a.properties.id)) : null;

function buildCore(manifest: Manifest, layers: CoreLayers): PackCore {
  const grid = buildGridIndex(
    manifest.levels.map((l) => l.id),
    layers.grids.features,
  );
  return {
    manifest,
    files: layers.files,
    boundary: layers.boundary.features,
    admin: layers.admin?.features ?? [],
    grid: layers.gridFromIndex ? { ...grid, geometryless: true } : grid,
    bbox: unionBBox(layers.boundary.features.map((f) => geometryBBox(f.geometry))),
  };
}

function withDetails(core: PackCore, layers: DetailLayers): RegionPack {
  return {
    ...core,
    partners: layers.partners?.features ?? [],
    projects: layers.projects?.features ?? [],
    services: layers.services?.features ?? [],
    activity: layers.activity?.features ?? [],
    programme: layers.programme.programme,
  };
}

export interface CoreLoadResult {
  /** Null when there is any error in the manifest or the first stage's layers. */
  core: PackCore | null;
  problems: Problem[];
}

/**
 * The first stage of loading a pack in the page: the manifest, boundary, admin units and grid — what
 * the first screen draws — validated and indexed. The map can show them while the second stage
 * (loadPackDetails) reads the rest; the page takes the pack as loaded only when both succeed.
 */
export async function loadPackCore(source: PackSource, options: LoadOptions = {}): Promise<CoreLoadResult> {
  const { manifest, problems } = await readManifest(source, options);
  if (!manifest) return { core: null, problems };
  const layers = await readCoreLayers(source, manifest, options);
  problems.push(...coreProblems(manifest, layers));
  return { core: problems.some(isError) ? null : buildCore(manifest, layers), problems };
}

/** The second stage: partners, projects, services and activity, checked against the core's grid. */
export async function loadPackDetails(
  source: PackSource,
  core: PackCore,
  options: Pick<LoadOptions, 'signal'> = {},
): Promise<LoadResult> {
  const layers = await readDetailLayers(source, core.manifest, options.signal);
  const problems = detailProblems(
    core.manifest,
    core.files,
    { features: core.grid.cells, rejectedIds: new Set() },
    townIdsOf(core.admin),
    layers,
  );
  return { pack: problems.some(isError) ? null : withDetails(core, layers), problems };
}

/**
 * Reads, validates and indexes one region pack. Never throws for bad data: every problem comes back as
 * a record naming the file, the feature id and the rule. (It rethrows only an abort.) Both stages'
 * files are read at once, so a broken pack reports all its problems in one go.
 */
export async function loadRegionPack(source: PackSource, options: LoadOptions = {}): Promise<LoadResult> {
  const { manifest, problems } = await readManifest(source, options);
  if (!manifest) return { pack: null, problems };
  const [core, details] = await Promise.all([
    readCoreLayers(source, manifest, options),
    readDetailLayers(source, manifest, options.signal),
  ]);
  problems.push(
    ...coreProblems(manifest, core),
    ...detailProblems(manifest, core.files, core.grids, townIdsOf(core.admin?.features ?? null), details),
  );
  if (problems.some(isError)) return { pack: null, problems };
  return { pack: withDetails(buildCore(manifest, core), details), problems };
}
