import type { BBox } from 'geojson';
import { z } from 'zod';
import type { GridProps } from './feature-schemas.ts';
import type { GridCell } from './grid-index.ts';
import type { Problem } from './problem.ts';

/**
 * The attribute index of a pack whose grid is served as vector tiles (docs/region-pack.md, "Grid
 * levels as vector tiles"): every cell's id, level, parent, name, bounding box and figures, without
 * geometry, in columns (one array per property) so that 70,000 cells stay a few MB and parse in one
 * JSON.parse. The page reads search, breadcrumbs, panels and drill-down fits from it; the map draws the
 * cells from the tiles.
 */
export const GRID_INDEX_FORMAT = 'gridatlas.grid-index/1';

const text = z.string();
const optionalText = z.array(text.nullable()).optional();
const optionalCount = z.array(z.number().int().min(0).nullable()).optional();

export const gridIndexFileSchema = z
  .object({
    format: z.literal(GRID_INDEX_FORMAT),
    /** Level ids, top first: must equal the manifest's. */
    levels: z.array(z.string().min(1)).min(1).max(6),
    cells: z
      .object({
        id: z.array(text),
        /** Depth: an index into `levels`. */
        level: z.array(z.number().int()),
        /** Row of the parent cell in these arrays; -1 on the top level. */
        parent: z.array(z.number().int()),
        name: z.array(text),
        /** west, south, east, north of each cell, one after the other (4 numbers per cell). */
        bbox: z.array(z.number()),
        code: optionalText,
        town: optionalText,
        leader: optionalText,
        population: optionalCount,
        households: optionalCount,
        partyMembers: optionalCount,
      })
      .loose(),
  })
  .loose();

export type GridIndexFile = z.infer<typeof gridIndexFileSchema>;

/** Builds the index from cells (the tiles script, scripts/tiles.ts). Bounding boxes to 6 decimals. */
export function encodeGridIndex(
  levels: readonly string[],
  cells: readonly { properties: GridProps; bbox: BBox }[],
): GridIndexFile {
  const row = new Map(cells.map((c, i) => [c.properties.id, i]));
  const depth = new Map(levels.map((l, i) => [l, i]));
  const column = <T>(get: (p: GridProps) => T | undefined): (T | null)[] | undefined =>
    cells.some((c) => get(c.properties) !== undefined)
      ? cells.map((c) => get(c.properties) ?? null)
      : undefined;
  const r6 = (x: number) => Math.round(x * 1e6) / 1e6;
  const optional = {
    code: column((p) => p.code),
    town: column((p) => p.town),
    leader: column((p) => p.leader),
    population: column((p) => p.population),
    households: column((p) => p.households),
    partyMembers: column((p) => p.partyMembers),
  };
  return {
    format: GRID_INDEX_FORMAT,
    levels: [...levels],
    cells: {
      id: cells.map((c) => c.properties.id),
      level: cells.map((c) => depth.get(c.properties.level) ?? -1),
      parent: cells.map((c) => (c.properties.parent === null ? -1 : (row.get(c.properties.parent) ?? -2))),
      name: cells.map((c) => c.properties.name),
      bbox: cells.flatMap((c) => [r6(c.bbox[0]), r6(c.bbox[1]), r6(c.bbox[2]), r6(c.bbox[3])]),
      ...Object.fromEntries(Object.entries(optional).filter(([, v]) => v !== undefined)),
    },
  };
}

export interface ParsedGridIndex {
  /** Cells with their bounding box as a rectangle for geometry (GridIndex.geometryless is set). */
  cells: GridCell[];
  problems: Problem[];
}

const MAX_LISTED = 200;

/**
 * Checks an attribute index against the manifest's levels and turns it into grid cells. Every problem
 * names the file, the cell id and the rule, as for a GeoJSON layer.
 */
