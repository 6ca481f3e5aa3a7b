import type { Feature, FeatureCollection, LineString, Point } from 'geojson';
import type {
  ExpressionSpecification,
  FilterSpecification,
  GeoJSONSourceSpecification,
  LayerSpecification,
} from 'maplibre-gl';
import { PARTNER_KINDS, type PartnerKind } from '../data/feature-schemas.ts';
import type { Lang } from '../data/localized.ts';
import type { StringKey } from '../i18n/strings.ts';
import type { OverlayData } from './overlay-data.ts';
import {
  NO_COMMITTEE,
  type OverlayFilters,
  type OverlayNames,
  type OverlaySelection,
  overlayMetadata,
  partnerShown,
} from './overlay-style.ts';
import type { OverlayLegend } from './overlays.ts';
import { type SymbolShape, symbolImageId } from './symbols.ts';

/**
 * Partner units: a symbol per unit (shape and glyph by kind, colour by committee), clustered at low
 * zoom into rings that show the mix of kinds; the selected unit's pairing drawn as lines to its cells.
 * One table per category (kinds, committee colours) feeds both the layers and the legends.
 */

export const PARTNER_SOURCE = 'ga-partners';
export const PARTNER_LINK_SOURCE = 'ga-partner-links';

export const PARTNER_LAYER = {
  pairedCells: 'partner-paired-cells',
  linkCasing: 'partner-link-casing',
  link: 'partner-link',
  linkEnd: 'partner-link-end',
  selected: 'partner-selected',
  selectedSymbol: 'partner-selected-symbol',
  clusters: 'partner-clusters',
  points: 'partner-points',
  labels: 'partner-labels',
} as const;

/** Clicks on these select a partner (points) or zoom into a cluster (clusters). */
export const PARTNER_CLICKABLE = [PARTNER_LAYER.points, PARTNER_LAYER.clusters] as const;

/** Individual units from this zoom on; clusters below. */
export const PARTNER_CLUSTER_MAX_ZOOM = 12;

export interface PartnerKindStyle {
  shape: SymbolShape;
  glyph: Record<Lang, string>;
  /** The kind's segment colour in a cluster's ring. */
  colour: string;
}

/** Kinds: a shape and a glyph each (distinguishable without colour), and a ring colour for clusters. */
export const PARTNER_KIND_STYLE: Record<PartnerKind, PartnerKindStyle> = {
  government: { shape: 'square', glyph: { zh: '政', en: 'G' }, colour: '#4e79a7' },
  state_enterprise: { shape: 'hexagon', glyph: { zh: '国', en: 'S' }, colour: '#e15759' },
  enterprise: { shape: 'diamond', glyph: { zh: '企', en: 'E' }, colour: '#f28e2b' },
  university: { shape: 'pentagon', glyph: { zh: '高', en: 'U' }, colour: '#b07aa1' },
  hospital: { shape: 'circle', glyph: { zh: '医', en: 'H' }, colour: '#59a14f' },
  school: { shape: 'shield', glyph: { zh: '学', en: 'K' }, colour: '#edc948' },
  social_org: { shape: 'octagon', glyph: { zh: '社', en: 'N' }, colour: '#76b7b2' },
  community_org: { shape: 'house', glyph: { zh: '区', en: 'C' }, colour: '#ff9da7' },
  other: { shape: 'triangle', glyph: { zh: '其', en: 'O' }, colour: '#9c755f' },
};

/**
 * Committee colours in the manifest's order (Okabe–Ito and Tol hues, dark enough under a white
 * glyph and told apart with the common colour-vision deficiencies); cycled past eight committees.
 */
export const COMMITTEE_PALETTE = [
  '#0072b2',
  '#d55e00',
  '#009e73',
  '#aa4499',
  '#332288',
  '#882255',
  '#117733',
  '#b8860b',
] as const;
export const NO_COMMITTEE_COLOUR = '#6b7785';

export function committeeColour(committees: readonly string[], committee: string): string {
  const i = committees.indexOf(committee);
  return i < 0
    ? NO_COMMITTEE_COLOUR
    : (COMMITTEE_PALETTE[i % COMMITTEE_PALETTE.length] ?? NO_COMMITTEE_COLOUR);
}

