import {
  createExpression,
  type ExpressionSpecification,
  type FilterSpecification,
  featureFilter,
  validateStyleMin,
} from '@maplibre/maplibre-gl-style-spec';
import { describe, expect, it } from 'vitest';
import { PARTNER_KINDS, PROJECT_STATUSES } from '../../src/data/feature-schemas.ts';
import { loadRegionPack } from '../../src/data/pack-loader.ts';
import { translate } from '../../src/i18n/strings.ts';
import { deriveMapData } from '../../src/layers/map-data.ts';
import { buildMapStyle } from '../../src/layers/map-style.ts';
import { projectLabelPoint } from '../../src/layers/overlay-data.ts';
import {
  DEFAULT_OVERLAY_STYLE,
  NO_FILTERS,
  type OverlayFilters,
  overlayOf,
  projectFilterExpression,
  projectShown,
  toggleInFilter,
} from '../../src/layers/overlay-style.ts';
import {
  clusterIconExpression,
  committeeColour,
  kindCountProperty,
  PARTNER_LAYER,
  partnerClusterProperties,
  partnerIconExpression,
  partnerIconId,
  partnerLegends,
  partnerLinks,
  shownPartners,
} from '../../src/layers/partner-layers.ts';
import {
  PROJECT_LAYER,
  projectColourExpression,
  projectLayerFilters,
  projectLegends,
  STATUS_COLOUR,
} from '../../src/layers/project-layers.ts';
import {
  SERVICE_LAYER,
  serviceColour,
  serviceLayers,
  serviceLegend,
} from '../../src/layers/service-layers.ts';
import { parseImageId } from '../../src/layers/symbols.ts';
import { buildOverlayPackFiles } from '../fixtures/overlay-pack.ts';
import { memorySource } from '../fixtures/tiny-pack.ts';

async function overlayMapData() {
  const { pack, problems } = await loadRegionPack(memorySource(buildOverlayPackFiles()));
  if (!pack) throw new Error(`fixture did not load: ${JSON.stringify(problems)}`);
  const map = deriveMapData(pack);
  return { pack, map, data: map.overlays };
}

const t = (key: Parameters<typeof translate>[1]) => translate('en', key);
const names = {
  committee: (id: string) => `committee ${id}`,
  domain: (id: string) => `domain ${id}`,
  serviceKind: (k: string) => k,
};

type Props = Record<string, unknown>;
/** Evaluates a data expression on a feature's properties, as MapLibre does. */
function evaluate(expression: unknown, properties: Props, globals: Props = {}): unknown {
  const parsed = createExpression(expression, 'test');
  if (parsed.result !== 'success') throw new Error(JSON.stringify(parsed.value));
  return parsed.value.evaluate({ zoom: 12, ...globals } as never, { type: 1, properties } as never);
}

/** MapLibre's clustering of `clusterProperties` (geojson_wrapper): map each point, reduce pairwise. */
function cluster(points: Props[]): Props {
  const defs = partnerClusterProperties();
  const mapped = points.map((p) =>
    Object.fromEntries(Object.entries(defs).map(([key, [, map]]) => [key, evaluate(map, p)])),
  );
  const [first, ...rest] = mapped;
  const acc: Props = { ...first };
  for (const next of rest) {
    for (const [key, [reduce]] of Object.entries(defs)) {
      acc[key] = evaluate(reduce, next, { accumulated: acc[key] });
    }
  }
  return acc;
}

describe('partner clusters', () => {
  it('count each kind, and the counts add up to the points clustered', () => {
    const kinds = ['government', 'government', 'hospital', 'school', 'government', 'other', 'hospital'];
    const props = cluster(kinds.map((kind, i) => ({ id: `U${i}`, kind })));
    for (const kind of PARTNER_KINDS) {
      expect(props[kindCountProperty(kind)], kind).toBe(kinds.filter((k) => k === kind).length);
    }
    const sum = PARTNER_KINDS.reduce((s, k) => s + Number(props[kindCountProperty(k)]), 0);
    expect(sum).toBe(kinds.length);
  });

  it('draw a ring whose segments are those counts, in the kinds’ colours', () => {
    const props = cluster(['university', 'university', 'enterprise'].map((kind) => ({ kind })));
    const id = evaluate(clusterIconExpression(), { ...props, point_count: 3, cluster: true });
    const image = parseImageId(String(id));
    expect(image?.kind).toBe('donut');
    if (image?.kind !== 'donut') return;
    expect(image.segments.map((s) => s.count)).toEqual(
      PARTNER_KINDS.map((k) => (k === 'university' ? 2 : k === 'enterprise' ? 1 : 0)),
    );
    expect(image.segments.reduce((s, x) => s + x.count, 0)).toBe(3);
  });
});

