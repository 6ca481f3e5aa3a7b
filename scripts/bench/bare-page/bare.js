/**
 * The baseline of the page benchmark (scripts/bench/page-load.ts): MapLibre alone, drawing a style that
 * the benchmark wrote from our own style functions (same sources, same layers, the derived data already
 * computed), at the camera and map size our app ended up with. Query: ?style=<style.json>&w=&h=&lon=&lat=&z=.
 * It sets the same three performance marks as src/map/load-marks.ts, by the same rules.
 */
import { Map as MapLibreMap, setWorkerUrl } from './maplibre-gl.mjs';

const params = new URLSearchParams(location.search);
setWorkerUrl(new URL('./maplibre-gl-worker.mjs', import.meta.url).href);

/** Relative URLs in the style are relative to the style file; `{z}` templates keep their braces. */
const resolve = (url, base) => {
  const brace = url.indexOf('{');
  return brace < 0 ? new URL(url, base).href : new URL(url.slice(0, brace), base).href + url.slice(brace);
};

const styleUrl = new URL(params.get('style') ?? '', location.href);
const style = await (await fetch(styleUrl)).json();
for (const source of Object.values(style.sources)) {
  if (source.type === 'geojson' && typeof source.data === 'string')
    source.data = resolve(source.data, styleUrl);
  if (Array.isArray(source.tiles)) source.tiles = source.tiles.map((t) => resolve(t, styleUrl));
}

const container = document.getElementById('map');
container.style.width = `${params.get('w') ?? 1280}px`;
container.style.height = `${params.get('h') ?? 800}px`;
const map = new MapLibreMap({
  container,
  style,
  center: [Number(params.get('lon')), Number(params.get('lat'))],
  zoom: Number(params.get('z')),
  attributionControl: false,
  maxPitch: 0,
  fadeDuration: 150,
});
window.__bareMap = map;

const onRender = () => {
  if (!map.isStyleLoaded()) return;
  map.off('render', onRender);
  performance.mark('gridatlas:map-load', { detail: 'bare' });
};
map.once('style.load', () => {
  performance.mark('gridatlas:style-load', { detail: 'bare' });
  map.on('render', onRender);
});
map.once('idle', () => performance.mark('gridatlas:map-idle', { detail: 'bare' }));