/** Cluster property holding the number of units of a kind in the cluster. */
export const kindCountProperty = (kind: PartnerKind) => `k_${kind}`;

/** MapLibre clusterProperties: per kind, map = 1 for a unit of that kind, reduce = sum. */
export function partnerClusterProperties(): Record<
  string,
  [ExpressionSpecification, ExpressionSpecification]
> {
  return Object.fromEntries(
    PARTNER_KINDS.map((kind) => [
      kindCountProperty(kind),
      [
        ['+', ['accumulated'], ['get', kindCountProperty(kind)]],
        ['case', ['==', ['get', 'kind'], kind], 1, 0],
      ],
    ]),
  ) as Record<string, [ExpressionSpecification, ExpressionSpecification]>;
}

const match = (key: string, pairs: [string, string][], fallback: string): ExpressionSpecification =>
  ['match', ['get', key], ...pairs.flat(), fallback] as unknown as ExpressionSpecification;

/** icon-image of a unit: its kind's shape and glyph in its committee's colour. */
export function partnerIconExpression(committees: readonly string[], lang: Lang): ExpressionSpecification {
  // One match over kind × committee would be long; the id is built from three small matches instead.
  const kinds = PARTNER_KINDS.map((k) => [k, PARTNER_KIND_STYLE[k]] as const);
  return [
    'concat',
    'ga-sym|',
    match(
      'kind',
      kinds.map(([k, s]) => [k, s.shape]),
      'circle',
    ),
    '|',
    match(
      'committee',
      committees.map((c) => [c, committeeColour(committees, c)]),
      NO_COMMITTEE_COLOUR,
    ),
    '|',
    match(
      'kind',
      kinds.map(([k, s]) => [k, s.glyph[lang]]),
      '',
    ),
  ];
}

/** The image id of a unit's symbol, as the expression above builds it (legends, tests). */
export const partnerIconId = (
  committees: readonly string[],
  kind: PartnerKind,
  committee: string,
  lang: Lang,
) =>
  symbolImageId({
    shape: PARTNER_KIND_STYLE[kind].shape,
    fill: committeeColour(committees, committee),
    glyph: PARTNER_KIND_STYLE[kind].glyph[lang],
  });

/** icon-image of a cluster: a ring with one segment per kind, as long as its share of the cluster. */
export function clusterIconExpression(): ExpressionSpecification {
  const parts: (string | ExpressionSpecification)[] = ['ga-donut|'];
  PARTNER_KINDS.forEach((kind, i) => {
    parts.push(`${i ? ',' : ''}${PARTNER_KIND_STYLE[kind].colour}:`);
    parts.push(['to-string', ['get', kindCountProperty(kind)]]);
  });
  return ['concat', ...parts] as ExpressionSpecification;
}

/** The units the filters let through, as the clustered source's data (clusters count only these). */
export function shownPartners(data: OverlayData, filters: OverlayFilters): OverlayData['partners'] {
  if (filters.committees === null) return data.partners;
  return {
    type: 'FeatureCollection',
    features: data.partners.features.filter((f) => partnerShown(f.properties.committee, filters)),
  };
}

export interface PartnerLinkProps {
  role: 'partner' | 'link' | 'cell';
  partner: string;
  /** The unit's kind and committee (its own point): its symbol is drawn even where it is clustered. */
  kind?: string;
  committee?: string;
  /** The paired cell (links and their ends). */
  cell?: string;
  colour: string;
}

