/**
 * The planner view's pure parts on a tiny hand-built pack: filtering and ranking findings, the cells'
 * shading values, where the map flies, the export files (CSV quoting, BOM, names) and the map style
 * with the planner's layers (legend from the same definitions as the layer).
 */
import { validateStyleMin } from '@maplibre/maplibre-gl-style-spec';
import { beforeAll, describe, expect, it } from 'vitest';
import { analysePack, type CoverageReport } from '../../src/analysis/analyse-pack.ts';
import type { Finding } from '../../src/analysis/finding.ts';
import type { RegionPack } from '../../src/data/region-pack.ts';
import {
  COVERAGE_LAYER,
  NEVER_ACTIVE,
  SHADING,
  shadeColour,
  shadingLegend,
} from '../../src/layers/coverage-layers.ts';
import { FOCUS_LAYER } from '../../src/layers/focus-style.ts';
import { deriveMapData } from '../../src/layers/map-data.ts';
import { buildMapStyle, layerId } from '../../src/layers/map-style.ts';
import { csvField, toCsv } from '../../src/ui/export/csv.ts';
import { findingsGeoJson, findingsTable } from '../../src/ui/planner/findings-export.ts';
import {
  cellShading,
  exportFileName,
  filterFindings,
  findingTarget,
  formatShare,
  NO_FILTERS,
  rankedFindings,
  serviceKindLabel,
  shadingContext,
} from '../../src/ui/planner/planner-model.ts';
import { event, loadTiny, service } from '../fixtures/analysis-fixtures.ts';
import { basicCells } from '../fixtures/tiny-pack.ts';

let pack: RegionPack;
let report: CoverageReport;

beforeAll(async () => {
  // C2 is missing: the top half of A1 is a gap. One legal aid point at the far corner of C4 reaches
  // part of C3 and C4; one event in C1 within the window, one in C3 long before it; C4 never had one.
  pack = await loadTiny({
    cells: basicCells()
      .filter((c) => c.id !== 'C2')
      .map((c) => ({ ...c, name: c.id === 'C3' ? '嘉定, "新城"社区' : `网格${c.id}`, population: 1000 })),
    services: [service('S1', 'legal', 121.02, 31.01)],
    activity: [
      event('E1', '2026-03-10T09:00+08:00', 121.005, 31.0025, 'C1'),
      event('E2', '2025-06-01T09:00+08:00', 121.015, 31.0025, 'C3'),
    ],
  });
  report = analysePack(pack, { activityFrom: '2026-02-01', activityTo: '2026-03-31' });
});

const ofKind = (kind: Finding['kind']) => report.findings.filter((f) => f.kind === kind);

describe('findings in the planner list', () => {
  it('filters by kind (one kind, or every grid kind), level and town', () => {
    expect(filterFindings(report.findings, NO_FILTERS)).toHaveLength(report.findings.length);
    const grid = filterFindings(report.findings, { ...NO_FILTERS, kind: 'grid' });
    expect(grid.map((f) => f.kind)).toEqual(['gap']);
    expect(filterFindings(report.findings, { ...NO_FILTERS, kind: 'service-gap' })).toEqual(
      ofKind('service-gap'),
    );
    expect(
      filterFindings(report.findings, { ...NO_FILTERS, level: 'area' }).every((f) => f.level === 'area'),
    ).toBe(true);
    // The tiny pack's cells have no town: '' selects them, a town id selects none.
    expect(filterFindings(report.findings, { ...NO_FILTERS, town: '' })).toHaveLength(report.findings.length);
    expect(filterFindings(report.findings, { ...NO_FILTERS, town: '310114001' })).toEqual([]);
  });

  it('ranks by people when asked, without another run', () => {
    const byPeople = rankedFindings(report, 'population');
    const people = byPeople.map((f) => f.population ?? -1);
    expect(people).toEqual([...people].sort((a, b) => b - a));
    expect(rankedFindings(report, 'area')).toBe(report.findings);
  });

  it('flies to a finding’s own geometry, or to the cells of a whole-cell finding', () => {
    const gap = ofKind('gap')[0] as Finding;
    const target = findingTarget(gap, pack);
    expect(target?.pieces.features).toHaveLength(1);
    expect(target?.cellIds).toEqual(gap.ids);
    // The gap is where C2 was: the top half of A1.
    const [w, s, e, n] = target?.bbox ?? [];
    expect([w, s, e, n].map((v) => Number(v?.toFixed(6)))).toEqual([121.0, 31.005, 121.01, 31.01]);

    const idle = ofKind('no-activity').find((f) => f.ids[0] === 'C4') as Finding;
    const whole = findingTarget(idle, pack);
    expect(whole?.pieces.features).toEqual([]);
    expect(whole?.cellIds).toEqual(['C4']);
    expect(whole?.bbox).toEqual([121.01, 31.005, 121.02, 31.01]);
  });
});

