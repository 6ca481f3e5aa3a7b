/**
 * Features beyond the district boundary (Jiading–Kunshan–Taicang co-governance projects, a neighbour's
 * partner unit, an event or a service point across the border) are data, not errors: the loader and the
 * validator accept them, cell links count only the cells they really touch, and the coverage analysis
 * files no finding about them — while it still reports what the district itself lacks.
 */
import { booleanPointInPolygon } from '@turf/turf';
import type { Feature, Polygon, Position } from 'geojson';
import { describe, expect, it } from 'vitest';
import { validatePackFolder } from '../../scripts/lib/validate-pack.ts';
import { analysePack } from '../../src/analysis/analyse-pack.ts';
import { analyseGridCoverage } from '../../src/analysis/grid-coverage.ts';
import { buildScorecard } from '../../src/analysis/indicators.ts';
import { packIndex } from '../../src/data/pack-index/pack-index.ts';
import { loadRegionPack } from '../../src/data/pack-loader.ts';
import { event, partner, service } from '../fixtures/analysis-fixtures.ts';
import { boxPolygon, buildPackFiles, memorySource } from '../fixtures/tiny-pack.ts';

// The tiny district is the box 121.00–121.02 × 31.00–31.01 (two areas, four communities).
const OUTSIDE_IDS = ['U1', 'U2', 'P1', 'P2', 'E1', 'S1'];

const files = buildPackFiles({
  partners: [
    partner('U1', 121.03, 31.005, ['C1']), // a neighbour's unit, paired with C1 across the border
    partner('U2', 121.04, 31.02), // a neighbour's unit, paired with nothing
  ],
  projects: [
    {
      // A road corridor from beyond the west edge to beyond the east edge, through C1 and C3.
      type: 'Feature',
      properties: { id: 'P1', name: '跨界道路', domain: 'road', status: 'active', progress: 30 },
      geometry: {
        type: 'LineString',
        coordinates: [
          [120.99, 31.0025],
          [121.035, 31.0025],
        ],
      },
    },
    {
      // Wholly in the neighbouring city.
      type: 'Feature',
      properties: { id: 'P2', name: '邻区项目', domain: 'road', status: 'planned', progress: 0 },
      geometry: boxPolygon([121.03, 31.0, 121.04, 31.01]),
    } as Feature,
  ],
  activity: [
    event('E1', '2026-03-10T09:00+08:00', 121.03, 31.005), // across the border
    event('E2', '2026-03-11T09:00+08:00', 121.015, 31.0075), // in C4
  ],
  services: [service('S1', 'legal', 121.021, 31.0075)], // 100 m beyond the east edge
  programme: {
    indicators: {
      categories: [{ id: 'x', name: { zh: '协同性' } }],
      indicators: [
        { id: 'U', category: 'x', name: { zh: '单位' }, target: 2, compute: { key: 'partner-count' } },
        {
          id: 'V',
          category: 'x',
          name: { zh: '覆盖' },
          target: 100,
          compute: { key: 'partner-coverage', level: 'community' },
        },
      ],
    },
  },
});

