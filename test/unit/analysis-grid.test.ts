/**
 * Grid coverage (src/analysis/grid-coverage.ts and friends) on tiny hand-built packs: which method
 * checks each parent, and the reported areas and coverage shares against independent box arithmetic.
 */
import { area } from '@turf/turf';
import type { Position } from 'geojson';
import { describe, expect, it } from 'vitest';
import type { ClipOps } from '../../src/analysis/clip.ts';
import { turfClip } from '../../src/analysis/clip.ts';
import { summariseSpatial } from '../../src/analysis/coverage-summary.ts';
import { residualEdges } from '../../src/analysis/edge-chain.ts';
import { gridCoverage } from '../../src/analysis/grid-coverage.ts';
import { boxArea, loadNoded, loadTiny } from '../fixtures/analysis-fixtures.ts';
import { BASIC_BOUNDARY, type Box, basicCells, boxPolygon, type CellSpec } from '../fixtures/tiny-pack.ts';

const within = (actual: number, expected: number, rel = 0.001) =>
  expect(Math.abs(actual - expected) / expected).toBeLessThan(rel);

function countingClip(): ClipOps & { calls: number } {
  const c = {
    calls: 0,
    intersect: (a: Parameters<ClipOps['intersect']>[0], b: Parameters<ClipOps['intersect']>[1]) => {
      c.calls++;
      return turfClip.intersect(a, b);
    },
    difference: (a: Parameters<ClipOps['difference']>[0], bs: Parameters<ClipOps['difference']>[1]) => {
      c.calls++;
      return turfClip.difference(a, bs);
    },
  };
  return c;
}

const withTown = (cells: CellSpec[]) =>
  cells.map((c) => ({ ...c, town: c.id === 'A1' || c.parent === 'A1' ? 't1' : 't2' }));

describe('grid coverage: how each parent is checked', () => {
  it('a grid cut from its parents is proven exact by its shared edges, without one clipping operation', async () => {
    const pack = await loadNoded(basicCells(), BASIC_BOUNDARY);
    const clip = countingClip();
    const result = gridCoverage(pack, undefined, { clip });
    expect(result.findings).toEqual([]);
    expect(result.groups.map((g) => g.method)).toEqual(['exact', 'exact', 'exact']);
    expect(clip.calls).toBe(0);
  });

  it('a shared edge drawn with an extra vertex on one side only is clipped around it, and is no flaw', async () => {
    // C1's top edge gets a vertex at its midpoint that C2's bottom edge lacks: same line, other vertices.
    const cells = basicCells().map(
      (c): CellSpec =>
        c.id === 'C1'
          ? {
              ...c,
              geometry: {
                type: 'Polygon' as const,
                coordinates: [
                  [
                    [121.0, 31.0],
                    [121.01, 31.0],
                    [121.01, 31.005],
                    [121.005, 31.005],
                    [121.0, 31.005],
                    [121.0, 31.0],
                  ],
                ],
              },
            }
          : c,
    );
    const result = gridCoverage(await loadTiny({ cells }));
    expect(result.findings).toEqual([]);
    // The plain boxes of this fixture lack each other's corners on their edges, so every parent has
    // edges that do not cancel: each is clipped, in windows, and found whole.
    expect(result.groups.map((g) => `${g.parentId}:${g.method}`)).toEqual([
      'null:windows',
      'A1:windows',
      'A2:windows',
    ]);
  });

  it('does not trust the edge test to cells that are not valid regions (a figure-eight through one vertex)', async () => {
    // In units of 0.01° from (121, 31): parent P = [0,2]², V = (2,1) on its right edge; L1 a triangle
    // inside P at V, L2 a triangle outside P at V. Y runs L1 counter-clockwise and L2 clockwise, crossing
    // itself at V (the loader only rejects crossings between edge interiors); X = P − L1 + L2. Their edges
    // cancel exactly against P's, yet X and Y both cover L2, outside P.
    const at = (u: number, v: number): Position => [121 + u * 0.01, 31 + v * 0.01];
    const V = at(2, 1);
    const [l1a, l1b] = [at(1, 1.8), at(1, 0.2)];
    const [l2a, l2b] = [at(2.5, 1.5), at(2.5, 0.5)];
    const X = [at(0, 0), at(2, 0), V, l2b, l2a, V, l1b, l1a, V, at(2, 2), at(0, 2), at(0, 0)];
    const Y = [V, l1a, l1b, V, l2a, l2b, V];
    const P = [at(0, 0), at(2, 0), V, at(2, 2), at(0, 2), at(0, 0)];
    const cells: CellSpec[] = [
      {
        id: 'A1',
        level: 'area',
        parent: null,
        geometry: { type: 'Polygon', coordinates: [P as number[][]] },
      },
      {
        id: 'CX',
        level: 'community',
        parent: 'A1',
        geometry: { type: 'Polygon', coordinates: [X as number[][]] },
      },
      {
        id: 'CY',
        level: 'community',
        parent: 'A1',
        geometry: { type: 'Polygon', coordinates: [Y as number[][]] },
      },
    ];
    const pack = await loadTiny({ cells, boundary: [121, 31, 121.02, 31.02] });
    // The trap: the bare edge bookkeeping sees a perfect tiling.
    const polys = (ring: Position[]) => [[ring]];
    expect(residualEdges([polys(X), polys(Y)], polys(P))).toEqual([]);

    const result = gridCoverage(pack);
    expect(result.groups.find((g) => g.parentId === 'A1')?.method).toBe('clipped');
    const l2Area = area({ type: 'Polygon', coordinates: [[V, l2b, l2a, V]] });
    const summary = result.findings.map((f) => `${f.kind}|${f.ids.join(',')}`).sort();
    expect(summary).toEqual(['outside-parent|CX,A1', 'outside-parent|CY,A1', 'overlap|CX,CY']);
    for (const f of result.findings) within(f.areaM2, l2Area);
  });
});

