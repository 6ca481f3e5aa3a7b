/** The geometric building blocks of the analysis, on shapes whose answers are known by hand. */
import { describe, expect, it } from 'vitest';
import { clipToBox } from '../../src/analysis/box-clip.ts';
import { type Pt, polygonMinusDiscs } from '../../src/analysis/disc-cover.ts';
import { residualEdges, residualWindows } from '../../src/analysis/edge-chain.ts';
import { signedArea2 } from '../../src/analysis/planar.ts';
import { validRegion } from '../../src/analysis/valid-region.ts';

const square = (x0: number, y0: number, s: number) => [
  [x0, y0],
  [x0 + s, y0],
  [x0 + s, y0 + s],
  [x0, y0 + s],
  [x0, y0],
];

describe('validRegion', () => {
  it('accepts a polygon with a hole and orients it (shell counter-clockwise, hole clockwise)', () => {
    const r = validRegion({ type: 'Polygon', coordinates: [square(0, 0, 4).reverse(), square(1, 1, 1)] });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const [shell, hole] = r.polygons[0] ?? [];
    expect(signedArea2(shell ?? [])).toBeGreaterThan(0);
    expect(signedArea2(hole ?? [])).toBeLessThan(0);
  });

  it.each([
    [
      'a hole outside its shell',
      { type: 'Polygon' as const, coordinates: [square(0, 0, 1), square(2, 2, 1)] },
      /outside its shell/,
    ],
    [
      'a hole touching its shell',
      { type: 'Polygon' as const, coordinates: [square(0, 0, 2), square(0, 0.5, 1)] },
      /touch/,
    ],
    [
      'overlapping parts',
      { type: 'MultiPolygon' as const, coordinates: [[square(0, 0, 2)], [square(0.5, 0.5, 1)]] },
      /overlap/,
    ],
    [
      'a figure-eight through one vertex',
      {
        type: 'Polygon' as const,
        coordinates: [
          [
            [0, 0],
            [1, 1],
            [2, 0],
            [2, 2],
            [1, 1],
            [0, 2],
            [0, 0],
          ],
        ],
      },
      /touch/,
    ],
  ])('rejects %s', (_, geometry, reason) => {
    const r = validRegion(geometry);
    expect(r.ok).toBe(false);
    expect(r.ok ? '' : r.reason).toMatch(reason);
  });
});

describe('edge bookkeeping', () => {
  const ccw = (ring: number[][]) => (signedArea2(ring) > 0 ? ring : [...ring].reverse());
  it('cancels for two halves sharing an edge vertex for vertex, and leaves a window around a notch', () => {
    const parent = [
      [
        ccw([
          [0, 0],
          [2, 0],
          [2, 1],
          [0, 1],
          [0, 0],
        ]),
      ],
    ];
    const left = [
      [
        ccw([
          [0, 0],
          [1, 0],
          [1, 1],
          [0, 1],
          [0, 0],
        ]),
      ],
    ];
    const right = [
      [
        ccw([
          [1, 0],
          [2, 0],
          [2, 1],
          [1, 1],
          [1, 0],
        ]),
      ],
    ];
    // The parent lacks the vertices (1,0) and (1,1) on its edges: those edges do not cancel.
    expect(residualEdges([left, right], parent)).toHaveLength(6);
    const noded = [
      [
        ccw([
          [0, 0],
          [1, 0],
          [2, 0],
          [2, 1],
          [1, 1],
          [0, 1],
          [0, 0],
        ]),
      ],
    ];
    expect(residualEdges([left, right], noded)).toEqual([]);
    // A notch cut from the right half: the window is the notch's box plus the margin, nothing else.
    const notched = [
      [
        ccw([
          [1, 0],
          [2, 0],
          [2, 1],
          [1.5, 1],
          [1.5, 0.8],
          [1.2, 0.8],
          [1.2, 1],
          [1, 1],
          [1, 0],
        ]),
      ],
    ];
    const windows = residualWindows(residualEdges([left, notched], noded), 0.01);
    expect(windows).toEqual([[1 - 0.01, 0.8 - 0.01, 2 + 0.01, 1 + 0.01]]);
  });
});

describe('clipToBox', () => {
  it('cuts rings to the box and drops holes outside it', () => {
    const g = clipToBox({ type: 'Polygon', coordinates: [square(0, 0, 4), square(3, 3, 0.5)] }, [0, 0, 2, 2]);
    expect(g).toEqual({ type: 'Polygon', coordinates: [expect.any(Array)] });
    expect(Math.abs(signedArea2(g?.type === 'Polygon' ? (g.coordinates[0] ?? []) : []))).toBe(8);
    expect(clipToBox({ type: 'Polygon', coordinates: [square(5, 5, 1)] }, [0, 0, 2, 2])).toBeNull();
  });
});

describe('polygonMinusDiscs', () => {
  const box = square(0, 0, 100) as Pt[];
  it('a disc inside: area − πr², drawn as the box with a hole', () => {
    const r = polygonMinusDiscs([box], [[50, 50]], 20);
    expect(r.area).toBeCloseTo(10_000 - Math.PI * 400, 6);
    expect(r.polygons?.map((p) => p.length)).toEqual([2]);
  });
  it('two discs crossing each other: the lens is not subtracted twice; duplicates count once', () => {
    const d = 20;
    const lens = 2 * 20 * 20 * Math.acos(d / 40) - (d / 2) * Math.sqrt(4 * 400 - d * d);
    const r = polygonMinusDiscs(
      [box],
      [
        [40, 50],
        [60, 50],
        [40, 50],
      ],
      20,
    );
    expect(r.area).toBeCloseTo(10_000 - (2 * Math.PI * 400 - lens), 6);
  });
  it('a quarter disc at a corner; nothing left when one disc covers everything', () => {
    expect(polygonMinusDiscs([box], [[0, 0]], 30).area).toBeCloseTo(10_000 - (Math.PI * 900) / 4, 6);
    const none = polygonMinusDiscs([box], [[50, 50]], 80);
    expect(none.area).toBeCloseTo(0, 9);
    expect(none.polygons).toEqual([]);
  });
});
