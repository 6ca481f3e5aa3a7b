import type { BBox, Polygon, Position } from 'geojson';
import type { GridProps } from './feature-schemas.ts';
import type { GridCell } from './grid-index.ts';
import { type Problem, ProblemList } from './problem.ts';
import { z } from './zod.ts';

/**
 * The attribute index of a pack whose grid is served as vector tiles (docs/region-pack.md, "Grid
 * levels as vector tiles"): every cell's id, level, parent, name, bounding box and figures, without
 * geometry, in columns (one array per property) so that 70,000 cells stay a few MB and parse in one
 * JSON.parse. The page reads search, breadcrumbs, panels and drill-down fits from it; the map draws the
 * cells from the tiles.
 */
export const GRID_INDEX_FORMAT = 'gridatlas.grid-index/1';

/**
 * The envelope is checked with zod; the columns (70,000 entries each at city scale) by the plain loops in
 * parseGridIndex, which are an order of magnitude faster than a zod schema per element.
 */
export const gridIndexFileSchema = z.looseObject({
  format: z.literal(GRID_INDEX_FORMAT),
  /** Level ids, top first: must equal the manifest's. */
  levels: z.array(z.string().check(z.minLength(1))).check(z.minLength(1), z.maxLength(6)),
  // Arrays are checked by the loops (zod would visit and copy every entry).
  cells: z.record(z.string(), z.unknown()),
});

/** The columns: one array per property, entry i of each describing cell i. */
export interface GridIndexColumns {
  id: string[];
  /** Depth: an index into `levels`. */
  level: number[];
  /** Row of the parent cell in these arrays; -1 on the top level. */
  parent: number[];
  name: string[];
  /** west, south, east, north of each cell, one after the other (4 numbers per cell). */
  bbox: number[];
  code?: (string | null)[];
  town?: (string | null)[];
  leader?: (string | null)[];
  population?: (number | null)[];
  households?: (number | null)[];
  partyMembers?: (number | null)[];
  /**
   * Optional: a point inside each cell (longitude, latitude: 2 numbers per cell), where markers such as
   * live alerts are drawn; the page has no cell geometry to find one in.
   */
  label?: number[];
}

export interface GridIndexFile {
  format: typeof GRID_INDEX_FORMAT;
  levels: string[];
  cells: GridIndexColumns;
}

type ColumnKind = 'string' | 'int' | 'number' | 'text?' | 'count?';
const COLUMNS: readonly [keyof GridIndexColumns, ColumnKind, boolean][] = [
  ['id', 'string', true],
  ['level', 'int', true],
  ['parent', 'int', true],
  ['name', 'string', true],
  ['bbox', 'number', true],
  ['code', 'text?', false],
  ['town', 'text?', false],
  ['leader', 'text?', false],
  ['population', 'count?', false],
  ['households', 'count?', false],
  ['partyMembers', 'count?', false],
  ['label', 'number', false],
];

/** The index of the first entry of the wrong type, or -1. */
function firstBad(values: readonly unknown[], kind: ColumnKind): number {
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    const ok =
      kind === 'string'
        ? typeof v === 'string'
        : kind === 'int'
          ? Number.isInteger(v)
          : kind === 'number'
            ? typeof v === 'number' && Number.isFinite(v)
            : kind === 'text?'
              ? v === null || typeof v === 'string'
              : v === null || (Number.isInteger(v) && (v as number) >= 0);
    if (!ok) return i;
  }
  return -1;
}

const KIND_TEXT: Record<ColumnKind, string> = {
  string: 'a string',
  int: 'an integer',
  number: 'a finite number',
  'text?': 'a string or null',
  'count?': 'an integer ≥ 0 or null',
};

/** Builds the index from cells (the tiles script, scripts/tiles.ts). Bounding boxes to 6 decimals. */
export function encodeGridIndex(
  levels: readonly string[],
  cells: readonly { properties: GridProps; bbox: BBox; label?: Position }[],
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
      ...(cells.length > 0 && cells.every((c) => c.label)
        ? { label: cells.flatMap((c) => [r6(c.label?.[0] ?? 0), r6(c.label?.[1] ?? 0)]) }
        : {}),
    },
  };
}

export interface ParsedGridIndex {
  /** Cells with their bounding box as a rectangle for geometry (GridIndex.geometryless is set). */
  cells: GridCell[];
  /** Each cell's point from the `label` column, when the index has one. */
  labels: Map<string, Position> | null;
  /** Each cell's bounding box, in the order of `cells` (so the grid index need not derive them). */
  bboxes: BBox[];
  problems: Problem[];
}

/**
 * Checks an attribute index against the manifest's levels and turns it into grid cells. Every problem
 * names the file, the cell id and the rule, as for a GeoJSON layer.
 */