describe('grid coverage: areas and coverage shares', () => {
  // Boundary 0.01° wider than the areas on the east (a boundary gap beside A2); C2 stops short of A1's
  // top (a gap in A1); C3 reaches 0.0005° into C4 (an overlap in A2).
  const boundary: Box = [121.0, 31.0, 121.03, 31.01];
  const cells = withTown(
    basicCells().map((c) => {
      if (c.id === 'C2') return { ...c, box: [121.0, 31.005, 121.01, 31.008] as Box };
      if (c.id === 'C3') return { ...c, box: [121.01, 31.0, 121.02, 31.0055] as Box };
      return c;
    }),
  );
  const boxOf = (id: string) => cells.find((c) => c.id === id)?.box as Box;
  const boundaryGap = boxArea([121.02, 31.0, 121.03, 31.01]);
  const areaGap = boxArea([121.0, 31.008, 121.01, 31.01]);
  const overlap = boxArea(boxOf('C3')) + boxArea(boxOf('C4')) - boxArea(boxOf('A2'));

  it('reports each flaw once with its area, the same by the exact-first and the clip-everything paths', async () => {
    const pack = await loadTiny({ cells, boundary });
    const fast = gridCoverage(pack);
    const slow = gridCoverage(pack, undefined, { exactFirst: false });
    const rows = (r: typeof fast) =>
      r.findings.map((f) => `${f.kind}|${f.level}|${f.ids.join(',')}|${f.town}`);
    expect(rows(fast)).toEqual([
      'gap-boundary|area|A2|t2',
      'gap|community|A1,C2|t1',
      'overlap|community|C3,C4|t2',
    ]);
    expect(rows(slow)).toEqual(rows(fast));
    const [b, g, o] = fast.findings;
    within(b?.areaM2 ?? 0, boundaryGap);
    within(g?.areaM2 ?? 0, areaGap);
    within(o?.areaM2 ?? 0, overlap);
    fast.findings.forEach((f, i) => {
      within(f.areaM2, slow.findings[i]?.areaM2 ?? 0, 1e-9);
    });
    expect(fast.groups.map((gr) => gr.method)).toEqual(['windows', 'windows', 'windows']);
  });

  it('per level: uncovered area accumulates down the levels; covered share = 1 − uncovered / boundary', async () => {
    const pack = await loadTiny({ cells, boundary });
    const { boundaryAreaM2, levels } = summariseSpatial(pack, gridCoverage(pack));
    within(boundaryAreaM2, boxArea(boundary));
    const [top, community] = levels;
    within(top?.uncoveredM2 ?? 0, boundaryGap);
    within(community?.uncoveredM2 ?? 0, boundaryGap + areaGap);
    within(1 - (top?.coveredShare ?? 0), boundaryGap / boxArea(boundary));
    within(1 - (community?.coveredShare ?? 0), (boundaryGap + areaGap) / boxArea(boundary));
    within(community?.overlapM2 ?? 0, overlap);
    expect(levels.map((l) => [l.level, l.cells, l.gaps, l.complete])).toEqual([
      ['area', 2, 1, true],
      ['community', 4, 1, true],
    ]);
  });

  it('per town: gaps go to their parent’s town, a boundary gap to the town beside it, names from the admin layer', async () => {
    const admin = [
      {
        type: 'Feature' as const,
        properties: { id: 't1', name: '一镇' },
        geometry: boxPolygon([121.0, 31.0, 121.01, 31.01]),
      },
      {
        type: 'Feature' as const,
        properties: { id: 't2', name: '二镇' },
        geometry: boxPolygon([121.01, 31.0, 121.03, 31.01]),
      },
    ];
    const pack = await loadTiny({ cells, boundary, admin });
    const { towns } = summariseSpatial(pack, gridCoverage(pack));
    expect(towns.map((t) => [t.town, t.name])).toEqual([
      ['t1', '一镇'],
      ['t2', '二镇'],
    ]);
    const [t1, t2] = towns;
    within(t1?.areaM2 ?? 0, boxArea(boxOf('A1')));
    within(t2?.areaM2 ?? 0, boxArea(boxOf('A2')) + boundaryGap);
    expect(t1?.levels[0]?.coveredShare).toBe(1);
    within(1 - (t1?.levels[1]?.coveredShare ?? 0), areaGap / boxArea(boxOf('A1')));
    within(1 - (t2?.levels[0]?.coveredShare ?? 0), boundaryGap / (boxArea(boxOf('A2')) + boundaryGap));
    // The overlap in t2 covers ground twice; it uncovers nothing.
    expect(t2?.levels[1]?.uncoveredM2).toBe(t2?.levels[0]?.uncoveredM2);
  });
});
