import type { Geometry } from 'geojson';
import type { ActivityProps, AdminProps, PartnerProps, ProjectProps } from './feature-schemas.ts';
import type { GridCell } from './grid-index.ts';
import type { Manifest } from './manifest-schema.ts';
import type { TypedFeature } from './parse-layer.ts';
import type { Problem } from './problem.ts';

export interface LayerFiles {
  grids: string;
  admin?: string;
  partners?: string;
  projects?: string;
  activity?: string;
}

export interface ReferenceInput {
  manifest: Manifest;
  /** Ids of features already reported and left out; references to them are not errors twice. */
  rejected: ReadonlySet<string>;
  files: LayerFiles;
  grids: GridCell[];
  admin: TypedFeature<Geometry, AdminProps>[] | null;
  partners: TypedFeature<Geometry, PartnerProps>[];
  projects: TypedFeature<Geometry, ProjectProps>[];
  activity: TypedFeature<Geometry, ActivityProps>[];
}

const error = (file: string, featureId: string, rule: string, message: string): Problem => ({
  severity: 'error',
  file,
  featureId,
  rule,
  message,
});

/** Checks the grid tree: levels exist, parents exist and sit exactly one level up. */
export function checkGridTree(
  manifest: Manifest,
  file: string,
  grids: GridCell[],
  rejected: ReadonlySet<string> = new Set(),
): Problem[] {
  const problems: Problem[] = [];
  const depthOf = new Map(manifest.levels.map((l, i) => [l.id, i] as const));
  const levelOf = new Map(grids.map((c) => [c.properties.id, c.properties.level] as const));
  const levelList = manifest.levels.map((l) => l.id).join(', ');
  for (const cell of grids) {
    const { id, level, parent } = cell.properties;
    const depth = depthOf.get(level);
    if (depth === undefined) {
      problems.push(
        error(
          file,
          id,
          'level-unknown',
          `level "${level}" is not one of the manifest's levels (${levelList})`,
        ),
      );
      continue;
    }
    if (depth === 0) {
      if (parent !== null) {
        problems.push(
          error(
            file,
            id,
            'parent-top-level',
            `a top-level ("${level}") cell must have parent null, has "${parent}"`,
          ),
        );
      }
      continue;
    }
    const expected = manifest.levels[depth - 1]?.id;
    if (parent === null) {
      problems.push(
        error(file, id, 'parent-missing', `a "${level}" cell needs a parent of level "${expected}"`),
      );
      continue;
    }
    const parentLevel = levelOf.get(parent);
    if (parentLevel === undefined && rejected.has(parent)) continue;
    if (parentLevel === undefined) {
      problems.push(error(file, id, 'parent-exists', `parent "${parent}" does not exist`));
    } else if (parentLevel !== expected) {
      problems.push(
        error(
          file,
          id,
          'parent-level',
          `parent "${parent}" is level "${parentLevel}", expected exactly one level up ("${expected}")`,
        ),
      );
    }
  }
  return problems;
}

/** Checks that every id a feature names (town, committee, domain, owner, cell) resolves. */
export function checkReferences(input: ReferenceInput): Problem[] {
  const { manifest, files, rejected } = input;
  const problems: Problem[] = [];
  const cellIds = new Set(input.grids.map((c) => c.properties.id));
  const partnerIds = new Set(input.partners.map((p) => p.properties.id));
  const committeeIds = new Set(manifest.committees.map((c) => c.id));
  const domainIds = new Set(manifest.domains.map((d) => d.id));
  const cells = (file: string, id: string, list: readonly string[] | undefined) => {
    for (const cell of list ?? []) {
      if (!cellIds.has(cell))
        problems.push(error(file, id, 'ref-cell', `cell "${cell}" does not exist in the grid`));
    }
  };

  if (input.admin && files.admin) {
    const adminIds = new Set(input.admin.map((a) => a.properties.id));
    for (const c of input.grids) {
      const town = c.properties.town;
      if (town !== undefined && !adminIds.has(town)) {
        problems.push(
          error(files.grids, c.properties.id, 'ref-town', `town "${town}" is not an id in ${files.admin}`),
        );
      }
    }
  }
  for (const p of input.partners) {
    const { id, committee } = p.properties;
    const file = files.partners ?? 'partners';
    if (committee !== undefined && !committeeIds.has(committee)) {
      problems.push(
        error(
          file,
          id,
          'ref-committee',
          `committee "${committee}" is not declared in region.json committees`,
        ),
      );
    }
    cells(file, id, p.properties.cells);
  }
  for (const p of input.projects) {
    const { id, domain, owner } = p.properties;
    const file = files.projects ?? 'projects';
    if (!domainIds.has(domain)) {
      problems.push(
        error(file, id, 'ref-domain', `domain "${domain}" is not declared in region.json domains`),
      );
    }
    if (owner !== undefined && !partnerIds.has(owner) && !rejected.has(owner)) {
      problems.push(error(file, id, 'ref-owner', `owner "${owner}" is not a partner id`));
    }
    cells(file, id, p.properties.cells);
  }
  for (const a of input.activity) {
    const { id, cell } = a.properties;
    if (cell !== undefined) cells(files.activity ?? 'activity', id, [cell]);
  }
  return problems;
}
