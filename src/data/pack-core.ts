import type { BBox, Position } from 'geojson';
import { adminProps, boundaryProps, gridProps } from './feature-schemas.ts';
import { AREAL } from './geometry-rules.ts';
import type { AreaGeometry } from './grid-index.ts';
import { buildGridIndex, geometryBBox, unionBBox } from './grid-index.ts';
import type { Manifest } from './manifest-schema.ts';
import {
  type Layer,
  type LoadOptions,
  optionalLayer,
  readLayer,
  readManifest,
  readText,
  unreadableLayer,
} from './pack-read.ts';
import { checkGridTree, checkReferences } from './pack-references.ts';
import type { PackSource } from './pack-source.ts';
import { parseJson } from './parse-layer.ts';
import { isError, type Problem } from './problem.ts';
import type { PackCore, PackFiles } from './region-pack.ts';

/**
 * The first stage of loading a pack: what the map draws (manifest, boundary, admin units, grid). The
 * page's first-load script carries this module only; the second stage (pack-details.ts) is a chunk of
 * its own, fetched while this one runs.
 */

/** What a tiled pack's attribute index gives beyond its cells. */
interface IndexExtras {
  /** A point inside each cell (the index's optional label column). */
  labels: ReadonlyMap<string, Position> | null;
  /** Each cell's bounding box, in the order of the cells. */
  bboxes: readonly BBox[];
}
const NO_EXTRAS: IndexExtras = { labels: null, bboxes: [] };

/** The first stage's layers: what the map draws. */
export interface CoreLayers {
  boundary: Layer<AreaGeometry, typeof boundaryProps>;
  grids: Layer<AreaGeometry, typeof gridProps>;
  admin: Layer<AreaGeometry, typeof adminProps> | null;
  /**
   * Set when the grid came from a tiled pack's attribute index (cells carry their bounding box, not their
   * shape): the index's point inside each cell, when it has them.
   */
  fromIndex: IndexExtras | null;
  /**
   * The attribute index is left for the second stage (pack-details.ts): the pack is tiled and its
   * manifest gives the level sizes the map's style needs (gridTiles.cellSizes), so the map can draw the
   * tiles without the index. `grids` is then empty.
   */
  gridDeferred: boolean;
  files: PackFiles;
}

/** The attribute index of a tiled pack, as a grid layer (src/data/grid-index-file.ts). */
export async function readGridIndex(
  source: PackSource,
  file: string,
  levels: readonly string[],
  signal?: AbortSignal,
): Promise<Layer<AreaGeometry, typeof gridProps> & { extras: IndexExtras }> {
  const read = await readText(source, file, signal);
  if ('unreadable' in read) return { ...unreadableLayer(read.unreadable), extras: NO_EXTRAS };
  const { text } = read;
  const json = parseJson(file, text);
  if (json.problem)
    return { features: [], extras: NO_EXTRAS, problems: [json.problem], rejectedIds: new Set() };
  // Only tiled packs have an attribute index: its parser is a chunk of its own.
  const { parseGridIndex } = await import('./grid-index-file.ts');
  const { cells, labels, bboxes, problems } = parseGridIndex(file, json.value, levels);
  return { features: cells, extras: { labels, bboxes }, problems, rejectedIds: new Set() };
}

export function readCoreLayers(
  source: PackSource,
  manifest: Manifest,
  options: LoadOptions,
): Promise<CoreLayers> {
  const { layers, gridTiles } = manifest;
  const { signal } = options;
  const index = gridTiles && (options.preferIndex || layers.grids === undefined) ? gridTiles.index : null;
  const gridFile = index ?? layers.grids ?? '';
  const deferred = index !== null && options.preferIndex === true && gridTiles?.cellSizes !== undefined;
  return Promise.all([
    readLayer<AreaGeometry, typeof boundaryProps>(source, layers.boundary, boundaryProps, AREAL, signal),
    deferred
      ? Promise.resolve({
          ...{ features: [], problems: [], rejectedIds: new Set<string>() },
          extras: NO_EXTRAS,
        })
      : index !== null
        ? readGridIndex(
            source,
            index,
            manifest.levels.map((l) => l.id),
            signal,
          )
        : readLayer<AreaGeometry, typeof gridProps>(source, gridFile, gridProps, AREAL, signal).then(
            (layer) => ({ ...layer, extras: NO_EXTRAS }),
          ),
    optionalLayer<AreaGeometry, typeof adminProps>(source, layers.admin, adminProps, AREAL, signal),
  ]).then(
    ([boundary, grids, admin]): CoreLayers => ({
      boundary,
      grids,
      admin,
      fromIndex: index !== null ? grids.extras : null,
      gridDeferred: deferred,
      files: { ...layers, grids: gridFile },
    }),
  );
}

/** Problems of the first stage: its layers, the grid tree, the grid's references to admin units. */
export function coreProblems(manifest: Manifest, layers: CoreLayers): Problem[] {
  const { files } = layers;
  const { boundary, grids, admin } = layers;
  const problems: Problem[] = [];
  for (const layer of [boundary, admin]) {
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
  if (!layers.gridDeferred) problems.push(...gridProblems(manifest, files, grids, admin?.features ?? null));
  return problems;
}

/** The grid's problems: its layer's own, the tree, a top level, references to admin units. */
export function gridProblems(
  manifest: Manifest,
  files: PackFiles,
  grids: CoreLayers['grids'],
  admin: PackCore['admin'] | null,
): Problem[] {
  const problems: Problem[] = [...grids.problems];
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
      admin,
      partners: [],
      projects: [],
      activity: [],
    }),
  );
  return problems;
}

/** The grid index of the cells read (from an attribute index, with what it adds: geometryless). */
export function gridOf(manifest: Manifest, grids: CoreLayers['grids'], fromIndex: IndexExtras | null) {
  const grid = buildGridIndex(
    manifest.levels.map((l) => l.id),
    grids.features,
    fromIndex?.bboxes,
  );
  return fromIndex
    ? { ...grid, geometryless: true, ...(fromIndex.labels ? { labelAt: fromIndex.labels } : {}) }
    : grid;
}

export function buildCore(manifest: Manifest, layers: CoreLayers): PackCore {
  return {
    manifest,
    files: layers.files,
    boundary: layers.boundary.features,
    admin: layers.admin?.features ?? [],
    grid: gridOf(manifest, layers.grids, layers.fromIndex),
    ...(layers.gridDeferred ? { gridDeferred: true } : {}),
    bbox: unionBBox(layers.boundary.features.map((f) => geometryBBox(f.geometry))),
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