describe('shading values per finest-level cell', () => {
  it('service reach = 1 − the unreached share; activity = days idle, 0 when active, never = NEVER_ACTIVE', () => {
    const values = cellShading(report, pack);
    expect([...values.keys()].sort()).toEqual(['C1', 'C3', 'C4']);
    for (const [id, v] of values) {
      const gap = ofKind('service-gap').find((f) => f.ids[0] === id);
      expect(v.reach).toBeCloseTo(1 - (gap?.fraction ?? 0), 12);
    }
    expect(values.get('C4')?.reach).toBeGreaterThan(0);
    expect(values.get('C1')?.reach).toBe(0);
    expect(values.get('C1')?.activity).toBe(0);
    expect(values.get('C3')?.activity).toBe(
      ofKind('no-activity').find((f) => f.ids[0] === 'C3')?.daysSinceLast,
    );
    expect(values.get('C4')?.activity).toBe(NEVER_ACTIVE);
  });

  it('no layer, no data: -1 (the legend’s grey)', async () => {
    const bare = await loadTiny({});
    const values = cellShading(analysePack(bare), bare);
    expect([...values.values()].every((v) => v.reach === -1 && v.activity === -1)).toBe(true);
  });

  it('each value lands in the legend class its colour says', () => {
    // Evaluate the step expression by hand: the class is the last whose `from` is ≤ the value.
    const classOf = (measure: 'reach' | 'activity', v: number) =>
      v < 0
        ? SHADING[measure].noData.colour
        : [...SHADING[measure].classes].reverse().find((c) => v >= c.from)?.colour;
    const expr = shadeColour('reach') as unknown[];
    expect(expr[0]).toBe('step');
    const stops = expr.slice(3).filter((_, i) => i % 2 === 0) as number[];
    expect(stops).toEqual([...stops].sort((a, b) => a - b));
    expect(classOf('reach', 1)).toBe('#4575b4');
    expect(classOf('reach', 0.1)).toBe('#d73027');
    expect(classOf('activity', NEVER_ACTIVE)).toBe('#d73027');
    expect(classOf('activity', 0)).toBe('#4575b4');
    expect(classOf('reach', -1)).toBe(SHADING.reach.noData.colour);
  });
});

describe('the map style with the planner’s layers', () => {
  it('is a valid style; shading sits between the grid’s fills and outlines, the highlight above the focus', () => {
    const data = deriveMapData(pack);
    const target = findingTarget(ofKind('gap')[0] as Finding, pack);
    const style = buildMapStyle(data, 'zh', null, null, { shading: 'activity', highlight: target });
    expect(validateStyleMin(style)).toEqual([]);
    const ids = style.layers.map((l) => l.id);
    const at = (id: string) => ids.indexOf(id);
    expect(at(COVERAGE_LAYER.shade)).toBeGreaterThan(at(layerId.gridFill('community')));
    expect(at(COVERAGE_LAYER.shade)).toBeLessThan(at(layerId.gridLine('area')));
    expect(at(COVERAGE_LAYER.pieceFill)).toBeGreaterThan(at(FOCUS_LAYER.focusedLine));
    const shade = style.layers[at(COVERAGE_LAYER.shade)];
    expect(shade?.layout?.visibility).toBe('visible');
    expect(shade?.type === 'fill' && shade.paint?.['fill-color']).toEqual(shadeColour('activity'));
    const off = buildMapStyle(data, 'zh');
    expect(off.layers.find((l) => l.id === COVERAGE_LAYER.shade)?.layout?.visibility).toBe('none');
    expect(validateStyleMin(off)).toEqual([]);
  });

  it('the legend lists the layer’s own colours, in order, then “no data”', () => {
    for (const measure of ['reach', 'activity'] as const) {
      const legend = shadingLegend(measure).map((r) => r.colour);
      const expr = shadeColour(measure) as unknown[];
      const colours = expr.slice(4).filter((_, i) => i % 2 === 0);
      expect(legend).toEqual([...colours, expr[2]]);
    }
  });
});

