import type { Geometry, Point } from 'geojson';
import type { z } from 'zod';
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
import { type AreaGeometry, buildGridIndex, geometryBBox, unionBBox } from './grid-index.ts';
import { type Manifest, manifestSchema } from './manifest-schema.ts';
import { checkGridTree, checkReferences } from './pack-references.ts';
import type { PackSource } from './pack-source.ts';
import { type ParsedLayer, parseJson, parseLayer } from './parse-layer.ts';
import { isError, type Problem } from './problem.ts';
import { loadProgramme } from './programme-loader.ts';
import { checkProgrammeReferences } from './programme-references.ts';
import type { ProjectGeometry, RegionPack } from './region-pack.ts';

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

async function readLayer<G extends Geometry, S extends z.ZodType<{ id: string }>>(
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

/**
 * Reads, validates and indexes one region pack. Never throws for bad data: every problem comes back as
 * a record naming the file, the feature id and the rule. (It rethrows only an abort.)
 */
export async function loadRegionPack(source: PackSource, options: LoadOptions = {}): Promise<LoadResult> {
  const { signal } = options;
  let manifestText: string;
  try {
    manifestText = await source.read(MANIFEST_FILE, signal);
  } catch (err) {
    if (signal?.aborted) throw err;
    const reason = err instanceof Error ? err.message : String(err);
    return {
      pack: null,
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
  if (json.problem) return { pack: null, problems: [json.problem] };
  const { manifest, problems } = manifestProblems(json.value);
  if (!manifest) return { pack: null, problems };
  if (options.expectedId !== undefined && manifest.id !== options.expectedId) {
    problems.push({
      severity: 'error',
      file: MANIFEST_FILE,
      rule: 'id-folder',
      message: `id "${manifest.id}" must equal the pack's folder name "${options.expectedId}"`,
    });
  }

  const files = manifest.layers;
  const optional = <G extends Geometry, S extends z.ZodType<{ id: string }>>(
    file: string | undefined,
    schema: S,
    kinds: readonly GeometryKind[],
  ): Promise<ParsedLayer<G, z.infer<S>> | null> =>
    file === undefined ? Promise.resolve(null) : readLayer<G, S>(source, file, schema, kinds, signal);

  const [boundary, grids, admin, partners, projects, services, activity] = await Promise.all([
    readLayer<AreaGeometry, typeof boundaryProps>(source, files.boundary, boundaryProps, AREAL, signal),
    readLayer<AreaGeometry, typeof gridProps>(source, files.grids, gridProps, AREAL, signal),
    optional<AreaGeometry, typeof adminProps>(files.admin, adminProps, AREAL),
    optional<Point, typeof partnerProps>(files.partners, partnerProps, POINT),
    optional<ProjectGeometry, typeof projectProps>(files.projects, projectProps, ANY),
    optional<Point, typeof serviceProps>(files.services, serviceProps, POINT),
    optional<Point, typeof activityProps>(files.activity, activityProps, POINT),
  ]);
  const programme = await loadProgramme(source, manifest.programme, signal);
  problems.push(...programme.problems);
  for (const layer of [boundary, grids, admin, partners, projects, services, activity]) {
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
      rejected: new Set([...grids.rejectedIds, ...(partners?.rejectedIds ?? [])]),
      files,
      grids: grids.features,
      admin: admin?.features ?? null,
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
      cellIds: new Set(grids.features.map((c) => c.properties.id)),
      partnerIds: new Set((partners?.features ?? []).map((p) => p.properties.id)),
      projectIds: new Set((projects?.features ?? []).map((p) => p.properties.id)),
      townIds: admin ? new Set(admin.features.map((a) => a.properties.id)) : null,
      layers: {
        partners: partners !== null,
        projects: projects !== null,
        services: services !== null,
        activity: activity !== null,
      },
      rejected: new Set([
        ...grids.rejectedIds,
        ...(partners?.rejectedIds ?? []),
        ...(projects?.rejectedIds ?? []),
        ...(admin?.rejectedIds ?? []),
        ...programme.rejected,
      ]),
      unreadable: programme.unreadable,
    }),
  );
  if (problems.some(isError)) return { pack: null, problems };

  const empty = <T>(layer: { features: T[] } | null): T[] => layer?.features ?? [];
  const pack: RegionPack = {
    manifest,
    files,
    boundary: boundary.features,
    admin: empty(admin),
    grid: buildGridIndex(
      manifest.levels.map((l) => l.id),
      grids.features,
    ),
    partners: empty(partners),
    projects: empty(projects),
    services: empty(services),
    activity: empty(activity),
    programme: programme.programme,
    bbox: unionBBox(boundary.features.map((f) => geometryBBox(f.geometry))),
  };
  return { pack, problems };
}
