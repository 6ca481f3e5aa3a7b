import type { Point } from 'geojson';
import type { ActivityProps } from './feature-schemas.ts';
import type { ParsedLayer, TypedFeature } from './parse-layer.ts';
import { ProblemList } from './problem.ts';

/**
 * The activity layer as a table (docs/region-pack.md, "Activity as a table"): the same events as the
 * GeoJSON layer, one array per property, kinds and cells named once. At city scale (500,000 events) the
 * GeoJSON takes ~220 bytes and one zod parse per event; the table ~70 bytes and a few plain loops, so
 * the page can read it at all. The loader turns it into the same features as the GeoJSON layer.
 */
export const ACTIVITY_TABLE_FORMAT = 'gridatlas.activity-table/1';

export interface ActivityTable {
  format: typeof ACTIVITY_TABLE_FORMAT;
  /** Event kinds, referred to by index. */
  kinds: string[];
  /** Cell ids, referred to by index. */
  cells: string[];
  events: {
    id: string[];
    /** ISO 8601 with an offset, as in the GeoJSON layer. */
    time: string[];
    kind: number[];
    volunteers: number[];
    hours: number[];
    /** Index into `cells`, or -1 (then derived spatially, as an event without `cell`). */
    cell: number[];
    lon: number[];
    lat: number[];
  };
}

/** Cheap test on the first bytes: the loader reads either form from the same manifest key. */
export const looksLikeActivityTable = (text: string): boolean =>
  /"format"\s*:\s*"gridatlas\.activity-table\//.test(text.slice(0, 300));

export function encodeActivityTable(
  events: readonly {
    id: string;
    time: string;
    kind: string;
    volunteers: number;
    hours: number;
    cell?: string;
    pos: [number, number];
  }[],
): ActivityTable {
  const kinds = [...new Set(events.map((e) => e.kind))];
  const cells = [...new Set(events.flatMap((e) => (e.cell === undefined ? [] : [e.cell])))];
  const kindAt = new Map(kinds.map((k, i) => [k, i]));
  const cellAt = new Map(cells.map((c, i) => [c, i]));
  return {
    format: ACTIVITY_TABLE_FORMAT,
    kinds,
    cells,
    events: {
      id: events.map((e) => e.id),
      time: events.map((e) => e.time),
      kind: events.map((e) => kindAt.get(e.kind) ?? -1),
      volunteers: events.map((e) => e.volunteers),
      hours: events.map((e) => e.hours),
      cell: events.map((e) => (e.cell === undefined ? -1 : (cellAt.get(e.cell) ?? -1))),
      lon: events.map((e) => e.pos[0]),
      lat: events.map((e) => e.pos[1]),
    },
  };
}

/** The same rule as the GeoJSON layer's schema: ISO 8601 date-time with an offset or Z. */
const ISO_WITH_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

/**
 * Checks a table and turns it into Point features with the activity layer's properties. Every problem
 * names the file, the event id and the rule, as for the GeoJSON layer.
 */
export function parseActivityTable(file: string, text: string): ParsedLayer<Point, ActivityProps> {
  const features: TypedFeature<Point, ActivityProps>[] = [];
  const log = new ProblemList(file);
  const problems = log.into;
  const rejectedIds = new Set<string>();
  const report = (rule: string, message: string, featureId?: string) =>
    log.add({ rule, message, ...(featureId ? { featureId } : {}) });
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    report('json', `not valid JSON (${err instanceof Error ? err.message : String(err)})`);
    return { features, problems, rejectedIds };
  }
  const t = value as Partial<ActivityTable> | null;
  const e = (t?.events ?? null) as Record<string, unknown> | null;
  const columns = ['id', 'time', 'kind', 'volunteers', 'hours', 'cell', 'lon', 'lat'] as const;
  if (
    t === null ||
    typeof t !== 'object' ||
    t.format !== ACTIVITY_TABLE_FORMAT ||
    !Array.isArray(t.kinds) ||
    !Array.isArray(t.cells) ||
    e === null ||
    typeof e !== 'object' ||
    columns.some((c) => !Array.isArray(e[c]))
  ) {
    report(
      'schema',
      `expected {format: "${ACTIVITY_TABLE_FORMAT}", kinds: [], cells: [], events: {${columns.join(', ')}}} with arrays`,
    );
    return { features, problems, rejectedIds };
  }
  const { kinds, cells, events } = t as ActivityTable;
  const n = events.id.length;
  for (const c of columns) {
    if (events[c].length !== n)
      report('index-columns', `events.${c} has ${events[c].length} entries, expected ${n}`);
  }
  if (kinds.some((k) => typeof k !== 'string' || k === ''))
    report('schema', 'kinds: must be non-empty strings');
  if (cells.some((c) => typeof c !== 'string' || c === ''))
    report('schema', 'cells: must be non-empty strings');
  if (problems.length > 0) return { features, problems, rejectedIds };

  const seen = new Set<string>();
  for (let i = 0; i < n; i++) {
    const id = events.id[i];
    const time = events.time[i];
    const kind = kinds[events.kind[i] as number];
    const volunteers = events.volunteers[i] as number;
    const hours = events.hours[i] as number;
    const cellIndex = events.cell[i] as number;
    const lon = events.lon[i] as number;
    const lat = events.lat[i] as number;
    const featureId = typeof id === 'string' && id !== '' ? id : `#${i}`;
    let rule = '';
    let message = '';
    if (typeof id !== 'string' || id === '')
      [rule, message] = ['schema', 'events.id: must be a non-empty string'];
    else if (seen.has(id)) [rule, message] = ['id-duplicate', `id "${id}" is used by more than one event`];
    else if (typeof time !== 'string' || !ISO_WITH_OFFSET.test(time) || Number.isNaN(Date.parse(time)))
      [rule, message] = [
        'schema',
        `events.time: must be an ISO 8601 date-time with an offset (got ${JSON.stringify(time)})`,
      ];
    else if (kind === undefined)
      [rule, message] = ['schema', `events.kind: ${events.kind[i]} is not an index into kinds`];
    else if (!Number.isInteger(volunteers) || volunteers < 1)
      [rule, message] = ['schema', `events.volunteers: must be an integer ≥ 1 (got ${volunteers})`];
    else if (typeof hours !== 'number' || !(hours >= 0))
      [rule, message] = ['schema', `events.hours: must be ≥ 0 (got ${hours})`];
    else if (!Number.isInteger(cellIndex) || cellIndex < -1 || cellIndex >= cells.length)
      [rule, message] = ['schema', `events.cell: ${cellIndex} is not -1 or an index into cells`];
    else if (
      !(
        typeof lon === 'number' &&
        typeof lat === 'number' &&
        lon >= -180 &&
        lon <= 180 &&
        lat >= -90 &&
        lat <= 90
      )
    )
      [rule, message] = ['coordinate-range', `lon/lat ${lon}, ${lat} is outside -180…180 / -90…90`];
    if (typeof id === 'string') seen.add(id);
    if (rule !== '') {
      report(rule, message, featureId);
      if (typeof id === 'string' && id !== '') rejectedIds.add(id);
      continue;
    }
    const properties: ActivityProps = {
      id: id as string,
      time: time as string,
      kind: kind as string,
      volunteers,
      hours,
    };
    if (cellIndex >= 0) properties.cell = cells[cellIndex] as string;
    features.push({ type: 'Feature', geometry: { type: 'Point', coordinates: [lon, lat] }, properties });
  }
  return { features, problems: log.close(), rejectedIds };
}