/** The selected unit, a line to each cell it is paired with, and a dot at each cell. */
export function partnerLinks(
  data: OverlayData,
  selection: OverlaySelection | null,
): FeatureCollection<Point | LineString, PartnerLinkProps> {
  const features: Feature<Point | LineString, PartnerLinkProps>[] = [];
  const partner =
    selection?.kind === 'partner'
      ? data.partners.features.find((f) => f.properties.id === selection.id)
      : null;
  if (!partner) return { type: 'FeatureCollection', features };
  const id = partner.properties.id;
  const colour = committeeColour(data.committees, partner.properties.committee);
  const from = partner.geometry.coordinates;
  for (const cell of data.partnerCells.get(id) ?? []) {
    const to = data.cellPoints.get(cell);
    if (!to) continue;
    features.push({
      type: 'Feature',
      geometry: { type: 'LineString', coordinates: [from, to] },
      properties: { role: 'link', partner: id, cell, colour },
    });
    features.push({
      type: 'Feature',
      geometry: { type: 'Point', coordinates: to },
      properties: { role: 'cell', partner: id, cell, colour },
    });
  }
  features.push({
    type: 'Feature',
    geometry: { type: 'Point', coordinates: from },
    properties: {
      role: 'partner',
      partner: id,
      colour,
      kind: partner.properties.kind,
      committee: partner.properties.committee,
    },
  });
  return { type: 'FeatureCollection', features };
}

export function partnerSources(
  data: OverlayData,
  filters: OverlayFilters,
  links: FeatureCollection,
): Record<string, GeoJSONSourceSpecification> {
  return {
    [PARTNER_SOURCE]: {
      type: 'geojson',
      data: shownPartners(data, filters),
      cluster: true,
      clusterMaxZoom: PARTNER_CLUSTER_MAX_ZOOM,
      clusterRadius: 46,
      clusterProperties: partnerClusterProperties(),
    },
    [PARTNER_LINK_SOURCE]: { type: 'geojson', data: links },
  };
}

/** The cells the selected unit is paired with, outlined on the grid source. */
export function pairedCellsFilter(cells: readonly string[]): FilterSpecification {
  return ['in', ['get', 'id'], ['literal', [...cells]]];
}

const FONT = ['Noto Sans CJK SC Regular', 'sans-serif'];
const FONT_BOLD = ['Noto Sans CJK SC Bold', 'sans-serif'];

