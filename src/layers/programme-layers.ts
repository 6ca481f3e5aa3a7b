import type { Feature, FeatureCollection, Geometry, MultiLineString, Position } from 'geojson';
import type { ExpressionSpecification, LayerSpecification } from 'maplibre-gl';
import type { Lang } from '../data/localized.ts';
import { committeeName } from '../data/programme-names.ts';
import type { RegionPack } from '../data/region-pack.ts';
import type { MapData } from './map-data.ts';

/**
 * The committees on the map: each area body's covered cells filled, its outline drawn round the whole
 * area (edges shared by two of its cells cancel), and its name at its largest cell's label point.
 * Founded bodies are solid, planned ones dashed and pale, so the two read apart in colour and in form.
 * Plain data from pure functions; the map controller puts it in one small GeoJSON source.
 */
export const PROGRAMME_SOURCE = 'ga-programme';

export const PROGRAMME_LAYER = {
  fill: 'programme-fill',
  lineFounded: 'programme-line-founded',
  linePlanned: 'programme-line-planned',
  label: 'programme-label',
} as const;

export const COMMITTEE_COLOUR = { founded: '#0b7285', planned: '#c2410c' } as const;

export interface ProgrammeFeatureProps {
  committee: string;
  status: 'founded' | 'planned';
  part: 'fill' | 'line' | 'label';
  name: string;
  /** 1 for the committee chosen in the panel, 0 otherwise (all 1 when none is chosen). */
  selected: 0 | 1;
}

export type ProgrammeMapData = FeatureCollection<Geometry, ProgrammeFeatureProps>;

export const EMPTY_PROGRAMME_MAP: ProgrammeMapData = { type: 'FeatureCollection', features: [] };

/**
 * The outline of a set of polygons without the edges they share: each undirected edge used once is
 * kept, one used twice is interior. Packs cut children from their parents, so neighbours carry identical
 * vertices (docs/region-pack.md); where they do not, an interior edge is simply drawn too. Kept edges
 * are chained into lines so that dashes run on along them.
 */
export function outerEdges(polygons: readonly Position[][][]): MultiLineString {
  const key = (a: Position, b: Position) => `${a[0]},${a[1]}|${b[0]},${b[1]}`;
  // One key per undirected edge: the smaller of its two directed keys.
  const undirected = (a: Position, b: Position) => {
    const forward = key(a, b);
    const backward = key(b, a);
    return forward.localeCompare(backward) <= 0 ? forward : backward;
  };
  const count = new Map<string, number>();
  const edges: [Position, Position][] = [];
  for (const rings of polygons) {
    for (const ring of rings) {
      for (let i = 0; i + 1 < ring.length; i++) {
        const a = ring[i] as Position;
        const b = ring[i + 1] as Position;
        if (a[0] === b[0] && a[1] === b[1]) continue;
        const k = undirected(a, b);
        count.set(k, (count.get(k) ?? 0) + 1);
        edges.push([a, b]);
      }
    }
  }
  const kept = edges.filter(([a, b]) => count.get(undirected(a, b)) === 1);
  // Chain: from each unused edge, follow edges whose start is the current end.
  const byStart = new Map<string, number[]>();
  kept.forEach(([a], i) => {
    const k = `${a[0]},${a[1]}`;
    const list = byStart.get(k);
    if (list) list.push(i);
    else byStart.set(k, [i]);
  });
  const used = new Uint8Array(kept.length);
  const lines: Position[][] = [];
  for (let i = 0; i < kept.length; i++) {
    if (used[i]) continue;
    used[i] = 1;
    const [a, b] = kept[i] as [Position, Position];
    const line = [a, b];
    let end = b;
    for (;;) {
      const next = (byStart.get(`${end[0]},${end[1]}`) ?? []).find((j) => !used[j]);
      if (next === undefined) break;
      used[next] = 1;
      end = (kept[next] as [Position, Position])[1];
      line.push(end);
    }
    lines.push(line);
  }
  return { type: 'MultiLineString', coordinates: lines };
}