export function parseGridIndex(
  file: string,
  value: unknown,
  manifestLevels: readonly string[],
): ParsedGridIndex {
  const problems: Problem[] = [];
  let suppressed = 0;
  const report = (rule: string, message: string, featureId?: string) => {
    if (problems.length >= MAX_LISTED) {
      suppressed++;
      return;
    }
    problems.push({ severity: 'error', file, rule, message, ...(featureId ? { featureId } : {}) });
  };
  const parsed = gridIndexFileSchema.safeParse(value);
  if (!parsed.success) {
    for (const issue of parsed.error.issues.slice(0, 20)) {
      report('schema', `${issue.path.map(String).join('.') || '(root)'}: ${issue.message}`);
    }
    return { cells: [], problems };
  }
  const { levels, cells } = parsed.data;
  if (levels.join('\u0000') !== manifestLevels.join('\u0000')) {
    report(
      'index-levels',
      `levels ${JSON.stringify(levels)} differ from region.json's ${JSON.stringify(manifestLevels)}`,
    );
    return { cells: [], problems };
  }
  const n = cells.id.length;
  const columns: [string, number, number][] = [
    ['level', cells.level.length, n],
    ['parent', cells.parent.length, n],
    ['name', cells.name.length, n],
    ['bbox', cells.bbox.length, 4 * n],
    ...(['code', 'town', 'leader', 'population', 'households', 'partyMembers'] as const).flatMap(
      (k): [string, number, number][] => {
        const col = cells[k];
        return col ? [[k, col.length, n]] : [];
      },
    ),
  ];
  for (const [name, length, expected] of columns) {
    if (length !== expected)
      report('index-columns', `cells.${name} has ${length} entries, expected ${expected}`);
  }
  if (problems.length > 0) return { cells: [], problems };

  const seen = new Set<string>();
  const out: GridCell[] = [];
  for (let i = 0; i < n; i++) {
    const id = cells.id[i] as string;
    const depth = cells.level[i] as number;
    const parentRow = cells.parent[i] as number;
    const name = cells.name[i] as string;
    const [w, s, e, north] = cells.bbox.slice(4 * i, 4 * i + 4) as [number, number, number, number];
    const featureId = id || `#${i}`;
    let ok = true;
    const bad = (rule: string, message: string) => {
      ok = false;
      report(rule, message, featureId);
    };
    if (id === '') bad('schema', 'cells.id: must be a non-empty string');
    else if (seen.has(id)) bad('id-duplicate', `id "${id}" is used by more than one cell`);
    seen.add(id);
    if (name === '') bad('schema', 'cells.name: must be a non-empty string');
    const level = levels[depth];
    if (level === undefined)
      bad('level-unknown', `level ${depth} is not an index into levels (0…${levels.length - 1})`);
    if (!(w >= -180 && e <= 180 && s >= -90 && north <= 90 && w <= e && s <= north))
      bad(
        'coordinate-range',
        `bbox ${JSON.stringify([w, s, e, north])} is not west ≤ east, south ≤ north within WGS84`,
      );
    let parent: string | null = null;
    if (depth === 0) {
      if (parentRow !== -1) bad('parent-top-level', `a top-level cell must have parent -1, has ${parentRow}`);
    } else if (parentRow < 0 || parentRow >= n) {
      bad('parent-exists', `parent row ${parentRow} is not a row of the index (0…${n - 1})`);
    } else if (cells.level[parentRow] !== depth - 1) {
      bad('parent-level', `parent "${cells.id[parentRow]}" is not exactly one level up`);
    } else parent = cells.id[parentRow] as string;
    if (!ok || level === undefined) continue;
    const props: GridProps = { id, level, parent, name };
    const optionalProps = {
      code: cells.code?.[i],
      town: cells.town?.[i],
      leader: cells.leader?.[i],
      population: cells.population?.[i],
      households: cells.households?.[i],
      partyMembers: cells.partyMembers?.[i],
    };
    for (const [k, v] of Object.entries(optionalProps))
      if (v !== null && v !== undefined) Object.assign(props, { [k]: v });
    out.push({
      type: 'Feature',
      // A stand-in: the page never draws or clips it (the tiles carry the real shapes).
      geometry: {
        type: 'Polygon',
        coordinates: [
          [
            [w, s],
            [e, s],
            [e, north],
            [w, north],
            [w, s],
          ],
        ],
      },
      properties: props,
    });
  }
  if (suppressed > 0) {
    problems.push({
      severity: 'error',
      file,
      rule: 'too-many-problems',
      message: `${suppressed} more problems not listed (first ${MAX_LISTED} shown)`,
    });
  }
  return { cells: out, problems };
}
