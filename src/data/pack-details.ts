import type { Point } from 'geojson';
import { looksLikeActivityTable, parseActivityTable } from './activity-table.ts';
import { activityProps, partnerProps, projectProps, serviceProps } from './feature-schemas.ts';
import { ANY, POINT } from './geometry-rules.ts';
import type { GridCell } from './grid-index.ts';
import type { Manifest } from './manifest-schema.ts';
import { gridOf, gridProblems, readGridIndex } from './pack-core.ts';
import {
  type Layer,
  type LoadOptions,
  type LoadResult,
  optionalLayer,
  readText,
  townIdsOf,
  unreadableLayer,
} from './pack-read.ts';
import { checkReferences } from './pack-references.ts';
import type { PackSource } from './pack-source.ts';
import { parseLayer } from './parse-layer.ts';
import { isError, type Problem } from './problem.ts';
import { type LoadedProgramme, loadProgramme } from './programme-loader.ts';
import { checkProgrammeReferences } from './programme-references.ts';
import type { PackCore, PackFiles, ProjectGeometry, RegionPack } from './region-pack.ts';

/**
 * The second stage of loading a pack: partners, projects, services, activity and the programme
 * documents, checked against the first stage's grid. A chunk of its own in the page (pack-queries.ts).
 */

/** The second stage's layers: what panels, search results and overlays add. */
export interface DetailLayers {
  partners: Layer<Point, typeof partnerProps> | null;
  projects: Layer<ProjectGeometry, typeof projectProps> | null;
  services: Layer<Point, typeof serviceProps> | null;
  activity: Layer<Point, typeof activityProps> | null;
  /** Committees, indicators and meetings (JSON documents; docs/region-pack.md). */
  programme: LoadedProgramme;
}

/** The activity layer: GeoJSON, or the same events as a table (src/data/activity-table.ts). */
async function readActivity(
  source: PackSource,
  file: string,
  signal?: AbortSignal,
): Promise<Layer<Point, typeof activityProps>> {
  const read = await readText(source, file, signal);
  if ('unreadable' in read) return unreadableLayer(read.unreadable);
  const { text } = read;
  return looksLikeActivityTable(text)
    ? parseActivityTable(file, text)
    : parseLayer<Point, typeof activityProps>(file, text, activityProps, POINT);
}

export function readDetailLayers(source: PackSource, manifest: Manifest, signal?: AbortSignal) {
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

/** Problems of the second stage: its layers and their references (cells, committees, domains, owners). */
export function detailProblems(
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

export function withDetails(core: PackCore, layers: DetailLayers): RegionPack {
  return {
    ...core,
    partners: layers.partners?.features ?? [],
    projects: layers.projects?.features ?? [],
    services: layers.services?.features ?? [],
    activity: layers.activity?.features ?? [],
    programme: layers.programme.programme,
  };
}

/**
 * The second stage: partners, projects, services and activity, checked against the core's grid — and,
 * for a tiled pack whose first stage left it (PackCore.gridDeferred), the attribute index itself, read
 * and checked here alongside the rest.
 */
export async function loadPackDetails(
  source: PackSource,
  given: PackCore,
  options: Pick<LoadOptions, 'signal'> = {},
): Promise<LoadResult> {
  const [layers, grid] = await Promise.all([
    readDetailLayers(source, given.manifest, options.signal),
    given.gridDeferred ? readDeferredGrid(source, given, options.signal) : null,
  ]);
  if (grid?.problems.some(isError)) return { pack: null, problems: grid.problems };
  const { gridDeferred: _, ...core } = grid ? { ...given, grid: grid.grid } : given;
  const problems = detailProblems(
    core.manifest,
    core.files,
    { features: core.grid.cells, rejectedIds: new Set() },
    townIdsOf(core.admin),
    layers,
  );
  return {
    pack: problems.some(isError) ? null : withDetails(core, layers),
    problems: [...(grid?.problems ?? []), ...problems],
  };
}

/** A tiled pack's attribute index, left by the first stage: its cells as the pack's grid, checked. */
async function readDeferredGrid(source: PackSource, core: PackCore, signal?: AbortSignal) {
  const { manifest } = core;
  const file = manifest.gridTiles?.index ?? core.files.grids;
  const layer = await readGridIndex(
    source,
    file,
    manifest.levels.map((l) => l.id),
    signal,
  );
  // Null without an admin layer: then towns named by cells are not checked (as in the first stage).
  const admin = core.files.admin !== undefined ? core.admin : null;
  const problems = gridProblems(manifest, { ...core.files, grids: file }, layer, admin);
  return { grid: gridOf(manifest, layer, layer.extras), problems };
}
