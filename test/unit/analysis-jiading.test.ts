/**
 * The full analysis of the committed Jiading pack, checked against what the generator documents
 * (flaws.json, its README) and against brute-force loops written here without any index or shortcut.
 */
import { readFileSync } from 'node:fs';
import { booleanPointInPolygon } from '@turf/turf';
import type { Position } from 'geojson';
import { beforeAll, describe, expect, it } from 'vitest';
import { fsPackSource } from '../../scripts/lib/fs-pack-source.ts';
import { analysePack, type CoverageReport } from '../../src/analysis/analyse-pack.ts';
import type { Finding } from '../../src/analysis/finding.ts';
import { gridCoverage } from '../../src/analysis/grid-coverage.ts';
import { ancestry, type GridCell } from '../../src/data/grid-index.ts';
import { loadRegionPack } from '../../src/data/pack-loader.ts';
import type { RegionPack } from '../../src/data/region-pack.ts';
import { haversineM, R } from '../fixtures/analysis-fixtures.ts';

const FOLDER = 'data/regions/jiading';

interface Flaw {
  kind: 'gap' | 'overlap';
  level: string;
  parent: string | null;
  ids: string[];
  areaM2: number;
}

let pack: RegionPack;
let report: CoverageReport;
const ofKind = (kind: Finding['kind']) => report.findings.filter((f) => f.kind === kind);

beforeAll(async () => {
  const loaded = await loadRegionPack(fsPackSource(FOLDER));
  if (!loaded.pack) throw new Error('the Jiading pack does not load');
  pack = loaded.pack;
  report = analysePack(pack);
}, 120_000);

describe('Jiading: spatial coverage', () => {
  it('finds exactly the deliberate flaws of flaws.json: same kind, level, parent, cells and area', () => {
    const flaws = JSON.parse(readFileSync(`${FOLDER}/flaws.json`, 'utf8')) as Flaw[];
    const spatial = report.findings.filter((f) =>
      ['gap-boundary', 'gap', 'overlap', 'outside-parent', 'geometry-unprocessable'].includes(f.kind),
    );
    const asFlaw = (f: Finding) => {
      const parent =
        f.kind === 'gap'
          ? (f.ids[0] ?? null)
          : f.kind === 'overlap'
            ? (pack.grid.byId.get(f.ids[0] ?? '')?.properties.parent ?? null)
            : null;
      const ids = f.kind === 'gap' ? f.ids.slice(1) : f.ids;
      return `${f.kind === 'overlap' ? 'overlap' : 'gap'}|${f.level}|${parent}|${[...ids].sort().join(',')}|${Math.round(f.areaM2)}`;
    };
    const expected = flaws.map(
      (w) => `${w.kind}|${w.level}|${w.parent}|${[...w.ids].sort().join(',')}|${w.areaM2}`,
    );
    expect(spatial.map(asFlaw).sort()).toEqual(expected.sort());
  });

  it('gives the same findings when every parent is clipped (no exact edge shortcut)', () => {
    const slow = gridCoverage(pack, undefined, { exactFirst: false });
    const fast = gridCoverage(pack);
    const rows = (fs: Finding[]) => fs.map((f) => `${f.kind}|${f.ids.join(',')}|${f.areaM2.toFixed(3)}`);
    expect(rows(fast.findings)).toEqual(rows(slow.findings));
    expect(fast.groups.filter((g) => g.method === 'exact')).toHaveLength(407);
    expect(slow.groups.every((g) => g.method === 'clipped')).toBe(true);
  }, 120_000);

  it('per level, uncovered area is the sum of the flaws at and above it', () => {
    const flaws = JSON.parse(readFileSync(`${FOLDER}/flaws.json`, 'utf8')) as Flaw[];
    const depth = (l: string) => pack.grid.levels.indexOf(l);
    for (const row of report.spatial.levels) {
      const expected = flaws
        .filter((w) => w.kind === 'gap' && depth(w.level) <= depth(row.level))
        .reduce((s, w) => s + w.areaM2, 0);
      expect(Math.abs(row.uncoveredM2 - expected)).toBeLessThan(flaws.length);
      expect(row.complete).toBe(true);
    }
    expect(report.gridMethods).toEqual({ exact: 407, windows: 6, clipped: 0 });
  });
});

/** Distance from a point to a polygon (0 inside), in a frame centred on the point: independent code. */
function distanceToCell(p: Position, cell: GridCell): number {
  const [px, py] = p as [number, number];
  const M = (Math.PI * R) / 180;
  const kx = Math.cos((py * Math.PI) / 180) * M;
  if (booleanPointInPolygon(p, cell.geometry)) return 0;
  const rings =
    cell.geometry.type === 'Polygon' ? cell.geometry.coordinates : cell.geometry.coordinates.flat();
  let best = Infinity;
  for (const ring of rings) {
    for (let i = 0; i < ring.length - 1; i++) {
      const ax = ((ring[i]?.[0] as number) - px) * kx;
      const ay = ((ring[i]?.[1] as number) - py) * M;
      const bx = ((ring[i + 1]?.[0] as number) - px) * kx;
      const by = ((ring[i + 1]?.[1] as number) - py) * M;
      const dx = bx - ax;
      const dy = by - ay;
      const t = Math.max(0, Math.min(1, -(ax * dx + ay * dy) / (dx * dx + dy * dy || 1)));
      best = Math.min(best, Math.hypot(ax + t * dx, ay + t * dy));
    }
  }
  return best;
}