describe('partner symbols', () => {
  it('take their shape and glyph from the kind and their colour from the committee', async () => {
    const { data } = await overlayMapData();
    const expression = partnerIconExpression(data.committees, 'zh');
    for (const f of data.partners.features) {
      const id = evaluate(expression, { ...f.properties });
      expect(id).toBe(partnerIconId(data.committees, f.properties.kind, f.properties.committee, 'zh'));
      const image = parseImageId(String(id));
      expect(image?.kind === 'symbol' && image.fill).toBe(
        committeeColour(data.committees, f.properties.committee),
      );
    }
    // Committee colours follow the manifest's order; a unit without a committee is grey.
    expect(committeeColour(['a', 'b'], 'a')).not.toBe(committeeColour(['a', 'b'], 'b'));
    expect(committeeColour(['a', 'b'], '~')).toBe('#6b7785');
  });

  it('filtered by committee before clustering, so clusters count only what is shown', async () => {
    const { data } = await overlayMapData();
    const shown = shownPartners(data, { ...NO_FILTERS, committees: ['economy'] });
    expect(shown.features.map((f) => f.properties.id)).toEqual(['U1', 'U4']);
    expect(shownPartners(data, NO_FILTERS)).toBe(data.partners);
  });

  it('draw one line per paired cell (repeats counted once) from the selected unit', async () => {
    const { data } = await overlayMapData();
    const links = partnerLinks(data, { kind: 'partner', id: 'U4' }).features;
    expect(links.filter((f) => f.properties.role === 'link').map((f) => f.properties.cell)).toEqual(['C4']);
    const u1 = partnerLinks(data, { kind: 'partner', id: 'U1' }).features;
    expect(u1.filter((f) => f.properties.role === 'link')).toHaveLength(3);
    expect(partnerLinks(data, { kind: 'project', id: 'P1' }).features).toEqual([]);
  });
});

describe('legends from the style definitions', () => {
  it('project status rows carry the colours the paint expression uses', async () => {
    const { data } = await overlayMapData();
    const [status] = projectLegends(data, NO_FILTERS, 'status', t, names);
    const paint = projectColourExpression('status', data.domains);
    for (const entry of status?.entries ?? []) {
      const painted = evaluate(paint, { status: entry.key, domain: 'road' });
      expect(entry.swatch.shape === 'line' && entry.swatch.colour).toBe(
        STATUS_COLOUR[entry.key as keyof typeof STATUS_COLOUR],
      );
      expect(entry.swatch.shape === 'line' && entry.swatch.colour).toBe(painted);
    }
    // Coloured by domain, the domain rows take the colours and status rows turn neutral.
    const [byStatus, byDomain] = projectLegends(data, NO_FILTERS, 'domain', t, names);
    const domainPaint = projectColourExpression('domain', data.domains);
    for (const entry of byDomain?.entries ?? []) {
      const painted = evaluate(domainPaint, { status: 'active', domain: entry.key });
      expect(entry.swatch.shape === 'line' && entry.swatch.colour).toBe(painted);
    }
    expect(new Set(byStatus?.entries.map((e) => e.swatch.shape === 'line' && e.swatch.colour)).size).toBe(1);
  });

  it('count what each category shows under the other filters, and mark what is filtered out', async () => {
    const { data } = await overlayMapData();
    const filters: OverlayFilters = { committees: null, statuses: ['delayed'], domains: ['road'] };
    const [status, domain] = projectLegends(data, filters, 'status', t, names);
    const count = (l: typeof status, key: string) => l?.entries.find((e) => e.key === key);
    // Road projects: P1 delayed, P3 done, P4 delayed, P5 planned.
    expect(count(status, 'delayed')).toMatchObject({ count: 2, filtered: false });
    expect(count(status, 'done')).toMatchObject({ count: 1, filtered: true });
    expect(count(status, 'active')).toMatchObject({ count: 0, filtered: true });
    // Delayed projects by domain: both on roads, none cross-boundary.
    expect(count(domain, 'road')).toMatchObject({ count: 2, filtered: false });
    expect(count(domain, 'cross')).toMatchObject({ count: 0, filtered: true });
  });

  it('partners: committee rows count all units; kind rows count the units the committee filter shows', async () => {
    const { data } = await overlayMapData();
    const [committees, kinds] = partnerLegends(
      data,
      { ...NO_FILTERS, committees: ['economy'] },
      'en',
      t,
      names,
    );
    expect(committees?.entries.map((e) => [e.key, e.count, e.filtered])).toEqual([
      ['economy', 2, false],
      ['culture', 1, true],
      ['~', 1, true],
    ]);
    expect(Object.fromEntries(kinds?.entries.map((e) => [e.key, e.count]) ?? [])).toEqual({
      government: 1,
      enterprise: 1,
      university: 0,
      hospital: 0,
    });
    expect(committees?.entries[0]?.swatch).toEqual({
      shape: 'circle',
      colour: committeeColour(data.committees, 'economy'),
    });
  });
});