/** Every committee that covers cells, as fills, one outline and one label; `selected` emphasises one. */
export function programmeMapData(
  pack: RegionPack,
  data: MapData,
  lang: Lang,
  selected: string | null,
): ProgrammeMapData {
  const labelAt = new Map(data.labels.features.map((f) => [f.properties.id, f.geometry.coordinates]));
  const features: Feature<Geometry, ProgrammeFeatureProps>[] = [];
  const labels: Feature<Geometry, ProgrammeFeatureProps>[] = [];
  for (const c of pack.programme.committees) {
    const cells = c.cells.flatMap((id) => {
      const cell = pack.grid.byId.get(id);
      return cell ? [cell] : [];
    });
    if (cells.length === 0) continue;
    const props = (part: ProgrammeFeatureProps['part']): ProgrammeFeatureProps => ({
      committee: c.id,
      status: c.status,
      part,
      name: committeeName(pack, c, lang),
      selected: selected === null || selected === c.id ? 1 : 0,
    });
    const polygons: Position[][][] = [];
    for (const cell of cells) {
      features.push({ type: 'Feature', geometry: cell.geometry, properties: props('fill') });
      if (cell.geometry.type === 'Polygon') polygons.push(cell.geometry.coordinates);
      else polygons.push(...cell.geometry.coordinates);
    }
    features.push({ type: 'Feature', geometry: outerEdges(polygons), properties: props('line') });
    // The label at the label point of the largest covered cell (by bounding box), always inside it.
    const largest = cells.reduce(
      (best, cell) => {
        const b = pack.grid.bbox.get(cell.properties.id) ?? [0, 0, 0, 0];
        const size = (b[2] - b[0]) * (b[3] - b[1]);
        return size > best.size ? { id: cell.properties.id, size } : best;
      },
      { id: cells[0]?.properties.id ?? '', size: -1 },
    );
    const at = labelAt.get(largest.id);
    if (at)
      labels.push({
        type: 'Feature',
        geometry: { type: 'Point', coordinates: at },
        properties: props('label'),
      });
  }
  return { type: 'FeatureCollection', features: [...features, ...labels] };
}

const is = (part: ProgrammeFeatureProps['part']): ExpressionSpecification => ['==', ['get', 'part'], part];
const colour: ExpressionSpecification = [
  'match',
  ['get', 'status'],
  'planned',
  COMMITTEE_COLOUR.planned,
  COMMITTEE_COLOUR.founded,
];
const dimmed = (on: number, off: number): ExpressionSpecification => [
  'case',
  ['==', ['get', 'selected'], 1],
  on,
  off,
];

/** Drawn above the grid and the drill-down veil, under the district outline and alert markers. */
export function programmeLayers(): LayerSpecification[] {
  return [
    {
      id: PROGRAMME_LAYER.fill,
      type: 'fill',
      source: PROGRAMME_SOURCE,
      filter: is('fill'),
      paint: {
        'fill-color': colour,
        'fill-opacity': ['case', ['==', ['get', 'status'], 'planned'], dimmed(0.14, 0.05), dimmed(0.34, 0.1)],
      },
    },
    {
      id: PROGRAMME_LAYER.lineFounded,
      type: 'line',
      source: PROGRAMME_SOURCE,
      filter: ['all', is('line'), ['==', ['get', 'status'], 'founded']],
      layout: { 'line-join': 'round' },
      paint: {
        'line-color': COMMITTEE_COLOUR.founded,
        'line-width': dimmed(3, 1.5),
        'line-opacity': dimmed(1, 0.5),
      },
    },
    {
      id: PROGRAMME_LAYER.linePlanned,
      type: 'line',
      source: PROGRAMME_SOURCE,
      filter: ['all', is('line'), ['==', ['get', 'status'], 'planned']],
      layout: { 'line-join': 'round' },
      paint: {
        'line-color': COMMITTEE_COLOUR.planned,
        'line-width': dimmed(2.6, 1.4),
        'line-opacity': dimmed(1, 0.5),
        'line-dasharray': [2, 1.5],
      },
    },
    {
      id: PROGRAMME_LAYER.label,
      type: 'symbol',
      source: PROGRAMME_SOURCE,
      filter: is('label'),
      layout: {
        'text-field': ['get', 'name'],
        'text-font': ['Noto Sans CJK SC Bold', 'sans-serif'],
        'text-size': 13,
        'text-max-width': 9,
        'text-allow-overlap': false,
      },
      paint: { 'text-color': colour, 'text-halo-color': '#ffffff', 'text-halo-width': 2 },
    },
  ];
}
