/**
 * A valid pack never crashes the analysis: a clipping operation that fails is reported with the cells
 * it concerns, and everything else is still checked.
 */
import { describe, expect, it } from 'vitest';
import { analysePack } from '../../src/analysis/analyse-pack.ts';
import { type ClipOps, turfClip } from '../../src/analysis/clip.ts';
import { gridCoverage } from '../../src/analysis/grid-coverage.ts';
import { boxArea, loadTiny, POLYCLIP_BREAKER, polygonOf } from '../fixtures/analysis-fixtures.ts';
import { type Box, basicCells, type CellSpec } from '../fixtures/tiny-pack.ts';

const gapInA2 = basicCells().map((c) =>
  c.id === 'C4' ? { ...c, box: [121.01, 31.005, 121.02, 31.008] as Box } : c,
);

describe('a clipping operation that fails', () => {
  it('is reported naming its cells, and the other parents are still checked (injected failure)', async () => {
    const pack = await loadTiny({ cells: gapInA2 });
    // Every intersection fails: A1's and A2's children can no longer be compared pairwise.
    const failing: ClipOps = {
      intersect: () => ({ ok: false, error: 'Unable to complete output ring (injected)' }),
      difference: turfClip.difference,
    };
    const { findings, groups } = gridCoverage(pack, undefined, { clip: failing });
    const rows = findings.map((f) => `${f.kind}|${f.ids.join(',')}`);
    expect(rows).toContain('geometry-unprocessable|C1,C2');
    expect(rows).toContain('geometry-unprocessable|C3,C4');
    // The gap in A2 is still found, with its area.
    const gap = findings.find((f) => f.kind === 'gap');
    expect(gap?.ids).toEqual(['A2', 'C4']);
    const expected = boxArea([121.01, 31.008, 121.02, 31.01]);
    expect(Math.abs((gap?.areaM2 ?? 0) - expected) / expected).toBeLessThan(0.001);
    // The boundary's check failed too: it compares A1 with A2.
    expect(groups.filter((g) => g.failed).map((g) => g.parentId)).toEqual([null, 'A1', 'A2']);
    expect(findings.find((f) => f.ids.join() === 'C1,C2')?.message).toMatch(
      /^could not intersect siblings C1 and C2 \(Unable to complete output ring \(injected\)\); this check was skipped/,
    );
  });

  it('an operation that throws instead of returning an error is caught the same way', async () => {
    const pack = await loadTiny({ cells: gapInA2 });
    const throwing: ClipOps = {
      intersect: turfClip.intersect,
      difference: (a, bs) => {
        if (bs.length > 1) throw new RangeError('boom');
        return turfClip.difference(a, bs);
      },
    };
    const { findings } = gridCoverage(pack, undefined, { clip: throwing });
    // Each parent's gap is drawn with one many-subtrahend difference: once per parent, boundary included.
    expect(findings.filter((f) => f.kind === 'geometry-unprocessable').map((f) => f.ids)).toEqual([
      ['A1', 'A2'],
      ['A1'],
      ['A2'],
    ]);
    expect(findings.find((f) => f.ids[0] === 'A2')?.message).toContain('(boom)');
  });

  it('real polyclip failure: a parent whose child is a copy of it moved by 1e-13° is reported, the rest finishes', async () => {
    // A1 = the breaker's parent polygon, its children the triangle and the near copy (polyclip-ts
    // throws on that difference); A2 far away, with a real gap.
    const cells: CellSpec[] = [
      { id: 'A1', level: 'area', parent: null, geometry: polygonOf(POLYCLIP_BREAKER.parent) },
      { id: 'C1', level: 'community', parent: 'A1', geometry: polygonOf(POLYCLIP_BREAKER.triangle) },
      { id: 'C2', level: 'community', parent: 'A1', geometry: polygonOf(POLYCLIP_BREAKER.nearCopy) },
      { id: 'A2', level: 'area', parent: null, box: [121.01, 31.0, 121.02, 31.01] },
      { id: 'C3', level: 'community', parent: 'A2', box: [121.01, 31.0, 121.02, 31.005] },
      { id: 'C4', level: 'community', parent: 'A2', box: [121.01, 31.005, 121.02, 31.008] },
    ];
    const pack = await loadTiny({ cells, boundary: [120.99, 30.99, 121.02, 31.01] });
    const report = analysePack(pack);
    const unprocessable = report.findings.filter((f) => f.kind === 'geometry-unprocessable');
    expect(unprocessable.map((f) => f.ids)).toEqual([['A1']]);
    expect(unprocessable[0]?.message).toMatch(
      /could not draw the uncovered part of "A1" \(Unable to complete output ring/,
    );
    // The rest: the boundary gap, the triangle sticking out of A1, the overlap of C1 and C2, A2's gap.
    const kinds = report.findings
      .filter((f) => f.kind !== 'geometry-unprocessable')
      .map((f) => `${f.kind}|${f.ids[0]}`);
    expect(kinds.sort()).toEqual(['gap-boundary|A1', 'gap|A2', 'outside-parent|C1', 'overlap|C1']);
    expect(report.spatial.levels.map((l) => l.complete)).toEqual([true, false]);
  });
});
