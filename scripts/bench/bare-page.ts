/**
 * Writes the baseline page of the page benchmark into the built app (dist/bench-bare/), so that the
 * same server serves both pages: MapLibre's own ES module build and worker (node_modules/maplibre-gl,
 * the version our bundle contains), a tiny page (scripts/bench/bare-page/), and per pack a style.json
 * made by OUR style function from OUR derived data (deriveMapData → buildMapStyle), with each inline
 * GeoJSON source written to a file beside it. So the bare page draws exactly the features and layers
 * our app draws, with every derivation already done: the difference between the two pages is the whole
 * cost of our app (JavaScript, pack validation, indexing, derivation, React) on top of MapLibre's work.
 */
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { StyleSpecification } from 'maplibre-gl';
import { loadPackCore } from '../../src/data/pack-loader.ts';
import { deriveMapData } from '../../src/layers/map-data.ts';
import { buildMapStyle } from '../../src/layers/map-style.ts';
import { fsPackSource } from '../lib/fs-pack-source.ts';

const PAGE_FILES = ['index.html', 'bare.js', 'bare.css'];
const MAPLIBRE_FILES = ['maplibre-gl.mjs', 'maplibre-gl-worker.mjs', 'maplibre-gl.css'];

export interface BarePack {
  id: string;
  /** The pack folder on disk, served under /regions/<id>/ by the benchmark's server. */
  dir: string;
}

/** Writes dist/bench-bare/ and returns the page's path for each pack, relative to the app's URL. */
export async function writeBarePage(dist: string, packs: readonly BarePack[]): Promise<Map<string, string>> {
  const out = join(dist, 'bench-bare');
  mkdirSync(out, { recursive: true });
  for (const f of PAGE_FILES) copyFileSync(join('scripts/bench/bare-page', f), join(out, f));
  for (const f of MAPLIBRE_FILES) copyFileSync(join('node_modules/maplibre-gl/dist', f), join(out, f));
  const pages = new Map<string, string>();
  for (const { id, dir } of packs) {
    // What the page loads first (a tiled pack: its attribute index, the grid itself from the tiles).
    const { core, problems } = await loadPackCore(fsPackSource(dir), { expectedId: id, preferIndex: true });
    if (!core) throw new Error(`${dir}: the pack does not load: ${problems[0]?.message ?? ''}`);
    // Tile URLs relative to the style file (dist/bench-bare/<id>/style.json → /regions/<id>/…).
    const style = buildMapStyle(deriveMapData(core, `../../regions/${id}/`), 'zh') as StyleSpecification;
    mkdirSync(join(out, id), { recursive: true });
    for (const [sourceId, source] of Object.entries(style.sources)) {
      if (source.type !== 'geojson' || typeof source.data === 'string') continue;
      const file = `${sourceId}.geojson`;
      writeFileSync(join(out, id, file), JSON.stringify(source.data));
      source.data = file;
    }
    writeFileSync(join(out, id, 'style.json'), JSON.stringify(style));
    pages.set(id, `bench-bare/index.html?style=${encodeURIComponent(`${id}/style.json`)}`);
  }
  return pages;
}