/** Lines and the paired cells go under the symbols; the symbols above everything but alerts. */
export function partnerLayers(
  data: OverlayData,
  lang: Lang,
  gridSource: string,
  pairedCells: readonly string[],
): { under: LayerSpecification[]; over: LayerSpecification[] } {
  const metadata = overlayMetadata('partners');
  const isRole = (role: PartnerLinkProps['role']): FilterSpecification => ['==', ['get', 'role'], role];
  const under: LayerSpecification[] = [
    {
      id: PARTNER_LAYER.pairedCells,
      type: 'line',
      source: gridSource,
      metadata,
      filter: pairedCellsFilter(pairedCells),
      layout: { 'line-join': 'round' },
      paint: { 'line-color': '#343a40', 'line-width': 2.2, 'line-dasharray': [2, 1.5] },
    },
    {
      id: PARTNER_LAYER.linkCasing,
      type: 'line',
      source: PARTNER_LINK_SOURCE,
      metadata,
      filter: isRole('link'),
      layout: { 'line-cap': 'round' },
      paint: { 'line-color': '#ffffff', 'line-width': 5, 'line-opacity': 0.9 },
    },
    {
      id: PARTNER_LAYER.link,
      type: 'line',
      source: PARTNER_LINK_SOURCE,
      metadata,
      filter: isRole('link'),
      layout: { 'line-cap': 'round' },
      paint: { 'line-color': ['get', 'colour'], 'line-width': 2.5 },
    },
    {
      id: PARTNER_LAYER.linkEnd,
      type: 'circle',
      source: PARTNER_LINK_SOURCE,
      metadata,
      filter: isRole('cell'),
      paint: {
        'circle-radius': 4,
        'circle-color': ['get', 'colour'],
        'circle-stroke-color': '#ffffff',
        'circle-stroke-width': 1.5,
      },
    },
  ];
  const unclustered: FilterSpecification = ['!', ['has', 'point_count']];
  const over: LayerSpecification[] = [
    {
      id: PARTNER_LAYER.clusters,
      type: 'symbol',
      source: PARTNER_SOURCE,
      metadata,
      filter: ['has', 'point_count'],
      layout: {
        'icon-image': clusterIconExpression(),
        'icon-size': ['interpolate', ['linear'], ['get', 'point_count'], 2, 0.8, 12, 1, 40, 1.3],
        'icon-allow-overlap': true,
        'text-field': ['to-string', ['get', 'point_count']],
        'text-font': FONT_BOLD,
        'text-size': 13,
        'text-allow-overlap': true,
      },
      paint: { 'text-color': '#14263a' },
    },
    {
      id: PARTNER_LAYER.points,
      type: 'symbol',
      source: PARTNER_SOURCE,
      metadata,
      filter: unclustered,
      layout: {
        'icon-image': partnerIconExpression(data.committees, lang),
        'icon-size': ['interpolate', ['linear'], ['zoom'], 12, 0.85, 17, 1.15],
        'icon-allow-overlap': true,
      },
    },
    {
      id: PARTNER_LAYER.selected,
      type: 'circle',
      source: PARTNER_LINK_SOURCE,
      metadata,
      filter: isRole('partner'),
      paint: {
        'circle-radius': 17,
        'circle-color': ['get', 'colour'],
        'circle-opacity': 0.18,
        'circle-stroke-color': ['get', 'colour'],
        'circle-stroke-width': 2.5,
      },
    },
    {
      // The selected unit on top of everything, also where its own symbol is inside a cluster ring.
      id: PARTNER_LAYER.selectedSymbol,
      type: 'symbol',
      source: PARTNER_LINK_SOURCE,
      metadata,
      filter: isRole('partner'),
      layout: {
        'icon-image': partnerIconExpression(data.committees, lang),
        'icon-size': 1.1,
        'icon-allow-overlap': true,
        'icon-ignore-placement': true,
      },
    },
    {
      id: PARTNER_LAYER.labels,
      type: 'symbol',
      source: PARTNER_SOURCE,
      metadata,
      filter: unclustered,
      minzoom: 15,
      layout: {
        'text-field': lang === 'en' ? ['coalesce', ['get', 'nameEn'], ['get', 'name']] : ['get', 'name'],
        'text-font': FONT,
        'text-size': 12,
        'text-anchor': 'top',
        'text-offset': [0, 1.3],
        'text-max-width': 9,
        'text-optional': true,
      },
      paint: { 'text-color': '#1d2b3a', 'text-halo-color': '#ffffff', 'text-halo-width': 1.5 },
    },
  ];
  return { under, over };
}

type Translate = (key: StringKey) => string;

/** Two legends: committees (colour, a filter) and kinds (shape and glyph, with the cluster colour). */
export function partnerLegends(
  data: OverlayData,
  filters: OverlayFilters,
  lang: Lang,
  t: Translate,
  names: OverlayNames,
): OverlayLegend[] {
  const all = data.partners.features.map((f) => f.properties);
  const committees = [...data.committees];
  if (all.some((p) => p.committee === NO_COMMITTEE)) committees.push(NO_COMMITTEE);
  const shown = all.filter((p) => partnerShown(p.committee, filters));
  const kinds = PARTNER_KINDS.filter((k) => all.some((p) => p.kind === k));
  return [
    {
      overlay: 'partners',
      id: 'committee',
      toggles: 'committee',
      title: t('legendCommittee'),
      entries: committees.map((c) => ({
        key: c,
        label: c === NO_COMMITTEE ? t('noCommittee') : names.committee(c),
        swatch: { shape: 'circle', colour: committeeColour(data.committees, c) },
        count: all.filter((p) => p.committee === c).length,
        filtered: !partnerShown(c, filters),
      })),
    },
    {
      overlay: 'partners',
      id: 'kind',
      title: t('legendPartnerKind'),
      entries: kinds.map((k) => ({
        key: k,
        label: t(`kind_${k}` as StringKey),
        swatch: {
          shape: 'symbol',
          symbol: PARTNER_KIND_STYLE[k].shape,
          colour: '#495867',
          glyph: PARTNER_KIND_STYLE[k].glyph[lang],
          accent: PARTNER_KIND_STYLE[k].colour,
        },
        count: shown.filter((p) => p.kind === k).length,
      })),
    },
  ];
}