describe('features beyond the boundary', () => {
  it('load without any problem', async () => {
    const { pack, problems } = await loadRegionPack(memorySource(files));
    expect(problems).toEqual([]);
    expect(pack?.partners.map((p) => p.properties.id)).toEqual(['U1', 'U2']);
    expect(pack?.projects.map((p) => p.properties.id)).toEqual(['P1', 'P2']);
  });

  it('give no grid finding (the validator’s check): the grid still tiles the boundary', async () => {
    const { pack } = await loadRegionPack(memorySource(files));
    expect(pack && analyseGridCoverage(pack)).toEqual([]);
  });

  it('link only to the cells they touch; a point outside every cell belongs to none', async () => {
    const { pack } = await loadRegionPack(memorySource(files));
    if (!pack) throw new Error('no pack');
    const index = packIndex(pack);
    const touchedBy = (project: string) =>
      [...index.links.projects]
        .filter(([, ids]) => ids.includes(project))
        .map(([cell]) => cell)
        .sort();
    expect(touchedBy('P1')).toEqual(['A1', 'A2', 'C1', 'C3']);
    expect(touchedBy('P2')).toEqual([]);
    expect(index.links.partnerLeaf.get('U1')).toBeNull();
    expect(index.links.partnerLeaf.get('U2')).toBeNull();
    expect(index.links.partners.get('C1')).toEqual([
      { partnerId: 'U1', paired: true, inside: false, via: ['C1'] },
    ]);
    expect(index.activity.outside).toBe(1);
  });

  it('are not findings; the district’s own shortfalls still are', async () => {
    const { pack } = await loadRegionPack(memorySource(files));
    if (!pack) throw new Error('no pack');
    const report = analysePack(pack, {
      activityFrom: '2026-03-01',
      activityTo: '2026-03-31',
      serviceRadiusM: 3000,
    });
    for (const f of report.findings) for (const id of OUTSIDE_IDS) expect(f.ids).not.toContain(id);
    // C1 is served by the neighbour's pairing (and A1 through it); nobody works in the rest.
    const noPartner = report.findings.filter((f) => f.kind === 'no-partner').map((f) => f.ids[0]);
    expect(noPartner.sort()).toEqual(['A2', 'C2', 'C3', 'C4']);
    // The event across the border is counted as outside, not as activity of any cell.
    expect(report.activity?.eventsOutsideCells).toBe(1);
    const quiet = report.findings.filter((f) => f.kind === 'no-activity').map((f) => f.ids[0]);
    expect(quiet.sort()).toEqual(['C1', 'C2', 'C3']);
    // A service point just across the border serves the district: within 3 km every cell is reached (without it none would be).
    expect(report.counts['service-gap']).toBe(0);
    expect(report.counts.gap + report.counts['gap-boundary'] + report.counts.overlap).toBe(0);
  });

  it('count in the scorecard as the programme’s units, and their pairings as coverage', async () => {
    const { pack } = await loadRegionPack(memorySource(files));
    if (!pack) throw new Error('no pack');
    const [group] = buildScorecard(pack);
    expect(group?.indicators.map((i) => [i.id, i.actual])).toEqual([
      ['U', 2],
      ['V', 25],
    ]);
  });
});

describe('the Jiading pack’s 嘉昆太 cross-boundary projects', () => {
  it('reach outside the district, and the pack still validates with only its documented flaws', async () => {
    const report = await validatePackFolder('data/regions/jiading');
    expect(report.errors).toEqual([]);
    expect(report.findings).toHaveLength(6);
    const pack = report.pack;
    if (!pack) throw new Error('no pack');
    const outline = pack.boundary[0]?.geometry as Polygon;
    const cross = pack.projects.filter((p) => p.properties.domain === 'cross_boundary');
    expect(cross).toHaveLength(8);
    const positions = (g: { coordinates: unknown }): Position[] =>
      (g.coordinates as unknown[]).flat(3).reduce<Position[]>((out, _v, i, all) => {
        if (i % 2 === 0) out.push([all[i] as number, all[i + 1] as number]);
        return out;
      }, []);
    const outside = cross.filter((p) =>
      positions(p.geometry as { coordinates: unknown }).some((pos) => !booleanPointInPolygon(pos, outline)),
    );
    expect(outside.length).toBe(8);
    // None of them is a finding of the validator, whose findings are the grid's own flaws.
    const ids = new Set(cross.map((p) => p.properties.id));
    for (const f of report.findings) for (const id of f.ids ?? []) expect(ids.has(id)).toBe(false);
    // Each still touches the district: it is listed in the panels of the cells it reaches.
    const links = packIndex(pack).links.projects;
    for (const p of cross) {
      const cells = [...links].filter(([, list]) => list.includes(p.properties.id));
      expect(cells.length, p.properties.name).toBeGreaterThan(0);
    }
  }, 60_000);
});