describe('project names', () => {
  it('are placed once per point or area project; lines are named along the line', async () => {
    const { data } = await overlayMapData();
    expect(data.projectLabels.features.map((f) => f.properties.id)).toEqual(['P1', 'P3', 'P4', 'P5']);
    // A charging build-out of many points is named once, at the point nearest their middle.
    const multi = projectLabelPoint({
      type: 'MultiPoint',
      coordinates: [
        [0, 0],
        [10, 0],
        [4, 1],
        [10, 10],
      ],
    });
    expect(multi).toEqual([4, 1]);
    // Inside an area, away from its edges.
    const [x = 0, y = 0] =
      projectLabelPoint(data.projects.features[2]?.geometry ?? { type: 'Point', coordinates: [0, 0] }) ?? [];
    expect(x).toBeGreaterThan(121.011);
    expect(x).toBeLessThan(121.018);
    expect(y).toBeGreaterThan(31.0065);
    expect(y).toBeLessThan(31.009);
  });
});

describe('service points', () => {
  it('are squares in their kind’s colour, as the legend shows them, with a count per kind', async () => {
    const { data } = await overlayMapData();
    const layer = serviceLayers(data).find((l) => l.id === SERVICE_LAYER.points);
    const icon = layer?.type === 'symbol' ? layer.layout?.['icon-image'] : null;
    const legend = serviceLegend(data, t, names);
    expect(legend.entries.map((e) => [e.key, e.count])).toEqual([
      ['legal', 1],
      ['sports', 2],
    ]);
    for (const entry of legend.entries) {
      const image = parseImageId(String(evaluate(icon, { kind: entry.key })));
      expect(image).toEqual({
        kind: 'symbol',
        shape: 'square',
        fill: serviceColour(data.serviceKinds, entry.key),
        glyph: '',
      });
      expect(entry.swatch).toEqual({ shape: 'square', colour: serviceColour(data.serviceKinds, entry.key) });
    }
  });
});

