import { validateStyleMin } from '@maplibre/maplibre-gl-style-spec';
import type { StyleSpecification } from 'maplibre-gl';
import { describe, expect, it } from 'vitest';
import { loadRegionPack } from '../../src/data/pack-loader.ts';
import { deriveMapData } from '../../src/layers/map-data.ts';
import { buildMapStyle, SOURCE } from '../../src/layers/map-style.ts';
import { buildPackFiles, memorySource } from '../fixtures/tiny-pack.ts';

const basemap: StyleSpecification = {
  version: 8,
  glyphs: 'https://tiles.example.org/fonts/{fontstack}/{range}.pbf',
  sources: { streets: { type: 'vector', tiles: ['https://tiles.example.org/{z}/{x}/{y}.pbf'] } },
  layers: [
    { id: 'base-bg', type: 'background', paint: { 'background-color': '#eee' } },
    { id: 'roads', type: 'line', source: 'streets', 'source-layer': 'roads' },
    { id: 'boundary-line', type: 'line', source: 'streets', 'source-layer': 'admin' },
  ],
};

describe('grid over a basemap', () => {
  it('keeps the basemap underneath, drops our background, and our layers win id clashes', async () => {
    const { pack } = await loadRegionPack(memorySource(buildPackFiles()));
    if (!pack) throw new Error('fixture did not load');
    const style = buildMapStyle(deriveMapData(pack), 'zh', basemap);
    expect(validateStyleMin(style)).toEqual([]);
    const ids = style.layers.map((l) => l.id);
    expect(ids.slice(0, 2)).toEqual(['base-bg', 'roads']);
    expect(ids).not.toContain('background');
    expect(ids.filter((id) => id === 'boundary-line')).toHaveLength(1);
    expect(style.layers.find((l) => l.id === 'boundary-line')).toMatchObject({ source: SOURCE.boundary });
    expect(style.glyphs).toBe(basemap.glyphs);
    expect(Object.keys(style.sources)).toEqual(expect.arrayContaining(['streets', SOURCE.grid]));
  });
});
