import { validateStyleMin } from '@maplibre/maplibre-gl-style-spec';
import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy, runtimeConfigSchema } from '../../src/config/runtime-config.ts';
import { loadRegionPack } from '../../src/data/pack-loader.ts';
import { colourCells } from '../../src/layers/colouring.ts';
import { deriveMapData } from '../../src/layers/map-data.ts';
import { buildMapStyle, layerId } from '../../src/layers/map-style.ts';
import { basicCells, boxPolygon, buildPackFiles, memorySource } from '../fixtures/tiny-pack.ts';

async function tinyMapData() {
  const { pack } = await loadRegionPack(memorySource(buildPackFiles()));
  if (!pack) throw new Error('fixture did not load');
  return deriveMapData(pack);
}

describe('map style', () => {
  it('is a valid MapLibre style with fill, line and label layers per level', async () => {
    const style = buildMapStyle(await tinyMapData(), 'zh');
    expect(validateStyleMin(style)).toEqual([]);
    const ids = style.layers.map((l) => l.id);
    for (const level of ['area', 'community']) {
      expect(ids).toContain(layerId.gridFill(level));
      expect(ids).toContain(layerId.gridLine(level));
      expect(ids).toContain(layerId.gridLabel(level));
    }
    // Offline by default: no glyphs, sprite or tile URL anywhere in the style.
    expect(JSON.stringify(style)).not.toMatch(/https?:\/\//);
    expect(style.glyphs).toBeUndefined();
  });

  it('shows deeper levels only when zoomed in further', async () => {
    const data = await tinyMapData();
    const [area, community] = data.zooms;
    expect(area?.linesFrom).toBe(0);
    expect(community?.linesFrom).toBeGreaterThan(0);
    expect(community?.focusFrom).toBeGreaterThan(community?.linesFrom ?? 0);
    // community boxes are half the size of areas: one zoom level further in, within rounding.
    expect((community?.labelsFrom ?? 0) - (area?.labelsFrom ?? 0)).toBeCloseTo(0.5, 0);
  });

  it('labels in English fall back to the Chinese name', async () => {
    const style = buildMapStyle(await tinyMapData(), 'en');
    const label = style.layers.find((l) => l.id === layerId.gridLabel('area'));
    expect(label?.type === 'symbol' && label.layout?.['text-field']).toEqual([
      'coalesce',
      ['get', 'nameEn'],
      ['get', 'name'],
    ]);
  });
});

describe('cell colouring', () => {
  it('gives cells that share a vertex different colours', () => {
    const cells = basicCells().filter((c) => c.level === 'community');
    const colours = colourCells(
      cells.map((c) => ({ id: c.id, geometry: boxPolygon(c.box ?? [0, 0, 1, 1]) as never })),
      6,
    );
    // All four boxes meet at the centre point: four different colours.
    expect(new Set(colours.values()).size).toBe(4);
  });
});

describe('runtime config and CSP', () => {
  it('allows only its own origin by default', () => {
    const csp = contentSecurityPolicy(runtimeConfigSchema.parse({}));
    expect(csp).toContain("default-src 'self'");
    expect(csp).not.toContain('unsafe-eval');
    expect(csp).not.toMatch(/https?:/);
  });

  it('adds the hosts the configuration names, and nothing else', () => {
    const csp = contentSecurityPolicy(
      runtimeConfigSchema.parse({
        basemapStyle: 'https://tiles.intranet.example/style.json',
        allowedOrigins: ['https://feed.example.org/x'],
      }),
    );
    expect(csp).toContain("connect-src 'self' https://feed.example.org https://tiles.intranet.example");
    expect(csp).toContain("script-src 'self'");
  });

  it('rejects unknown settings and non-http URLs', () => {
    expect(runtimeConfigSchema.safeParse({ basemap: 'x' }).success).toBe(false);
    expect(runtimeConfigSchema.safeParse({ basemapStyle: 'javascript:alert(1)' }).success).toBe(false);
  });
});
