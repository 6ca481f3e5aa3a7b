import { validateStyleMin } from '@maplibre/maplibre-gl-style-spec';
import type { LayerSpecification } from 'maplibre-gl';
import { describe, expect, it } from 'vitest';
import { loadRegionPack } from '../../src/data/pack-loader.ts';
import { deriveMapData } from '../../src/layers/map-data.ts';
import { buildMapStyle } from '../../src/layers/map-style.ts';
import { FOCUS_THEME, THEME } from '../../src/layers/theme.ts';
import { scaleSize, shiftZoom, wallScale, wallStyle } from '../../src/layers/wall-style.ts';
import { buildPackFiles, memorySource } from '../fixtures/tiny-pack.ts';

async function style() {
  const { pack } = await loadRegionPack(memorySource(buildPackFiles()));
  if (!pack) throw new Error('fixture did not load');
  const data = deriveMapData(pack);
  return buildMapStyle(data, 'zh', null, {
    kind: 'cell',
    id: 'A1',
    depth: 0,
    parent: null,
    isLeaf: false,
    leafDepth: 1,
  });
}
const layer = (layers: LayerSpecification[], id: string) =>
  layers.find((l) => l.id === id) as LayerSpecification & {
    paint: Record<string, unknown>;
    layout?: Record<string, unknown>;
  };

describe('the wall’s map style', () => {
  it('is still a valid style, with none of the office colours left', async () => {
    const base = await style();
    const wall = wallStyle(base, 1);
    expect(validateStyleMin(wall)).toEqual([]);
    const text = JSON.stringify(wall.layers);
    for (const c of [THEME.outside, THEME.land, ...THEME.fills, FOCUS_THEME.veil, FOCUS_THEME.accent])
      expect(text, c).not.toContain(`"${c}"`);
    expect(layer(wall.layers, 'background').paint['background-color']).toBe('#050b13');
    // The alert markers keep their white ring; only label halos turn dark.
    expect(layer(wall.layers, 'alert-dot').paint['circle-stroke-color']).toBe('#ffffff');
    expect(layer(wall.layers, 'focus-clickable-label').paint['text-halo-color']).not.toBe('#ffffff');
    // The input is not changed.
    expect(layer(base.layers, 'background').paint['background-color']).toBe(THEME.outside);
  });

  it('scales pixel sizes and shifts zoom stops for a larger screen, and leaves 1080p alone', async () => {
    const base = await style();
    const at4k = wallStyle(base, 2);
    expect(validateStyleMin(at4k)).toEqual([]);
    expect(layer(at4k.layers, 'boundary-line').paint['line-width']).toBe(6);
    expect(layer(at4k.layers, 'focus-focused-line').paint['line-width']).toBe(8);
    // Alert markers get a further 1.6 × on the wall.
    const radius = layer(at4k.layers, 'alert-dot').paint['circle-radius'] as unknown[];
    expect(radius.slice(0, 3)).toEqual(['match', ['get', 'severity'], 'critical']);
    expect(radius[3]).toBeCloseTo(9 * 2 * 1.6, 6);
    expect(radius[4]).toBeCloseTo(7 * 2 * 1.6, 6);
    const label = base.layers.find((l) => l.id.startsWith('grid-label-') && (l.minzoom ?? 0) > 0);
    expect(label).toBeDefined();
    if (!label) return;
    // One zoom level later on a screen with twice the pixels: the same ground looks the same.
    expect(layer(at4k.layers, label.id).minzoom).toBeCloseTo((label.minzoom ?? 0) + 1, 6);
    expect(wallStyle(base, 1).layers.map((l) => [l.minzoom, l.maxzoom])).toEqual(
      base.layers.map((l) => [l.minzoom, l.maxzoom]),
    );
  });

  it('scales only the outputs of expressions, never their inputs or zoom stops', () => {
    expect(scaleSize(['interpolate', ['linear'], ['zoom'], 10, 1, 14, 2], 2)).toEqual([
      'interpolate',
      ['linear'],
      ['zoom'],
      10,
      2,
      14,
      4,
    ]);
    expect(scaleSize(['step', ['zoom'], 1, 12, 3], 2)).toEqual(['step', ['zoom'], 2, 12, 6]);
    expect(scaleSize(['case', ['==', ['get', 'x'], 1], 5, 7], 2)).toEqual([
      'case',
      ['==', ['get', 'x'], 1],
      10,
      14,
    ]);
    expect(scaleSize(['get', 'size'], 2)).toEqual(['get', 'size']);
    expect(shiftZoom(['interpolate', ['linear'], ['zoom'], 10, 1, 14, 2], 1)).toEqual([
      'interpolate',
      ['linear'],
      ['zoom'],
      11,
      1,
      15,
      2,
    ]);
    expect(shiftZoom(['interpolate', ['linear'], ['get', 'n'], 10, 1], 1)).toEqual([
      'interpolate',
      ['linear'],
      ['get', 'n'],
      10,
      1,
    ]);
    expect(wallScale(1080)).toBe(1);
    expect(wallScale(2160)).toBe(2);
    expect(wallScale(720)).toBe(1);
    expect(wallScale(1440)).toBeCloseTo(1.333, 3);
  });
});