export function parseGridIndex(
  file: string,
  value: unknown,
  manifestLevels: readonly string[],
): ParsedGridIndex {
  const log = new ProblemList(file);
  const problems = log.into;
  const report = (rule: string, message: string, featureId?: string) =>
    log.add({ rule, message, ...(featureId ? { featureId } : {}) });
  const parsed = gridIndexFileSchema.safeParse(value);
  if (!parsed.success) {
    for (const issue of parsed.error.issues.slice(0, 20)) {
      report('schema', `${issue.path.map(String).join('.') || '(root)'}: ${issue.message}`);
    }
    return { cells: [], labels: null, bboxes: [], problems };
  }
  const { levels } = parsed.data;
  const raw = parsed.data.cells;
  for (const [key, kind, required] of COLUMNS) {
    const column = raw[key];
    if (column === undefined) {
      if (required) report('schema', `cells.${key}: missing`);
      continue;
    }
    if (!Array.isArray(column)) {
      report('schema', `cells.${key}: must be an array`);
      continue;
    }
    const bad = firstBad(column, kind);
    if (bad >= 0) report('schema', `cells.${key}[${bad}]: must be ${KIND_TEXT[kind]}`);
  }
  if (problems.length > 0) return { cells: [], labels: null, bboxes: [], problems };
  const cells = raw as unknown as GridIndexColumns;
  if (levels.join('\u0000') !== manifestLevels.join('\u0000')) {
    report(
      'index-levels',
      `levels ${JSON.stringify(levels)} differ from region.json's ${JSON.stringify(manifestLevels)}`,
    );
    return { cells: [], labels: null, bboxes: [], problems };
  }
  const n = cells.id.length;
  const columns: [string, number, number][] = [
    ['level', cells.level.length, n],
    ['parent', cells.parent.length, n],
    ['name', cells.name.length, n],
    ['bbox', cells.bbox.length, 4 * n],
    ...(cells.label ? [['label', cells.label.length, 2 * n] as [string, number, number]] : []),
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
  if (problems.length > 0) return { cells: [], labels: null, bboxes: [], problems };

  const seen = new Set<string>();
  const out: GridCell[] = [];
  const boxes: BBox[] = [];
  const { id: ids, level: depths, parent: parents, name: names, bbox, label } = cells;
  const labels = label ? new Map<string, Position>() : null;
  // One plain loop, no closure per cell: at city scale this runs 70,000 times on the page's first load.
  for (let i = 0; i < n; i++) {
    const id = ids[i] as string;
    const depth = depths[i] as number;
    const parentRow = parents[i] as number;
    const name = names[i] as string;
    const w = bbox[4 * i] as number;
    const s = bbox[4 * i + 1] as number;
    const e = bbox[4 * i + 2] as number;
    const north = bbox[4 * i + 3] as number;
    const level = levels[depth];
    let parent: string | null = null;
    let rule = '';
    let message = '';
    if (id === '') [rule, message] = ['schema', 'cells.id: must be a non-empty string'];
    else if (seen.has(id)) [rule, message] = ['id-duplicate', `id "${id}" is used by more than one cell`];
    else if (name === '') [rule, message] = ['schema', 'cells.name: must be a non-empty string'];
    else if (level === undefined)
      [rule, message] = [
        'level-unknown',
        `level ${depth} is not an index into levels (0…${levels.length - 1})`,
      ];
    else if (!(w >= -180 && e <= 180 && s >= -90 && north <= 90 && w <= e && s <= north))
      [rule, message] = [
        'coordinate-range',
        `bbox ${JSON.stringify([w, s, e, north])} is not west ≤ east, south ≤ north within WGS84`,
      ];
    else if (depth === 0) {
      if (parentRow !== -1)
        [rule, message] = ['parent-top-level', `a top-level cell must have parent -1, has ${parentRow}`];
    } else if (parentRow < 0 || parentRow >= n)
      [rule, message] = ['parent-exists', `parent row ${parentRow} is not a row of the index (0…${n - 1})`];
    else if (depths[parentRow] !== depth - 1)
      [rule, message] = ['parent-level', `parent "${ids[parentRow]}" is not exactly one level up`];
    else parent = ids[parentRow] as string;
    if (rule === '' && label && !inBox(label[2 * i] as number, label[2 * i + 1] as number, w, s, e, north))
      [rule, message] = ['label-inside', `label point is not inside the cell's bbox`];
    seen.add(id);
    if (rule !== '' || level === undefined) {
      report(rule, message, id || `#${i}`);
      continue;
    }
    if (labels) labels.set(id, [label?.[2 * i] as number, label?.[2 * i + 1] as number]);
    const props: GridProps = { id, level, parent, name };
    const code = cells.code?.[i];
    const town = cells.town?.[i];
    const leader = cells.leader?.[i];
    const population = cells.population?.[i];
    const households = cells.households?.[i];
    const partyMembers = cells.partyMembers?.[i];
    if (code != null) props.code = code;
    if (town != null) props.town = town;
    if (leader != null) props.leader = leader;
    if (population != null) props.population = population;
    if (households != null) props.households = households;
    if (partyMembers != null) props.partyMembers = partyMembers;
    const box: BBox = [w, s, e, north];
    boxes.push(box);
    out.push(new IndexedCell(props, box));
  }
  return { cells: out, labels, bboxes: boxes, problems: log.close() };
}

const inBox = (x: number, y: number, w: number, s: number, e: number, n: number) =>
  x >= w && x <= e && y >= s && y <= n;

/**
 * A cell read from the attribute index. Its geometry is a stand-in, the bounding box as a rectangle, made
 * only when something reads it: the page never draws or clips it (the tiles carry the real shapes), and
 * not building 70,000 rectangles up front spares the city's first load a tenth of a second of allocation
 * and garbage collection.
 */
class IndexedCell implements GridCell {
  readonly type = 'Feature' as const;
  readonly properties: GridProps;
  readonly #box: BBox;

  constructor(properties: GridProps, box: BBox) {
    this.properties = properties;
    this.#box = box;
  }

  get geometry(): Polygon {
    const [w, s, e, n] = this.#box as [number, number, number, number];
    return {
      type: 'Polygon',
      coordinates: [
        [
          [w, s],
          [e, s],
          [e, n],
          [w, n],
          [w, s],
        ],
      ],
    };
  }
}