describe('exports', () => {
  it('quotes CSV fields per RFC 4180 and defuses formulas', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField(' padded')).toBe('" padded"');
    expect(csvField('=HYPERLINK("x")')).toBe('"\'=HYPERLINK(""x"")"');
    expect(csvField('+1')).toBe("'+1");
    expect(csvField('@sum')).toBe("'@sum");
    expect(csvField(-3)).toBe('-3');
    expect(csvField(31450)).toBe('31450');
    expect(csvField(null)).toBe('');
    expect(csvField(Number.NaN)).toBe('');
    expect(csvField('嘉定区')).toBe('嘉定区');
    expect(
      toCsv([
        ['a', 'b'],
        [1, '嘉定'],
      ]),
    ).toBe('\uFEFFa,b\r\n1,嘉定\r\n');
  });

  it('a findings table: header in the interface language, names from the pack, plain numbers', () => {
    const rows = findingsTable(report.findings, pack, 'zh');
    expect(rows[0]?.[0]).toBe('序号');
    expect(rows).toHaveLength(report.findings.length + 1);
    const gap = rows.find((r) => r[1] === '网格缺口');
    expect(gap?.slice(0, 7)).toEqual([
      report.findings.findIndex((f) => f.kind === 'gap') + 1,
      '网格缺口',
      '高',
      'community',
      '',
      'A1;C1',
      '网格A1;网格C1',
    ]);
    const c3 = rows.find((r) => r[5] === 'C3' && r[1] === '无志愿活动');
    expect(c3?.[6]).toBe('嘉定, "新城"社区');
    expect(toCsv(rows)).toContain('"嘉定, ""新城""社区"');
    expect(findingsTable([], pack, 'en')[0]?.slice(0, 3)).toEqual(['rank', 'kind', 'severity']);
  });

  it('GeoJSON: whole-cell findings get their cell’s geometry from the pack', () => {
    const fc = findingsGeoJson(report.findings, pack);
    expect(fc.features).toHaveLength(report.findings.length);
    const idle = fc.features.find((f) => f.properties.kind === 'no-activity' && f.properties.ids[0] === 'C4');
    expect(idle?.geometry).toEqual(pack.grid.byId.get('C4')?.geometry);
    expect(fc.features.every((f) => f.geometry !== null)).toBe(true);
  });

  it('file names carry region, analysis and the day in Shanghai', () => {
    // 17:00 UTC on 21 Nov is 01:00 on 22 Nov in Shanghai.
    expect(exportFileName('jiading', 'csv', Date.UTC(2026, 10, 21, 17, 0))).toBe(
      'jiading-coverage-2026-11-22.csv',
    );
  });

  it('shares never round up to 100 % while something is missing', () => {
    expect(formatShare(1)).toBe('100%');
    expect(formatShare(0.999999)).toBe('99.99%');
    expect(formatShare(0.8274, 1)).toBe('82.7%');
    expect(formatShare(-0.1)).toBe('0.00%');
  });

  it('says under the legend what the shading was computed for, from the report', () => {
    expect(shadingContext('activity', report, 'zh')).toBe('2026-02-01 – 2026-03-31');
    expect(shadingContext('reach', report, 'en')).toBe('Service reach: any service point, within 1,000 m');
    expect(shadingContext('reach', null, 'en')).toBeNull();
  });

  it('service kinds: known ones translated, others kept as the pack writes them', () => {
    expect(serviceKindLabel('zh', 'legal')).toBe('法律服务');
    expect(serviceKindLabel('en', null)).toBe('any service point');
    expect(serviceKindLabel('zh', '社区食堂')).toBe('社区食堂');
  });
});