describe('Jiading: service reach against brute force', () => {
  it('wholly unreached cells: no service at all within 1 km of the cell (every service tried)', () => {
    const r = pack.manifest.serviceRadiusMeters;
    const byCell = new Map(ofKind('service-gap').map((f) => [f.ids[0] ?? '', f]));
    let checked = 0;
    for (const id of pack.grid.byDepth[2] ?? []) {
      const cell = pack.grid.byId.get(id) as GridCell;
      const nearest = Math.min(...pack.services.map((s) => distanceToCell(s.geometry.coordinates, cell)));
      if (Math.abs(nearest - r) < 1) continue; // on the edge of reach: either answer is right
      checked++;
      expect(byCell.get(id)?.fraction === 1, id).toBe(nearest > r);
    }
    expect(checked).toBeGreaterThan(1800);
  });

  it('partly reached cells: the unreached share matches dense sampling (every sample against every service)', () => {
    const r = pack.manifest.serviceRadiusMeters;
    const partly = ofKind('service-gap').filter((f) => (f.fraction ?? 1) < 1);
    expect(partly.length).toBeGreaterThan(100);
    let sampled = 0;
    let reported = 0;
    for (const f of partly) {
      const cell = pack.grid.byId.get(f.ids[0] ?? '') as GridCell;
      const [x0, y0, x1, y1] = pack.grid.bbox.get(cell.properties.id) as number[] as [
        number,
        number,
        number,
        number,
      ];
      let inside = 0;
      let far = 0;
      const n = 16;
      for (let i = 0; i < n; i++) {
        for (let j = 0; j < n; j++) {
          const p: Position = [x0 + ((i + 0.5) / n) * (x1 - x0), y0 + ((j + 0.5) / n) * (y1 - y0)];
          if (!booleanPointInPolygon(p, cell.geometry)) continue;
          inside++;
          if (!pack.services.some((s) => haversineM(p, s.geometry.coordinates) <= r)) far++;
        }
      }
      const share = far / inside;
      expect(Math.abs(share - (f.fraction ?? 0)), f.ids[0]).toBeLessThan(0.1);
      sampled += (share * f.areaM2) / (f.fraction ?? 1);
      reported += f.areaM2;
    }
    expect(Math.abs(sampled - reported) / reported).toBeLessThan(0.02);
  });
});

describe('Jiading: partnership against brute force', () => {
  it('cells without a partner are exactly those no unit is paired with (or below) and none lies in', () => {
    const expected: string[] = [];
    for (const cell of pack.grid.cells) {
      const id = cell.properties.id;
      const paired = pack.partners.some((p) =>
        (p.properties.cells ?? []).some((c) => ancestry(pack.grid, c).some((a) => a.properties.id === id)),
      );
      const inside = pack.partners.some((p) => booleanPointInPolygon(p.geometry, cell.geometry));
      if (!paired && !inside) expected.push(id);
    }
    expect(
      ofKind('no-partner')
        .map((f) => f.ids[0])
        .sort(),
    ).toEqual(expected.sort());
    expect(report.partnership?.levels.map((l) => l.withoutPartner)).toEqual(
      pack.grid.levels.map(
        (l) => expected.filter((id) => pack.grid.byId.get(id)?.properties.level === l).length,
      ),
    );
  });
});

describe('Jiading: activity', () => {
  it('over the whole year, the cells that never had activity are the 29 the generator lists', () => {
    const whole = analysePack(pack, { activityFrom: '2025-11-01', activityTo: '2026-10-31' });
    const never = whole.findings.filter((f) => f.kind === 'no-activity').map((f) => f.ids[0]);
    // data/regions/jiading/README.md, "activity.geojson".
    const listed =
      'M0176 M0231 M0381 M0429 M0468 M0690 M0801 M0843 M0974 M1067 M1070 M1093 M1169 M1175 M1251 M1264 M1331 M1370 M1394 M1421 M1463 M1550 M1562 M1649 M1695 M1761 M1776 M1824 M1857';
    expect(never.sort()).toEqual(listed.split(' '));
    expect(whole.activity?.cellsNever).toBe(29);
    expect(whole.activity?.eventsInWindow).toBe(pack.activity.length);
  });

  it('the default window (90 days to the last event’s day): cells and days since the last event, by a direct loop', () => {
    const from = Date.parse(report.activity?.from ?? '');
    const to = Date.parse(report.activity?.to ?? '');
    expect((to - from) / 86_400_000).toBe(90);
    const inWindow = new Set<string>();
    const last = new Map<string, number>();
    for (const e of pack.activity) {
      const t = Date.parse(e.properties.time);
      const cell = e.properties.cell ?? '';
      if (t >= from && t < to) inWindow.add(cell);
      if (t < to && t > (last.get(cell) ?? -Infinity)) last.set(cell, t);
    }
    const expected = (pack.grid.byDepth[2] ?? []).filter((id) => !inWindow.has(id));
    const found = ofKind('no-activity');
    expect(found.map((f) => f.ids[0]).sort()).toEqual([...expected].sort());
    for (const f of found) {
      const t = last.get(f.ids[0] ?? '');
      expect(f.daysSinceLast).toBe(t === undefined ? null : Math.floor((to - t) / 86_400_000));
    }
  });
});
