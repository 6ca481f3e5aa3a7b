/**
 * JavaScript sizes of the built app (dist/), gzip-compressed (zlib level 9, as a web server with
 * precompressed assets would send them):
 *  - first load: the entry script and every chunk index.html preloads (the static import graph),
 *    MapLibre's chunk counted apart;
 *  - MapLibre's worker, apart;
 *  - our lazy chunks (loaded when a feature first needs them: charts, the analysis worker, …).
 * Budget (issue #8): our own JavaScript on the first-load path at most 150 kB gzip.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { BenchRow } from './bench-row.ts';

export interface JsFile {
  file: string;
  raw: number;
  gzip: number;
  kind: 'maplibre' | 'maplibre-worker' | 'own-first-load' | 'own-lazy';
}

export const OWN_FIRST_LOAD_BUDGET_KB = 150;

/** kB as Vite prints them: 1,000 bytes. */
const kb = (bytes: number) => bytes / 1000;

/** Every JS file of dist/assets with its size and where it loads. */
export function jsFiles(dist = 'dist'): JsFile[] {
  const html = readFileSync(join(dist, 'index.html'), 'utf8');
  // <script type="module" src="./assets/index-….js"> and <link rel="modulepreload" href="./assets/….js">
  const firstLoad = new Set(
    [...html.matchAll(/(?:src|href)="\.?\/?assets\/([^"]+\.m?js)"/g)].map((m) => m[1] as string),
  );
  return readdirSync(join(dist, 'assets'))
    .filter((f) => /\.m?js$/.test(f))
    .map((file) => {
      const bytes = readFileSync(join(dist, 'assets', file));
      const kind: JsFile['kind'] = file.startsWith('maplibre-gl-worker')
        ? 'maplibre-worker'
        : file.startsWith('maplibre-')
          ? 'maplibre'
          : firstLoad.has(file)
            ? 'own-first-load'
            : 'own-lazy';
      return { file, raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length, kind };
    })
    .sort((a, b) => a.kind.localeCompare(b.kind) || b.gzip - a.gzip);
}

export function jsSizeRows(files: readonly JsFile[]): BenchRow[] {
  const sum = (kind: JsFile['kind']) => files.filter((f) => f.kind === kind);
  const total = (list: readonly JsFile[]) => kb(list.reduce((s, f) => s + f.gzip, 0));
  const names = (list: readonly JsFile[]) =>
    list.map((f) => `${f.file} ${kb(f.gzip).toFixed(1)} kB (raw ${kb(f.raw).toFixed(0)} kB)`).join(', ');
  const own = sum('own-first-load');
  const lazy = sum('own-lazy');
  return [
    {
      name: 'our JS on the first-load path (gzip)',
      value: total(own),
      unit: 'kB',
      budget: { max: OWN_FIRST_LOAD_BUDGET_KB, of: 'value' },
      note: names(own),
    },
    {
      name: 'our lazy JS: charts, analysis worker, … (gzip)',
      value: total(lazy),
      unit: 'kB',
      note: `loaded when first needed: ${names(lazy)}`,
    },
    {
      name: 'MapLibre chunk (gzip)',
      value: total(sum('maplibre')),
      unit: 'kB',
      note: names(sum('maplibre')),
    },
    {
      name: 'MapLibre worker (gzip)',
      value: total(sum('maplibre-worker')),
      unit: 'kB',
      note: names(sum('maplibre-worker')),
    },
  ];
}