describe('filters', () => {
  it('the project filter expression lets through exactly what projectShown does', async () => {
    const { data } = await overlayMapData();
    const lists: OverlayFilters[] = [
      NO_FILTERS,
      { committees: null, statuses: ['delayed'], domains: null },
      { committees: null, statuses: ['active', 'done'], domains: ['road'] },
      { committees: null, statuses: [], domains: null },
      { committees: null, statuses: null, domains: ['cross'] },
    ];
    for (const filters of lists) {
      const filter = featureFilter(projectFilterExpression(filters) as FilterSpecification, 'filter');
      for (const f of data.projects.features) {
        const passes = filter.filter({ zoom: 12 } as never, { type: 1, properties: f.properties } as never);
        expect(passes, `${f.properties.id} ${JSON.stringify(filters)}`).toBe(
          projectShown(f.properties, filters),
        );
      }
    }
  });

  it('each project layer filters by geometry and the filters; the selection outlines one project', () => {
    const f = projectLayerFilters({ ...NO_FILTERS, statuses: ['done'] }, { kind: 'project', id: 'P3' });
    const test = (layer: string, type: 1 | 2 | 3, properties: Props) =>
      featureFilter(f[layer] as FilterSpecification, 'filter').filter(
        { zoom: 12 } as never,
        { type, properties } as never,
      );
    expect(test(PROJECT_LAYER.fill, 3, { status: 'done', domain: 'road' })).toBe(true);
    expect(test(PROJECT_LAYER.fill, 3, { status: 'active', domain: 'road' })).toBe(false);
    expect(test(PROJECT_LAYER.line, 3, { status: 'done', domain: 'road' })).toBe(false);
    expect(test(PROJECT_LAYER.point, 1, { status: 'done', domain: 'road' })).toBe(true);
    expect(test(PROJECT_LAYER.selectedLine, 3, { id: 'P3' })).toBe(true);
    expect(test(PROJECT_LAYER.selectedLine, 3, { id: 'P1' })).toBe(false);
  });

  it('switching a category off and on again returns to "all" (null), so new categories show', () => {
    const all = PROJECT_STATUSES;
    const off = toggleInFilter(null, all, 'done');
    expect(off).toEqual(['planned', 'active', 'delayed', 'suspended']);
    expect(toggleInFilter(off, all, 'done')).toBeNull();
    expect(toggleInFilter(['delayed'], all, 'delayed')).toEqual([]);
  });
});

describe('the style with overlays', () => {
  it('is valid, keeps overlay sources under ga- ids, and builds switched-off overlays hidden', async () => {
    const { map } = await overlayMapData();
    const style = buildMapStyle(map, 'zh', null, null, undefined, {
      ...DEFAULT_OVERLAY_STYLE,
      active: new Set(['projects']),
    });
    expect(validateStyleMin(style)).toEqual([]);
    for (const id of ['ga-partners', 'ga-partner-links', 'ga-projects', 'ga-services']) {
      expect(Object.keys(style.sources)).toContain(id);
    }
    const visibility = (id: string) => {
      const layer = style.layers.find((l) => l.id === id);
      return (layer?.layout as { visibility?: string } | undefined)?.visibility;
    };
    expect(visibility(PARTNER_LAYER.points)).toBe('none');
    expect(visibility(PARTNER_LAYER.clusters)).toBe('none');
    expect(visibility(PROJECT_LAYER.line)).toBe('visible');
    expect(visibility('alert-dot')).toBe('none');
    expect(visibility('service-points')).toBe('none');
    // Grid layers carry no overlay tag and no visibility of the overlays' making.
    expect(overlayOf(style.layers.find((l) => l.id === 'boundary-line')?.metadata)).toBeNull();
    expect(visibility('boundary-line')).toBeUndefined();
    // Offline: no sprite, no glyphs, no URL.
    expect(style.sprite).toBeUndefined();
    expect(JSON.stringify(style)).not.toMatch(/https?:\/\//);
  });

  it('the partner source clusters with the kind counts, and its icons resolve to drawable images', async () => {
    const { map, data } = await overlayMapData();
    const style = buildMapStyle(map, 'en');
    const source = style.sources['ga-partners'];
    expect(source?.type === 'geojson' && source.cluster).toBe(true);
    expect(source?.type === 'geojson' && Object.keys(source.clusterProperties ?? {})).toEqual(
      PARTNER_KINDS.map(kindCountProperty),
    );
    const points = style.layers.find((l) => l.id === PARTNER_LAYER.points);
    const icon = points?.type === 'symbol' ? points.layout?.['icon-image'] : null;
    expect(
      parseImageId(
        String(evaluate(icon as ExpressionSpecification, { kind: 'hospital', committee: 'culture' })),
      ),
    ).toEqual({
      kind: 'symbol',
      shape: 'circle',
      fill: committeeColour(data.committees, 'culture'),
      glyph: 'H',
    });
  });
});
